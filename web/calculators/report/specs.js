// What each calculator charts: chart specs (charts/figure.js) built from Python's results. Every
// number drawn is one Python computed; these only pick rows, order them by a stated rule and say
// in words what the chart shows. Rows a chart cannot draw are listed beside it, never dropped.
import { barChart, stackedChart } from "../charts.js";
import { el } from "../kit/dom.js";
import { display } from "../kit/format.js";
import { partialTest } from "../table.js";

export const BARS = 25; // rows in a chart of the largest changes

// { name: index } of a result's columns, and the column objects by name.
export const columnsOf = (result) => {
  const index = Object.fromEntries(result.columns.map((column, i) => [column.name, i]));
  const byName = Object.fromEntries(result.columns.map((column) => [column.name, column]));
  return { index, byName };
};

export const nameOf = (result) => {
  const { index } = columnsOf(result);
  const at = index.industry_title ?? index.industry ?? 0;
  const code = index.industry_code;
  return (row) => (row[at] === null || row[at] === undefined ? String(row[code] ?? "") : String(row[at]));
};

export const number = (value) => typeof value === "number" && Number.isFinite(value);
export const show = (value, format) => display(value, { kind: "number", format });

// A short list beside a chart: what it leaves out and why (empty -> nothing).
export const leftOut = (what, names) =>
  names.length
    ? [
        el("p", { class: "calc-chart__left-out", data: { role: "left-out" } }, [
          `${what} (${names.length}): ${names.join("; ")}.`,
        ]),
      ]
    : [];

export const spanOf = (meta) =>
  meta.start_year && meta.end_year ? `${meta.start_year} to ${meta.end_year}` : (meta.year ?? "");

// The location quotient of each industry as bars, highest first (the sorting rule the table
// states); an interval's upper end drawn lighter beyond its bar.
export const lqBars = (result, file) => {
  const { index, byName } = columnsOf(result);
  const name = nameOf(result);
  const partial = partialTest(result.columns);
  const meta = result.meta ?? {};
  const drawn = result.rows.filter((row) => number(row[index.lq])).sort((a, b) => b[index.lq] - a[index.lq]);
  const missing = result.rows.filter((row) => !number(row[index.lq])).map(name);
  const items = drawn.map((row) => ({
    label: name(row),
    value: row[index.lq],
    high: partial(row) && number(row[index.lq_high]) ? row[index.lq_high] : undefined,
  }));
  const above = drawn.filter((row) => row[index.lq] >= 1).length;
  const ranged = items.filter((item) => item.high !== undefined).length;
  const measure = meta.measure ? ` of ${meta.measure}` : "";
  const top = items[0];
  let summary = `${items.length} industries have a location quotient${measure}; ${above} are at or above 1.0, more concentrated than in the nation.`;
  if (top) summary += ` The highest is ${top.label} at ${show(top.value, "decimal2")}.`;
  if (ranged) {
    summary += ` ${ranged} bars rest on partly suppressed data: the dark bar is the location quotient of the published part (the least the data allow), and the light extension reaches the most they allow.`;
  }
  const columns = [{ label: "Industry", kind: "text" }, byName.lq, byName.lq_high, byName.band].filter(Boolean);
  const rows = drawn.map((row) =>
    [name(row), row[index.lq], row[index.lq_high], row[index.band]].slice(0, columns.length),
  );
  return {
    lq: {
      title: `Location quotient${measure} by industry, ${meta.area ?? "your region"}, ${spanOf(meta)}`,
      summary,
      table: { caption: "Location quotients drawn in the chart", columns, rows },
      extra: leftOut("Without a location quotient, so not drawn", missing),
      file,
      render: barChart({
        items,
        axis: "Location quotient (1.0 = the nation's share)",
        reference: { value: 1, label: "1.0" },
      }),
    },
  };
};

// The largest changes as bars: growth over the span in jobs, largest first by size of change.
export const growthBars = (result, file) => {
  const { index, byName } = columnsOf(result);
  if (index.change === undefined) return {};
  const name = nameOf(result);
  const meta = result.meta ?? {};
  const known = result.rows.filter((row) => number(row[index.change]));
  const drawn = [...known].sort((a, b) => Math.abs(b[index.change]) - Math.abs(a[index.change])).slice(0, BARS);
  const missing = result.rows.filter((row) => !number(row[index.change])).map(name);
  const gained = known.filter((row) => row[index.change] > 0).length;
  const columns = [
    { label: "Industry", kind: "text" },
    byName.change,
    byName.percent_change,
    byName.annualized_percent,
  ].filter(Boolean);
  return {
    growth: {
      title: `Change in jobs, ${spanOf(meta)}: the ${drawn.length} largest changes`,
      summary: `${known.length} industries have a change over the span; ${gained} gained jobs and ${known.length - gained} did not. The chart shows the ${drawn.length} largest changes, gains and losses alike; the table above lists every industry.`,
      table: {
        caption: "Changes drawn in the chart",
        columns,
        rows: drawn.map((row) =>
          [name(row), row[index.change], row[index.percent_change], row[index.annualized_percent]].slice(
            0,
            columns.length,
          ),
        ),
      },
      extra: leftOut("Without a change over the span (suppressed or missing in a year), so not drawn", missing),
      file,
      render: barChart({
        items: drawn.map((row) => ({ label: name(row), value: row[index.change] })),
        axis: "Change in jobs",
        format: "integer",
      }),
    },
  };
};

// The shift-share split of the largest changes, each bar's parts adding up to its total change.
export const shiftBars = (result, file) => {
  const { index, byName } = columnsOf(result);
  const parts = ["national_effect", "industry_mix_effect", "competitive_effect", "allocation_effect"].filter(
    (n) => index[n] !== undefined,
  );
  const name = nameOf(result);
  const meta = result.meta ?? {};
  const complete = (row) => parts.every((part) => number(row[index[part]])) && number(row[index.total_change]);
  const known = result.rows.filter(complete);
  const drawn = [...known]
    .sort((a, b) => Math.abs(b[index.total_change]) - Math.abs(a[index.total_change]))
    .slice(0, BARS);
  const missing = result.rows.filter((row) => !complete(row)).map(name);
  const series = parts.map((part) => byName[part].label);
  const method = meta.method_label ? ` The method: ${meta.method_label}.` : "";
  const columns = [{ label: "Industry", kind: "text" }, ...parts.map((part) => byName[part]), byName.total_change];
  return {
    shift: {
      title: `Shift-share of the change in jobs, ${meta.area ?? "your region"}, ${spanOf(meta)}`,
      summary: `Each bar splits one industry's change in jobs into ${series.map((label) => label.toLowerCase()).join(", ")}; the parts add up to the total change, marked by a diamond. Parts that add jobs extend right of zero, parts that take them away extend left. The ${drawn.length} largest changes are drawn.${method}`,
      table: {
        caption: "The split drawn in the chart",
        columns,
        rows: drawn.map((row) => [name(row), ...parts.map((part) => row[index[part]]), row[index.total_change]]),
      },
      extra: leftOut("Without a complete split (suppressed or missing figures), so not drawn", missing),
      file,
      render: stackedChart({
        items: drawn.map((row) => ({
          label: name(row),
          parts: parts.map((part) => row[index[part]]),
          total: row[index.total_change],
        })),
        series,
        axis: "Jobs",
        totalLabel: "Total change",
      }),
    },
  };
};
