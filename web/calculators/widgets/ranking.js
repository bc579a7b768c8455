// The industry ranking calculator (the industry data table, tabs I to K): rank each factor,
// average the ranks into a score, highlight the leaders, and plot three factors as bubbles.
(function () {
  "use strict";
  var K = window.StartKit;
  var el = K.el;
  var root = document.querySelector("[data-calculator=ranking]");
  if (!root) return;

  var DEFAULT_FACTORS = ["employment", "avg_annual_pay", "growth_percent", "projected_growth", "lq"];
  var NOT_FACTORS = ["lq_low", "lq_high", "suppressed_counties", "avg_weekly_wage", "prior_employment", "establishments"];
  var saved = K.store("ranking");
  var region = K.store("region");
  var FRESH = { input: { kind: "sample" }, factors: {}, ties: "eq", highlight: "top", top_n: "10", missing: "last", axes: {} };
  var state = saved.load() || JSON.parse(JSON.stringify(FRESH));
  var table = null; // the input table: {columns, rows} from Python, or {csv, name}
  var factorNames = [];
  var labels = {};
  var errors = K.errorArea();
  var results = K.resultsTable("Industries ranked on the chosen factors");
  var chart = window.StartCharts.block("Bubble chart of the ranked industries",
    "Each bubble is an industry, placed by the two factors you choose and sized by the third; the results table lists the same values.");
  var source = el("p", { class: "calc-source", data: { role: "source" } });

  // --- Where the table comes from --------------------------------------------------------------
  var sampleButton = el("button", { type: "button", class: "md-button", data: { action: "load-sample" }, text: "Reset to sample" });
  var regionButton = el("button", { type: "button", class: "md-button", data: { action: "use-region" },
    text: "Use my region from the location quotient page" });
  var upload = K.field("Upload a CSV: an industry column, then one column per factor",
    el("input", { type: "file", accept: ".csv,text/csv", data: { role: "upload" } }));
  var paste = K.field("Or paste a CSV table", el("textarea", { class: "calc-textarea", rows: "6", data: { role: "paste" },
    placeholder: "industry,employment,avg_annual_pay,growth_percent,lq" }));
  var pasteButton = el("button", { type: "button", class: "md-button", data: { action: "use-paste" }, text: "Use the pasted table" });

  // --- Settings -------------------------------------------------------------------------------
  var factorBox = el("fieldset", { class: "calc-factors" });
  var ties = K.field("Ties", K.select([["eq", "Share the best rank, then skip (Excel RANK.EQ)"],
    ["avg", "Share the average rank (Excel RANK.AVG)"]], state.ties));
  var highlight = K.field("Highlight", K.select([["top", "The top N in each factor"], ["median", "Above the median"],
    ["third", "The top third"]], state.highlight));
  var topN = K.field("N", el("input", { type: "text", inputmode: "numeric", data: { role: "top-n" } }));
  topN.input.value = state.top_n;
  var missing = K.field("Missing values (a suppressed or blank figure)", K.select([
    ["last", "Rank them after the last known value, so every industry gets a score"],
    ["exclude", "Leave that industry without a score or overall rank"]], state.missing || "last"));
  var rankButton = el("button", { type: "button", class: "md-button md-button--primary", data: { action: "calculate" }, text: "Rank" });
  var axes = el("div", { class: "calc-axes" });
  var downloads = el("p", { class: "calc-actions" }, [
    el("button", { type: "button", class: "md-button", data: { action: "download-csv" }, text: "Download CSV",
      on: { click: function () { var r = results.current(); if (r) K.download(r, "industry-ranking", "csv"); } } }),
    el("button", { type: "button", class: "md-button", data: { action: "download-xlsx" }, text: "Download XLSX",
      on: { click: function () { var r = results.current(); if (r) K.download(r, "industry-ranking", "xlsx"); } } }),
  ]);

  root.appendChild(el("div", { class: "calc-body" }, [
    K.statusLine(function () { restore(); }),
    el("p", { class: "calc-actions" }, [sampleButton, regionButton]), upload.field, paste.field, pasteButton,
    el("h2", { text: "Factors and weights" }), factorBox, ties.field, missing.field, highlight.field, topN.field, rankButton,
    errors, source, results.node, downloads, el("h2", { text: "Chart" }), axes, chart.node,
  ]));
  regionButton.disabled = !region.load();

  // --- Factor controls, rebuilt for each new table ----------------------------------------------
  function factorSetting(name) {
    var known = state.factors[name];
    // A CSV ranks on all its numeric columns by default, like the command line.
    return known || { use: table.csv !== undefined || DEFAULT_FACTORS.indexOf(name) >= 0, lower: false, weight: "1" };
  }

  function buildFactors() {
    factorBox.textContent = "";
    factorBox.appendChild(el("legend", { text: "Rank on these factors (1 = best)" }));
    var grid = el("table", { class: "calc-grid" }, [el("caption", { class: "calc-visually-hidden", text: "Factors" }),
      el("thead", {}, [el("tr", {}, ["Factor", "Use", "Better when", "Weight"].map(function (h) { return el("th", { scope: "col", text: h }); }))])]);
    var body = el("tbody");
    factorNames.forEach(function (name) {
      var setting = state.factors[name] = factorSetting(name);
      var use = el("input", { type: "checkbox", checked: setting.use, "aria-label": "Use " + labels[name], data: { factor: name, role: "use" } });
      var lower = K.select([["higher", "Higher"], ["lower", "Lower"]], setting.lower ? "lower" : "higher");
      lower.setAttribute("aria-label", labels[name] + ": better when");
      lower.dataset.factor = name;
      var weight = el("input", { type: "text", inputmode: "decimal", "aria-label": labels[name] + ": weight", data: { factor: name, role: "weight" } });
      weight.value = setting.weight;
      use.addEventListener("change", function () { setting.use = use.checked; });
      lower.addEventListener("change", function () { setting.lower = lower.value === "lower"; });
      weight.addEventListener("change", function () { setting.weight = weight.value; });
      body.appendChild(el("tr", {}, [el("th", { scope: "row", text: labels[name] }), el("td", {}, [use]), el("td", {}, [lower]), el("td", {}, [weight])]));
    });
    grid.appendChild(body);
    factorBox.appendChild(el("div", { class: "calc-table-wrap" }, [grid]));
  }

  function buildAxes() {
    axes.textContent = "";
    var defaults = { x: "growth_percent", y: "lq", size: "employment" };
    ["x", "y", "size"].forEach(function (axis, i) {
      var chosen = state.axes[axis] || (factorNames.indexOf(defaults[axis]) >= 0 ? defaults[axis] : factorNames[i % factorNames.length]);
      state.axes[axis] = chosen;
      var box = K.field({ x: "Across (x)", y: "Up (y)", size: "Bubble size" }[axis],
        K.select(factorNames.map(function (n) { return [n, labels[n]]; }), chosen));
      box.input.dataset.axis = axis;
      box.input.addEventListener("change", function () { state.axes[axis] = box.input.value; saved.save(state); draw(); });
      axes.appendChild(box.field);
    });
  }

  // --- Loading a table, ranking it, drawing it -------------------------------------------------
  function takeTable(input, result, description) {
    table = result;
    state.input = input;
    var numeric = (result.columns || []).filter(function (c) { return c.kind === "number" && NOT_FACTORS.indexOf(c.name) < 0; });
    factorNames = numeric.map(function (c) { labels[c.name] = c.label; return c.name; });
    source.textContent = description;
    buildFactors();
    buildAxes();
    return rank();
  }

  function rankArgs() {
    var use = factorNames.filter(function (n) { return state.factors[n].use; });
    var weights = {};
    use.forEach(function (n) { weights[n] = state.factors[n].weight; });
    var args = { factors: use, weights: weights, ties: ties.input.value, highlight: highlight.input.value, top_n: topN.input.value,
      missing: missing.input.value,
      lower_is_better: use.filter(function (n) { return state.factors[n].lower; }) };
    if (table.csv !== undefined) { args.csv = table.csv; args.name = table.name; args.key = "industry"; }
    else { args.table = { columns: table.columns, rows: table.rows }; args.key = "industry_title"; }
    return args;
  }

  function rank() {
    state.ties = ties.input.value;
    state.highlight = highlight.input.value;
    state.top_n = topN.input.value;
    state.missing = missing.input.value;
    return K.compute("rank", rankArgs(), errors).then(function (result) {
      if (!result) return;
      saved.save(state);
      result.columns.forEach(function (c) { // "Rank: avg_annual_pay" reads better as "Rank: Average annual pay"
        var match = /^(rank|highlight)_(.+)$/.exec(c.name);
        if (match && labels[match[2]]) c.label = (match[1] === "rank" ? "Rank: " : "Top: ") + labels[match[2]];
      });
      results.show(result, { name: "rank" });
      draw();
    });
  }

  function draw() {
    var result = results.current();
    if (!result) return;
    var names = result.columns.map(function (c) { return c.name; });
    var at = function (n) { return names.indexOf(n); };
    var x = at(state.axes.x), y = at(state.axes.y), size = at(state.axes.size);
    if (x < 0 || y < 0 || size < 0) return chart.clear();
    var rows = result.rows.filter(function (r) { return [x, y, size].every(function (i) { return typeof r[i] === "number"; }); });
    var biggest = Math.max.apply(null, rows.map(function (r) { return Math.abs(r[size]); }).concat([1]));
    chart.draw(window.StartCharts.bubbles(rows.map(function (r) {
      return { label: String(r[0]), x: r[x], y: r[y], size: r[size], r: 3 + 22 * Math.sqrt(Math.abs(r[size]) / biggest) };
    }), { x: labels[state.axes.x], y: labels[state.axes.y], size: labels[state.axes.size] }), 400);
  }

  // Python reads the CSV; a bad one leaves the previous table and ranking in place.
  function tryCsv(text, name, keepSettings) {
    return K.compute("rank", { csv: text, name: name, key: "industry" }, errors).then(function (result) {
      if (!result) return;
      var columns = result.columns.filter(function (c) { return c.name.indexOf("rank_") === 0; }).map(function (c) {
        var name = c.name.slice(5);
        var given = result.columns.filter(function (d) { return d.name === name; })[0];
        return { name: name, label: given ? given.label : name, kind: "number" };
      });
      if (!keepSettings) state.factors = {};
      return takeTable({ kind: "csv", csv: text, name: name }, { csv: text, name: name, columns: columns }, "Showing: " + name + ".");
    });
  }

  function loadSample() {
    return K.compute("sample_region", { as: "table" }, errors).then(function (result) {
      if (result) return takeTable({ kind: "sample" }, result, "Showing: " + result.meta.label + ". Source: " + result.meta.source + ".");
    });
  }

  function loadRegion() {
    var shared = region.load();
    if (!shared) return loadSample();
    return K.compute("industry_table", { files: shared.files, nation: shared.nation || undefined }, errors).then(function (result) {
      if (result) return takeTable({ kind: "region" }, result, "Showing: your region from the location quotient page (" + result.meta.files.join(", ") + ").");
    });
  }

  sampleButton.addEventListener("click", function () {
    saved.clear();
    state = JSON.parse(JSON.stringify(FRESH));
    ties.input.value = "eq"; highlight.input.value = "top"; topN.input.value = "10"; missing.input.value = "last";
    loadSample();
  });
  regionButton.addEventListener("click", function () { state.factors = {}; state.axes = {}; loadRegion(); });
  upload.input.addEventListener("change", function () {
    K.readFiles(upload.input.files).then(function (files) {
      if (files[0]) { state.axes = {}; tryCsv(files[0].text, files[0].name); }
      upload.input.value = "";
    });
  });
  pasteButton.addEventListener("click", function () { state.axes = {}; tryCsv(paste.input.value, "the pasted table"); });
  rankButton.addEventListener("click", rank);

  // What the reader last had: restored on load and after a retry.
  function restore() {
    if (state.input.kind === "csv") return tryCsv(state.input.csv, state.input.name, true);
    if (state.input.kind === "region") return loadRegion();
    return loadSample();
  }

  restore();
})();
