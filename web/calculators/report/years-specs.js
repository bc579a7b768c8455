// What the several-years views chart: the start and end location quotients side by side, and the
// trend of chosen industries by year (chart specs for charts/figure.js, from Python's results).
import { dumbbellChart, lineChart } from "../charts.js";
import { partialTest } from "../table.js";
import { BARS, columnsOf, leftOut, nameOf, number } from "./specs.js";

// The start and end location quotients side by side for the industries that crossed 1.0 and those
// that moved most; the flag says which crossed ("emerging", "fading"), as Python's rule decides.
export const lqChangeChart = (result, file) => {
  const { index, byName } = columnsOf(result);
  const name = nameOf(result);
  const meta = result.meta ?? {};
  const both = result.rows.filter((row) => number(row[index.lq_start]) && number(row[index.lq_end]));
  const flagged = both.filter((row) => row[index.crossing]);
  const moved = both
    .filter((row) => !row[index.crossing])
    .sort((a, b) => Math.abs(b[index.lq_change]) - Math.abs(a[index.lq_change]))
    .slice(0, Math.max(0, BARS - flagged.length));
  const drawn = [...flagged, ...moved].sort((a, b) => b[index.lq_end] - a[index.lq_end]);
  const missing = result.rows.filter((row) => !(number(row[index.lq_start]) && number(row[index.lq_end]))).map(name);
  const years = [String(meta.start_year ?? "start"), String(meta.end_year ?? "end")];
  const counts = meta.crossings ?? {};
  return {
    "lq-change": {
      title: `Location quotient in ${years[0]} and ${years[1]}: industries that crossed 1.0 or moved most`,
      summary: `${both.length} industries have a location quotient in both years. ${counts.emerging ?? 0} crossed 1.0 upward (emerging) and ${counts.fading ?? 0} downward (fading); ${flagged.length} rows carry a flag, some only "possibly" because their interval touches 1.0. The chart shows those and the largest other changes, highest end value first.`,
      table: {
        caption: "Location quotients drawn in the chart",
        columns: [
          { label: "Industry", kind: "text" },
          byName.lq_start,
          byName.lq_end,
          byName.lq_change,
          byName.crossing,
        ],
        rows: drawn.map((row) => [
          name(row),
          row[index.lq_start],
          row[index.lq_end],
          row[index.lq_change],
          row[index.crossing],
        ]),
      },
      extra: leftOut("Without a location quotient in both years, so not drawn", missing),
      file,
      render: dumbbellChart({
        items: drawn.map((row) => ({
          label: name(row),
          start: row[index.lq_start],
          end: row[index.lq_end],
          flag: row[index.crossing],
        })),
        years,
        axis: "Location quotient (1.0 = the nation's share)",
        reference: { value: 1, label: "1.0" },
      }),
    },
  };
};

// Trend lines of the chosen industries (codes): the measure and the location quotient by year.
export const trendCharts = (result, file, codes) => {
  const { index, byName } = columnsOf(result);
  const name = nameOf(result);
  const meta = result.meta ?? {};
  const measure = meta.measure ?? "employment";
  const valueColumn = byName[measure] ? measure : "employment";
  const years = [...new Set(result.rows.map((row) => row[index.year]))].sort();
  const partial = partialTest(result.columns);
  const chosen = result.rows.filter((row) => codes.includes(row[index.industry_code]));
  const series = (column) =>
    codes
      .map((code) => chosen.filter((row) => row[index.industry_code] === code))
      .filter((rows) => rows.length)
      .map((rows) => ({
        label: name(rows[0]),
        points: rows.map((row) => ({ year: row[index.year], value: row[index[column]], partial: partial(row) })),
      }));
  const table = (column) => ({
    caption: "Values drawn in the chart",
    columns: [{ label: "Industry", kind: "text" }, byName.year, byName[column]],
    rows: chosen.map((row) => [name(row), row[index.year], row[index[column]]]),
  });
  const hollow = chosen.some(partial) ? " Hollow points rest on partly suppressed data (the published part)." : "";
  const names = series(valueColumn)
    .map((s) => s.label)
    .join(", ");
  return {
    trend: {
      title: `${byName[valueColumn].label} by year, ${years[0]} to ${years.at(-1)}`,
      summary: `${byName[valueColumn].label} of ${names} in each year from ${years[0]} to ${years.at(-1)}.${hollow}`,
      table: table(valueColumn),
      file: `${file}-${valueColumn}`,
      render: lineChart({
        series: series(valueColumn),
        years,
        axis: byName[valueColumn].label,
        format: byName[valueColumn].format,
      }),
    },
    "trend-lq": {
      title: `Location quotient by year, ${years[0]} to ${years.at(-1)}`,
      summary: `Location quotient of ${names} in each year; the dashed line at 1.0 is the nation's share.${hollow}`,
      table: table("lq"),
      file: `${file}-lq`,
      render: lineChart({
        series: series("lq"),
        years,
        axis: "Location quotient",
        format: "decimal2",
        reference: { value: 1, label: "1.0" },
      }),
    },
  };
};
