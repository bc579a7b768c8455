// The growth calculator: one start/end pair, or a table of industries (typed, pasted, uploaded or the sample).
(function () {
  "use strict";
  var K = window.StartKit;
  var el = K.el;
  var root = document.querySelector("[data-calculator=growth]");
  if (!root) return;

  var saved = K.store("growth");
  var state = saved.load() || { source: "sample", single: { start: "50", end: "100", years: "3" }, table: null, min_size: "250" };
  var errors = K.errorArea();
  var results = K.resultsTable("Employment growth");
  var source = el("p", { class: "calc-source", data: { role: "source" } });

  // --- One industry ---------------------------------------------------------------------------
  var start = K.field("Employment at the start", el("input", { type: "text", inputmode: "decimal", data: { role: "start" } }));
  var end = K.field("Employment at the end", el("input", { type: "text", inputmode: "decimal", data: { role: "end" } }));
  var years = K.field("Years between them", el("input", { type: "text", inputmode: "decimal", data: { role: "years" } }),
    "Used for the annual (compound) growth rate.");
  start.input.value = state.single.start;
  end.input.value = state.single.end;
  years.input.value = state.single.years;
  var single = el("button", { type: "button", class: "md-button md-button--primary", data: { action: "calculate-single" },
    text: "Calculate" });

  // --- A table --------------------------------------------------------------------------------
  var grid = window.StartGrid.create({ caption: "Employment by industry at the start and end",
    columns: [{ name: "industry", label: "Industry" }, { name: "start", label: "Start", numeric: true },
      { name: "end", label: "End", numeric: true }, { name: "years", label: "Years", numeric: true }],
    rows: (state.table && state.table.rows) || [] });
  var upload = K.field("Or upload a CSV (columns industry, start, end and optionally years)",
    el("input", { type: "file", accept: ".csv,text/csv", data: { role: "upload" } }));
  var tableButton = el("button", { type: "button", class: "md-button md-button--primary", data: { action: "calculate" },
    text: "Calculate the table" });
  var minSize = K.field("Flag industries with fewer workers than", el("input", { type: "text", inputmode: "decimal",
    data: { role: "min-size" } }), "An industry below this size at both the start and the end is flagged: " +
    "growth from a very small base looks huge (50 to 100 workers is +100%).");
  minSize.input.value = state.min_size;
  var sampleButton = el("button", { type: "button", class: "md-button", data: { action: "load-sample" },
    text: "Reset to sample" });
  var downloads = el("p", { class: "calc-actions" }, [el("button", { type: "button", class: "md-button",
    data: { action: "download-csv" }, text: "Download CSV",
    on: { click: function () { var r = results.current(); if (r) K.download(r, "growth", "csv"); } } })]);

  root.appendChild(el("div", { class: "calc-body" }, [
    K.statusLine(function () { restore(); }),
    el("h2", { text: "One industry" }), start.field, end.field, years.field, single,
    el("h2", { text: "A table of industries" }),
    el("p", { class: "calc-actions" }, [sampleButton]), grid.node, upload.field, minSize.field, tableButton,
    errors, source, results.node, downloads,
  ]));

  function show(result, label) {
    results.show(result);
    var meta = result.meta || {};
    source.textContent = meta.label ? "Showing: " + meta.label + ", one-year growth " + (Number(meta.year) - 1) + " to " +
      meta.year + ". Source: " + meta.source + "." : "Showing: " + label + ".";
  }

  function remember(source) {
    state.source = source;
    state.min_size = minSize.input.value;
    saved.save(state);
  }

  function runSingle() {
    var args = { start: start.input.value, end: end.input.value, years: years.input.value, min_size: minSize.input.value || undefined };
    return K.compute("growth", args, errors).then(function (result) {
      if (!result) return;
      state.single = { start: start.input.value, end: end.input.value, years: years.input.value };
      remember("single");
      show(result, "one industry");
    });
  }

  function runTable(args, label) {
    args.min_size = minSize.input.value || undefined;
    return K.compute("growth_table", args, errors).then(function (result) {
      if (!result) return;
      if (args.rows) state.table = { rows: grid.rows() };
      if (args.csv) state.table = { csv: args.csv, name: args.name };
      remember("table");
      show(result, label);
    });
  }

  function gridArgs() {
    return { rows: grid.rows().map(function (r) { return { industry: r[0], start: r[1], end: r[2], years: r[3] }; }), name: "the table" };
  }

  function runSample() {
    return K.compute("sample_region", { as: "growth", min_size: minSize.input.value || undefined }, errors).then(function (result) {
      if (!result) return;
      remember("sample");
      show(result, "the sample");
    });
  }

  single.addEventListener("click", runSingle);
  tableButton.addEventListener("click", function () { runTable(gridArgs(), "your table"); });
  upload.input.addEventListener("change", function () {
    K.readFiles(upload.input.files).then(function (files) {
      if (files[0]) runTable({ csv: files[0].text, name: files[0].name }, files[0].name);
      upload.input.value = "";
    });
  });
  sampleButton.addEventListener("click", function () {
    saved.clear();
    state = { source: "sample", single: state.single, table: null, min_size: "250" };
    minSize.input.value = "250";
    grid.set([]);
    runSample();
  });

  // What the reader last had: restored on load and after a retry.
  function restore() {
    if (state.source === "single") return runSingle();
    if (state.source === "table" && state.table && state.table.csv) return runTable({ csv: state.table.csv, name: state.table.name }, state.table.name);
    if (state.source === "table" && state.table) return runTable(gridArgs(), "your table");
    return runSample();
  }

  restore();
})();
