// Charts for the calculator widgets, drawn with the self-hosted Chart.js. Each chart only draws
// numbers Python computed; the results table beside it is the accessible version of the same data.
(function () {
  "use strict";
  var el = window.StartKit.el;
  var library = new URL("../../vendor/chart.umd.min.js", document.currentScript.src).href;
  var loading = null;

  // Chart.js (200 kB) loads on first use, not while the calculator engine is starting.
  function chartLibrary() {
    loading = loading || new Promise(function (resolve, reject) {
      var tag = el("script", { src: library });
      tag.onload = function () { resolve(window.Chart); };
      tag.onerror = function () { loading = null; reject(new Error("could not load the chart library")); };
      document.head.appendChild(tag);
    });
    return loading;
  }
  var COLORS = ["#3f51b5", "#e65100", "#2e7d32", "#6a1b9a", "#00838f"];

  // A chart block: a heading-like label, a canvas described as an image, and a note.
  function block(title, note) {
    var canvas = el("canvas", { role: "img", "aria-label": title + ". " + note });
    var node = el("figure", { class: "calc-chart" }, [
      el("div", { class: "calc-chart__box" }, [canvas]),
      el("figcaption", { text: title + ". " + note }),
    ]);
    var chart = null;
    return {
      node: node,
      // Drawn once the library is there; the results table shows first either way.
      draw: function (config, height) {
        chartLibrary().then(function (Chart) {
          if (chart) chart.destroy();
          node.querySelector(".calc-chart__box").dataset.size = height > 600 ? "tall" : "normal";
          chart = new Chart(canvas, config);
        });
      },
      clear: function () { if (chart) chart.destroy(); chart = null; },
    };
  }

  // A vertical line at x = value across a horizontal bar chart (LQ = 1.0: the nation's level).
  function referenceLine(value, label) {
    return {
      id: "referenceLine",
      afterDatasetsDraw: function (chart) {
        var x = chart.scales.x.getPixelForValue(value);
        var ctx = chart.ctx;
        ctx.save();
        ctx.strokeStyle = "#b71c1c";
        ctx.lineWidth = 2;
        ctx.setLineDash([6, 4]);
        ctx.beginPath();
        ctx.moveTo(x, chart.chartArea.top);
        ctx.lineTo(x, chart.chartArea.bottom);
        ctx.stroke();
        ctx.fillStyle = "#b71c1c";
        ctx.fillText(label, x + 4, chart.chartArea.top + 10);
        ctx.restore();
      },
    };
  }

  function bars(labels, values, options) {
    return {
      type: "bar",
      data: { labels: labels, datasets: [{ label: options.label, data: values, backgroundColor: COLORS[0] }] },
      options: {
        indexAxis: "y", animation: false, maintainAspectRatio: false, responsive: true,
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, title: { display: true, text: options.axis } } },
      },
      plugins: options.line === undefined ? [] : [referenceLine(options.line, options.lineLabel)],
    };
  }

  function stackedBars(labels, series, axis) {
    return {
      type: "bar",
      data: { labels: labels, datasets: series.map(function (s, i) {
        return { label: s.label, data: s.values, backgroundColor: COLORS[i % COLORS.length] };
      }) },
      options: {
        indexAxis: "y", animation: false, maintainAspectRatio: false, responsive: true,
        scales: { x: { stacked: true, title: { display: true, text: axis } }, y: { stacked: true } },
      },
    };
  }

  // points: [{label, x, y, r}] with r already scaled to pixels.
  function bubbles(points, axes) {
    return {
      type: "bubble",
      data: { datasets: [{ label: axes.size, data: points, backgroundColor: "rgba(63, 81, 181, 0.45)",
        borderColor: COLORS[0] }] },
      options: {
        animation: false, maintainAspectRatio: false, responsive: true,
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: function (item) {
          var p = item.raw;
          return p.label + ": " + axes.x + " " + p.x.toLocaleString() + ", " + axes.y + " " + p.y.toLocaleString() +
            ", " + axes.size + " " + p.size.toLocaleString();
        } } } },
        scales: { x: { title: { display: true, text: axes.x } }, y: { title: { display: true, text: axes.y } } },
      },
    };
  }

  window.StartCharts = { block: block, bars: bars, stackedBars: stackedBars, bubbles: bubbles };
})();
