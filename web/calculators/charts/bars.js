// Horizontal bar charts: every bar carries its full name (wrapped, never cut) and its value.
// barChart draws one value per row, with an optional range (an interval's upper end) and a
// reference line; stackedChart draws parts that add up to a total, negative parts to the left.
import { display } from "../kit/format.js";
import { domain, FONT_SIZE, linear, multiline, svg, textWidth, ticks, tickText, titled, wrap } from "./svg.js";

const ROW = 22;
const LINE = FONT_SIZE + 2;
const TOP = 34;
const BOTTOM = 10;

const valueText = (value, format) => display(value, { kind: "number", format });

// The name column: as wide as the longest name, at most 40% of the chart; longer names wrap.
const nameColumn = (labels, width) => {
  const widest = Math.max(0, ...labels.map((label) => textWidth(label)));
  const column = Math.min(widest + 10, Math.max(120, width * 0.4));
  const lines = labels.map((label) => wrap(label, column - 10));
  return { column, lines, heights: lines.map((rows) => Math.max(ROW, rows.length * LINE + 6)) };
};

// Ticks, grid lines and the axis title across the top of the plot.
const axisParts = (x, [lo, hi], { top, bottom, left, format, axis }) => [
  svg("text", { x: left, y: 12, class: "calc-svg__axis-title", text: axis }),
  ...ticks(lo, hi, 6).flatMap((tick) => [
    svg("line", { x1: x(tick), x2: x(tick), y1: top - 6, y2: bottom, class: "calc-svg__grid" }),
    svg("text", {
      x: x(tick),
      y: top - 10,
      "text-anchor": "middle",
      class: "calc-svg__tick",
      text: tickText(tick, format),
    }),
  ]),
];

const nameLabel = (lines, right, mid) =>
  multiline(
    lines,
    {
      x: right,
      y: mid - ((lines.length - 1) * LINE) / 2 + FONT_SIZE * 0.35,
      "text-anchor": "end",
      class: "calc-svg__label",
    },
    LINE,
  );

// items: [{ label, value, high }] (high: the upper end of an interval, drawn lighter beyond the
// value); options: { axis, format, reference: { value, label } }. Returns render(width) -> <svg>.
export const barChart =
  ({ items, axis, format = "decimal2", reference }) =>
  (width) => {
    const names = nameColumn(
      items.map((item) => item.label),
      width,
    );
    const values = items.map((item) => item.value);
    const [lo, hi] = domain(values, [0, reference?.value ?? 0]);
    const labels = items.map((item) => valueText(item.value, format));
    // A range past the axis is cut at its end, and its label says how far it reaches.
    const texts = items.map((item, i) =>
      Number.isFinite(item.high) && item.high > hi ? `${labels[i]} (up to ${valueText(item.high, format)})` : labels[i],
    );
    const labelRoom = Math.max(...texts.map((text) => textWidth(text)), 20) + 10;
    const left = names.column + (lo < 0 ? labelRoom : 0);
    const right = Math.max(left + 60, width - labelRoom - 6);
    const x = linear([lo, hi], [left, right]);
    const height = TOP + names.heights.reduce((a, b) => a + b, 0) + BOTTOM + (reference ? 16 : 0);
    const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}` });
    root.append(...axisParts(x, [lo, hi], { top: TOP, bottom: height - BOTTOM, left, format, axis }));
    let y = TOP;
    items.forEach((item, i) => {
      const h = names.heights[i];
      const mid = y + h / 2;
      const group = svg("g", { class: "calc-svg__row" }, [nameLabel(names.lines[i], names.column - 8, mid)]);
      const zero = x(0);
      const end = x(item.value);
      group.append(
        svg("rect", {
          x: Math.min(zero, end),
          y: mid - 7,
          width: Math.max(1, Math.abs(end - zero)),
          height: 14,
          class: item.value < 0 ? "calc-svg__bar calc-svg__bar--negative" : "calc-svg__bar",
        }),
      );
      let reach = Math.max(zero, end);
      let tip = `${item.label}: ${labels[i]}`;
      if (Number.isFinite(item.high) && item.high > item.value) {
        const top = x(Math.min(item.high, hi));
        group.append(
          svg("rect", { x: end, y: mid - 4, width: Math.max(1, top - end), height: 8, class: "calc-svg__range" }),
        );
        reach = top;
        tip += ` (at most ${valueText(item.high, format)})`;
      }
      const text = texts[i];
      const negative = item.value < 0;
      group.append(
        svg("text", {
          x: negative ? Math.min(zero, end) - 4 : reach + 4,
          y: mid + FONT_SIZE * 0.35,
          "text-anchor": negative ? "end" : "start",
          class: "calc-svg__value",
          text,
        }),
      );
      root.append(titled(group, tip));
      y += h;
    });
    if (reference) {
      const at = x(reference.value);
      root.append(
        svg("line", { x1: at, x2: at, y1: TOP - 4, y2: height - BOTTOM - 14, class: "calc-svg__ref" }),
        svg("text", {
          x: at,
          y: height - BOTTOM,
          "text-anchor": "middle",
          class: "calc-svg__ref-label",
          text: reference.label,
        }),
      );
    }
    return root;
  };

// Colored keys naming the series, then the total's diamond, wrapping as needed: [nodes, height].
export const legend = (series, totalLabel, width) => {
  const nodes = [];
  let x = 0;
  let y = 14;
  for (const [i, label] of [...series, totalLabel].entries()) {
    const room = 18 + textWidth(label) + 16;
    if (x + room > width && x > 0) {
      x = 0;
      y += 18;
    }
    const swatch =
      i === series.length
        ? svg("path", { d: `M${x + 6},${y - 11} l6,6 l-6,6 l-6,-6 z`, class: "calc-svg__total" })
        : svg("rect", { x, y: y - 10, width: 12, height: 12, class: `calc-svg__s${i}` });
    nodes.push(swatch, svg("text", { x: x + 18, y, class: "calc-svg__label", text: label }));
    x += room;
  }
  return [nodes, y + 10];
};

// items: [{ label, parts: [numbers], total }]; series: labels of the parts; options: { axis, format,
// totalLabel }. Positive parts stack right of zero, negative ones left; a diamond marks the total.
export const stackedChart =
  ({ items, series, axis, format = "decimal1", totalLabel = "Total" }) =>
  (width) => {
    const names = nameColumn(
      items.map((item) => item.label),
      width,
    );
    const extent = items.flatMap((item) => [
      item.parts.filter((v) => v > 0).reduce((a, b) => a + b, 0),
      item.parts.filter((v) => v < 0).reduce((a, b) => a + b, 0),
      item.total,
    ]);
    const [lo, hi] = domain(extent, [0]);
    const labels = items.map((item) => valueText(item.total, format));
    const labelRoom = Math.max(...labels.map((text) => textWidth(text)), 20) + 10;
    const left = names.column + labelRoom;
    const right = Math.max(left + 60, width - labelRoom - 10);
    const x = linear([lo, hi], [left, right]);
    const [key, keyHeight] = legend(series, totalLabel, width);
    const top = keyHeight + TOP;
    const height = top + names.heights.reduce((a, b) => a + b, 0) + BOTTOM;
    const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}` });
    root.append(...key);
    const axisGroup = svg(
      "g",
      { transform: `translate(0, ${keyHeight})` },
      axisParts(x, [lo, hi], {
        top: TOP,
        bottom: height - BOTTOM - keyHeight,
        left,
        format,
        axis,
      }),
    );
    root.append(axisGroup);
    root.append(svg("line", { x1: x(0), x2: x(0), y1: top - 4, y2: height - BOTTOM, class: "calc-svg__zero" }));
    let y = top;
    items.forEach((item, i) => {
      const h = names.heights[i];
      const mid = y + h / 2;
      const group = svg("g", { class: "calc-svg__row" }, [nameLabel(names.lines[i], names.column - 8, mid)]);
      let up = 0;
      let down = 0;
      const tip = [`${item.label}: ${totalLabel.toLowerCase()} ${labels[i]}`];
      item.parts.forEach((value, s) => {
        const from = value >= 0 ? up : down + value;
        if (value >= 0) up += value;
        else down += value;
        group.append(
          svg("rect", {
            x: x(from),
            y: mid - 7,
            width: Math.max(0.5, x(from + Math.abs(value)) - x(from)),
            height: 14,
            class: `calc-svg__s${s}`,
          }),
        );
        tip.push(`${series[s]} ${valueText(value, format)}`);
      });
      const at = x(item.total);
      group.append(svg("path", { d: `M${at},${mid - 6} l6,6 l-6,6 l-6,-6 z`, class: "calc-svg__total" }));
      group.append(
        svg("text", {
          x: Math.max(x(up), at + 6) + 4,
          y: mid + FONT_SIZE * 0.35,
          class: "calc-svg__value",
          text: labels[i],
        }),
      );
      root.append(titled(group, tip.join("; ")));
      y += h;
    });
    return root;
  };
