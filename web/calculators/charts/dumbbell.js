// Start and end values side by side: per industry a hollow dot for the start year, a filled dot
// for the end year and a line between them, with a reference line (LQ 1.0) and each industry's
// flag ("emerging", "fading") written beside it.
import { display } from "../kit/format.js";
import { domain, FONT_SIZE, linear, multiline, svg, textWidth, ticks, tickText, titled, wrap } from "./svg.js";

const ROW = 22;
const LINE = FONT_SIZE + 2;
const TOP = 40;

// items: [{ label, start, end, flag }]; years: [start, end] labels; options: { axis, format,
// reference: { value, label } }. Returns render(width) -> <svg>.
export const dumbbellChart =
  ({ items, years, axis, format = "decimal2", reference }) =>
  (width) => {
    const flagRoom = Math.max(0, ...items.map((item) => textWidth(item.flag ?? ""))) + 16;
    const widest = Math.max(0, ...items.map((item) => textWidth(item.label)));
    const column = Math.min(widest + 10, Math.max(120, width * 0.36));
    const lines = items.map((item) => wrap(item.label, column - 10));
    const heights = lines.map((rows) => Math.max(ROW, rows.length * LINE + 6));
    const [lo, hi] = domain(
      items.flatMap((item) => [item.start, item.end]),
      reference ? [reference.value] : [],
    );
    const left = column + 10;
    const right = Math.max(left + 80, width - flagRoom - 10);
    const x = linear([lo, hi], [left, right]);
    const height = TOP + heights.reduce((a, b) => a + b, 0) + 10;
    const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}` });
    root.append(
      svg("circle", { cx: 6, cy: 10, r: 5, class: "calc-svg__start" }),
      svg("text", { x: 16, y: 14, class: "calc-svg__label", text: years[0] }),
      svg("circle", { cx: 30 + textWidth(years[0]), cy: 10, r: 5, class: "calc-svg__end" }),
      svg("text", { x: 40 + textWidth(years[0]), y: 14, class: "calc-svg__label", text: years[1] }),
      svg("text", {
        x: left,
        y: 14,
        class: "calc-svg__axis-title",
        text: axis,
        transform: `translate(${Math.max(0, 70 + textWidth(years[0]) + textWidth(years[1]) - left)} 0)`,
      }),
    );
    for (const tick of ticks(lo, hi, 6)) {
      root.append(
        svg("line", { x1: x(tick), x2: x(tick), y1: TOP - 6, y2: height - 10, class: "calc-svg__grid" }),
        svg("text", {
          x: x(tick),
          y: TOP - 10,
          "text-anchor": "middle",
          class: "calc-svg__tick",
          text: tickText(tick, format),
        }),
      );
    }
    if (reference) {
      root.append(
        svg("line", {
          x1: x(reference.value),
          x2: x(reference.value),
          y1: TOP - 6,
          y2: height - 10,
          class: "calc-svg__ref",
        }),
      );
    }
    let y = TOP;
    items.forEach((item, i) => {
      const mid = y + heights[i] / 2;
      const show = (v) => display(v, { kind: "number", format });
      const tip = `${item.label}: ${years[0]} ${show(item.start)}, ${years[1]} ${show(item.end)}${item.flag ? ` (${item.flag})` : ""}`;
      const group = svg("g", { class: "calc-svg__row" }, [
        multiline(
          lines[i],
          {
            x: column - 2,
            y: mid - ((lines[i].length - 1) * LINE) / 2 + FONT_SIZE * 0.35,
            "text-anchor": "end",
            class: "calc-svg__label",
          },
          LINE,
        ),
        svg("line", { x1: x(item.start), x2: x(item.end), y1: mid, y2: mid, class: "calc-svg__link" }),
        svg("circle", { cx: x(item.start), cy: mid, r: 5, class: "calc-svg__start" }),
        svg("circle", { cx: x(item.end), cy: mid, r: 5, class: "calc-svg__end" }),
      ]);
      if (item.flag) {
        group.append(
          svg("text", { x: right + 12, y: mid + FONT_SIZE * 0.35, class: "calc-svg__flag", text: item.flag }),
        );
      }
      root.append(titled(group, tip));
      y += heights[i];
    });
    return root;
  };
