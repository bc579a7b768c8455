// Drawing helpers for the self-hosted SVG charts: elements, text measuring and wrapping, scales,
// axis ticks. Colors come from classes (results.css), so light and dark themes both apply.

const NS = "http://www.w3.org/2000/svg";

// svg("rect", { x: 1, class: "bar" }, children): an SVG element; "text" sets its text content.
export const svg = (tag, attrs = {}, children = []) => {
  const node = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, String(value));
  }
  for (const child of [children].flat()) if (child) node.append(child);
  return node;
};

// A <title> child gives a shape its own tooltip and accessible name.
export const titled = (node, text) => {
  node.append(svg("title", { text }));
  return node;
};

export const FONT_SIZE = 12;
let context = null;
let family = "sans-serif";

// The font the charts draw with (the page's), read once a chart is in the document.
export const useFontOf = (element) => {
  family = getComputedStyle(element).fontFamily || family;
};

// The width in pixels of text drawn at `size`.
export const textWidth = (text, size = FONT_SIZE, weight = "400") => {
  context ??= document.createElement("canvas").getContext("2d");
  if (!context) return String(text).length * size * 0.55;
  context.font = `${weight} ${size}px ${family}`;
  return context.measureText(String(text)).width;
};

// Words of text in lines no wider than width (a single word longer than that stays whole).
export const wrap = (text, width, size = FONT_SIZE) => {
  const lines = [];
  let line = "";
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const tried = line ? `${line} ${word}` : word;
    if (line && textWidth(tried, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = tried;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
};

// A <text> of several lines (tspans), the first line's baseline at y.
export const multiline = (lines, attrs, lineHeight = FONT_SIZE * 1.2) =>
  svg(
    "text",
    attrs,
    lines.map((line, i) => svg("tspan", { x: attrs.x, dy: i === 0 ? 0 : lineHeight, text: line })),
  );

// A linear scale from [d0, d1] to [r0, r1].
export const linear = ([d0, d1], [r0, r1]) => {
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
};

// Round tick values covering [min, max], about `count` of them.
export const ticks = (min, max, count = 5) => {
  if (!(Number.isFinite(min) && Number.isFinite(max))) return [0];
  if (min === max) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
};

// [min, max] widened to round ticks, always holding `include` values (zero, a reference line).
export const domain = (values, include = []) => {
  const all = [...values, ...include].filter(Number.isFinite);
  if (!all.length) return [0, 1];
  let min = Math.min(...all);
  let max = Math.max(...all);
  if (min === max) [min, max] = [min - 1, max + 1];
  const marks = ticks(min, max);
  const step = marks.length > 1 ? marks[1] - marks[0] : 1;
  return [Math.min(min, marks[0]), Math.max(max, marks.at(-1) < max ? marks.at(-1) + step : marks.at(-1))];
};

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

// A tick or value label: compact for big numbers (12K, 1.5M), a % sign for percent columns.
export const tickText = (value, format) => {
  const text = Math.abs(value) >= 10000 ? compact.format(value) : plain.format(value);
  if (format === "percent1") return `${text}%`;
  if (format === "currency") return `$${text}`.replace("$-", "-$");
  return text;
};

// A horizontal grid line and its label at the left of the plot for each tick of `domain`.
export const yGrid = (plot, y, domain, count, format) =>
  ticks(...domain, count).flatMap((tick) => [
    svg("line", { x1: plot.left, x2: plot.right, y1: y(tick), y2: y(tick), class: "calc-svg__grid" }),
    svg("text", {
      x: plot.left - 6,
      y: y(tick) + 4,
      "text-anchor": "end",
      class: "calc-svg__tick",
      text: tickText(tick, format),
    }),
  ]);

// The bounding box { x, y, width, height } of a label of text drawn with its anchor at (x, y).
export const labelBox = (text, x, y, anchor = "start", size = FONT_SIZE) => {
  const width = textWidth(text, size);
  const left = anchor === "end" ? x - width : anchor === "middle" ? x - width / 2 : x;
  return { x: left, y: y - size * 0.8, width, height: size };
};

export const overlaps = (a, b, pad = 2) =>
  a.x < b.x + b.width + pad && b.x < a.x + a.width + pad && a.y < b.y + b.height + pad && b.y < a.y + a.height + pad;
