// The location quotient calculator: the region chosen in the region builder (the sample by default)
// or a typed table; LQs of employment, establishments or total wages, and with several years the
// LQs of the span's start and end year side by side.
import { editableGrid } from "./grid.js";
import { button, el, field, modes, select } from "./kit/dom.js";
import { compute, errorArea, statusLine } from "./kit/messages.js";
import { store } from "./kit/store.js";
import { tableUpload } from "./kit/uploads.js";
import { regionNote } from "./region/use.js";
import { outputPanel } from "./report/output.js";
import { lqBars } from "./report/specs.js";
import { lqChangeChart } from "./report/years-specs.js";

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
const MEASURES = [
  ["employment", "Employment"],
  ["establishments", "Establishments"],
  ["wages", "Total wages"],
];
const fresh = () => ({ mode: "qcew", base: "total", level: "3", measure: "employment", table: null });
// The settings hooks/prerender.py computed the sample with: the page already shows that result.
const prerendered = (state, region) =>
  state.base === "total" &&
  state.level === "3" &&
  (state.measure ?? "employment") === "employment" &&
  region.isPrerendered();
const numberInput = (role) => el("input", { type: "text", inputmode: "decimal", data: { role } });

// root: the page's [data-calculator=location-quotient]; runtime: the shared engine; region: the
// region all calculators share (region/model.js). Returns cleanup.
export const mount = (root, runtime, region) => {
  const saved = store("location-quotient");
  const state = saved.load() ?? fresh();
  const errors = errorArea();
  const output = outputPanel(root, {
    runtime,
    errors,
    caption: "Location quotients by industry",
    sort: { name: "lq", descending: true },
    formats: ["csv", "xlsx"],
    charts: lqBars,
  });
  const changeErrors = errorArea();
  changeErrors.dataset.role = "years-error"; // apart from the main error area
  const change = outputPanel(root, {
    runtime,
    errors: changeErrors,
    caption: "Location quotients at the start and end of the span",
    formats: ["csv", "xlsx"],
    folded: "Every industry's location quotient in both years (table)",
    charts: lqChangeChart,
    role: "lq-change",
  });

  // --- Settings shared by both ways in -------------------------------------------------------
  const base = field("Divide by", select(BASES, state.base));
  const level = field("Industry level", select(LEVELS, state.level));
  const measure = field(
    "Measure",
    select(MEASURES, state.measure ?? "employment"),
    "BLS publishes location quotients of all three in its QCEW files; each uses the same base and suppression rules.",
  );
  measure.input.dataset.role = "measure";

  // --- Way in 1: the region chosen at the top of the page ------------------------------------
  const used = regionNote(region);
  const sampleButton = button("Reset to sample", "load-sample");
  const qcewPanel = el("div", { class: "calc-panel", data: { panel: "qcew" } }, [
    used.node,
    measure.field,
    base.field,
    level.field,
  ]);

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

  const status = statusLine(runtime, () => rerun(), errors);
  const years = el("section", { class: "calc-years", data: { role: "years" } }, [
    el("h2", { text: "Several years: start and end side by side" }),
    el("p", {
      text:
        "With files of two or more years, the location quotients of the first and last year of the span " +
        "chosen under Your region, and the industries whose location quotient crossed 1.0: emerging (up) " +
        "or fading (down).",
    }),
    changeErrors,
    change.node,
  ]);
  root.append(
    el("div", { class: "calc-body" }, [
      status.node,
      el("p", { class: "calc-actions" }, [sampleButton]),
      modes({ qcew: qcewPanel, table: tablePanel }, { qcew: "Your region", table: "A table you enter" }, state),
      qcewPanel,
      tablePanel,
      errors,
      output.node,
      years,
    ]),
  );

  // --- Computing -----------------------------------------------------------------------------
  const show = (result) => {
    const yours = result.meta?.files ? `your QCEW files (${result.meta.files.join(", ")})` : "your table";
    output.show(result, yours);
  };

  const settings = () => ({ base: base.input.value, level: level.input.value, measure: measure.input.value });

  const hideChange = () => {
    change.clear();
    years.hidden = true;
  };

  // The span's start and end year side by side, for the sample or the region's files of several years.
  const runChange = async () => {
    const { data, span } = region.current();
    if (data && (data.inspect.meta.years.length < 2 || span.start === span.end)) return hideChange();
    years.hidden = false;
    const view = output.sample?.lq_change;
    if (!data && view && prerendered(state, region)) return change.adopt(view);
    const args = data
      ? { files: data.files, start_year: span.start, end_year: span.end, ...settings() }
      : { as: "lq_change", ...region.spanArgs(), ...settings() };
    const result = await compute(runtime, data ? "lq_change" : "sample_region", args, changeErrors);
    if (result) change.show(result, data ? "your region" : "the sample");
  };

  const remember = (source) => {
    state.source = source;
    saved.save(state);
  };

  const runSample = async () => {
    remember("sample");
    if (output.sample?.main && prerendered(state, region)) {
      output.adopt(output.sample.main);
    } else {
      // The LQs of the span's last year (the sample's 2023 unless the reader chose an earlier end).
      const { end } = region.current().span;
      const args = { as: "lq", years: [end], year: end, ...settings() };
      const result = await compute(runtime, "sample_region", args, errors);
      if (!result) return;
      show(result);
    }
    runChange();
  };

  // The region's files (national files among them); the LQs of the span's last year.
  const runFiles = async ({ data, span }) => {
    const args = { files: data.files, year: span.end, ...settings() };
    const result = await compute(runtime, "lq_qcew", args, errors);
    if (!result) return; // the error is shown; the previous table stays
    remember("files");
    show(result);
    runChange();
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
    hideChange(); // a table has one year
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
    state.measure = measure.input.value;
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
  measure.input.addEventListener("change", rerun);
  calculate.addEventListener("click", () => runTable());
  sampleButton.addEventListener("click", () => {
    Object.assign(state, fresh(), { mode: state.mode });
    base.input.value = "total";
    level.input.value = "3";
    measure.input.value = "employment";
    saved.clear();
    if (region.isSample()) runSample();
    else region.useSample(); // the region is shared: every calculator goes back to the sample
  });

  region.ready().then(rerun);
  return () => {
    stopRegion();
    used.stop();
    status.stop();
    output.stop();
    change.stop();
  };
};
