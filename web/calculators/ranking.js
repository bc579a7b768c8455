// The industry ranking calculator (the industry data table, tabs I to K): rank each factor,
// average the ranks into a score, highlight the leaders, and plot three factors as bubbles.
import { button, el, field, select } from "./kit/dom.js";
import { compute, errorArea, statusLine } from "./kit/messages.js";
import { store } from "./kit/store.js";
import { tableUpload } from "./kit/uploads.js";
import { axisPickers, defaultFactors, factorTable, settingFor } from "./ranking/controls.js";
import { regionNote } from "./region/use.js";
import { bubbleSpec } from "./report/bubble-spec.js";
import { outputPanel } from "./report/output.js";

const NOT_FACTORS = [
  "lq_low",
  "lq_high",
  "suppressed_counties",
  "avg_weekly_wage",
  "prior_employment",
  "establishments",
];
const fresh = () => ({
  input: { kind: "sample" },
  factors: {},
  ties: "eq",
  highlight: "top",
  top_n: "10",
  missing: "last",
  axes: {},
});

// root: the page's [data-calculator=ranking]; runtime: the shared engine; region: the region all
// calculators share (region/model.js). Returns cleanup.
export const mount = (root, runtime, region) => {
  const saved = store("ranking");
  const state = saved.load() ?? fresh();
  let table = null; // the input table: { columns, rows } from Python, or the reader's { source, name, columns }
  let factorNames = [];
  const labels = {};
  const errors = errorArea();
  let described = "your table"; // what the source line says of a table without a label
  const output = outputPanel(root, {
    runtime,
    errors,
    caption: "Industries ranked on the chosen factors",
    sort: { name: "rank" },
    formats: ["csv", "xlsx"],
    charts: (result, file) => bubbleSpec(result, file, state.axes, labels),
  });

  // --- Where the table comes from ------------------------------------------------------------
  const sampleButton = button("Reset to sample", "load-sample");
  const regionButton = button("Use my region", "use-region");
  const used = regionNote(region);
  const upload = tableUpload({
    runtime,
    errors,
    label: "Upload a table (CSV or Excel XLSX): an industry column, then one column per factor",
    role: "upload",
    onTable: ({ base64, name }) => tryTable({ base64 }, name),
  });
  const paste = field(
    "Or paste a CSV table",
    el("textarea", {
      class: "calc-textarea",
      rows: "6",
      data: { role: "paste" },
      placeholder: "industry,employment,avg_annual_pay,growth_percent,lq",
    }),
  );
  const pasteButton = button("Use the pasted table", "use-paste");

  // --- Settings ------------------------------------------------------------------------------
  const factorBox = el("fieldset", { class: "calc-factors" });
  const ties = field(
    "Ties",
    select(
      [
        ["eq", "Share the best rank, then skip (Excel RANK.EQ)"],
        ["avg", "Share the average rank (Excel RANK.AVG)"],
      ],
      state.ties,
    ),
  );
  const highlight = field(
    "Highlight",
    select(
      [
        ["top", "The top N in each factor"],
        ["median", "Above the median"],
        ["third", "The top third"],
      ],
      state.highlight,
    ),
  );
  const topN = field("N", el("input", { type: "text", inputmode: "numeric", data: { role: "top-n" } }));
  topN.input.value = state.top_n;
  const missing = field(
    "Missing values (a suppressed or blank figure)",
    select(
      [
        ["last", "Rank them after the last known value, so every industry gets a score"],
        ["exclude", "Leave that industry without a score or overall rank"],
      ],
      state.missing ?? "last",
    ),
  );
  const rankButton = button("Rank", "calculate", { primary: true });
  const axes = el("div", { class: "calc-axes" });
  const status = statusLine(runtime, () => restore(), errors);

  root.append(
    el("div", { class: "calc-body" }, [
      status.node,
      used.node,
      el("p", { class: "calc-actions" }, [regionButton, sampleButton]),
      upload.field,
      paste.field,
      pasteButton,
      el("h2", { text: "Factors and weights" }),
      factorBox,
      ties.field,
      missing.field,
      highlight.field,
      topN.field,
      rankButton,
      errors,
      el("h2", { text: "Chart axes" }),
      axes,
      output.node,
    ]),
  );

  // --- Factor controls and chart axes, rebuilt for each new table ------------------------------
  const showControls = () => {
    factorTable(factorBox, factorNames, labels, (name) => {
      state.factors[name] = settingFor(name, table, state.factors);
      return state.factors[name];
    });
    axisPickers(axes, factorNames, labels, state.axes, () => {
      saved.save(state);
      output.redraw();
    });
  };

  // --- Loading a table, ranking it, drawing it -----------------------------------------------
  const factorColumns = (candidate) =>
    (candidate.columns ?? []).filter((c) => c.kind === "number" && !NOT_FACTORS.includes(c.name));

  const settingArgs = () => ({
    ties: ties.input.value,
    highlight: highlight.input.value,
    top_n: topN.input.value,
    missing: missing.input.value,
  });

  // The table's own part of a request: the reader's CSV text or file bytes, or Python's table.
  const tableArgs = (candidate) =>
    candidate.source !== undefined
      ? { ...candidate.source, name: candidate.name, key: "industry" }
      : { table: { columns: candidate.columns, rows: candidate.rows, meta: candidate.meta }, key: "industry_title" };

  const rankArgs = (candidate = table, factors = state.factors) => {
    const names = factorColumns(candidate).map((column) => column.name);
    const setting = (name) => settingFor(name, candidate, factors);
    const use = names.filter((name) => setting(name).use);
    return {
      ...settingArgs(),
      ...tableArgs(candidate),
      factors: use,
      weights: Object.fromEntries(use.map((name) => [name, setting(name).weight])),
      lower_is_better: use.filter((name) => setting(name).lower),
    };
  };

  // "Rank: avg_annual_pay" reads better as "Rank: Average annual pay".
  const relabel = (columns) => {
    for (const column of columns) {
      const match = /^(rank|highlight)_(.+)$/.exec(column.name);
      if (match && labels[match[2]]) column.label = `${match[1] === "rank" ? "Rank: " : "Top: "}${labels[match[2]]}`;
    }
  };

  const showRanking = (result) => {
    Object.assign(state, settingArgs());
    saved.save(state);
    relabel(result.columns);
    output.show(result, described);
  };

  // A new table becomes the page's only once it is ranked: until then (and after a bad file or
  // setting) the previous table, factors, ranking and chart stay as they were. view: a ranking of
  // this table already made (the sample's, written into the page at build) instead of a result.
  const commit = (input, candidate, description, factors, result, view = null) => {
    table = candidate;
    state.input = input;
    state.factors = factors;
    if (Object.keys(factors).length === 0) state.axes = {}; // a table taken afresh: default axes too
    factorNames = factorColumns(candidate).map((column) => {
      labels[column.name] = column.label;
      return column.name;
    });
    described = description;
    showControls();
    if (!view) return showRanking(result);
    Object.assign(state, settingArgs());
    saved.save(state);
    output.adopt(view);
  };

  const takeTable = async (input, candidate, description, factors = {}) => {
    const result = await compute(runtime, "rank", rankArgs(candidate, factors), errors);
    if (result) commit(input, candidate, description, factors, result);
  };

  const rank = async () => {
    const result = await compute(runtime, "rank", rankArgs(), errors);
    if (result) showRanking(result);
  };

  // Python reads the reader's table (source: { csv } text or { base64 } bytes of a CSV or XLSX
  // file). A new table ranks on all its numeric columns; a restored one keeps its factor settings.
  const tryTable = async (tableSource, name, keepSettings = false) => {
    const input = { kind: tableSource.csv !== undefined ? "csv" : "file", ...tableSource, name };
    const description = name;
    const known = keepSettings && state.input.columns;
    if (known) {
      const candidate = { source: tableSource, name, columns: known };
      return takeTable({ ...input, columns: known }, candidate, description, state.factors);
    }
    const result = await compute(runtime, "rank", { ...settingArgs(), ...tableSource, name, key: "industry" }, errors);
    if (!result) return;
    const columns = result.columns
      .filter((column) => column.name.startsWith("rank_"))
      .map((column) => {
        const factor = column.name.slice(5);
        const given = result.columns.find((other) => other.name === factor);
        return { name: factor, label: given ? given.label : factor, kind: "number" };
      });
    const candidate = { source: tableSource, name, columns };
    if (keepSettings) return takeTable({ ...input, columns }, candidate, description, state.factors);
    commit({ ...input, columns }, candidate, description, {}, result);
  };

  // The settings hooks/prerender.py ranked the sample with: the page already shows that ranking.
  const untouched = (factors) =>
    defaultFactors(factors) &&
    ties.input.value === "eq" &&
    highlight.input.value === "top" &&
    topN.input.value === "10" &&
    missing.input.value === "last" &&
    region.isPrerendered();

  const loadSample = async (factors = state.factors) => {
    const pre = output.sample;
    if (pre?.input && pre.main && untouched(factors))
      return commit({ kind: "sample" }, pre.input.result, "the sample", factors, null, pre.main);
    const result = await compute(runtime, "sample_region", { as: "table", ...region.spanArgs() }, errors);
    if (result) return takeTable({ kind: "sample" }, result, "the sample", factors);
  };

  // The industry data table of the region chosen in the region builder, over its span.
  const loadRegion = async (factors = state.factors) => {
    const { data } = region.current();
    if (!data) return loadSample(factors);
    const args = { files: data.files, ...region.spanArgs() };
    const result = await compute(runtime, "industry_table", args, errors);
    const description = `your region (${data.inspect.meta.summary})`;
    if (result) return takeTable({ kind: "region" }, result, description, factors);
  };

  sampleButton.addEventListener("click", () => {
    saved.clear();
    Object.assign(state, fresh());
    ties.input.value = "eq";
    highlight.input.value = "top";
    topN.input.value = "10";
    missing.input.value = "last";
    if (region.isSample()) loadSample();
    else region.useSample(); // the region is shared: every calculator goes back to the sample
  });
  // New files or another span in the region builder: a table from the region follows it.
  const stopRegion = region.subscribe((_, change) => {
    const fromRegion = state.input.kind === "region" || state.input.kind === "sample";
    if (change === "data" || (change === "span" && fromRegion)) loadRegion({}); // fresh factors once it ranks
  });
  regionButton.addEventListener("click", () => loadRegion({}));
  pasteButton.addEventListener("click", () => tryTable({ csv: paste.input.value }, "the pasted table"));
  rankButton.addEventListener("click", rank);

  // What the reader last had: restored on load and after a retry.
  const restore = () => {
    if (state.input.kind === "csv") return tryTable({ csv: state.input.csv }, state.input.name, true);
    if (state.input.kind === "file") return tryTable({ base64: state.input.base64 }, state.input.name, true);
    return loadRegion();
  };

  region.ready().then(restore);
  return () => {
    stopRegion();
    used.stop();
    status.stop();
    output.stop();
  };
};
