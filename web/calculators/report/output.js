// The output side of a calculator: what the result is (a source line and the settings behind it,
// worded by Python's `about`), what suppression does to it (a summary, the sorting rule, a switch
// for fully published rows), the table, its CSV and XLSX downloads (file names carrying the
// settings) and its charts. For the sample, hooks/prerender.py has already written the source
// line, settings, summary and table into the page, with the results as JSON: the panel adopts them.
import { chartBlock } from "../charts.js";
import { el } from "../kit/dom.js";
import { download } from "../kit/files.js";
import { guard, showError } from "../kit/messages.js";
import { partialTest, resultsTable } from "../table.js";

// The about lines the source line and the suppression summary already say.
const SAID_APART = new Set(["Data set", "Source", "Suppression"]);

// Both renderers (this one and hooks/prerender.py) write these parts the same way.
const sourceParts = (meta, description) => {
  const parts = [`Showing: ${meta.label ?? description}.`];
  if (meta.source) {
    const source = meta.source_url ? el("a", { href: meta.source_url, text: meta.source }) : meta.source;
    parts.push(" Source: ", source, ".");
  }
  return parts;
};

const aboutItems = (lines) =>
  lines
    .filter(([label]) => !SAID_APART.has(label))
    .map(([label, value]) => el("div", {}, [el("dt", { text: label }), el("dd", { text: value })]));

const suppressionParts = (meta) => [
  `${meta.suppression_summary} `,
  el("a", { href: "#suppressed-figures", text: "Here is what that means" }),
  ".",
];

// A part folded away under `summary`. Material opens every details element of the page for
// printing; a folded part prints only if the reader opened it (data-reader-open, see results.css).
const foldedPart = (summary, content) => {
  const details = el("details", { class: "calc-folded" }, [el("summary", { text: summary }), content]);
  details.firstChild.addEventListener("click", () => details.toggleAttribute("data-reader-open", !details.open));
  return details;
};

const CHART_FAILED = { what: "The chart could not be drawn", next: "Try again; the results table lists every value." };

// root: the calculator's element; options: { runtime, errors: the widget's error area (where a
// failed chart or download is explained), caption, sort: { name, descending }, formats: ["csv",
// "xlsx"], charts(result, file) -> { name: spec }, role: a data-role for a second panel on the
// page, folded: a summary to fold a long table away under }.
// Returns { node, sample, show, adopt, clear, redraw, current, stop }.
export const outputPanel = (
  root,
  { runtime, errors, caption, sort, formats = ["csv"], charts = () => ({}), role = "output", folded = null },
) => {
  const found = root.querySelector(`[data-role=${role}]`);
  const node = found ?? el("div", { class: "calc-output", data: { role } });
  const part = (name, make) => node.querySelector(`[data-role=${name}]`) ?? make();
  const source = part("source", () => el("p", { class: "calc-source", data: { role: "source" } }));
  const about = part("about", () => el("dl", { class: "calc-about", data: { role: "about" } }));
  const suppression = part("suppression", () => el("p", { class: "calc-suppression", data: { role: "suppression" } }));
  const sortRule = part("sort-rule", () => el("p", { class: "calc-hint", data: { role: "sort-rule" } }));
  const tableRole = role === "output" ? "results" : `${role}-results`;
  const results = resultsTable(caption, node.querySelector(".calc-table-wrap"), tableRole);
  const published = el("input", { type: "checkbox", data: { role: "published-only" } });
  const publishedCount = el("span");
  const switchLabel = el("label", { class: "calc-switch" }, [published, " ", publishedCount]);
  const downloads = el("p", { class: "calc-actions calc-downloads" });
  const chartArea = el("div", { class: "calc-charts" });
  const blocks = new Map();
  let names = { csv: null, xlsx: null };
  let sequence = 0;
  // Whether the table on the page is still the one hooks/prerender.py wrote (nothing drawn over it).
  let pristine = Boolean(found && results.table.tBodies.length);

  const table = folded ? foldedPart(folded, results.node) : results.node;
  // A second panel on the page folds its settings away: the main one states them in full.
  const settings = role === "output" ? about : foldedPart("Data and settings", about);
  node.append(source, settings, suppression, switchLabel, sortRule, table, downloads, chartArea);
  let sample = null;
  if (node.dataset.sample) {
    try {
      sample = JSON.parse(node.dataset.sample);
    } catch {
      sample = null; // a damaged page: the engine computes the sample instead
    }
    delete node.dataset.sample; // 100 kB of text the DOM need not keep
  }

  const save = (format) => async () => {
    const result = results.current();
    if (!result) return;
    const name = (names[format] ?? `start-results.${format}`).replace(/\.(csv|xlsx)$/, "");
    await download(runtime, result, name, format, errors); // a failure is explained in `errors`
  };
  for (const format of formats) {
    downloads.append(
      el("button", {
        type: "button",
        class: "md-button",
        data: { action: `download-${format}` },
        text: `Download ${format.toUpperCase()}`,
        on: { click: save(format) },
      }),
    );
  }

  const stem = () => (names.csv ?? "start-results.csv").replace(/\.csv$/, "");
  const redraw = () => {
    const result = results.current();
    const specs = result ? charts(result, stem()) : {};
    for (const [name, block] of blocks) if (!specs[name]) block.clear();
    for (const [name, spec] of Object.entries(specs)) {
      if (!blocks.has(name)) {
        blocks.set(name, chartBlock(name));
        chartArea.append(blocks.get(name).node);
      }
      if (spec) guard(errors, CHART_FAILED, () => blocks.get(name).show(spec));
    }
  };

  // The settings' file names arrived after the charts were drawn: only their downloads' names change.
  const renameCharts = () => {
    const result = results.current();
    const specs = result ? charts(result, stem()) : {};
    for (const [name, block] of blocks) if (specs[name]) block.rename(specs[name].file);
  };

  const showSuppression = (result) => {
    const meta = result.meta ?? {};
    suppression.hidden = !meta.suppression_summary;
    if (meta.suppression_summary) suppression.replaceChildren(...suppressionParts(meta));
    sortRule.hidden = !meta.sort_rule;
    sortRule.textContent = [meta.sort_rule, meta.band_rule].filter(Boolean).join(" ");
    const partial = partialTest(result.columns);
    const whole = result.rows.filter((row) => !partial(row)).length;
    switchLabel.hidden = whole === result.rows.length;
    published.checked = false;
    publishedCount.textContent = `Show only the ${whole} of ${result.rows.length} rows resting on fully published data`;
  };

  const showAbout = (answer) => {
    names = { csv: answer.csv_name, xlsx: answer.xlsx_name };
    about.replaceChildren(...aboutItems(answer.lines));
    about.hidden = !about.children.length;
    node.dataset.files = [answer.csv_name, answer.xlsx_name].join(" ");
  };

  results.table.addEventListener("click", () => {
    pristine = false; // a sort redraws the table
  });
  published.addEventListener("change", () => {
    pristine = false;
    const partial = partialTest(results.current().columns);
    results.filter(published.checked ? (row) => !partial(row) : null);
  });

  return {
    node,
    sample, // { name: { result, about } } written by hooks/prerender.py, or null
    // A result the engine computed; description says what it is when its meta has no label.
    show: async (result, description = "your data") => {
      const mine = ++sequence;
      names = { csv: null, xlsx: null }; // the last result's names no longer fit
      source.replaceChildren(...sourceParts(result.meta ?? {}, description));
      showSuppression(result);
      results.show(result, sort);
      pristine = false;
      node.dataset.shown = "engine";
      redraw();
      let reply = null;
      try {
        reply = await runtime.call("about", { meta: result.meta ?? {} });
      } catch {
        reply = null; // the engine stopped: the status line says so
      }
      if (mine !== sequence) return;
      if (reply?.ok) {
        showAbout(reply.result);
        renameCharts(); // the charts' file names carry the settings too
      } else {
        about.hidden = true; // never the settings of an earlier result
      }
    },
    // A prerendered view ({ result, about }): while the page still shows it as written, the
    // table is taken over as it is; otherwise it is drawn from the view (no engine needed).
    adopt: (view, description = "the sample") => {
      sequence += 1;
      if (errors) showError(errors, null); // what went wrong before is over: the sample shows
      if (pristine) {
        results.adopt(view.result, sort);
      } else {
        source.replaceChildren(...sourceParts(view.result.meta ?? {}, description));
        results.show(view.result, sort);
      }
      showSuppression(view.result);
      showAbout(view.about);
      node.dataset.shown = "prerendered";
      redraw();
    },
    clear: () => {
      sequence += 1;
      pristine = false;
      results.clear();
      for (const block of blocks.values()) block.clear();
    },
    redraw,
    current: () => results.current(),
    stop: () => {
      for (const block of blocks.values()) block.stop();
    },
  };
};
