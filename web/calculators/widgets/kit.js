// Shared parts of the calculator widgets: elements, status line, errors, result tables, files,
// downloads and saved state. Data is always written with textContent, never as HTML.
(function () {
  "use strict";

  // el("button", {class: "x", data: {action: "go"}}, "Go") builds an element; text stays text.
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === undefined || value === null || value === false) return;
      if (key === "data") Object.keys(value).forEach(function (k) { node.dataset[k] = value[k]; });
      else if (key === "text") node.textContent = value;
      else if (key === "on") Object.keys(value).forEach(function (k) { node.addEventListener(k, value[k]); });
      else node.setAttribute(key, value === true ? "" : value);
    });
    [].concat(children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  var uid = 0;
  function id(prefix) { uid += 1; return (prefix || "calc") + "-" + uid; }

  // A labelled form control: returns {field, input}.
  function field(label, input, hint) {
    input.id = input.id || id("field");
    var parts = [el("label", { for: input.id, text: label }), input];
    if (hint) {
      var hintId = id("hint");
      input.setAttribute("aria-describedby", hintId);
      parts.push(el("span", { id: hintId, class: "calc-hint", text: hint }));
    }
    return { field: el("div", { class: "calc-field" }, parts), input: input };
  }

  function select(options, value) {
    var node = el("select");
    options.forEach(function (option) {
      node.appendChild(el("option", { value: option[0], text: option[1], selected: option[0] === value }));
    });
    return node;
  }

  // "Start from" radio buttons that show one panel of {value: panel} at a time; returns the fieldset.
  function modes(panels, labels, state) {
    var box = el("fieldset", { class: "calc-modes" }, [el("legend", { text: "Start from" })]);
    var name = id("mode");
    function show() { Object.keys(panels).forEach(function (key) { panels[key].hidden = state.mode !== key; }); }
    Object.keys(panels).forEach(function (key) {
      var input = el("input", { type: "radio", name: name, value: key, checked: state.mode === key,
        on: { change: function () { state.mode = key; show(); } } });
      box.appendChild(el("label", { class: "calc-mode" }, [input, " " + labels[key]]));
    });
    show();
    return box;
  }

  // --- Number display: raw values stay in data-value; this is only what a reader sees. --------
  var FORMATS = {
    integer: { maximumFractionDigits: 0 },
    decimal1: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
    decimal2: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
    decimal4: { minimumFractionDigits: 4, maximumFractionDigits: 4 },
    percent1: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
    currency: { style: "currency", currency: "USD", maximumFractionDigits: 0 },
  };

  // One Intl.NumberFormat per format: creating one per cell is what makes big tables slow.
  var formatters = {};
  function formatter(format) {
    var key = FORMATS[format] ? format : "decimal2";
    formatters[key] = formatters[key] || new Intl.NumberFormat("en-US", FORMATS[key]);
    return formatters[key];
  }

  function display(value, column) {
    if (value === null || value === undefined || value === "") return "—";
    if (column.kind === "flag") return value ? "Yes" : "No";
    if (typeof value !== "number") return String(value);
    var text = formatter(column.format).format(value);
    return column.format === "percent1" ? text + "%" : text;
  }

  // --- The status line, error area and a result table -----------------------------------------
  // The runtime's stages in words; on failure, a retry button that restarts it and then calls restart().
  function statusLine(restart) {
    var text = el("span", { class: "calc-status__text" });
    var retry = el("button", { type: "button", class: "md-button", data: { action: "retry" }, hidden: true, text: "Try again",
      on: { click: function () { window.StartRuntime.retry().then(restart); } } });
    var node = el("p", { class: "calc-status", role: "status", "aria-live": "polite", data: { role: "status" } }, [text, " ", retry]);
    window.StartRuntime.onStatus(function (state, message) {
      node.dataset.stage = state.stage;
      text.textContent = state.stage === "failed" ? state.error : message;
      retry.hidden = state.stage !== "failed";
    });
    return node;
  }

  function errorArea() {
    return el("div", { class: "calc-error", role: "alert", data: { role: "error" }, hidden: true });
  }

  function showError(area, error) {
    area.textContent = "";
    if (!error) { area.hidden = true; return; }
    var where = [error.file, error.row ? "row " + error.row : null, error.column ? "column “" + error.column + "”" : null]
      .filter(Boolean).join(", ");
    area.appendChild(el("strong", { text: "That input could not be used. " }));
    area.appendChild(document.createTextNode((where ? where + ": " : "") + error.message));
    area.appendChild(el("span", { class: "calc-hint", text: " Your previous table is unchanged." }));
    area.hidden = false;
  }

  // A sortable <table data-role="results">; cells carry data-col and the raw data-value.
  function resultsTable(caption) {
    var table = el("table", { class: "calc-results", data: { role: "results" } });
    var wrap = el("div", { class: "calc-table-wrap", tabindex: "0", role: "region", "aria-label": caption }, [table]);
    var state = { result: null, sortBy: null, descending: false };

    function sortedRows() {
      var rows = state.result.rows.slice();
      if (state.sortBy === null) return rows;
      var index = state.sortBy;
      rows.sort(function (a, b) {
        var x = a[index], y = b[index];
        if (x === null || x === undefined) return 1; // missing values sort last either way
        if (y === null || y === undefined) return -1;
        var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
        return state.descending ? -order : order;
      });
      return rows;
    }

    function render() {
      table.textContent = "";
      var result = state.result;
      if (!result) return;
      table.appendChild(el("caption", { text: caption }));
      var head = el("tr");
      result.columns.forEach(function (column, index) {
        var sorted = state.sortBy === index;
        var button = el("button", { type: "button", class: "calc-sort", text: column.label,
          on: { click: function () {
            state.descending = sorted ? !state.descending : column.kind === "number";
            state.sortBy = index;
            render();
          } } });
        head.appendChild(el("th", { scope: "col", data: { col: column.name },
          "aria-sort": sorted ? (state.descending ? "descending" : "ascending") : null }, [button]));
      });
      table.appendChild(el("thead", {}, [head]));
      var body = el("tbody");
      var highlight = result.columns.map(function (c) { return c.name; }).indexOf("highlight");
      sortedRows().forEach(function (row) {
        var tr = el("tr", { class: highlight >= 0 && row[highlight] ? "calc-highlight" : null });
        result.columns.forEach(function (column, index) {
          var value = row[index];
          var cell = el(index === 0 ? "th" : "td", { scope: index === 0 ? "row" : null,
            class: column.kind === "number" ? "calc-number" : null,
            data: { col: column.name, value: value === null || value === undefined ? "" : String(value) } });
          cell.textContent = display(value, column);
          tr.appendChild(cell);
        });
        body.appendChild(tr);
      });
      table.appendChild(body);
    }

    return {
      node: wrap,
      table: table,
      // sort: optional {name, descending} to order the rows by one column at first.
      show: function (result, sort) {
        state.result = result;
        state.sortBy = null;
        if (sort) {
          var index = result.columns.map(function (c) { return c.name; }).indexOf(sort.name);
          state.sortBy = index >= 0 ? index : null;
          state.descending = !!sort.descending;
        }
        render();
      },
      current: function () { return state.result; },
    };
  }

  // --- Files, downloads and saved state --------------------------------------------------------
  function readFiles(fileList) {
    return Promise.all(Array.prototype.map.call(fileList, function (file) {
      return file.text().then(function (text) { return { name: file.name, text: text }; });
    }));
  }

  function saveBlob(blob, name) {
    var url = URL.createObjectURL(blob);
    var link = el("a", { href: url, download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function download(result, name, format) {
    var table = { columns: result.columns, rows: result.rows, meta: result.meta || {} };
    return window.StartRuntime.call(format === "xlsx" ? "to_xlsx" : "to_csv", { table: table }).then(function (reply) {
      if (!reply.ok) throw reply.error;
      if (format === "xlsx") {
        var bytes = Uint8Array.from(atob(reply.result), function (c) { return c.charCodeAt(0); });
        saveBlob(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), name + ".xlsx");
      } else {
        saveBlob(new Blob([reply.result], { type: "text/csv;charset=utf-8" }), name + ".csv");
      }
    });
  }

  // Saved per calculator in localStorage; a full or blocked storage only loses the memory.
  function store(key) {
    var full = "start-calculators:" + key;
    return {
      load: function () { try { return JSON.parse(localStorage.getItem(full)); } catch (e) { return null; } },
      save: function (value) { try { localStorage.setItem(full, JSON.stringify(value)); } catch (e) { /* ignore */ } },
      clear: function () { try { localStorage.removeItem(full); } catch (e) { /* ignore */ } },
    };
  }

  // Run a calculation; show its error (keeping the old result) or hand the result on.
  function compute(fn, args, errors) {
    return window.StartRuntime.call(fn, args).then(function (reply) {
      showError(errors, reply.ok ? null : reply.error);
      return reply.ok ? reply.result : null;
    });
  }

  window.StartKit = {
    el: el, id: id, field: field, select: select, modes: modes, display: display, statusLine: statusLine,
    errorArea: errorArea, showError: showError, resultsTable: resultsTable, readFiles: readFiles,
    download: download, store: store, compute: compute,
  };
})();
