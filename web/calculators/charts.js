// Charts for the calculator widgets, drawn with the self-hosted Chart.js. Each chart only draws
// numbers Python computed; the results table beside it is the accessible version of the same data.
import { ASSETS } from "./kit/assets.js";
import { el } from "./kit/dom.js";

const COLORS = ["#3f51b5", "#e65100", "#2e7d32", "#6a1b9a", "#00838f"];
let library = null;

// Chart.js (200 kB) loads on first use, not while the calculator engine is starting.
const chartLibrary = () => {
  library ??= new Promise((resolve, reject) => {
    const tag = el("script", { src: new URL("vendor/chart.umd.min.js", ASSETS).href });
    tag.addEventListener("load", () => resolve(globalThis.Chart));
    tag.addEventListener("error", () => {
      library = null; // the next chart tries again
      reject(new Error("could not load the chart library"));
    });
    document.head.append(tag);
  });
  return library;
};

// A chart block: a canvas described as an image, and a caption. draw() replaces the chart.
export const chartBlock = (title, note) => {
  const canvas = el("canvas", { role: "img", "aria-label": `${title}. ${note}` });
  const box = el("div", { class: "calc-chart__box" }, [canvas]);
  const node = el("figure", { class: "calc-chart" }, [box, el("figcaption", { text: `${title}. ${note}` })]);
  let chart = null;
  const clear = () => {
    chart?.destroy();
    chart = null;
  };
  return {
    node,
    // Drawn once the library is there; the results table shows first either way.
    draw: async (config, height) => {
      const Chart = await chartLibrary();
      clear();
      box.dataset.size = height > 600 ? "tall" : "normal";
      chart = new Chart(canvas, config);
    },
    clear,
  };
};

// A vertical line at x = value across a horizontal bar chart (LQ = 1.0: the nation's level).
const referenceLine = (value, label) => ({
  id: "referenceLine",
  afterDatasetsDraw: (chart) => {
    const x = chart.scales.x.getPixelForValue(value);
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.strokeStyle = "#b71c1c";
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(x, chartArea.top);
    ctx.lineTo(x, chartArea.bottom);
    ctx.stroke();
    ctx.fillStyle = "#b71c1c";
    ctx.fillText(label, x + 4, chartArea.top + 10);
    ctx.restore();
  },
});

// options: { label, axis, line, lineLabel }; a line is drawn when options.line is given.
export const bars = (labels, values, options) => ({
  type: "bar",
  data: { labels, datasets: [{ label: options.label, data: values, backgroundColor: COLORS[0] }] },
  options: {
    indexAxis: "y",
    animation: false,
    maintainAspectRatio: false,
    responsive: true,
    plugins: { legend: { display: false } },
    scales: { x: { beginAtZero: true, title: { display: true, text: options.axis } } },
  },
  plugins: options.line === undefined ? [] : [referenceLine(options.line, options.lineLabel)],
});

// series: [{ label, values }], stacked along one axis.
export const stackedBars = (labels, series, axis) => ({
  type: "bar",
  data: {
    labels,
    datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: COLORS[i % COLORS.length] })),
  },
  options: {
    indexAxis: "y",
    animation: false,
    maintainAspectRatio: false,
    responsive: true,
    scales: { x: { stacked: true, title: { display: true, text: axis } }, y: { stacked: true } },
  },
});

// points: [{ label, x, y, size, r }] with r already scaled to pixels; axes: { x, y, size } labels.
export const bubbles = (points, axes) => ({
  type: "bubble",
  data: {
    datasets: [{ label: axes.size, data: points, backgroundColor: "rgba(63, 81, 181, 0.45)", borderColor: COLORS[0] }],
  },
  options: {
    animation: false,
    maintainAspectRatio: false,
    responsive: true,
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          label: ({ raw: p }) =>
            `${p.label}: ${axes.x} ${p.x.toLocaleString()}, ${axes.y} ${p.y.toLocaleString()}, ` +
            `${axes.size} ${p.size.toLocaleString()}`,
        },
      },
    },
    scales: { x: { title: { display: true, text: axes.x } }, y: { title: { display: true, text: axes.y } } },
  },
});
