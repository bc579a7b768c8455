// The shift-share calculator: split each industry's job change into the reference area's overall
// growth, the industry's own trend (industry mix) and the region's competitive effect.
(function () {
  "use strict";
  var K = window.StartKit;
  var el = K.el;
  var root = document.querySelector("[data-calculator=shift-share]");
  if (!root) return;

  var saved = K.store("shift-share");
  var savedFiles = K.store("shift-share-files"); // apart, so a full storage loses only the files
  var state = saved.load() || { mode: "qcew", source: "sample", table: null, level: "3" };
  var errors = K.errorArea();
  var results = K.resultsTable("Shift-share of employment change by industry");
  var chart = window.StartCharts.block("Shift-share effects by industry, largest changes first",
    "Each bar stacks the three effects, which add up to the industry's actual change; the results table lists every value.");
  var source = el("p", { class: "calc-source", data: { role: "source" } });
  var files = null; // the last good QCEW input: {files, reference}

  var sampleButton = el("button", { type: "button", class: "md-button", data: { action: "load-sample" }, text: "Reset to sample" });

  // --- Way in 1: QCEW files ------------------------------------------------------------------
  var counties = K.field("Region: county files (BLS QCEW CSV)",
    el("input", { type: "file", accept: ".csv,text/csv", multiple: true, data: { role: "upload" } }),
    "Start levels come from the prior-year figures BLS publishes in each file.");
  var reference = K.field("Reference area: the national file (US000) for the same year, or county files of a larger area",
    el("input", { type: "file", accept: ".csv,text/csv", multiple: true, data: { role: "upload-reference" } }));
  var level = K.field("Industry level", K.select([["sector", "NAICS sector"], ["3", "3-digit subsector"], ["4", "4-digit"],
    ["5", "5-digit"], ["6", "6-digit"]], state.level));
  var qcewButton = el("button", { type: "button", class: "md-button md-button--primary", data: { action: "calculate-files" },
    text: "Calculate from the files" });
  var qcewPanel = el("div", { class: "calc-panel" }, [counties.field, reference.field, level.field, qcewButton]);

  // --- Way in 2: a table ---------------------------------------------------------------------
  var grid = window.StartGrid.create({ caption: "Employment at the start and end, region and reference area",
    columns: [{ name: "industry", label: "Industry" }, { name: "region_start", label: "Region start", numeric: true },
      { name: "region_end", label: "Region end", numeric: true }, { name: "nation_start", label: "Nation start", numeric: true },
      { name: "nation_end", label: "Nation end", numeric: true }],
    rows: (state.table && state.table.rows) || [] });
  var totalStart = K.field("Nation total employment at the start", el("input", { type: "text", inputmode: "decimal" }));
  var totalEnd = K.field("Nation total employment at the end", el("input", { type: "text", inputmode: "decimal" }));
  totalStart.input.value = (state.table && state.table.start) || "";
  totalEnd.input.value = (state.table && state.table.end) || "";
  var tableButton = el("button", { type: "button", class: "md-button md-button--primary", data: { action: "calculate" }, text: "Calculate" });
  var tablePanel = el("div", { class: "calc-panel" }, [grid.node, totalStart.field, totalEnd.field, tableButton]);

  var modes = K.modes({ qcew: qcewPanel, table: tablePanel }, { qcew: "BLS QCEW files", table: "A table you enter" }, state);

  var downloads = el("p", { class: "calc-actions" }, [el("button", { type: "button", class: "md-button", data: { action: "download-csv" },
    text: "Download CSV", on: { click: function () { var r = results.current(); if (r) K.download(r, "shift-share", "csv"); } } })]);

  root.appendChild(el("div", { class: "calc-body" }, [K.statusLine(function () { restore(); }),
    el("p", { class: "calc-actions" }, [sampleButton]), modes, qcewPanel, tablePanel, errors, source, results.node, downloads, chart.node]));

  function show(result, description) {
    results.show(result);
    var meta = result.meta || {};
    source.textContent = meta.label ? "Showing: " + meta.label + ". Source: " + meta.source + "." : "Showing: " + description + ".";
    var names = result.columns.map(function (c) { return c.name; });
    var label = names.indexOf("industry_title") >= 0 ? names.indexOf("industry_title") : names.indexOf("industry");
    var parts = ["national_effect", "industry_mix_effect", "competitive_effect"].map(function (n) { return names.indexOf(n); });
    var total = names.indexOf("total_change");
    var rows = result.rows.filter(function (r) { return parts.every(function (i) { return typeof r[i] === "number"; }); })
      .sort(function (a, b) { return Math.abs(b[total]) - Math.abs(a[total]); }).slice(0, 25);
    chart.draw(window.StartCharts.stackedBars(rows.map(function (r) { return r[label]; }), parts.map(function (i) {
      return { label: result.columns[i].label, values: rows.map(function (r) { return r[i]; }) };
    }), "Jobs"), rows.length * 22);
  }

  function remember(source) { state.source = source; state.level = level.input.value; saved.save(state); }

  function runSample() {
    return K.compute("sample_region", { as: "shift_share", level: level.input.value }, errors).then(function (result) {
      if (result) { remember("sample"); show(result); }
    });
  }

  function runFiles(input) {
    var args = { files: input.files, level: level.input.value };
    if (input.reference.length === 1) args.nation = input.reference[0];
    else if (input.reference.length > 1) args.reference = input.reference;
    return K.compute("shift_share", args, errors).then(function (result) {
      if (!result) return;
      files = input;
      savedFiles.save(input);
      remember("files");
      show(result, "your QCEW files");
    });
  }

  function runTable() {
    var rows = grid.rows().map(function (r) {
      return { industry: r[0], region_start: r[1], region_end: r[2], nation_start: r[3], nation_end: r[4] };
    });
    var args = { rows: rows, nation_total_start: totalStart.input.value, nation_total_end: totalEnd.input.value, name: "the table" };
    return K.compute("shift_share", args, errors).then(function (result) {
      if (!result) return;
      state.table = { rows: grid.rows(), start: totalStart.input.value, end: totalEnd.input.value };
      remember("table");
      show(result, "your table");
    });
  }

  function readInputs() {
    return Promise.all([K.readFiles(counties.input.files), K.readFiles(reference.input.files)]).then(function (read) {
      return { files: read[0], reference: read[1] };
    });
  }

  qcewButton.addEventListener("click", function () {
    readInputs().then(function (input) {
      if (!input.files.length) return K.showError(errors, { message: "Choose the region's county files first." });
      if (!input.reference.length) return K.showError(errors, { message: "Choose a reference-area file: the national US000 file, or county files." });
      runFiles(input);
    });
  });
  level.input.addEventListener("change", function () { if (state.source === "files" && files) runFiles(files); else if (state.source === "sample") runSample(); });
  tableButton.addEventListener("click", runTable);
  sampleButton.addEventListener("click", function () {
    saved.clear();
    savedFiles.clear();
    state = { mode: state.mode, source: "sample", table: null, level: "3" };
    level.input.value = "3";
    counties.input.value = "";
    reference.input.value = "";
    runSample();
  });

  // What the reader last had: restored on load and after a retry.
  function restore() {
    files = files || savedFiles.load();
    if (state.source === "table" && state.table) return runTable();
    if (state.source === "files" && files) return runFiles(files);
    return runSample();
  }

  restore();
})();
