// Choosing a span of years: two labelled selects ("From", "To") over the years a region has.
import { el, field, select } from "../kit/dom.js";

// years: ["2020", ...] in order; chosen: { start, end } (missing ends take the first and last
// year); onChange({ start, end }) when the reader picks another span. Returns { node, set(years, chosen), value() }.
export const spanPicker = (onChange) => {
  const from = field("From year", select([], ""));
  const to = field("To year", select([], ""));
  from.input.dataset.role = "start-year";
  to.input.dataset.role = "end-year";
  const node = el("div", { class: "calc-span" }, [from.field, to.field]);
  const value = () => ({ start: from.input.value, end: to.input.value });
  const fill = (input, years, chosen) => {
    input.replaceChildren(...years.map((year) => el("option", { value: year, text: year, selected: year === chosen })));
  };
  const set = (years, chosen = {}) => {
    const start = years.includes(chosen.start) ? chosen.start : years[0];
    const end = years.includes(chosen.end) ? chosen.end : years.at(-1);
    fill(from.input, years.slice(0, -1), start);
    fill(to.input, years.slice(1), end);
    node.hidden = years.length < 2;
  };
  const changed = (moved) => () => {
    const span = value();
    // A span runs forward: moving one end past the other moves the other along.
    if (span.start >= span.end) {
      const options = [...(moved === "start" ? to.input.options : from.input.options)].map((o) => o.value);
      const fix = moved === "start" ? options.find((y) => y > span.start) : options.filter((y) => y < span.end).at(-1);
      if (fix) (moved === "start" ? to : from).input.value = fix;
    }
    onChange(value());
  };
  from.input.addEventListener("change", changed("start"));
  to.input.addEventListener("change", changed("end"));
  return { node, set, value };
};
