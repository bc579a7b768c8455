// The industry ranking calculator (the industry data table, tabs I to K): rank each factor,
// average the ranks into a score, highlight the leaders, and plot three factors as bubbles.
import { bubbles, chartBlock } from "./charts.js";
import { button, el, field, select } from "./kit/dom.js";
import { download, readFiles } from "./kit/files.js";
import { compute, errorArea, statusLine } from "./kit/messages.js";
import { store } from "./kit/store.js";
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
  let table = null; // the input table: { columns, rows } from Python, or { csv, name }
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
  const upload = field(
    "Upload a CSV: an industry column, then one column per factor",
    el("input", { type: "file", accept: ".csv,text/csv", data: { role: "upload" } }),
  );
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
    if (result) download(runtime, result, "industry-ranking", format);
  };
  const downloads = el("p", { class: "calc-actions" }, [
    button("Download CSV", "download-csv", { onClick: save("csv") }),
    button("Download XLSX", "download-xlsx", { onClick: save("xlsx") }),
  ]);
  const status = statusLine(runtime, () => restore());

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
  // A CSV ranks on all its numeric columns by default, like the command line.
  const factorSetting = (name) =>
    state.factors[name] ?? {
      use: table.csv !== undefined || DEFAULT_FACTORS.includes(name),
      lower: false,
      weight: "1",
    };

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
  const takeTable = (input, result, description) => {
    table = result;
    state.input = input;
    const numeric = (result.columns ?? []).filter((c) => c.kind === "number" && !NOT_FACTORS.includes(c.name));
    factorNames = numeric.map((column) => {
      labels[column.name] = column.label;
      return column.name;
    });
    source.textContent = description;
    buildFactors();
    buildAxes();
    return rank();
  };

  const rankArgs = () => {
    const use = factorNames.filter((name) => state.factors[name].use);
    const args = {
      factors: use,
      weights: Object.fromEntries(use.map((name) => [name, state.factors[name].weight])),
      ties: ties.input.value,
      highlight: highlight.input.value,
      top_n: topN.input.value,
      missing: missing.input.value,
      lower_is_better: use.filter((name) => state.factors[name].lower),
    };
    if (table.csv !== undefined) return { ...args, csv: table.csv, name: table.name, key: "industry" };
    return { ...args, table: { columns: table.columns, rows: table.rows }, key: "industry_title" };
  };

  // "Rank: avg_annual_pay" reads better as "Rank: Average annual pay".
  const relabel = (columns) => {
    for (const column of columns) {
      const match = /^(rank|highlight)_(.+)$/.exec(column.name);
      if (match && labels[match[2]]) column.label = `${match[1] === "rank" ? "Rank: " : "Top: "}${labels[match[2]]}`;
    }
  };

  const rank = async () => {
    Object.assign(state, {
      ties: ties.input.value,
      highlight: highlight.input.value,
      top_n: topN.input.value,
      missing: missing.input.value,
    });
    const result = await compute(runtime, "rank", rankArgs(), errors);
    if (!result) return;
    saved.save(state);
    relabel(result.columns);
    results.show(result, { name: "rank" });
    draw();
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
    chart.draw(bubbles(points, axisLabels), 400);
  };

  // Python reads the CSV; a bad one leaves the previous table and ranking in place.
  const tryCsv = async (text, name, keepSettings = false) => {
    const result = await compute(runtime, "rank", { csv: text, name, key: "industry" }, errors);
    if (!result) return;
    const columns = result.columns
      .filter((column) => column.name.startsWith("rank_"))
      .map((column) => {
        const factor = column.name.slice(5);
        const given = result.columns.find((other) => other.name === factor);
        return { name: factor, label: given ? given.label : factor, kind: "number" };
      });
    if (!keepSettings) state.factors = {};
    return takeTable({ kind: "csv", csv: text, name }, { csv: text, name, columns }, `Showing: ${name}.`);
  };

  const loadSample = async () => {
    const result = await compute(runtime, "sample_region", { as: "table" }, errors);
    if (result)
      return takeTable({ kind: "sample" }, result, `Showing: ${result.meta.label}. Source: ${result.meta.source}.`);
  };

  // The industry data table of the region chosen in the region builder, over its span.
  const loadRegion = async () => {
    const { data } = region.current();
    if (!data) return loadSample();
    const args = { files: data.files, ...region.spanArgs() };
    const result = await compute(runtime, "industry_table", args, errors);
    const description = `Showing: your region (${data.inspect.meta.summary}).`;
    if (result) return takeTable({ kind: "region" }, result, description);
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
    if (change === "data" || (change === "span" && fromRegion)) {
      state.factors = {};
      state.axes = {};
      loadRegion();
    }
  });
  regionButton.addEventListener("click", () => {
    state.factors = {};
    state.axes = {};
    loadRegion();
  });
  upload.input.addEventListener("change", async () => {
    const [file] = await readFiles(upload.input.files);
    if (file) {
      state.axes = {};
      tryCsv(file.text, file.name);
    }
    upload.input.value = "";
  });
  pasteButton.addEventListener("click", () => {
    state.axes = {};
    tryCsv(paste.input.value, "the pasted table");
  });
  rankButton.addEventListener("click", rank);

  // What the reader last had: restored on load and after a retry.
  const restore = () => {
    if (state.input.kind === "csv") return tryCsv(state.input.csv, state.input.name, true);
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
