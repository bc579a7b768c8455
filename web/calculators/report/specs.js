// What each calculator charts: chart specs (charts/figure.js) built from Python's results. Every
// number drawn is one Python computed; these only pick rows, order them by a stated rule and say
// in words what the chart shows. Rows a chart cannot draw are listed beside it, never dropped.
import { barChart, bubbleChart, dumbbellChart, lineChart, stackedChart } from "../charts.js";
import { el } from "../kit/dom.js";
import { display } from "../kit/format.js";
import { partialTest } from "../table.js";

const BARS = 25; // rows in a chart of the largest changes

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

const number = (value) => typeof value === "number" && Number.isFinite(value);
const show = (value, format) => display(value, { kind: "number", format });

// A short list beside a chart: what it leaves out and why (empty -> nothing).
export const leftOut = (what, names) =>
  names.length
    ? [
        el("p", { class: "calc-chart__left-out", data: { role: "left-out" } }, [
          `${what} (${names.length}): ${names.join("; ")}.`,
        ]),
      ]
    : [];

const spanOf = (meta) =>
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
  const method = meta.method_label ? ` (${meta.method_label})` : "";
  const columns = [{ label: "Industry", kind: "text" }, ...parts.map((part) => byName[part]), byName.total_change];
  return {
    shift: {
      title: `Shift-share of the change in jobs${method}, ${meta.area ?? "your region"}, ${spanOf(meta)}`,
      summary: `Each bar splits one industry's change in jobs into ${series.join(", ")}; the parts add up to the total change, marked by a diamond. Parts that add jobs extend right of zero, parts that take them away extend left. The ${drawn.length} largest changes are drawn.`,
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

const QUADRANTS = [
  ["topRight", "Stars", "concentrated here (location quotient 1.0 or more) and growing"],
  ["topLeft", "Mature", "concentrated here but shrinking"],
  ["bottomRight", "Emerging", "growing but not yet concentrated here"],
  ["bottomLeft", "Transforming", "neither concentrated here nor growing"],
];

// The ranking's bubble chart: axes { x, y, size } are column names, labels their words. Reference
// lines at growth 0 and LQ 1.0 when those are the axes; rows lacking a value are listed beside it.
export const bubbleSpec = (result, file, axes, labels) => {
  const { index, byName } = columnsOf(result);
  const at = ["x", "y", "size"].map((axis) => index[axes[axis]]);
  if (at.some((i) => i === undefined)) return {};
  const [xi, yi, si] = at;
  const name = nameOf(result);
  const partial = partialTest(result.columns);
  const complete = (row) => at.every((i) => number(row[i]));
  const drawn = result.rows.filter(complete);
  const points = drawn.map((row) => ({
    label: name(row),
    x: row[xi],
    y: row[yi],
    size: row[si],
    partial: partial(row),
  }));
  const growth = /growth|change|percent/.test(axes.x);
  const lq = axes.y === "lq";
  const references = { x: growth ? 0 : undefined, y: lq ? 1 : undefined };
  const quadrants = growth && lq ? Object.fromEntries(QUADRANTS.map(([key, title]) => [key, title])) : null;
  const chart = bubbleChart({
    points,
    axes: { x: labels[axes.x], y: labels[axes.y], size: labels[axes.size] },
    formats: { x: byName[axes.x].format, y: byName[axes.y].format, size: byName[axes.size].format },
    references,
    quadrants,
  });
  const extra = [];
  if (quadrants) {
    const where = (p) => (p.y >= 1 ? (p.x >= 0 ? "topRight" : "topLeft") : p.x >= 0 ? "bottomRight" : "bottomLeft");
    const counts = {};
    for (const p of points) counts[where(p)] = (counts[where(p)] ?? 0) + 1;
    extra.push(
      el(
        "ul",
        { class: "calc-chart__quadrants", data: { role: "quadrants" } },
        QUADRANTS.map(([key, title, meaning]) =>
          el("li", {}, [el("strong", { text: title }), ` (${counts[key] ?? 0}): ${meaning}.`]),
        ),
      ),
    );
  }
  for (const axis of ["x", "y", "size"]) {
    const i = index[axes[axis]];
    const lacking = result.rows.filter((row) => !number(row[i])).map(name);
    extra.push(...leftOut(`Not in the chart, without a value for ${labels[axes[axis]]}`, lacking));
  }
  const unlabelled = el("p", { class: "calc-chart__left-out", data: { role: "unlabelled" } });
  extra.push(unlabelled);
  const ranged = points.filter((p) => p.partial).length;
  let summary = `${points.length} of ${result.rows.length} industries drawn: ${labels[axes.x]} across, ${labels[axes.y]} up, and the area of each bubble ${labels[axes.size]}.`;
  if (quadrants)
    summary +=
      " The dashed lines at zero growth and a location quotient of 1.0 divide the chart into the four groups listed below it.";
  if (ranged)
    summary += ` ${ranged} bubbles with a dashed outline rest on partly suppressed data (the published part).`;
  return {
    bubbles: {
      title: `${labels[axes.y]} against ${labels[axes.x]}, sized by ${labels[axes.size]}`,
      summary,
      table: {
        caption: "Values drawn in the chart",
        columns: [{ label: "Industry", kind: "text" }, byName[axes.x], byName[axes.y], byName[axes.size]],
        rows: drawn.map((row) => [name(row), row[xi], row[yi], row[si]]),
      },
      extra,
      file,
      render: chart.render,
      onDraw: () => {
        const named = new Set(chart.labelled());
        const rest = points.filter((p) => !named.has(p.label)).map((p) => p.label);
        unlabelled.textContent = rest.length
          ? `Bubbles without a label for lack of room (${rest.length}; the table under the chart has their values): ${rest.join("; ")}.`
          : "";
      },
    },
  };
};
