// The ranking's bubble chart: industries placed by two factors and sized by a third (by default
// growth across, location quotient up, employment as the area of each bubble). Reference lines at
// LQ 1.0 and zero growth split it into four named quadrants; the most notable bubbles are labelled
// where a label has room, and the caller lists the rest beside the chart.
import { display } from "../kit/format.js";
import {
  domain,
  FONT_SIZE,
  labelBox,
  linear,
  multiline,
  overlaps,
  svg,
  textWidth,
  ticks,
  tickText,
  titled,
  wrap,
  yGrid,
} from "./svg.js";

const MARGIN = { top: 46, right: 18, bottom: 46, left: 64 };
const LABEL_WIDTH = 150;
const LINE = FONT_SIZE + 1;

const fmt = (value, format) => display(value, { kind: "number", format });

// Where a label may go around a bubble of radius r at (cx, cy): right, left, above, below, corners.
const spots = (cx, cy, r) => [
  [cx + r + 4, cy + 4, "start"],
  [cx - r - 4, cy + 4, "end"],
  [cx, cy - r - 6, "middle"],
  [cx, cy + r + FONT_SIZE + 2, "middle"],
  [cx + r * 0.7 + 4, cy - r * 0.7 - 4, "start"],
  [cx - r * 0.7 - 4, cy - r * 0.7 - 4, "end"],
  [cx + r * 0.7 + 4, cy + r * 0.7 + FONT_SIZE, "start"],
  [cx - r * 0.7 - 4, cy + r * 0.7 + FONT_SIZE, "end"],
];

// The box of a wrapped label whose first baseline is at y.
const boxOf = (lines, x, y, anchor) => {
  const boxes = lines.map((line, i) => labelBox(line, x, y + i * LINE, anchor));
  const left = Math.min(...boxes.map((b) => b.x));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  return { x: left, y: boxes[0].y, width: right - left, height: lines.length * LINE };
};

const inside = (box, plot) =>
  box.x >= plot.left && box.x + box.width <= plot.right && box.y >= plot.top && box.y + box.height <= plot.bottom;

// points: [{ label, x, y, size, partial }] (complete ones only); axes: { x, y, size } labels;
// formats: { x, y, size }; references: { x, y } values of the reference lines (or undefined);
// quadrants: { topRight, topLeft, bottomRight, bottomLeft } names, when both lines are drawn.
// Returns { render(width) -> <svg>, labelled(width) -> the labels that fitted }.
export const bubbleChart = ({ points, axes, formats, references = {}, quadrants }) => {
  let placed = [];
  const render = (width) => {
    const height = Math.round(Math.min(640, Math.max(380, width * 0.68)));
    const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom };
    const xd = domain(
      points.map((p) => p.x),
      [references.x].filter(Number.isFinite),
    );
    const yd = domain(
      points.map((p) => p.y),
      [references.y].filter(Number.isFinite),
    );
    const x = linear(xd, [plot.left, plot.right]);
    const y = linear(yd, [plot.bottom, plot.top]);
    const biggest = Math.max(1, ...points.map((p) => Math.abs(p.size)));
    const rMax = Math.min(34, Math.max(14, width / 26));
    const radius = (size) => Math.max(3, rMax * Math.sqrt(Math.abs(size) / biggest));
    const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}` });

    // Axes, grid and titles.
    for (const tick of ticks(...xd, 6)) {
      root.append(
        svg("line", { x1: x(tick), x2: x(tick), y1: plot.top, y2: plot.bottom, class: "calc-svg__grid" }),
        svg("text", {
          x: x(tick),
          y: plot.bottom + 16,
          "text-anchor": "middle",
          class: "calc-svg__tick",
          text: tickText(tick, formats.x),
        }),
      );
    }
    root.append(...yGrid(plot, y, yd, 6, formats.y));
    root.append(
      svg("text", {
        x: (plot.left + plot.right) / 2,
        y: height - 8,
        "text-anchor": "middle",
        class: "calc-svg__axis-title",
        text: axes.x,
      }),
      svg("text", {
        x: 14,
        y: (plot.top + plot.bottom) / 2,
        transform: `rotate(-90 14 ${(plot.top + plot.bottom) / 2})`,
        "text-anchor": "middle",
        class: "calc-svg__axis-title",
        text: axes.y,
      }),
    );

    // Reference lines and the quadrants' names in their corners.
    const rx = Number.isFinite(references.x) ? x(references.x) : null;
    const ry = Number.isFinite(references.y) ? y(references.y) : null;
    if (rx !== null)
      root.append(svg("line", { x1: rx, x2: rx, y1: plot.top, y2: plot.bottom, class: "calc-svg__ref" }));
    if (ry !== null)
      root.append(svg("line", { x1: plot.left, x2: plot.right, y1: ry, y2: ry, class: "calc-svg__ref" }));
    const taken = [];
    if (quadrants && rx !== null && ry !== null) {
      const corners = [
        [quadrants.topRight, plot.right - 4, plot.top + 14, "end"],
        [quadrants.topLeft, plot.left + 4, plot.top + 14, "start"],
        [quadrants.bottomRight, plot.right - 4, plot.bottom - 6, "end"],
        [quadrants.bottomLeft, plot.left + 4, plot.bottom - 6, "start"],
      ];
      // A quadrant the data leave (almost) empty gets no name: the list under the chart still has it.
      const room = [plot.right - rx, rx - plot.left, plot.right - rx, rx - plot.left];
      const tall = [ry - plot.top, ry - plot.top, plot.bottom - ry, plot.bottom - ry];
      for (const [i, [name, qx, qy, anchor]] of corners.entries()) {
        if (room[i] < textWidth(name) + 10 || tall[i] < FONT_SIZE + 8) continue;
        root.append(svg("text", { x: qx, y: qy, "text-anchor": anchor, class: "calc-svg__quadrant", text: name }));
        taken.push(labelBox(name, qx, qy, anchor));
      }
    }

    // Size key above the plot: up to three round values of the size factor.
    let kx = plot.left;
    const keyTitle = `Bubble area: ${axes.size}`;
    root.append(svg("text", { x: kx, y: 28, class: "calc-svg__axis-title", text: keyTitle }));
    kx += textWidth(keyTitle) + 12;
    for (const value of ticks(0, biggest, 3)
      .filter((v) => v > 0)
      .slice(-3)) {
      const r = Math.min(radius(value), 16);
      const text = tickText(value, formats.size);
      if (kx + 2 * r + textWidth(text) + 16 > plot.right) break;
      root.append(
        svg("circle", { cx: kx + r, cy: 24, r, class: "calc-svg__key" }),
        svg("text", { x: kx + 2 * r + 4, y: 28, class: "calc-svg__tick", text }),
      );
      kx += 2 * r + textWidth(text) + 16;
    }

    // Bubbles, largest first so small ones stay visible on top.
    const drawn = points.map((p) => ({ ...p, cx: x(p.x), cy: y(p.y), r: radius(p.size) }));
    for (const p of [...drawn].sort((a, b) => b.r - a.r)) {
      const tip = `${p.label}: ${axes.x} ${fmt(p.x, formats.x)}, ${axes.y} ${fmt(p.y, formats.y)}, ${axes.size} ${fmt(p.size, formats.size)}${p.partial ? " (rests on partly suppressed data)" : ""}`;
      root.append(
        titled(
          svg("circle", {
            cx: p.cx,
            cy: p.cy,
            r: p.r,
            class: p.partial ? "calc-svg__bubble calc-svg__bubble--partial" : "calc-svg__bubble",
          }),
          tip,
        ),
      );
    }

    // Labels: the largest bubbles and the extremes first, each where it fits without overlap.
    const extremes = new Set(
      ["x", "y"].flatMap((k) => [
        drawn.reduce((a, b) => (b[k] > a[k] ? b : a), drawn[0]),
        drawn.reduce((a, b) => (b[k] < a[k] ? b : a), drawn[0]),
      ]),
    );
    const order = [...drawn].sort((a, b) => Number(extremes.has(b)) - Number(extremes.has(a)) || b.r - a.r);
    const centers = drawn.map((p) => ({ x: p.cx - 2, y: p.cy - 2, width: 4, height: 4 }));
    placed = [];
    for (const p of order.slice(0, 30)) {
      const lines = wrap(p.label, LABEL_WIDTH);
      for (const [lx, ly, anchor] of spots(p.cx, p.cy, p.r)) {
        const top = anchor === "middle" && ly < p.cy ? ly - (lines.length - 1) * LINE : ly;
        const box = boxOf(lines, lx, top, anchor);
        if (!inside(box, plot) || taken.some((t) => overlaps(t, box)) || centers.some((c) => overlaps(c, box, 0)))
          continue;
        taken.push(box);
        placed.push(p.label);
        root.append(multiline(lines, { x: lx, y: top, "text-anchor": anchor, class: "calc-svg__bubble-label" }, LINE));
        break;
      }
    }
    return root;
  };
  return { render, labelled: () => placed };
};
