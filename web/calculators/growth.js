// The growth calculator: one start/end pair, or a table of industries (typed, pasted, uploaded or
// the sample, over a span of years the reader chooses), and the trend of chosen industries by year.
import { editableGrid } from "./grid.js";
import { button, el, field } from "./kit/dom.js";
import { readFiles } from "./kit/files.js";
import { compute, errorArea, statusLine } from "./kit/messages.js";
import { store } from "./kit/store.js";
import { outputPanel } from "./report/output.js";
import { spanPicker } from "./report/span.js";
import { growthBars } from "./report/specs.js";
import { trendView } from "./report/trend.js";

const fresh = () => ({
  source: "sample",
  single: { start: "50", end: "100", years: "3" },
  table: null,
  min_size: "250",
  span: {},
});
// The settings hooks/prerender.py computed the sample with: the page already shows that result.
const prerendered = (state) => state.min_size === "250" && !state.span?.start && !state.span?.end;
const numberInput = (role) => el("input", { type: "text", inputmode: "decimal", data: { role } });

// root: the page's [data-calculator=growth]; runtime: the shared engine. Returns cleanup.
export const mount = (root, runtime) => {
  const saved = store("growth");
  const state = saved.load() ?? fresh();
  const errors = errorArea();
  const output = outputPanel(root, {
    runtime,
    caption: "Employment growth",
    formats: ["csv", "xlsx"],
    charts: growthBars,
  });
  const trend = trendView(root, runtime);
  const span = spanPicker((chosen) => {
    state.span = chosen;
    saved.save(state);
    runSample();
  });

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
  });
  const upload = field(
    "Or upload a CSV (columns industry, start, end and optionally years)",
    el("input", { type: "file", accept: ".csv,text/csv", data: { role: "upload" } }),
  );
  const tableButton = button("Calculate the table", "calculate", { primary: true });
  const minSize = field(
    "Flag industries with fewer workers than",
    numberInput("min-size"),
    "An industry below this size at both the start and the end is flagged: " +
      "growth from a very small base looks huge (50 to 100 workers is +100%).",
  );
  minSize.input.value = state.min_size;
  const sampleButton = button("Reset to sample", "load-sample");
  const status = statusLine(runtime, () => restore());

  root.append(
    el("div", { class: "calc-body" }, [
      status.node,
      el("h2", { text: "One industry" }),
      start.field,
      end.field,
      years.field,
      single,
      el("h2", { text: "A table of industries" }),
      el("p", { class: "calc-actions" }, [sampleButton]),
      span.node,
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
    span.node.hidden = true;
    trend.hide(); // the trend is the sample's, not this pair's
  };

  const runTable = async (args, label) => {
    const result = await compute(runtime, "growth_table", { ...args, min_size: minimum() }, errors);
    if (!result) return;
    if (args.rows) state.table = { rows: grid.rows() };
    if (args.csv) state.table = { csv: args.csv, name: args.name };
    remember("table");
    show(result, label);
    span.node.hidden = true;
    trend.hide(); // the trend is the sample's, not this table's
  };

  const gridArgs = () => ({
    rows: grid
      .rows()
      .map(([industry, startValue, endValue, span]) => ({ industry, start: startValue, end: endValue, years: span })),
    name: "the table",
  });

  const runSample = async () => {
    state.min_size = minSize.input.value;
    trend.sample(output.sample?.trend);
    if (output.sample?.main && prerendered(state)) {
      remember("sample");
      output.adopt(output.sample.main);
      span.set(output.sample.main.result.meta.years, state.span);
      return;
    }
    const years = output.sample?.main?.result.meta.years;
    const chosen = { start_year: state.span?.start || undefined, end_year: state.span?.end || undefined };
    const args = { as: "growth", min_size: minimum(), years, ...chosen };
    const result = await compute(runtime, "sample_region", args, errors);
    if (!result) return;
    remember("sample");
    show(result, "the sample");
    span.set(result.meta.years ?? [], state.span);
  };

  single.addEventListener("click", runSingle);
  tableButton.addEventListener("click", () => runTable(gridArgs(), "your table"));
  upload.input.addEventListener("change", async () => {
    const [file] = await readFiles(upload.input.files);
    if (file) runTable({ csv: file.text, name: file.name }, file.name);
    upload.input.value = "";
  });
  sampleButton.addEventListener("click", () => {
    saved.clear();
    Object.assign(state, fresh(), { single: state.single });
    minSize.input.value = "250";
    grid.set([]);
    runSample();
  });

  // What the reader last had: restored on load and after a retry.
  const restore = () => {
    const { table } = state;
    if (state.source === "single") return runSingle();
    if (state.source === "table" && table?.csv) return runTable({ csv: table.csv, name: table.name }, table.name);
    if (state.source === "table" && table) return runTable(gridArgs(), "your table");
    return runSample();
  };

  restore();
  return () => {
    status.stop();
    output.stop();
    trend.stop();
  };
};
