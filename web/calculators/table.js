// A results table from Python's { columns, rows } result: sortable by any column, each cell
// carrying data-col and its raw data-value (what tests and downloads read).
import { el } from "./kit/dom.js";
import { display } from "./kit/format.js";
import { sortRows } from "./kit/sort.js";

const rawValue = (value) => (value === null || value === undefined ? "" : String(value));

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
  const node = el("div", { class: "calc-table-wrap", tabindex: "0", role: "region", "aria-label": caption }, [table]);
  const state = { result: null, sortBy: null, descending: false };

  const header = (column, index) => {
    const sorted = state.sortBy === index;
    const sortBy = () => {
      // A first click sorts numbers largest first and text A to Z; a second click reverses.
      state.descending = sorted ? !state.descending : column.kind === "number";
      state.sortBy = index;
      render();
    };
    const ariaSort = sorted ? (state.descending ? "descending" : "ascending") : null;
    return el("th", { scope: "col", data: { col: column.name }, "aria-sort": ariaSort }, [
      el("button", { type: "button", class: "calc-sort", text: column.label, on: { click: sortBy } }),
    ]);
  };

  const render = () => {
    table.textContent = "";
    const { result } = state;
    if (!result) return;
    const highlight = result.columns.findIndex((column) => column.name === "highlight");
    const body = el("tbody");
    for (const row of sortRows(result.rows, state.sortBy, state.descending)) {
      const marked = highlight >= 0 && row[highlight];
      body.append(
        el(
          "tr",
          { class: marked ? "calc-highlight" : null },
          result.columns.map((column, index) => cell(row[index], column, index)),
        ),
      );
    }
    table.append(el("caption", { text: caption }), el("thead", {}, [el("tr", {}, result.columns.map(header))]), body);
  };

  return {
    node,
    table,
    // sort: optional { name, descending } to order the rows by one column at first.
    show: (result, sort) => {
      state.result = result;
      state.sortBy = null;
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
