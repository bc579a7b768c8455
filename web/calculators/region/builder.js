// The region builder, a panel at the top of every calculator page: choose counties, get their BLS
// files, add them all at once, compare a span of years; what is kept and "Forget my data". The
// region itself lives in the window's RegionModel, so every calculator uses the same one.
import { button, el, field, select, uniqueId } from "../kit/dom.js";
import { readFiles } from "../kit/files.js";
import { checkUploads } from "../kit/uploads.js";
import { loadStates } from "./atlas.js";
import { dropZone, filesSummary } from "./drop.js";
import { blsLinks } from "./links.js";
import { forgetAndReload, SAMPLE } from "./model.js";
import { countyPicker } from "./picker.js";

const merge = (base, added) => {
  const names = new Set(added.map((file) => file.name));
  return [...base.filter((file) => !names.has(file.name)), ...added];
};

const step = (title, ...children) => el("div", { class: "region-step" }, [el("h3", { text: title }), ...children]);

// root: the page's [data-region-builder]; runtime: the engine; region: the RegionModel.
export const mountRegionBuilder = (root, runtime, region) => {
  const headingId = uniqueId("region-heading");
  const announcer = el("p", { class: "calc-visually-hidden", role: "status" });
  const now = el("p", { class: "region-now", data: { role: "region-now" } });
  const sample = el("div", { class: "region-sample", data: { role: "sample-info" } });
  const summary = filesSummary();
  const storage = el("p", { class: "region-storage", role: "status", data: { role: "storage" } });
  const span = el("div", { class: "region-span", data: { role: "span" } });
  const section = el("section", { class: "region", "aria-labelledby": headingId }, [
    el("h2", { id: headingId, text: "Your region" }),
    now,
    sample,
  ]);
  root.replaceChildren(section, announcer);
  let held = null; // files added but not used yet: { files, added, inspect }
  let stopped = false;
  const stops = [];
  const announce = (text) => {
    announcer.textContent = text;
  };

  const using = () => {
    const { data } = region.current();
    return data ? `your files (${data.inspect.meta.summary})` : "the sample";
  };

  // --- Checking and taking files ------------------------------------------------------------
  const names = (atlas) => Object.fromEntries(region.current().selection.counties.map((f) => [f, atlas.county(f)]));

  const check = async (atlas, files, added) => {
    summary.show({ kind: "reading", count: files.length });
    // The counties count once the reader chose them; the sample's or the last files' do not.
    const { selection } = region.current();
    const chosen = selection.custom ? selection.counties : [];
    let reply;
    try {
      // Python's progress on a long read ("Reading x.csv: 8,000 of 22,985 rows…") replaces the count.
      const onProgress = (report) => !stopped && summary.show({ kind: "reading", count: files.length, report });
      reply = await runtime.call("inspect_region", { files, chosen, names: names(atlas) }, { onProgress });
    } catch (error) {
      reply = { ok: false, error: { message: error.message ?? String(error) } };
    }
    if (stopped) return;
    if (!reply.ok) {
      summary.show({ kind: "failed", message: reply.error.message, using: using() });
      return;
    }
    if (reply.result.meta.ok) {
      held = null;
      await region.useFiles(files, reply.result);
      announce(`Files in use: ${reply.result.meta.summary}.`);
      return;
    }
    held = { files, added, inspect: reply.result };
    const onlyNew = added.length < files.length ? added : null;
    summary.show({
      kind: "held",
      inspect: reply.result,
      using: using(),
      onRemove: (name) => {
        const rest = files.filter((file) => file.name !== name);
        if (rest.length)
          check(
            atlas,
            rest,
            added.filter((file) => file.name !== name),
          );
        else discard();
      },
      onDiscard: discard,
      onlyNew: onlyNew && (() => check(atlas, onlyNew, onlyNew)),
    });
    announce(`These files are not used yet: ${reply.result.meta.problems.length} problems. Nothing was lost.`);
  };

  const discard = () => {
    held = null;
    render(region.current());
    announce(`Files discarded; the calculators still use ${using()}.`);
  };

  const take = (atlas, chosenFiles) => region.whileTaking(() => takeFiles(atlas, chosenFiles));

  const takeFiles = async (atlas, chosenFiles) => {
    // Said at once, before the engine answers: the reader sees the files were taken.
    const count = chosenFiles.length;
    summary.show({
      kind: "reading",
      count,
      report: { message: `Checking ${count} ${count === 1 ? "file" : "files"}…` },
    });
    // Python checks the files before they are read: a refusal names the file and the limit.
    const checked = await checkUploads(runtime, chosenFiles, "qcew");
    if (!checked.ok) {
      summary.show({ kind: "failed", message: checked.error.message, using: using() });
      return;
    }
    summary.show({ kind: "reading", count: chosenFiles.length });
    let added;
    try {
      added = await readFiles(chosenFiles);
    } catch (error) {
      summary.show({ kind: "failed", message: `${error.message ?? error}`, using: using() });
      return;
    }
    const base = held?.files ?? region.current().data?.files ?? [];
    await check(atlas, merge(base, added), added);
  };

  // --- The span of years --------------------------------------------------------------------
  const showSpan = ({ data, span: chosen }) => {
    const years = data ? data.inspect.meta.years : SAMPLE.years;
    if (years.length < 2) {
      span.replaceChildren(
        el("p", {
          class: "calc-hint",
          text: `One year loaded (${years[0]}): growth uses the change over the year that BLS prints in each file. Add earlier years to compare a longer span.`,
        }),
      );
      return;
    }
    const options = years.map((year) => [year, year]);
    const from = field("Compare from", select(options.slice(0, -1), chosen.start));
    const to = field("to", select(options.slice(1), chosen.end));
    from.input.dataset.role = "span-start";
    to.input.dataset.role = "span-end";
    const change = () => {
      // The end must come after the start: move the other one when they cross.
      if (from.input.value >= to.input.value) {
        const later = years.find((year) => year > from.input.value);
        if (later) to.input.value = later;
      }
      region.setSpan(from.input.value, to.input.value);
    };
    from.input.addEventListener("change", change);
    to.input.addEventListener("change", change);
    const fields = el("div", { class: "region-span__fields" }, [from.field, to.field]);
    const note = "The sample's shift-share always compares Delaware County's 2020 with its 2023.";
    span.replaceChildren(fields, ...(data ? [] : [el("p", { class: "calc-hint", text: note })]));
  };

  // --- Drawing ------------------------------------------------------------------------------
  let picker = null;
  let links = null;
  let atlasIndex = null;
  let useSampleButton = null;

  const render = (current) => {
    const { data, selection } = current;
    now.replaceChildren(
      el("strong", { text: "The calculators use: " }),
      data ? `your files, ${data.inspect.meta.summary}.` : "the sample region (below), until you add your own files.",
    );
    sample.hidden = Boolean(data);
    if (useSampleButton) useSampleButton.hidden = !data;
    picker?.show(selection);
    if (atlasIndex) links?.show(atlasIndex, selection.counties, selection.year);
    if (!held) summary.show(data ? { kind: "loaded", inspect: data.inspect } : { kind: "sample" });
    showSpan(current);
  };

  const showSample = (info) => {
    const why = el("a", { href: info.why_region_url, text: "US Census Bureau: metropolitan areas" });
    const source = el("a", { href: info.source_url, text: info.source });
    sample.replaceChildren(
      el("p", {}, [el("strong", { text: `${info.label}.` }), " Source: ", source, "."]),
      el("p", { text: `Vintage: ${info.vintage}.` }),
      el("p", {}, [
        el("strong", { text: "Why a metro area makes a sound region. " }),
        `${info.why_region} (`,
        why,
        ").",
      ]),
    );
  };

  const start = async () => {
    let atlas;
    try {
      [atlas] = await Promise.all([loadStates(), region.ready()]);
    } catch (error) {
      section.append(
        el("p", { class: "calc-error", role: "alert", text: `${error.message}. Reload the page to try again.` }),
      );
      return;
    }
    if (stopped) return;
    atlasIndex = atlas;
    picker = countyPicker({
      atlas,
      announce,
      onChange: (patch) => {
        region.select(patch);
        if (held && patch.counties) check(atlas, held.files, held.added); // a choice may settle a problem
      },
    });
    links = blsLinks({ onYear: (year) => region.select({ year }) });
    const drop = dropZone({ onFiles: (files) => take(atlas, files) });
    const useSample = button("Use the sample instead", "use-sample", {
      onClick: () => {
        held = null;
        region.useSample();
        announce("The calculators use the sample again.");
      },
    });
    const forget = button("Forget my data", "forget", {
      onClick: async () => {
        const problems = await forgetAndReload();
        if (problems.length) storage.textContent = `Not everything could be cleared: ${problems.join("; ")}.`;
      },
    });
    useSampleButton = useSample;
    const privacyId = uniqueId("privacy");
    forget.setAttribute("aria-describedby", privacyId);
    section.append(
      step("1. Choose your counties", picker.node),
      step("2. Download their files from BLS", links.node),
      step("3. Add the files here", drop.node, summary.node, el("p", { class: "calc-actions" }, [useSample]), span),
      el("div", { class: "region-privacy", data: { role: "privacy" } }, [
        el("p", {
          id: privacyId,
          text:
            "What is kept, and where: the counties you choose, the files you add and each calculator's settings " +
            "and tables stay in this browser on this device (its IndexedDB storage for the files, its local storage " +
            "for the rest), so every calculator page uses them and they are still here after a reload. Nothing is " +
            "sent to this site or anyone else. Forget my data erases all of it.",
        }),
        el("p", { class: "calc-actions" }, [forget]),
        storage,
      ]),
    );
    stops.push(
      region.subscribe((current, change) => {
        if (change === "data") held = null; // another region replaced what was waiting here
        render(current);
      }),
      region.onStorage(({ ok, message }) => {
        storage.textContent = message;
        storage.dataset.state = ok ? "ok" : "failed";
      }),
    );
    render(region.current());
    const reply = await region.sampleInfo(runtime).catch(() => null);
    if (reply?.ok && !stopped) showSample(reply.result);
  };

  start();
  return () => {
    stopped = true;
    for (const stop of stops) stop();
  };
};
