// The location quotient calculator: the region chosen in the region builder (the sample by default)
// or a typed table.
import { bars, chartBlock } from "./charts.js";
import { editableGrid } from "./grid.js";
import { button, el, field, modes, select } from "./kit/dom.js";
import { download } from "./kit/files.js";
import { compute, errorArea, guard, statusLine } from "./kit/messages.js";
import { store } from "./kit/store.js";
import { tableUpload } from "./kit/uploads.js";
import { regionNote } from "./region/use.js";
import { resultsTable } from "./table.js";

const LEVELS = [
  ["sector", "NAICS sector"],
  ["3", "3-digit subsector"],
  ["4", "4-digit"],
  ["5", "5-digit"],
  ["6", "6-digit"],
];
const BASES = [
  ["total", "All-industry total, all ownerships (as BLS publishes)"],
  ["private", "Private-sector total (as the older BLS calculator)"],
];
const fresh = () => ({ mode: "qcew", base: "total", level: "3", table: null });
const numberInput = (role) => el("input", { type: "text", inputmode: "decimal", data: { role } });

const CHART_FAILED = { what: "The chart could not be drawn", next: "Try again; the results table lists every value." };

// root: the page's [data-calculator=location-quotient]; runtime: the shared engine; region: the
// region all calculators share (region/model.js). Returns cleanup.
export const mount = (root, runtime, region) => {
  const saved = store("location-quotient");
  const state = saved.load() ?? fresh();
  const errors = errorArea();
  const results = resultsTable("Location quotients by industry");
  const chart = chartBlock(
    "Location quotient by industry, highest first",
    "The dashed line at 1.0 marks the nation's concentration; the results table lists every value.",
  );
  const source = el("p", { class: "calc-source", data: { role: "source" } });

  // --- Settings shared by both ways in -------------------------------------------------------
  const base = field("Divide by", select(BASES, state.base));
  const level = field("Industry level", select(LEVELS, state.level));

  // --- Way in 1: the region chosen at the top of the page ------------------------------------
  const used = regionNote(region);
  const sampleButton = button("Reset to sample", "load-sample");
  const qcewPanel = el("div", { class: "calc-panel", data: { panel: "qcew" } }, [used.node, base.field, level.field]);

  // --- Way in 2: a typed or pasted table -----------------------------------------------------
  const grid = editableGrid({
    caption: "Employment by industry",
    columns: [
      { name: "industry", label: "Industry" },
      { name: "region_employment", label: "Region employment", numeric: true },
      { name: "nation_employment", label: "Nation employment", numeric: true },
    ],
    rows: state.table?.rows ?? [],
    runtime,
  });
  const regionTotal = field("Region total employment", numberInput("region-total"));
  const nationTotal = field("Nation total employment", numberInput("nation-total"));
  regionTotal.input.value = state.table?.region_total ?? "";
  nationTotal.input.value = state.table?.nation_total ?? "";
  const calculate = button("Calculate", "calculate", { primary: true });
  const example =
    "Type or paste one row per industry (copy cells from a spreadsheet and paste them into the first cell). " +
    "For example, an industry with 1,714 of the region's 79,006 jobs and 879,213 of the nation's 15,593,224 " +
    "has a location quotient of 0.38.";
  const tablePanel = el("div", { class: "calc-panel", data: { panel: "table" } }, [
    el("p", { text: example }),
    grid.node,
    regionTotal.field,
    nationTotal.field,
    calculate,
  ]);

  const saveCsv = () => {
    const result = results.current();
    if (result) download(runtime, result, "location-quotients", "csv", errors);
  };
  const downloads = el("p", { class: "calc-actions" }, [button("Download CSV", "download-csv", { onClick: saveCsv })]);
  const status = statusLine(runtime, () => rerun(), errors);
  root.append(
    el("div", { class: "calc-body" }, [
      status.node,
      el("p", { class: "calc-actions" }, [sampleButton]),
      modes({ qcew: qcewPanel, table: tablePanel }, { qcew: "Your region", table: "A table you enter" }, state),
      qcewPanel,
      tablePanel,
      errors,
      source,
      results.node,
      downloads,
      chart.node,
    ]),
  );

  // --- Computing -----------------------------------------------------------------------------
  const show = (result) => {
    results.show(result);
    const meta = result.meta ?? {};
    const yours = meta.files ? `QCEW files (${meta.files.join(", ")})` : "table";
    source.textContent = meta.label ? `Showing: ${meta.label}. Source: ${meta.source}.` : `Showing: your ${yours}.`;
    const names = result.columns.map((column) => column.name);
    const lq = names.indexOf("lq");
    const label = names.includes("industry_title") ? names.indexOf("industry_title") : names.indexOf("industry");
    const rows = result.rows.filter((row) => typeof row[lq] === "number").sort((a, b) => b[lq] - a[lq]);
    guard(errors, CHART_FAILED, () =>
      chart.draw(
        bars(
          rows.map((row) => row[label]),
          rows.map((row) => row[lq]),
          { label: "Location quotient", axis: "Location quotient (1.0 = nation)", line: 1, lineLabel: "1.0" },
        ),
        rows.length * 18,
      ),
    );
  };

  const remember = (source) => {
    state.source = source;
    saved.save(state);
  };

  const runSample = async () => {
    const args = { as: "lq", base: base.input.value, level: level.input.value };
    const result = await compute(runtime, "sample_region", args, errors);
    if (!result) return;
    remember("sample");
    show(result);
  };

  // The region's files (national files among them); the LQs of the span's last year.
  const runFiles = async ({ data, span }) => {
    const args = { files: data.files, year: span.end, base: base.input.value, level: level.input.value };
    const result = await compute(runtime, "lq_qcew", args, errors);
    if (!result) return; // the error is shown; the previous table stays
    remember("files");
    show(result);
  };

  // The grid's rows, or an uploaded table file ({ base64, name }: Python reads its bytes).
  const runTable = async (file = null) => {
    const rows = grid.rows().map(([industry, regionEmployment, nationEmployment]) => ({
      industry,
      region_employment: regionEmployment,
      nation_employment: nationEmployment,
    }));
    const args = {
      ...(file ?? { rows, name: "the table" }),
      region_total: regionTotal.input.value,
      nation_total: nationTotal.input.value,
    };
    const result = await compute(runtime, "lq_table", args, errors);
    if (!result) return;
    const totals = { region_total: regionTotal.input.value, nation_total: nationTotal.input.value };
    state.table = { rows: grid.rows(), file, ...totals };
    remember("table");
    show(result);
  };
  const tableFile = tableUpload({
    runtime,
    errors,
    label: "Or upload the table, CSV or Excel XLSX (columns industry, region_employment, nation_employment)",
    onTable: runTable,
  });
  grid.node.after(tableFile.field);

  // What the reader last had: on load, after a retry, and when a setting changes.
  const rerun = () => {
    state.base = base.input.value;
    state.level = level.input.value;
    if (state.mode === "table" && state.source === "table") return runTable(state.table?.file ?? null);
    if (!region.isSample()) return runFiles(region.current());
    return runSample();
  };

  // New files or another span in the region builder: back to the region, recalculated.
  const stopRegion = region.subscribe((_, change) => {
    if (change === "data" && state.mode !== "qcew") root.querySelector("input[type=radio][value=qcew]")?.click();
    if (change !== "selection" && state.mode === "qcew") rerun();
  });
  base.input.addEventListener("change", rerun);
  level.input.addEventListener("change", rerun);
  calculate.addEventListener("click", () => runTable());
  sampleButton.addEventListener("click", () => {
    Object.assign(state, fresh(), { mode: state.mode });
    base.input.value = "total";
    level.input.value = "3";
    saved.clear();
    if (region.isSample()) runSample();
    else region.useSample(); // the region is shared: every calculator goes back to the sample
  });

  region.ready().then(rerun);
  return () => {
    stopRegion();
    used.stop();
    status.stop();
    chart.clear();
  };
};
