// A chart on the page: a figure with its title, the SVG drawing (an image named by that title and
// described by a summary in words), the plotted numbers as a real table, and PNG and SVG downloads.
// It draws at its box's width and draws again when that width changes.
import { el, uniqueId } from "../kit/dom.js";
import { display } from "../kit/format.js";
import { pngOf, saveFile, standaloneSvg } from "./export.js";
import { useFontOf } from "./svg.js";

const FALLBACK_WIDTH = 720; // while the figure is hidden (print preview, a closed section)

// table: { caption, columns: [{ label, kind, format }], rows: [[values]] } -> a <table>.
const dataTable = ({ caption, columns, rows }) =>
  el("div", { class: "calc-table-wrap" }, [
    el("table", { class: "calc-results calc-chart__table" }, [
      el("caption", { text: caption }),
      el("thead", {}, [
        el(
          "tr",
          {},
          columns.map((column) => el("th", { scope: "col", text: column.label })),
        ),
      ]),
      el(
        "tbody",
        {},
        rows.map((row) =>
          el(
            "tr",
            {},
            row.map((value, i) =>
              el(i === 0 ? "th" : "td", {
                scope: i === 0 ? "row" : null,
                class: columns[i].kind === "number" ? "calc-number" : null,
                text: display(value, columns[i]),
              }),
            ),
          ),
        ),
      ),
    ]),
  ]);

// name: a short id (data-chart); returns { node, show(spec), clear(), stop() }. A spec is
// { title, summary, table, render(width) -> <svg>, extra: [nodes beside the chart], file: name stem,
// onDraw(svg): called after each drawing }.
export const chartBlock = (name) => {
  const titleId = uniqueId("chart-title");
  const summaryId = uniqueId("chart-summary");
  const caption = el("figcaption", { id: titleId, class: "calc-chart__title" });
  const canvas = el("div", { class: "calc-chart__canvas" });
  const summary = el("p", { id: summaryId, class: "calc-chart__summary", data: { role: "chart-summary" } });
  const extra = el("div", { class: "calc-chart__extra" });
  const data = el("details", { class: "calc-chart__data" });
  const problem = el("p", { class: "calc-error", role: "alert", hidden: true });
  let spec = null;
  let drawn = null;
  let width = 0;

  const draw = () => {
    if (!spec || !node.isConnected) return;
    useFontOf(node);
    width = canvas.clientWidth || FALLBACK_WIDTH;
    drawn = spec.render(width);
    drawn.classList.add("calc-svg");
    drawn.setAttribute("role", "img");
    drawn.setAttribute("aria-labelledby", titleId);
    drawn.setAttribute("aria-describedby", summaryId);
    canvas.replaceChildren(drawn);
    spec.onDraw?.(drawn);
  };

  // A new width: drawn again, a failure said beside the chart (nothing else is waiting on it).
  const redraw = () => {
    try {
      draw();
    } catch (error) {
      problem.textContent = `The chart could not be drawn again (${error?.message ?? error}). The table below the chart holds the same numbers.`;
      problem.hidden = false;
    }
  };

  const save = (format) => async () => {
    if (!drawn) return;
    problem.hidden = true;
    try {
      const text = standaloneSvg(drawn, { title: spec.title, description: spec.summary });
      const stem = `${spec.file || "start-chart"}-${name}`;
      if (format === "svg") {
        saveFile(new Blob([text], { type: "image/svg+xml" }), `${stem}.svg`);
      } else {
        const size = [Number(drawn.getAttribute("width")), Number(drawn.getAttribute("height"))];
        saveFile(await pngOf(text, ...size), `${stem}.png`);
      }
    } catch (error) {
      problem.textContent = `The ${format.toUpperCase()} file could not be made (${error.message ?? error}). The table below the chart holds the same numbers; try the other format or another browser.`;
      problem.hidden = false;
    }
  };

  const button = (text, format) =>
    el("button", {
      type: "button",
      class: "md-button",
      data: { action: `download-chart-${format}` },
      text,
      on: { click: save(format) },
    });
  const actions = el("p", { class: "calc-actions calc-chart__actions" }, [
    button("Download PNG", "png"),
    button("Download SVG", "svg"),
  ]);
  const node = el("figure", { class: "calc-chart", data: { role: "chart", chart: name }, hidden: true }, [
    caption,
    canvas,
    summary,
    extra,
    data,
    actions,
    problem,
  ]);

  const observer =
    typeof ResizeObserver === "function"
      ? new ResizeObserver(() => {
          if (spec && canvas.clientWidth && canvas.clientWidth !== width) requestAnimationFrame(redraw);
        })
      : null;
  observer?.observe(canvas);

  return {
    node,
    // Another name for the downloads (the settings arrived after the drawing): no new drawing.
    rename: (file) => {
      if (spec) spec = { ...spec, file };
    },
    show: (next) => {
      spec = next;
      node.hidden = false;
      caption.textContent = spec.title;
      summary.textContent = spec.summary;
      extra.replaceChildren(...(spec.extra ?? []));
      data.replaceChildren(el("summary", { text: "The chart's numbers as a table" }), dataTable(spec.table));
      draw();
    },
    clear: () => {
      spec = null;
      drawn = null;
      node.hidden = true;
      canvas.replaceChildren();
    },
    stop: () => observer?.disconnect(),
  };
};
