// The industry ranking calculator (the industry data table, tabs I to K): rank each factor,
// average the ranks into a score, highlight the leaders, and plot three factors as bubbles.
import { bubbles, chartBlock } from "./charts.js";
import { button, el, field, select } from "./kit/dom.js";
import { download } from "./kit/files.js";
import { compute, errorArea, guard, statusLine } from "./kit/messages.js";
import { store } from "./kit/store.js";
import { tableUpload } from "./kit/uploads.js";
import { regionNote } from "./region/use.js";
import { resultsTable } from "./table.js";

const DEFAULT_FACTORS = ["employment", "avg_annual_pay", "growth_percent", "projected_growth", "lq"];
const NOT_FACTORS = [
  "lq_low",
  "lq_high",
  "suppressed_counties",
  "avg_weekly_wage",
  "prior_employment",
  "establishments",
];
const AXES = { x: "Across (x)", y: "Up (y)", size: "Bubble size" };
const DEFAULT_AXES = { x: "growth_percent", y: "lq", size: "employment" };
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
  const results = resultsTable("Industries ranked on the chosen factors");
  const chart = chartBlock(
    "Bubble chart of the ranked industries",
    "Each bubble is an industry, placed by the two factors you choose and sized by the third; " +
      "the results table lists the same values.",
  );
  const source = el("p", { class: "calc-source", data: { role: "source" } });

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
  const save = (format) => () => {
    const result = results.current();
    if (result) download(runtime, result, "industry-ranking", format, errors);
  };
  const downloads = el("p", { class: "calc-actions" }, [
    button("Download CSV", "download-csv", { onClick: save("csv") }),
    button("Download XLSX", "download-xlsx", { onClick: save("xlsx") }),
  ]);
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
      source,
      results.node,
      downloads,
      el("h2", { text: "Chart" }),
      axes,
      chart.node,
    ]),
  );

  // --- Factor controls, rebuilt for each new table -------------------------------------------
  // The reader's own table ranks on all its numeric columns by default, like the command line.
  const settingFor = (name, candidate, factors) =>
    factors[name] ?? {
      use: candidate.source !== undefined || DEFAULT_FACTORS.includes(name),
      lower: false,
      weight: "1",
    };
  const factorSetting = (name) => settingFor(name, table, state.factors);

  const factorRow = (name) => {
    const setting = factorSetting(name);
    state.factors[name] = setting;
    const use = el("input", {
      type: "checkbox",
      checked: setting.use,
      "aria-label": `Use ${labels[name]}`,
      data: { factor: name, role: "use" },
    });
    const lower = select(
      [
        ["higher", "Higher"],
        ["lower", "Lower"],
      ],
      setting.lower ? "lower" : "higher",
    );
    lower.setAttribute("aria-label", `${labels[name]}: better when`);
    lower.dataset.factor = name;
    const weight = el("input", {
      type: "text",
      inputmode: "decimal",
      "aria-label": `${labels[name]}: weight`,
      data: { factor: name, role: "weight" },
    });
    weight.value = setting.weight;
    use.addEventListener("change", () => {
      setting.use = use.checked;
    });
    lower.addEventListener("change", () => {
      setting.lower = lower.value === "lower";
    });
    weight.addEventListener("change", () => {
      setting.weight = weight.value;
    });
    return el("tr", {}, [
      el("th", { scope: "row", text: labels[name] }),
      el("td", {}, [use]),
      el("td", {}, [lower]),
      el("td", {}, [weight]),
    ]);
  };

  const buildFactors = () => {
    const headings = ["Factor", "Use", "Better when", "Weight"].map((text) => el("th", { scope: "col", text }));
    const grid = el("table", { class: "calc-grid" }, [
      el("caption", { class: "calc-visually-hidden", text: "Factors" }),
      el("thead", {}, [el("tr", {}, headings)]),
      el("tbody", {}, factorNames.map(factorRow)),
    ]);
    factorBox.replaceChildren(
      el("legend", { text: "Rank on these factors (1 = best)" }),
      el("div", { class: "calc-table-wrap" }, [grid]),
    );
  };

  const buildAxes = () => {
    axes.textContent = "";
    for (const [i, axis] of ["x", "y", "size"].entries()) {
      const preferred = factorNames.includes(DEFAULT_AXES[axis])
        ? DEFAULT_AXES[axis]
        : factorNames[i % factorNames.length];
      const chosen = state.axes[axis] || preferred;
      state.axes[axis] = chosen;
      const box = field(
        AXES[axis],
        select(
          factorNames.map((name) => [name, labels[name]]),
          chosen,
        ),
      );
      box.input.dataset.axis = axis;
      box.input.addEventListener("change", () => {
        state.axes[axis] = box.input.value;
        saved.save(state);
        draw();
      });
      axes.append(box.field);
    }
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
      : { table: { columns: candidate.columns, rows: candidate.rows }, key: "industry_title" };

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
    results.show(result, { name: "rank" });
    draw();
  };

  // A new table becomes the page's only once it is ranked: until then (and after a bad file or
  // setting) the previous table, factors, ranking and chart stay as they were.
  const commit = (input, candidate, description, factors, result) => {
    table = candidate;
    state.input = input;
    state.factors = factors;
    if (Object.keys(factors).length === 0) state.axes = {}; // a table taken afresh: default axes too
    factorNames = factorColumns(candidate).map((column) => {
      labels[column.name] = column.label;
      return column.name;
    });
    source.textContent = description;
    buildFactors();
    buildAxes();
    showRanking(result);
  };

  const takeTable = async (input, candidate, description, factors = {}) => {
    const result = await compute(runtime, "rank", rankArgs(candidate, factors), errors);
    if (result) commit(input, candidate, description, factors, result);
  };

  const rank = async () => {
    const result = await compute(runtime, "rank", rankArgs(), errors);
    if (result) showRanking(result);
  };

  const draw = () => {
    const result = results.current();
    if (!result) return;
    const names = result.columns.map((column) => column.name);
    const [x, y, size] = ["x", "y", "size"].map((axis) => names.indexOf(state.axes[axis]));
    if (x < 0 || y < 0 || size < 0) {
      chart.clear();
      return;
    }
    const rows = result.rows.filter((row) => [x, y, size].every((i) => typeof row[i] === "number"));
    const biggest = Math.max(1, ...rows.map((row) => Math.abs(row[size])));
    const points = rows.map((row) => ({
      label: String(row[0]),
      x: row[x],
      y: row[y],
      size: row[size],
      r: 3 + 22 * Math.sqrt(Math.abs(row[size]) / biggest),
    }));
    const axisLabels = { x: labels[state.axes.x], y: labels[state.axes.y], size: labels[state.axes.size] };
    guard(
      errors,
      { what: "The chart could not be drawn", next: "Try again; the results table lists every value." },
      () => chart.draw(bubbles(points, axisLabels), 400),
    );
  };

  // Python reads the reader's table (source: { csv } text or { base64 } bytes of a CSV or XLSX
  // file). A new table ranks on all its numeric columns; a restored one keeps its factor settings.
  const tryTable = async (tableSource, name, keepSettings = false) => {
    const input = { kind: tableSource.csv !== undefined ? "csv" : "file", ...tableSource, name };
    const description = `Showing: ${name}.`;
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

  const loadSample = async (factors = state.factors) => {
    const result = await compute(runtime, "sample_region", { as: "table" }, errors);
    if (result) {
      const description = `Showing: ${result.meta.label}. Source: ${result.meta.source}.`;
      return takeTable({ kind: "sample" }, result, description, factors);
    }
  };

  // The industry data table of the region chosen in the region builder, over its span.
  const loadRegion = async (factors = state.factors) => {
    const { data } = region.current();
    if (!data) return loadSample(factors);
    const args = { files: data.files, ...region.spanArgs() };
    const result = await compute(runtime, "industry_table", args, errors);
    const description = `Showing: your region (${data.inspect.meta.summary}).`;
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
    chart.clear();
  };
};
