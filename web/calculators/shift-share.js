// The shift-share calculator: split each industry's job change into the reference area's overall
// growth, the industry's own trend (industry mix) and the region's competitive effect, three ways:
// classic, Esteban-Marquillas (adds the allocation effect) and dynamic (year by year, summed).
import { editableGrid } from "./grid.js";
import { button, el, field, modes, select } from "./kit/dom.js";
import { readFiles } from "./kit/files.js";
import { compute, errorArea, guard, showError, statusLine } from "./kit/messages.js";
import { loadFiles, saveFiles, store } from "./kit/store.js";
import { checkUploads, tableUpload } from "./kit/uploads.js";
import { regionNote } from "./region/use.js";
import { outputPanel } from "./report/output.js";
import { shiftBars } from "./report/specs.js";

const LEVELS = [
  ["sector", "NAICS sector"],
  ["3", "3-digit subsector"],
  ["4", "4-digit"],
  ["5", "5-digit"],
  ["6", "6-digit"],
];
const METHODS = [
  ["classic", "Classic: national growth, industry mix, competitive"],
  ["esteban-marquillas", "Esteban-Marquillas: adds the allocation effect"],
  ["dynamic", "Dynamic: the classic split year by year, summed (several years)"],
];
// NAICS sectors by default, as the sample: at finer levels suppression leaves many industries without a
// figure in some county of a reference area.
const fresh = () => ({
  mode: "qcew",
  source: "sample",
  table: null,
  level: "sector",
  method: "classic",
  reference: null,
});
// The settings hooks/prerender.py computed the sample with: the page already shows that result.
const prerendered = (state) => state.level === "sector" && (state.method ?? "classic") === "classic";
const fileInput = (role) => el("input", { type: "file", accept: ".csv,text/csv", multiple: true, data: { role } });
const REFERENCE_KEY = "shift-share-reference";
const numberInput = () => el("input", { type: "text", inputmode: "decimal" });

const READ_FAILED = { what: "The files could not be read", next: "Choose them again." };

// root: the page's [data-calculator=shift-share]; runtime: the shared engine; region: the region all
// calculators share (region/model.js). Returns cleanup.
export const mount = (root, runtime, region) => {
  const saved = store("shift-share");
  const state = saved.load() ?? fresh();
  const errors = errorArea();
  const output = outputPanel(root, {
    runtime,
    errors,
    caption: "Shift-share of employment change by industry",
    formats: ["csv", "xlsx"],
    charts: shiftBars,
  });
  let referenceFiles = []; // a larger area's county files, the reference instead of the nation
  const sampleButton = button("Reset to sample", "load-sample");

  // --- Way in 1: the region chosen at the top of the page ------------------------------------
  const used = regionNote(region);
  const reference = field(
    "Reference area (optional): county files of a larger area, such as the state's or the metro area's",
    fileInput("upload-reference"),
    "Without them, the national files (US000) among your region's files are the reference: one for each year " +
      "compared. Start levels come from the prior-year figures BLS publishes in each file.",
  );
  const referenceNote = el("p", { class: "calc-hint", data: { role: "reference-files" } });
  const clearReference = button("Use the nation instead", "clear-reference");
  const level = field("Industry level", select(LEVELS, state.level));
  const method = field(
    "Method",
    select(METHODS, state.method ?? "classic"),
    "The dynamic split needs files of several years; the parts of every method add up to the change.",
  );
  method.input.dataset.role = "method";
  const qcewPanel = el("div", { class: "calc-panel" }, [
    used.node,
    reference.field,
    referenceNote,
    clearReference,
    level.field,
    method.field,
  ]);

  // --- Way in 2: a table ---------------------------------------------------------------------
  const grid = editableGrid({
    caption: "Employment at the start and end, region and reference area",
    columns: [
      { name: "industry", label: "Industry" },
      { name: "region_start", label: "Region start", numeric: true },
      { name: "region_end", label: "Region end", numeric: true },
      { name: "nation_start", label: "Nation start", numeric: true },
      { name: "nation_end", label: "Nation end", numeric: true },
    ],
    rows: state.table?.rows ?? [],
    runtime,
  });
  const totalStart = field("Nation total employment at the start", numberInput());
  const totalEnd = field("Nation total employment at the end", numberInput());
  totalStart.input.value = state.table?.start ?? "";
  totalEnd.input.value = state.table?.end ?? "";
  const tableButton = button("Calculate", "calculate", { primary: true });
  const tablePanel = el("div", { class: "calc-panel" }, [grid.node, totalStart.field, totalEnd.field, tableButton]);

  const status = statusLine(runtime, () => restore(), errors);

  root.append(
    el("div", { class: "calc-body" }, [
      status.node,
      el("p", { class: "calc-actions" }, [sampleButton]),
      modes({ qcew: qcewPanel, table: tablePanel }, { qcew: "BLS QCEW files", table: "A table you enter" }, state),
      qcewPanel,
      tablePanel,
      errors,
      output.node,
    ]),
  );

  const show = (result, description) => output.show(result, description);

  const remember = (source) => {
    state.source = source;
    state.level = level.input.value;
    state.method = method.input.value;
    saved.save(state);
  };

  const runSample = async () => {
    state.level = level.input.value;
    state.method = method.input.value;
    if (output.sample?.main && prerendered(state)) {
      remember("sample");
      output.adopt(output.sample.main);
      return;
    }
    const args = { as: "shift_share", level: level.input.value, method: method.input.value };
    const result = await compute(runtime, "sample_region", args, errors);
    if (!result) return;
    remember("sample");
    show(result);
  };

  const showReference = () => {
    referenceNote.textContent = referenceFiles.length
      ? `Reference area: ${referenceFiles.map((file) => file.name).join(", ")}.`
      : "Reference area: the nation.";
    clearReference.hidden = !referenceFiles.length;
  };

  // The region's files of the span (national files among them), against the nation or a larger area.
  const runFiles = async (reference = referenceFiles) => {
    const args = { files: region.filesInSpan(), level: level.input.value, method: method.input.value };
    if (reference.length) args.reference = reference;
    const result = await compute(runtime, "shift_share", args, errors);
    if (!result) return false;
    remember("files");
    show(result, "your region");
    return true;
  };

  const runRegion = () => (region.isSample() && !referenceFiles.length ? runSample() : runFiles());

  // The grid's rows, or an uploaded table file ({ base64, name }: Python reads its bytes).
  const runTable = async (file = null) => {
    const rows = grid.rows().map(([industry, regionStart, regionEnd, nationStart, nationEnd]) => ({
      industry,
      region_start: regionStart,
      region_end: regionEnd,
      nation_start: nationStart,
      nation_end: nationEnd,
    }));
    const args = {
      ...(file ?? { rows, name: "the table" }),
      nation_total_start: totalStart.input.value,
      nation_total_end: totalEnd.input.value,
    };
    const result = await compute(runtime, "shift_share", args, errors);
    if (!result) return;
    state.table = { rows: grid.rows(), file, start: totalStart.input.value, end: totalEnd.input.value };
    remember("table");
    show(result, file ? file.name : "your table");
  };
  const tableFile = tableUpload({
    runtime,
    errors,
    label:
      "Or upload the table, CSV or Excel XLSX (columns industry, region_start, region_end, nation_start, nation_end)",
    onTable: runTable,
  });
  grid.node.after(tableFile.field);

  // New reference files replace the old ones only once a calculation with them succeeds.
  // Python checks them before they are read (size, format); a refusal or a failed read is said on the page.
  reference.input.addEventListener("change", async () => {
    const picked = Array.from(reference.input.files ?? []);
    reference.input.value = "";
    if (!picked.length) return;
    const checked = await checkUploads(runtime, picked, "qcew");
    if (!checked.ok) {
      showError(errors, checked.error);
      return;
    }
    const chosen = await guard(errors, READ_FAILED, () => readFiles(picked));
    if (!chosen) return;
    if (region.isSample()) {
      const message = "Add your region's files under Your region first: the sample has its own reference area.";
      showError(errors, { kind: "page", message });
      return;
    }
    if (!(await runFiles(chosen))) return;
    referenceFiles = chosen;
    showReference();
    const generation = `${Date.now()}`;
    if (await saveFiles(generation, chosen, REFERENCE_KEY)) state.reference = generation;
    saved.save(state);
  });
  clearReference.addEventListener("click", () => {
    referenceFiles = [];
    state.reference = null;
    saved.save(state);
    showReference();
    runRegion();
  });
  for (const setting of [level.input, method.input]) {
    setting.addEventListener("change", () => {
      if (state.source !== "table") runRegion();
    });
  }
  tableButton.addEventListener("click", () => runTable());
  sampleButton.addEventListener("click", () => {
    saved.clear();
    Object.assign(state, fresh(), { mode: state.mode });
    level.input.value = "sector";
    method.input.value = "classic";
    referenceFiles = [];
    showReference();
    if (region.isSample()) runSample();
    else region.useSample(); // the region is shared: every calculator goes back to the sample
  });
  // New files or another span in the region builder: back to the region, recalculated.
  const stopRegion = region.subscribe((_, change) => {
    if (change === "data" && state.mode !== "qcew") root.querySelector("input[type=radio][value=qcew]")?.click();
    if (change !== "selection" && state.mode === "qcew") runRegion();
  });

  // What the reader last had: restored on load and after a retry.
  const restore = async () => {
    if (state.reference && !referenceFiles.length)
      referenceFiles = (await loadFiles(state.reference, REFERENCE_KEY)) ?? [];
    showReference();
    if (state.source === "table" && state.table) return runTable(state.table.file ?? null);
    return runRegion();
  };

  region.ready().then(restore);
  return () => {
    stopRegion();
    used.stop();
    status.stop();
    output.stop();
  };
};
