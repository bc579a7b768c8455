// Several years, industry by industry: the measure and the location quotient of a few chosen
// industries in each year, as two line charts, with the whole trend table folded beneath.
import { el } from "../kit/dom.js";
import { outputPanel } from "./output.js";
import { columnsOf, nameOf } from "./specs.js";
import { trendCharts } from "./years-specs.js";

const MOST = 6; // lines a chart keeps apart by color
const FIRST = 5; // industries drawn at first: the largest in the last year

// root: the calculator's element; runtime: the engine (for downloads and about lines); errors: the
// widget's error area.
// Returns { node, sample(view), show(result, description), stop() }.
export const trendView = (root, runtime, errors) => {
  let codes = [];
  const output = outputPanel(root, {
    runtime,
    errors,
    caption: "Trend by year",
    role: "trend",
    formats: ["csv", "xlsx"],
    folded: "Every industry in every year (table)",
    charts: (result, file) => (codes.length ? trendCharts(result, file, codes) : {}),
  });
  const choices = el("fieldset", { class: "calc-choices", data: { role: "trend-industries" } });
  const node = el("section", { class: "calc-years", data: { role: "trend" }, hidden: true }, [
    el("h2", { text: "Several years: trend by year" }),
    el("p", {
      text:
        "Employment and location quotient of the chosen industries in each year loaded. " +
        `Choose up to ${MOST} industries; the largest ${FIRST} in the last year are drawn first.`,
    }),
    choices,
    output.node,
  ]);

  // The industries of a trend result, largest in its last year first.
  const industries = (result) => {
    const { index } = columnsOf(result);
    const name = nameOf(result);
    const last = result.rows
      .map((row) => row[index.year])
      .sort()
      .at(-1);
    const size = (row) => (typeof row[index.employment] === "number" ? row[index.employment] : -1);
    const seen = new Map();
    for (const row of result.rows) {
      const code = row[index.industry_code];
      if (!seen.has(code)) seen.set(code, { code, label: name(row), size: -1 });
      if (row[index.year] === last) seen.get(code).size = size(row);
    }
    return [...seen.values()].sort((a, b) => b.size - a.size);
  };

  const limit = () => {
    const full = codes.length >= MOST;
    for (const box of choices.querySelectorAll("input")) box.disabled = full && !box.checked;
  };

  const build = (result) => {
    const list = industries(result);
    codes = codes.filter((code) => list.some((item) => item.code === code));
    if (!codes.length) codes = list.slice(0, FIRST).map((item) => item.code);
    const boxes = list.map((item) =>
      el("label", { class: "calc-choice" }, [
        el("input", { type: "checkbox", value: item.code, checked: codes.includes(item.code) }),
        ` ${item.label} (${item.code})`,
      ]),
    );
    choices.replaceChildren(
      el("legend", { text: "Industries to draw" }),
      el("div", { class: "calc-choices__list" }, boxes),
    );
    limit();
  };

  choices.addEventListener("change", () => {
    codes = [...choices.querySelectorAll("input:checked")].map((box) => box.value);
    limit();
    output.redraw();
  });

  return {
    node,
    sample: (view) => {
      if (!view) return;
      node.hidden = false;
      build(view.result);
      output.adopt(view);
    },
    show: (result, description) => {
      node.hidden = false;
      build(result);
      output.show(result, description);
    },
    hide: () => {
      node.hidden = true;
      output.clear();
    },
    stop: () => output.stop(),
  };
};
