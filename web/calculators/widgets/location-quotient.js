// The location quotient calculator: BLS QCEW county files (the sample by default) or a typed table.
(function () {
  "use strict";
  var K = window.StartKit;
  var el = K.el;
  var root = document.querySelector("[data-calculator=location-quotient]");
  if (!root) return;

  var saved = K.store("location-quotient");
  var region = K.store("region"); // shared with the ranking and shift-share pages
  var state = saved.load() || { mode: "qcew", base: "total", level: "3", table: null };
  var errors = K.errorArea();
  var results = K.resultsTable("Location quotients by industry");
  var chart = window.StartCharts.block("Location quotient by industry, highest first",
    "The dashed line at 1.0 marks the nation's concentration; the results table lists every value.");
  var source = el("p", { class: "calc-source", data: { role: "source" } });

  // --- Settings shared by both ways in -----------------------------------------------------
  var base = K.field("Divide by", K.select([["total", "All-industry total, all ownerships (as BLS publishes)"],
    ["private", "Private-sector total (as the older BLS calculator)"]], state.base));
  var level = K.field("Industry level", K.select([["sector", "NAICS sector"], ["3", "3-digit subsector"],
    ["4", "4-digit"], ["5", "5-digit"], ["6", "6-digit"]], state.level));

  // --- Way in 1: QCEW files ------------------------------------------------------------------
  var counties = K.field("County files (BLS QCEW CSV, one or more)",
    el("input", { type: "file", accept: ".csv,text/csv", multiple: true, data: { role: "upload" } }),
    "Files are read in this browser only.");
  var nation = K.field("National file (US000, same year; optional)",
    el("input", { type: "file", accept: ".csv,text/csv", data: { role: "upload-nation" } }),
    "Without it, national shares are inferred from the counties' published location quotients.");
  var sampleButton = el("button", { type: "button", class: "md-button", data: { action: "load-sample" },
    text: "Reset to sample" });
  var qcewPanel = el("div", { class: "calc-panel", data: { panel: "qcew" } },
    [counties.field, nation.field, base.field, level.field]);

  // --- Way in 2: a typed or pasted table ----------------------------------------------------
  var grid = window.StartGrid.create({ caption: "Employment by industry",
    columns: [{ name: "industry", label: "Industry" }, { name: "region_employment", label: "Region employment", numeric: true },
      { name: "nation_employment", label: "Nation employment", numeric: true }],
    rows: (state.table && state.table.rows) || [] });
  var regionTotal = K.field("Region total employment", el("input", { type: "text", inputmode: "decimal", data: { role: "region-total" } }));
  var nationTotal = K.field("Nation total employment", el("input", { type: "text", inputmode: "decimal", data: { role: "nation-total" } }));
  regionTotal.input.value = (state.table && state.table.region_total) || "";
  nationTotal.input.value = (state.table && state.table.nation_total) || "";
  var calculate = el("button", { type: "button", class: "md-button md-button--primary", data: { action: "calculate" },
    text: "Calculate" });
  var tablePanel = el("div", { class: "calc-panel", data: { panel: "table" } },
    [el("p", { text: "Type or paste one row per industry (copy cells from a spreadsheet and paste them into the first " +
      "cell). For example, an industry with 1,714 of the region's 79,006 jobs and 879,213 of the nation's 15,593,224 " +
      "has a location quotient of 0.38." }),
      grid.node, regionTotal.field, nationTotal.field, calculate]);

  // --- Choosing the way in -------------------------------------------------------------------
  var modes = K.modes({ qcew: qcewPanel, table: tablePanel }, { qcew: "BLS QCEW files", table: "A table you enter" }, state);

  var downloads = el("p", { class: "calc-actions" }, [el("button", { type: "button", class: "md-button",
    data: { action: "download-csv" }, text: "Download CSV",
    on: { click: function () { var r = results.current(); if (r) K.download(r, "location-quotients", "csv"); } } })]);

  root.appendChild(el("div", { class: "calc-body" }, [K.statusLine(function () { rerun(); }),
    el("p", { class: "calc-actions" }, [sampleButton]), modes, qcewPanel, tablePanel, errors, source, results.node, downloads, chart.node]));
  // --- Computing -----------------------------------------------------------------------------
  function show(result) {
    results.show(result);
    var meta = result.meta || {};
    source.textContent = meta.label ? "Showing: " + meta.label + ". Source: " + meta.source + "."
      : "Showing: your " + (meta.files ? "QCEW files (" + meta.files.join(", ") + ")" : "table") + ".";
    var names = result.columns.map(function (c) { return c.name; });
    var lq = names.indexOf("lq"), label = names.indexOf("industry_title") >= 0 ? names.indexOf("industry_title") : names.indexOf("industry");
    var rows = result.rows.filter(function (r) { return typeof r[lq] === "number"; })
      .sort(function (a, b) { return b[lq] - a[lq]; });
    chart.draw(window.StartCharts.bars(rows.map(function (r) { return r[label]; }), rows.map(function (r) { return r[lq]; }),
      { label: "Location quotient", axis: "Location quotient (1.0 = nation)", line: 1, lineLabel: "1.0" }), rows.length * 18);
  }

  function qcewArgs(files, nationFile) {
    return { files: files, nation: nationFile || undefined, base: base.input.value, level: level.input.value };
  }

  function runSample() {
    return K.compute("sample_region", { as: "lq", base: base.input.value, level: level.input.value }, errors).then(function (result) {
      if (!result) return;
      state.source = "sample";
      saved.save(state);
      show(result);
    });
  }

  function runFiles(files, nationFile) {
    return K.compute("lq_qcew", qcewArgs(files, nationFile), errors).then(function (result) {
      if (!result) return; // the error is shown; the previous table stays
      state.source = "files";
      saved.save(state);
      region.save({ files: files, nation: nationFile || null });
      show(result);
    });
  }

  function runTable() {
    var rows = grid.rows().map(function (r) { return { industry: r[0], region_employment: r[1], nation_employment: r[2] }; });
    var args = { rows: rows, region_total: regionTotal.input.value, nation_total: nationTotal.input.value, name: "the table" };
    return K.compute("lq_table", args, errors).then(function (result) {
      if (!result) return;
      state.table = { rows: grid.rows(), region_total: regionTotal.input.value, nation_total: nationTotal.input.value };
      state.source = "table";
      saved.save(state);
      show(result);
    });
  }

  function rerun() {
    state.base = base.input.value;
    state.level = level.input.value;
    var shared = region.load();
    if (state.mode === "table" && state.source === "table") return runTable();
    if (state.source === "files" && shared) return runFiles(shared.files, shared.nation);
    return runSample();
  }

  counties.input.addEventListener("change", function () {
    var nationFiles = nation.input.files;
    Promise.all([K.readFiles(counties.input.files), K.readFiles(nationFiles)]).then(function (read) {
      return runFiles(read[0], read[1][0]);
    });
  });
  nation.input.addEventListener("change", function () {
    var shared = region.load();
    K.readFiles(nation.input.files).then(function (read) { if (shared) runFiles(shared.files, read[0]); });
  });
  base.input.addEventListener("change", rerun);
  level.input.addEventListener("change", rerun);
  calculate.addEventListener("click", runTable);
  sampleButton.addEventListener("click", function () {
    state = { mode: state.mode, base: "total", level: "3", table: null };
    base.input.value = "total";
    level.input.value = "3";
    saved.clear();
    region.clear();
    counties.input.value = "";
    nation.input.value = "";
    runSample();
  });

  rerun();
})();
