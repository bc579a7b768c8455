// What the ranking charts: the bubble chart of the ranked industries, its quadrants explained and
// every industry it cannot place listed beside it (a chart spec for charts/figure.js).
import { bubbleChart } from "../charts.js";
import { el } from "../kit/dom.js";
import { partialTest } from "../table.js";
import { columnsOf, leftOut, nameOf, number } from "./specs.js";

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
  let summary = `${points.length} of ${result.rows.length} industries drawn. Across: ${labels[axes.x]}; up: ${labels[axes.y]}; bubble area: ${labels[axes.size]}.`;
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
