// The growth calculator: one start/end pair, a table of industries (typed, pasted or uploaded), or
// the industries of the region chosen in the region builder (the sample by default) over its span,
// with the trend of chosen industries by year.
import { editableGrid } from "./grid.js";
import { button, el, field } from "./kit/dom.js";
import { compute, errorArea, statusLine } from "./kit/messages.js";
import { store } from "./kit/store.js";
import { tableUpload } from "./kit/uploads.js";
import { regionNote } from "./region/use.js";
import { outputPanel } from "./report/output.js";
import { growthBars } from "./report/specs.js";
import { trendView } from "./report/trend.js";

const fresh = () => ({
  source: "sample",
  single: { start: "50", end: "100", years: "3" },
  table: null,
  min_size: "250",
});
// The settings hooks/prerender.py computed the sample with: the page already shows that result.
const prerendered = (state, region) => state.min_size === "250" && region.isPrerendered();
const numberInput = (role) => el("input", { type: "text", inputmode: "decimal", data: { role } });

// root: the page's [data-calculator=growth]; runtime: the shared engine; region: the region all
// calculators share (region/model.js). Returns cleanup.
export const mount = (root, runtime, region) => {
  const saved = store("growth");
  const state = saved.load() ?? fresh();
  const errors = errorArea();
  const output = outputPanel(root, {
    runtime,
    errors,
    caption: "Employment growth",
    formats: ["csv", "xlsx"],
    charts: growthBars,
  });
  const trend = trendView(root, runtime, errors);

  // --- One industry --------------------------------------------------------------------------
  const start = field("Employment at the start", numberInput("start"));
  const end = field("Employment at the end", numberInput("end"));
  const years = field("Years between them", numberInput("years"), "Used for the annual (compound) growth rate.");
  start.input.value = state.single.start;
  end.input.value = state.single.end;
  years.input.value = state.single.years;
  const single = button("Calculate", "calculate-single", { primary: true });

  // --- A table -------------------------------------------------------------------------------
  const grid = editableGrid({
    caption: "Employment by industry at the start and end",
    columns: [
      { name: "industry", label: "Industry" },
      { name: "start", label: "Start", numeric: true },
      { name: "end", label: "End", numeric: true },
      { name: "years", label: "Years", numeric: true },
    ],
    rows: state.table?.rows ?? [],
    runtime,
  });
  const upload = tableUpload({
    runtime,
    errors,
    label: "Or upload a table, CSV or Excel XLSX (columns industry, start, end and optionally years)",
    role: "upload",
    onTable: ({ base64, name }) => runTable({ base64, name }, name),
  });
  const tableButton = button("Calculate the table", "calculate", { primary: true });
  const minSize = field(
    "Flag industries with fewer workers than",
    numberInput("min-size"),
    "An industry below this size at both the start and the end is flagged: " +
      "growth from a very small base looks huge (50 to 100 workers is +100%).",
  );
  minSize.input.value = state.min_size;
  const sampleButton = button("Reset to sample", "load-sample");
  const regionButton = button("Use my region", "use-region");
  const used = regionNote(region);
  const status = statusLine(runtime, () => restore(), errors);

  root.append(
    el("div", { class: "calc-body" }, [
      status.node,
      el("h2", { text: "One industry" }),
      start.field,
      end.field,
      years.field,
      single,
      el("h2", { text: "A table of industries" }),
      used.node,
      el("p", { class: "calc-actions" }, [regionButton, sampleButton]),
      grid.node,
      upload.field,
      minSize.field,
      tableButton,
      errors,
      output.node,
      trend.node,
    ]),
  );

  const show = (result, label) => {
    const meta = result.meta ?? {};
    const span = meta.start_year && meta.end_year ? `, growth ${meta.start_year} to ${meta.end_year}` : "";
    output.show(result, `${label}${span}`);
  };

  const remember = (source) => {
    state.source = source;
    state.min_size = minSize.input.value;
    saved.save(state);
  };

  const minimum = () => minSize.input.value || undefined;

  const runSingle = async () => {
    const args = { start: start.input.value, end: end.input.value, years: years.input.value, min_size: minimum() };
    const result = await compute(runtime, "growth", args, errors);
    if (!result) return;
    state.single = { start: start.input.value, end: end.input.value, years: years.input.value };
    remember("single");
    show(result, "one industry");
    trend.hide(); // the trend is the region's, not this pair's
  };

  const runTable = async (args, label) => {
    const result = await compute(runtime, "growth_table", { ...args, min_size: minimum() }, errors);
    if (!result) return;
    if (args.rows) state.table = { rows: grid.rows() };
    if (args.csv) state.table = { csv: args.csv, name: args.name };
    if (args.base64) state.table = { base64: args.base64, name: args.name };
    remember("table");
    show(result, label);
    trend.hide(); // the trend is the region's, not this table's
  };

  const gridArgs = () => ({
    rows: grid
      .rows()
      .map(([industry, startValue, endValue, span]) => ({ industry, start: startValue, end: endValue, years: span })),
    name: "the table",
  });

  // The trend of the region's years: the sample's as prerendered, or computed from several years of files.
  const runTrend = async (data) => {
    if (!data) return trend.sample(output.sample?.trend);
    if (data.inspect.meta.years.length < 2) return trend.hide();
    const result = await compute(runtime, "trend", { files: data.files }, errors);
    if (result) trend.show(result, "your region");
  };

  // The region's industries over its span: the sample, or the files added in the region builder.
  const runRegion = async () => {
    state.min_size = minSize.input.value;
    const { data } = region.current();
    if (!data && output.sample?.main && prerendered(state, region)) {
      remember("sample");
      output.adopt(output.sample.main);
      return runTrend(null);
    }
    const args = { ...region.spanArgs(), min_size: minimum() };
    const result = data
      ? await compute(runtime, "growth_qcew", { files: data.files, ...args }, errors)
      : await compute(runtime, "sample_region", { as: "growth", ...args }, errors);
    if (!result) return;
    remember("sample");
    show(result, data ? "your region" : "the sample");
    runTrend(data);
  };

  single.addEventListener("click", runSingle);
  tableButton.addEventListener("click", () => runTable(gridArgs(), "your table"));
  sampleButton.addEventListener("click", () => {
    saved.clear();
    Object.assign(state, fresh(), { single: state.single });
    minSize.input.value = "250";
    grid.set([]);
    if (region.isSample()) runRegion();
    else region.useSample(); // the region is shared: every calculator goes back to the sample
  });
  regionButton.addEventListener("click", runRegion);
  // New files or another span in the region builder: the table follows the region.
  const stopRegion = region.subscribe((_, change) => {
    if (change === "data" || (change === "span" && state.source === "sample")) runRegion();
  });

  // What the reader last had: restored on load and after a retry.
  const restore = () => {
    const { table } = state;
    if (state.source === "single") return runSingle();
    if (state.source === "table" && table?.csv) return runTable({ csv: table.csv, name: table.name }, table.name);
    if (state.source === "table" && table?.base64)
      return runTable({ base64: table.base64, name: table.name }, table.name);
    if (state.source === "table" && table) return runTable(gridArgs(), "your table");
    return runRegion();
  };

  region.ready().then(restore);
  return () => {
    stopRegion();
    used.stop();
    status.stop();
    output.stop();
    trend.stop();
  };
};
