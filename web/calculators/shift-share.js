// The shift-share calculator: split each industry's job change into the reference area's overall
// growth, the industry's own trend (industry mix) and the region's competitive effect.
import { chartBlock, stackedBars } from "./charts.js";
import { editableGrid } from "./grid.js";
import { button, el, field, modes, select } from "./kit/dom.js";
import { download, readFiles } from "./kit/files.js";
import { compute, errorArea, guard, showError, statusLine } from "./kit/messages.js";
import { store } from "./kit/store.js";
import { checkUploads, tableUpload } from "./kit/uploads.js";
import { resultsTable } from "./table.js";

const LEVELS = [
  ["sector", "NAICS sector"],
  ["3", "3-digit subsector"],
  ["4", "4-digit"],
  ["5", "5-digit"],
  ["6", "6-digit"],
];
const EFFECTS = ["national_effect", "industry_mix_effect", "competitive_effect"];
const CHART_ROWS = 25;
const fresh = () => ({ mode: "qcew", source: "sample", table: null, level: "3" });
const fileInput = (role) => el("input", { type: "file", accept: ".csv,text/csv", multiple: true, data: { role } });
const numberInput = () => el("input", { type: "text", inputmode: "decimal" });

const READ_FAILED = { what: "The files could not be read", next: "Choose them again." };
const CHART_FAILED = { what: "The chart could not be drawn", next: "Try again; the results table lists every value." };

// root: the page's [data-calculator=shift-share]; runtime: the shared engine. Returns cleanup.
export const mount = (root, runtime) => {
  const saved = store("shift-share");
  const savedFiles = store("shift-share-files"); // apart, so a full storage loses only the files
  const state = saved.load() ?? fresh();
  const errors = errorArea();
  const results = resultsTable("Shift-share of employment change by industry");
  const chart = chartBlock(
    "Shift-share effects by industry, largest changes first",
    "Each bar stacks the three effects, which add up to the industry's actual change; " +
      "the results table lists every value.",
  );
  const source = el("p", { class: "calc-source", data: { role: "source" } });
  let files = null; // the last good QCEW input: { files, reference }
  const sampleButton = button("Reset to sample", "load-sample");

  // --- Way in 1: QCEW files ------------------------------------------------------------------
  const counties = field(
    "Region: county files (BLS QCEW CSV)",
    fileInput("upload"),
    "Start levels come from the prior-year figures BLS publishes in each file.",
  );
  const reference = field(
    "Reference area: the national file (US000) for the same year, or county files of a larger area",
    fileInput("upload-reference"),
  );
  const level = field("Industry level", select(LEVELS, state.level));
  const qcewButton = button("Calculate from the files", "calculate-files", { primary: true });
  const qcewPanel = el("div", { class: "calc-panel" }, [counties.field, reference.field, level.field, qcewButton]);

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

  const saveCsv = () => {
    const result = results.current();
    if (result) download(runtime, result, "shift-share", "csv", errors);
  };
  const downloads = el("p", { class: "calc-actions" }, [button("Download CSV", "download-csv", { onClick: saveCsv })]);
  const status = statusLine(runtime, () => restore(), errors);

  root.append(
    el("div", { class: "calc-body" }, [
      status.node,
      el("p", { class: "calc-actions" }, [sampleButton]),
      modes({ qcew: qcewPanel, table: tablePanel }, { qcew: "BLS QCEW files", table: "A table you enter" }, state),
      qcewPanel,
      tablePanel,
      errors,
      source,
      results.node,
      downloads,
      chart.node,
    ]),
  );

  const show = (result, description) => {
    results.show(result);
    const meta = result.meta ?? {};
    source.textContent = meta.label ? `Showing: ${meta.label}. Source: ${meta.source}.` : `Showing: ${description}.`;
    const names = result.columns.map((column) => column.name);
    const label = names.includes("industry_title") ? names.indexOf("industry_title") : names.indexOf("industry");
    const parts = EFFECTS.map((name) => names.indexOf(name));
    const total = names.indexOf("total_change");
    const rows = result.rows
      .filter((row) => parts.every((i) => typeof row[i] === "number"))
      .sort((a, b) => Math.abs(b[total]) - Math.abs(a[total]))
      .slice(0, CHART_ROWS);
    const series = parts.map((i) => ({ label: result.columns[i].label, values: rows.map((row) => row[i]) }));
    guard(errors, CHART_FAILED, () =>
      chart.draw(
        stackedBars(
          rows.map((row) => row[label]),
          series,
          "Jobs",
        ),
        rows.length * 22,
      ),
    );
  };

  const remember = (source) => {
    state.source = source;
    state.level = level.input.value;
    saved.save(state);
  };

  const runSample = async () => {
    const result = await compute(runtime, "sample_region", { as: "shift_share", level: level.input.value }, errors);
    if (!result) return;
    remember("sample");
    show(result);
  };

  const runFiles = async (input) => {
    const args = { files: input.files, level: level.input.value };
    if (input.reference.length === 1) args.nation = input.reference[0];
    else if (input.reference.length > 1) args.reference = input.reference;
    const result = await compute(runtime, "shift_share", args, errors);
    if (!result) return;
    files = input;
    savedFiles.save(input);
    remember("files");
    show(result, "your QCEW files");
  };

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

  // Python checks the chosen files before they are read (size, format); a failure is said on the page.
  qcewButton.addEventListener("click", async () => {
    const region = Array.from(counties.input.files ?? []);
    const area = Array.from(reference.input.files ?? []);
    if (!region.length) {
      showError(errors, { kind: "page", message: "Choose the region's county files first." });
      return;
    }
    if (!area.length) {
      const message = "Choose a reference-area file: the national US000 file, or county files.";
      showError(errors, { kind: "page", message });
      return;
    }
    const checked = await checkUploads(runtime, [...region, ...area], "qcew");
    if (!checked.ok) {
      showError(errors, checked.error);
      return;
    }
    const read = await guard(errors, READ_FAILED, () => Promise.all([readFiles(region), readFiles(area)]));
    if (read) runFiles({ files: read[0], reference: read[1] });
  });
  level.input.addEventListener("change", () => {
    if (state.source === "files" && files) runFiles(files);
    else if (state.source === "sample") runSample();
  });
  tableButton.addEventListener("click", () => runTable());
  sampleButton.addEventListener("click", () => {
    saved.clear();
    savedFiles.clear();
    Object.assign(state, fresh(), { mode: state.mode });
    level.input.value = "3";
    counties.input.value = "";
    reference.input.value = "";
    runSample();
  });

  // What the reader last had: restored on load and after a retry.
  const restore = () => {
    files ??= savedFiles.load();
    if (state.source === "table" && state.table) return runTable(state.table.file ?? null);
    if (state.source === "files" && files) return runFiles(files);
    return runSample();
  };

  restore();
  return () => {
    status.stop();
    chart.clear();
  };
};
