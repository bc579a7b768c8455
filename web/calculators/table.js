// A results table from Python's { columns, rows } result: sortable by any column, each cell
// carrying data-col and its raw data-value (what tests and downloads read), rows resting on partly
// suppressed data marked, long results shown a page of rows at a time.
import { el } from "./kit/dom.js";
import { display } from "./kit/format.js";
import { sortRows } from "./kit/sort.js";

// How a raw value is written into data-value: as JavaScript writes numbers (hooks/prerender.py
// writes them the same way).
const rawValue = (value) => (value === null || value === undefined ? "" : String(value));
// Rows put in the page at a time: laying out a table of thousands of rows blocks the page for
// seconds, so a long result shows its first rows and a button adds more (downloads hold them all).
const ROWS_AT_ONCE = 200;

// (row) -> whether it rests on partly suppressed data: a false fully_published or true partial_data.
export const partialTest = (columns) => {
  const names = columns.map((column) => column.name);
  const published = names.indexOf("fully_published");
  const partial = names.indexOf("partial_data");
  return (row) => (published >= 0 && row[published] === false) || (partial >= 0 && row[partial] === true);
};

const cell = (value, column, index, marked) => {
  const classes = [column.kind === "number" ? "calc-number" : null, marked ? "calc-partial" : null].filter(Boolean);
  const node = el(index === 0 ? "th" : "td", {
    scope: index === 0 ? "row" : null,
    class: classes.join(" ") || null,
    data: { col: column.name, value: rawValue(value) },
  });
  node.textContent = display(value, column);
  return node;
};

// caption: what the table is, unless the result's meta names it (meta.title); wrap: an existing
// .calc-table-wrap holding a prerendered table to adopt, or nothing to make a new one; role: the
// table's data-role ("results" for a page's main table, which tests and the bench look for).
export const resultsTable = (caption, wrap = null, role = "results") => {
  const table = wrap?.querySelector("table") ?? el("table", { class: "calc-results", data: { role } });
  const tableWrap = wrap ?? el("div", { class: "calc-table-wrap", tabindex: "0", role: "region" }, [table]);
  const more = el("button", { type: "button", class: "md-button", data: { action: "more-rows" }, hidden: true });
  const node = el("div", { class: "calc-results-block" }, [tableWrap, el("p", { class: "calc-actions" }, [more])]);
  const state = { result: null, sortBy: null, descending: false, keep: null, shown: ROWS_AT_ONCE };

  const sortButton = (column, index) =>
    el("button", {
      type: "button",
      class: "calc-sort",
      text: column.label,
      on: {
        click: () => {
          // A first click sorts numbers largest first and text A to Z; a second click reverses.
          state.descending = state.sortBy === index ? !state.descending : column.kind === "number";
          state.sortBy = index;
          state.shown = ROWS_AT_ONCE;
          render();
        },
      },
    });

  const ariaSort = (index) => (state.sortBy === index ? (state.descending ? "descending" : "ascending") : null);

  const header = (column, index) =>
    el("th", { scope: "col", data: { col: column.name }, "aria-sort": ariaSort(index) }, [sortButton(column, index)]);

  const titleOf = (result) => result.meta?.title ?? caption;

  // The next rows of the sorted, filtered result, up to state.shown, added to the table's body.
  const addRows = (body, rows) => {
    const { result } = state;
    const highlight = result.columns.findIndex((column) => column.name === "highlight");
    const partial = partialTest(result.columns);
    const marks = new Set(result.meta?.partial_columns ?? []);
    for (const row of rows.slice(body.rows.length, state.shown)) {
      const rests = partial(row);
      const tr = el("tr", { class: highlight >= 0 && row[highlight] ? "calc-highlight" : null });
      if (rests) tr.dataset.partial = "";
      tr.append(
        ...result.columns.map((column, index) => cell(row[index], column, index, rests && marks.has(column.name))),
      );
      body.append(tr);
    }
    const left = rows.length - body.rows.length;
    more.hidden = left <= 0;
    const shown = `${body.rows.length.toLocaleString("en-US")} of ${rows.length.toLocaleString("en-US")} shown`;
    more.textContent = `Show ${Math.min(left, ROWS_AT_ONCE).toLocaleString("en-US")} more rows (${shown})`;
  };

  let ordered = []; // the result's rows in the order shown, after the filter
  const render = () => {
    table.textContent = "";
    more.hidden = true;
    const { result } = state;
    if (!result) return;
    const body = el("tbody");
    ordered = sortRows(result.rows, state.sortBy, state.descending).filter((row) => !state.keep || state.keep(row));
    addRows(body, ordered);
    table.append(
      el("caption", { text: titleOf(result) }),
      el("thead", {}, [el("tr", {}, result.columns.map(header))]),
      body,
    );
  };
  more.addEventListener("click", () => {
    state.shown += ROWS_AT_ONCE;
    addRows(table.tBodies[0], ordered);
  });

  const order = (result, sort) => {
    state.result = result;
    state.keep = null; // a new result shows every row until the reader filters again
    state.sortBy = null;
    state.descending = false;
    state.shown = ROWS_AT_ONCE;
    if (sort) {
      const index = result.columns.findIndex((column) => column.name === sort.name);
      state.sortBy = index >= 0 ? index : null;
      state.descending = Boolean(sort.descending);
    }
    tableWrap.setAttribute("aria-label", titleOf(result));
  };

  return {
    node,
    table,
    // sort: optional { name, descending } to order the rows by one column at first.
    show: (result, sort) => {
      order(result, sort);
      render();
    },
    // The table already on the page shows `result` in the order `sort` gives: keep its rows and
    // cells, and only make its headings the sort buttons a drawn table has.
    adopt: (result, sort) => {
      order(result, sort);
      ordered = sortRows(result.rows, state.sortBy, state.descending);
      for (const th of table.querySelectorAll("thead th")) {
        const index = result.columns.findIndex((column) => column.name === th.dataset.col);
        if (index < 0) continue;
        const sorted = ariaSort(index);
        if (sorted) th.setAttribute("aria-sort", sorted);
        th.replaceChildren(sortButton(result.columns[index], index));
      }
    },
    // keep(row) -> false hides a row (null shows every row); the order stays.
    filter: (keep) => {
      state.keep = keep;
      state.shown = ROWS_AT_ONCE;
      render();
    },
    clear: () => {
      state.result = null;
      table.textContent = "";
      more.hidden = true;
    },
    current: () => state.result,
  };
};
