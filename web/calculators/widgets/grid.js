// An editable table for typing or pasting data: labelled cells, add and remove rows, and paste
// of a block copied from a spreadsheet (tab- or comma-separated lines).
(function () {
  "use strict";
  var el = window.StartKit.el;

  // columns: [{name, label, numeric}]; rows: arrays of cell texts.
  function create(options) {
    var columns = options.columns;
    var body = el("tbody");
    var table = el("table", { class: "calc-grid" }, [
      el("caption", { text: options.caption }),
      el("thead", {}, [el("tr", {}, columns.map(function (c) { return el("th", { scope: "col", text: c.label }); })
        .concat([el("th", { scope: "col" }, [el("span", { class: "calc-visually-hidden", text: "Remove" })])]))]),
      body,
    ]);

    function renumber() {
      Array.prototype.forEach.call(body.rows, function (tr, r) {
        Array.prototype.forEach.call(tr.querySelectorAll("input"), function (input, c) {
          input.setAttribute("aria-label", "Row " + (r + 1) + ", " + columns[c].label);
        });
        tr.querySelector("button").setAttribute("aria-label", "Remove row " + (r + 1));
      });
    }

    function addRow(values, before) {
      var tr = el("tr");
      columns.forEach(function (column, c) {
        var input = el("input", { type: "text", inputmode: column.numeric ? "decimal" : null, autocomplete: "off",
          data: { col: column.name }, on: { paste: onPaste } });
        input.value = values && values[c] !== undefined && values[c] !== null ? String(values[c]) : "";
        tr.appendChild(el("td", {}, [input]));
      });
      tr.appendChild(el("td", {}, [el("button", { type: "button", class: "calc-remove", text: "✕",
        on: { click: function () { tr.remove(); renumber(); } } })]));
      body.insertBefore(tr, before || null);
      renumber();
      return tr;
    }

    // A pasted block fills the grid from the cell it lands in, adding rows as needed.
    function onPaste(event) {
      var text = (event.clipboardData || window.clipboardData).getData("text");
      if (!/[\t\n]/.test(text)) return;
      event.preventDefault();
      var lines = text.replace(/\r/g, "").split("\n").filter(function (line) { return line.trim() !== ""; });
      var cell = event.target.closest("td");
      var tr = cell.parentNode;
      var startCol = Array.prototype.indexOf.call(tr.children, cell);
      lines.forEach(function (line) {
        var values = line.split(line.indexOf("\t") >= 0 ? "\t" : ",");
        var inputs = tr.querySelectorAll("input");
        values.forEach(function (value, i) {
          if (inputs[startCol + i]) inputs[startCol + i].value = value.trim();
        });
        tr = tr.nextElementSibling || addRow();
      });
      if (tr && Array.prototype.every.call(tr.querySelectorAll("input"), function (i) { return i.value === ""; }) && body.rows.length > 1) {
        tr.remove();
        renumber();
      }
    }

    var add = el("button", { type: "button", class: "md-button", data: { action: "add-row" }, text: "Add a row",
      on: { click: function () { addRow().querySelector("input").focus(); } } });

    function set(rows) {
      body.textContent = "";
      (rows.length ? rows : [[]]).forEach(function (row) { addRow(row); });
    }

    // Rows as arrays of trimmed texts, leaving out rows with every cell empty.
    function rows() {
      return Array.prototype.map.call(body.rows, function (tr) {
        return Array.prototype.map.call(tr.querySelectorAll("input"), function (input) { return input.value.trim(); });
      }).filter(function (row) { return row.some(function (v) { return v !== ""; }); });
    }

    set(options.rows || []);
    return {
      node: el("div", { class: "calc-grid-block" }, [el("div", { class: "calc-table-wrap" }, [table]), add]),
      set: set,
      rows: rows,
    };
  }

  window.StartGrid = { create: create };
})();
