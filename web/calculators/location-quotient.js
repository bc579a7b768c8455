// The location quotient calculator: BLS QCEW county files (the sample by default) or a typed table;
// LQs of employment, establishments or total wages, and with several years the LQs of the start and
// end year side by side.
import { editableGrid } from "./grid.js";
import { button, el, field, modes, select } from "./kit/dom.js";
import { readFiles } from "./kit/files.js";
import { compute, errorArea, statusLine } from "./kit/messages.js";
import { store } from "./kit/store.js";
import { outputPanel } from "./report/output.js";
import { spanPicker } from "./report/span.js";
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
const fresh = () => ({ mode: "qcew", base: "total", level: "3", measure: "employment", span: {}, table: null });
// The settings hooks/prerender.py computed the sample with: the page already shows that result.
const prerendered = (state) =>
  state.base === "total" && state.level === "3" && (state.measure ?? "employment") === "employment";
const numberInput = (role) => el("input", { type: "text", inputmode: "decimal", data: { role } });

// root: the page's [data-calculator=location-quotient]; runtime: the shared engine. Returns cleanup.
export const mount = (root, runtime) => {
  const saved = store("location-quotient");
  const region = store("region"); // shared with the ranking and shift-share pages
  const state = saved.load() ?? fresh();
  const errors = errorArea();
  const output = outputPanel(root, {
    runtime,
    caption: "Location quotients by industry",
    sort: { name: "lq", descending: true },
    formats: ["csv", "xlsx"],
    charts: lqBars,
  });
  const change = outputPanel(root, {
    runtime,
    caption: "Location quotients at the start and end of the span",
    formats: ["csv", "xlsx"],
    folded: "Every industry's location quotient in both years (table)",
    charts: lqChangeChart,
    role: "lq-change",
  });
  const changeErrors = errorArea();
  changeErrors.dataset.role = "years-error"; // apart from the main error area

  // --- Settings shared by both ways in -------------------------------------------------------
  const base = field("Divide by", select(BASES, state.base));
  const level = field("Industry level", select(LEVELS, state.level));
  const measure = field(
    "Measure",
    select(MEASURES, state.measure ?? "employment"),
    "BLS publishes location quotients of all three in its QCEW files; each uses the same base and suppression rules.",
  );
  measure.input.dataset.role = "measure";

  // --- Way in 1: QCEW files ------------------------------------------------------------------
  const counties = field(
    "County files (BLS QCEW CSV, one or more)",
    el("input", { type: "file", accept: ".csv,text/csv", multiple: true, data: { role: "upload" } }),
    "Files are read in this browser only.",
  );
  const nation = field(
    "National file (US000, same year; optional)",
    el("input", { type: "file", accept: ".csv,text/csv", data: { role: "upload-nation" } }),
    "Without it, national shares are inferred from the counties' published location quotients.",
  );
  const sampleButton = button("Reset to sample", "load-sample");
  const qcewPanel = el("div", { class: "calc-panel", data: { panel: "qcew" } }, [
    counties.field,
    nation.field,
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

  const status = statusLine(runtime, () => rerun());
  const span = spanPicker((chosen) => {
    state.span = chosen;
    saved.save(state);
    runChange();
  });
  const years = el("section", { class: "calc-years", data: { role: "years" } }, [
    el("h2", { text: "Several years: start and end side by side" }),
    el("p", {
      text:
        "With files of two or more years, the location quotients of the first and last year of the span, " +
        "and the industries whose location quotient crossed 1.0: emerging (up) or fading (down).",
    }),
    span.node,
    changeErrors,
    change.node,
  ]);
  root.append(
    el("div", { class: "calc-body" }, [
      status.node,
      el("p", { class: "calc-actions" }, [sampleButton]),
      modes({ qcew: qcewPanel, table: tablePanel }, { qcew: "BLS QCEW files", table: "A table you enter" }, state),
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

  // The start and end year side by side, for the sample or the reader's files of several years.
  const showChange = (result) => {
    span.set(result.meta?.years_loaded ?? result.meta?.years ?? [], state.span);
    years.hidden = false;
    change.show(result, "your QCEW files");
  };

  // loaded: the years the main result's files hold (one year leaves nothing to compare).
  const runChange = async (loaded = null) => {
    const shared = region.load();
    const chosen = { start_year: state.span?.start || undefined, end_year: state.span?.end || undefined };
    if ((state.mode === "table" && state.source === "table") || (loaded && loaded.length < 2)) {
      change.clear();
      years.hidden = true;
      return;
    }
    const sample = !(state.source === "files" && shared);
    const view = output.sample?.lq_change;
    if (sample && view && prerendered(state) && !chosen.start_year && !chosen.end_year) {
      span.set(view.result.meta.years_loaded, state.span);
      years.hidden = false;
      change.adopt(view);
      return;
    }
    const args = sample
      ? { as: "lq_change", years: output.sample?.lq_change?.result.meta.years_loaded, ...settings(), ...chosen }
      : { files: shared.files, nation: shared.nation || undefined, ...settings(), ...chosen };
    const result = await compute(runtime, sample ? "sample_region" : "lq_change", args, changeErrors);
    if (result) showChange(result);
  };

  const remember = (source) => {
    state.source = source;
    saved.save(state);
  };

  const runSample = async () => {
    remember("sample");
    if (output.sample?.main && prerendered(state)) {
      output.adopt(output.sample.main);
    } else {
      const result = await compute(runtime, "sample_region", { as: "lq", ...settings() }, errors);
      if (!result) return;
      output.show(result);
    }
    runChange();
  };

  const runFiles = async (files, nationFile) => {
    const args = { files, nation: nationFile || undefined, ...settings() };
    const result = await compute(runtime, "lq_qcew", args, errors);
    if (!result) return; // the error is shown; the previous table stays
    remember("files");
    region.save({ files, nation: nationFile || null });
    show(result);
    runChange(result.meta?.years_loaded ?? []);
  };

  const runTable = async () => {
    const rows = grid.rows().map(([industry, regionEmployment, nationEmployment]) => ({
      industry,
      region_employment: regionEmployment,
      nation_employment: nationEmployment,
    }));
    const args = {
      rows,
      region_total: regionTotal.input.value,
      nation_total: nationTotal.input.value,
      name: "the table",
    };
    const result = await compute(runtime, "lq_table", args, errors);
    if (!result) return;
    state.table = { rows: grid.rows(), region_total: regionTotal.input.value, nation_total: nationTotal.input.value };
    remember("table");
    show(result);
    years.hidden = true;
  };

  // What the reader last had: on load, after a retry, and when a setting changes.
  const rerun = () => {
    state.base = base.input.value;
    state.level = level.input.value;
    state.measure = measure.input.value;
    const shared = region.load();
    if (state.mode === "table" && state.source === "table") return runTable();
    if (state.source === "files" && shared) return runFiles(shared.files, shared.nation);
    return runSample();
  };

  counties.input.addEventListener("change", async () => {
    const [files, nationFiles] = await Promise.all([readFiles(counties.input.files), readFiles(nation.input.files)]);
    runFiles(files, nationFiles[0]);
  });
  nation.input.addEventListener("change", async () => {
    const shared = region.load();
    const [nationFile] = await readFiles(nation.input.files);
    if (shared) runFiles(shared.files, nationFile);
  });
  base.input.addEventListener("change", rerun);
  level.input.addEventListener("change", rerun);
  measure.input.addEventListener("change", rerun);
  calculate.addEventListener("click", runTable);
  sampleButton.addEventListener("click", () => {
    Object.assign(state, fresh(), { mode: state.mode });
    base.input.value = "total";
    level.input.value = "3";
    measure.input.value = "employment";
    saved.clear();
    region.clear();
    counties.input.value = "";
    nation.input.value = "";
    runSample();
  });

  rerun();
  return () => {
    status.stop();
    output.stop();
    change.stop();
  };
};
