// Trend lines: a value by year for a few chosen industries, each line named at its right end.
// Points resting on partly suppressed data are drawn hollow; a missing year breaks the line.
import { display } from "../kit/format.js";
import { domain, FONT_SIZE, linear, multiline, svg, titled, wrap, yGrid } from "./svg.js";

const MARGIN = { top: 24, bottom: 40, left: 64 };
const LINE = FONT_SIZE + 1;

// Labels at the lines' ends, nudged apart so none overlap: [{ y, lines }] in the input order.
const spread = (wanted, heights, top, bottom) => {
  const order = wanted.map((y, i) => ({ y, i, h: heights[i] })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k += 1) {
    const prev = order[k - 1];
    order[k].y = Math.max(order[k].y, prev.y + prev.h / 2 + order[k].h / 2 + 2);
  }
  const overflow = order.length ? order.at(-1).y + order.at(-1).h / 2 - bottom : 0;
  if (overflow > 0) for (const item of order) item.y = Math.max(top, item.y - overflow);
  const out = [];
  for (const item of order) out[item.i] = item.y;
  return out;
};

// series: [{ label, points: [{ year, value, partial }] }]; years: the x categories in order;
// options: { axis, format, reference: { value, label } }. Returns render(width) -> <svg>.
export const lineChart =
  ({ series, years, axis, format = "integer", reference }) =>
  (width) => {
    const labelWidth = Math.min(200, Math.max(100, width * 0.26));
    const names = series.map((s) => wrap(s.label, labelWidth - 12));
    const right = width - labelWidth;
    const height = Math.round(Math.min(460, Math.max(300, width * 0.5)));
    const plot = { left: MARGIN.left, right, top: MARGIN.top, bottom: height - MARGIN.bottom };
    const values = series.flatMap((s) => s.points.map((p) => p.value)).filter(Number.isFinite);
    const yd = domain(values, reference ? [reference.value] : []);
    const step = years.length > 1 ? (plot.right - plot.left - 20) / (years.length - 1) : 0;
    const x = (year) => plot.left + 10 + years.indexOf(year) * step;
    const y = linear(yd, [plot.bottom, plot.top]);
    const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}` });
    root.append(svg("text", { x: 4, y: 12, class: "calc-svg__axis-title", text: axis }));
    root.append(...yGrid(plot, y, yd, 5, format));
    for (const year of years) {
      root.append(
        svg("text", { x: x(year), y: plot.bottom + 18, "text-anchor": "middle", class: "calc-svg__tick", text: year }),
      );
    }
    if (reference) {
      root.append(
        svg("line", {
          x1: plot.left,
          x2: plot.right,
          y1: y(reference.value),
          y2: y(reference.value),
          class: "calc-svg__ref",
        }),
        svg("text", {
          x: plot.right - 4,
          y: y(reference.value) - 5,
          "text-anchor": "end",
          class: "calc-svg__ref-label",
          text: reference.label,
        }),
      );
    }
    const ends = [];
    series.forEach((s, i) => {
      const known = s.points.filter((p) => Number.isFinite(p.value));
      const group = svg("g", { class: `calc-svg__series calc-svg__c${i % 6}` });
      let path = "";
      let previous = null;
      for (const year of years) {
        const point = s.points.find((p) => p.year === year);
        if (!point || !Number.isFinite(point.value)) {
          previous = null;
          continue;
        }
        path += `${previous ? "L" : "M"}${x(year).toFixed(1)},${y(point.value).toFixed(1)}`;
        previous = point;
      }
      if (path) group.append(svg("path", { d: path, class: "calc-svg__line" }));
      for (const p of known) {
        const tip = `${s.label}, ${p.year}: ${display(p.value, { kind: "number", format })}${p.partial ? " (rests on partly suppressed data)" : ""}`;
        group.append(
          titled(
            svg("circle", {
              cx: x(p.year),
              cy: y(p.value),
              r: 4,
              class: p.partial ? "calc-svg__point calc-svg__point--partial" : "calc-svg__point",
            }),
            tip,
          ),
        );
      }
      root.append(group);
      const last = known.at(-1);
      ends.push(last ? y(last.value) : plot.bottom);
    });
    const heights = names.map((lines) => lines.length * LINE);
    const at = spread(ends, heights, plot.top, plot.bottom);
    names.forEach((lines, i) => {
      const top = at[i] - heights[i] / 2 + FONT_SIZE * 0.8;
      root.append(multiline(lines, { x: right + 10, y: top, class: `calc-svg__end-label calc-svg__c${i % 6}` }, LINE));
    });
    return root;
  };
