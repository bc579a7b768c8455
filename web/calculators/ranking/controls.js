// The ranking's controls, rebuilt for each table: a row per factor (use it, better when higher or
// lower, its weight) and the bubble chart's three axes.
import { el, field, select } from "../kit/dom.js";

const DEFAULT_FACTORS = ["employment", "avg_annual_pay", "growth_percent", "projected_growth", "lq"];
const AXES = { x: "Across (x)", y: "Up (y)", size: "Bubble size" };
const DEFAULT_AXES = { x: "growth_percent", y: "lq", size: "employment" };

// A factor's setting: the one kept, or the default. The reader's own table (candidate.source) ranks
// on all its numeric columns by default, like the command line; Python's table on DEFAULT_FACTORS.
export const settingFor = (name, candidate, factors) =>
  factors[name] ?? {
    use: candidate.source !== undefined || DEFAULT_FACTORS.includes(name),
    lower: false,
    weight: "1",
  };

// Whether factor settings are the ones a table is ranked on at first (the sample's, as
// hooks/prerender.py ranked it).
export const defaultFactors = (factors) =>
  Object.entries(factors).every(
    ([name, setting]) =>
      setting.use === DEFAULT_FACTORS.includes(name) && !setting.lower && `${setting.weight}` === "1",
  );

// One factor's row; the reader's changes go into `setting` itself.
const factorRow = (name, label, setting) => {
  const use = el("input", {
    type: "checkbox",
    checked: setting.use,
    "aria-label": `Use ${label}`,
    data: { factor: name, role: "use" },
  });
  const lower = select(
    [
      ["higher", "Higher"],
      ["lower", "Lower"],
    ],
    setting.lower ? "lower" : "higher",
  );
  lower.setAttribute("aria-label", `${label}: better when`);
  lower.dataset.factor = name;
  const weight = el("input", {
    type: "text",
    inputmode: "decimal",
    "aria-label": `${label}: weight`,
    data: { factor: name, role: "weight" },
  });
  weight.value = setting.weight;
  use.addEventListener("change", () => {
    setting.use = use.checked;
  });
  lower.addEventListener("change", () => {
    setting.lower = lower.value === "lower";
  });
  weight.addEventListener("change", () => {
    setting.weight = weight.value;
  });
  return el("tr", {}, [
    el("th", { scope: "row", text: label }),
    el("td", {}, [use]),
    el("td", {}, [lower]),
    el("td", {}, [weight]),
  ]);
};

// Fills the fieldset `box` with a table of the factors `names`; settingOf(name) -> the setting
// object each row edits.
export const factorTable = (box, names, labels, settingOf) => {
  const headings = ["Factor", "Use", "Better when", "Weight"].map((text) => el("th", { scope: "col", text }));
  const grid = el("table", { class: "calc-grid" }, [
    el("caption", { class: "calc-visually-hidden", text: "Factors" }),
    el("thead", {}, [el("tr", {}, headings)]),
    el(
      "tbody",
      {},
      names.map((name) => factorRow(name, labels[name], settingOf(name))),
    ),
  ]);
  box.replaceChildren(
    el("legend", { text: "Rank on these factors (1 = best)" }),
    el("div", { class: "calc-table-wrap" }, [grid]),
  );
};

// Fills `box` with a select for each axis; chosen ({ x, y, size }) gets the defaults and the
// reader's choices; onChange() after each choice.
export const axisPickers = (box, names, labels, chosen, onChange) => {
  box.textContent = "";
  for (const [i, axis] of ["x", "y", "size"].entries()) {
    const preferred = names.includes(DEFAULT_AXES[axis]) ? DEFAULT_AXES[axis] : names[i % names.length];
    chosen[axis] = chosen[axis] || preferred;
    const picker = field(
      AXES[axis],
      select(
        names.map((name) => [name, labels[name]]),
        chosen[axis],
      ),
    );
    picker.input.dataset.axis = axis;
    picker.input.addEventListener("change", () => {
      chosen[axis] = picker.input.value;
      onChange();
    });
    box.append(picker.field);
  }
};
