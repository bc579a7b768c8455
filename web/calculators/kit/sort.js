// The order of a results table when a reader sorts it by one column.

const missing = (value) => value === null || value === undefined;

// Numbers by value, anything else as text; missing values sort last in either direction.
export const compareCells = (a, b, descending = false) => {
  if (missing(a) && missing(b)) return 0;
  if (missing(a)) return 1;
  if (missing(b)) return -1;
  const order = typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
  return descending ? -order : order;
};

// A sorted copy of rows (arrays) by the cell at `index`; the sort is stable, so ties keep their order.
export const sortRows = (rows, index, descending = false) => {
  const copy = [...rows];
  if (index === null || index === undefined) return copy;
  return copy.sort((a, b) => compareCells(a[index], b[index], descending));
};
