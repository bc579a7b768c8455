// A results table from Python's { columns, rows } result: sortable by any column, each cell
// carrying data-col and its raw data-value (what tests and downloads read).
import { el } from "./kit/dom.js";
import { display } from "./kit/format.js";
import { sortRows } from "./kit/sort.js";

const rawValue = (value) => (value === null || value === undefined ? "" : String(value));
// Rows put in the page at a time: laying out a table of thousands of rows blocks the page for
// seconds, so a long result shows its first rows and a button adds more (downloads hold them all).
const ROWS_AT_ONCE = 200;

const cell = (value, column, index) => {
  const node = el(index === 0 ? "th" : "td", {
    scope: index === 0 ? "row" : null,
    class: column.kind === "number" ? "calc-number" : null,
    data: { col: column.name, value: rawValue(value) },
  });
  node.textContent = display(value, column);
  return node;
};

export const resultsTable = (caption) => {
  const table = el("table", { class: "calc-results", data: { role: "results" } });
  const wrap = el("div", { class: "calc-table-wrap", tabindex: "0", role: "region", "aria-label": caption }, [table]);
  const more = el("button", { type: "button", class: "md-button", data: { action: "more-rows" }, hidden: true });
  const node = el("div", { class: "calc-results-block" }, [wrap, el("p", { class: "calc-actions" }, [more])]);
  const state = { result: null, sortBy: null, descending: false, shown: ROWS_AT_ONCE };

  const header = (column, index) => {
    const sorted = state.sortBy === index;
    const sortBy = () => {
      // A first click sorts numbers largest first and text A to Z; a second click reverses.
      state.descending = sorted ? !state.descending : column.kind === "number";
      state.sortBy = index;
      state.shown = ROWS_AT_ONCE;
      render();
    };
    const ariaSort = sorted ? (state.descending ? "descending" : "ascending") : null;
    return el("th", { scope: "col", data: { col: column.name }, "aria-sort": ariaSort }, [
      el("button", { type: "button", class: "calc-sort", text: column.label, on: { click: sortBy } }),
    ]);
  };

  // The next rows of the sorted result, up to state.shown, added to the table's body.
  const addRows = (body, rows) => {
    const { result } = state;
    const highlight = result.columns.findIndex((column) => column.name === "highlight");
    for (const row of rows.slice(body.rows.length, state.shown)) {
      const marked = highlight >= 0 && row[highlight];
      body.append(
        el(
          "tr",
          { class: marked ? "calc-highlight" : null },
          result.columns.map((column, index) => cell(row[index], column, index)),
        ),
      );
    }
    const left = rows.length - body.rows.length;
    more.hidden = left <= 0;
    const shown = `${body.rows.length.toLocaleString("en-US")} of ${rows.length.toLocaleString("en-US")} shown`;
    more.textContent = `Show ${Math.min(left, ROWS_AT_ONCE).toLocaleString("en-US")} more rows (${shown})`;
  };

  let ordered = []; // the result's rows in the order shown
  const render = () => {
    table.textContent = "";
    more.hidden = true;
    const { result } = state;
    if (!result) return;
    const body = el("tbody");
    ordered = sortRows(result.rows, state.sortBy, state.descending);
    addRows(body, ordered);
    table.append(el("caption", { text: caption }), el("thead", {}, [el("tr", {}, result.columns.map(header))]), body);
  };
  more.addEventListener("click", () => {
    state.shown += ROWS_AT_ONCE;
    addRows(table.tBodies[0], ordered);
  });

  return {
    node,
    table,
    // sort: optional { name, descending } to order the rows by one column at first.
    show: (result, sort) => {
      state.result = result;
      state.sortBy = null;
      state.shown = ROWS_AT_ONCE;
      if (sort) {
        const index = result.columns.findIndex((column) => column.name === sort.name);
        state.sortBy = index >= 0 ? index : null;
        state.descending = Boolean(sort.descending);
      }
      render();
    },
    current: () => state.result,
  };
};
