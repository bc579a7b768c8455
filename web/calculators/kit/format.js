// How a number looks in a results table. The raw value stays in the cell's data-value.

const FORMATS = {
  integer: { maximumFractionDigits: 0 },
  decimal1: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  decimal2: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  decimal4: { minimumFractionDigits: 4, maximumFractionDigits: 4 },
  percent1: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  currency: { style: "currency", currency: "USD", maximumFractionDigits: 0 },
  // A place: whole places as integers, a shared RANK.AVG place with its half (1.5).
  rank: { minimumFractionDigits: 0, maximumFractionDigits: 1 },
};

// One Intl.NumberFormat per format: creating one per cell is what makes big tables slow.
const formatters = new Map();

const formatter = (format) => {
  const key = format in FORMATS ? format : "decimal2";
  if (!formatters.has(key)) formatters.set(key, new Intl.NumberFormat("en-US", FORMATS[key]));
  return formatters.get(key);
};

// column: { kind, format } from Python's result; missing values show as a dash.
export const display = (value, column) => {
  if (value === null || value === undefined || value === "") return "—";
  if (column.kind === "flag") return value ? "Yes" : "No";
  if (typeof value !== "number") return String(value);
  // A place: whole places as integers, RANK.AVG's half places with one decimal (1.5).
  if (column.format === "rank") return formatter(Number.isInteger(value) ? "integer" : "decimal1").format(value);
  const text = formatter(column.format).format(value);
  return column.format === "percent1" ? `${text}%` : text;
};
