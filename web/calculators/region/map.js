// County maps as SVG: the state's counties to click (chosen ones marked data-selected), and the
// region's counties shaded by a figure (the per-county view). Counties are focusable one at a time
// (a roving tab stop): arrows move in name order, Enter or Space adds or removes a county.
import { el, uniqueId } from "../kit/dom.js";
import { svg } from "./atlas.js";

// A hatch (for suppressed figures) drawn at a size that suits the map's own units.
export const hatch = (id, size, kind = "hatch") => {
  const d = kind === "cross" ? `M0 0L${size} ${size}M${size} 0L0 ${size}` : `M0 ${size}L${size} 0`;
  const lines = [svg("path", { d, class: "region-pattern__line", "stroke-width": size / 7 })];
  return svg(
    "pattern",
    { id, patternUnits: "userSpaceOnUse", width: size, height: size, class: `region-pattern region-pattern--${kind}` },
    [svg("rect", { width: size, height: size, class: "region-pattern__ground" }), ...lines],
  );
};

// The focus outline, drawn on top of every county (a path's own stroke hides under its neighbors).
const outline = () => svg("path", { class: "region-map__outline", "aria-hidden": "true" });

const roving = (paths, onKey) => (event) => {
  const index = paths.indexOf(event.target);
  if (index < 0) return;
  const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
  let next = null;
  if (event.key in moves) next = (index + moves[event.key] + paths.length) % paths.length;
  else if (event.key === "Home") next = 0;
  else if (event.key === "End") next = paths.length - 1;
  else if (onKey?.(event, paths[index]) !== true) return;
  event.preventDefault();
  if (next === null) return;
  paths[index].tabIndex = -1;
  paths[next].tabIndex = 0;
  paths[next].focus();
};

const withOutline = (root, mark) => {
  const show = (path) => {
    mark.setAttribute("d", path.getAttribute("d"));
    mark.dataset.visible = "";
  };
  // Only for keyboard focus: a click shows the county's own change.
  root.addEventListener("focusin", (event) => {
    if (event.target.dataset.fips && event.target.matches(":focus-visible")) show(event.target);
  });
  root.addEventListener("focusout", () => delete mark.dataset.visible);
};

// The state map to choose counties on. onToggle(fips) when a county is clicked or pressed.
export const selectionMap = ({ onToggle }) => {
  const caption = el("figcaption", { class: "calc-hint" });
  const image = svg("svg", { class: "region-map", role: "group", "data-role": "map" });
  const node = el("figure", { class: "region-figure" }, [image, caption]);
  let paths = [];

  const update = (chosen, stateName) => {
    let count = 0;
    for (const path of paths) {
      const on = chosen.has(path.dataset.fips);
      count += on ? 1 : 0;
      path.setAttribute("aria-checked", on ? "true" : "false");
      if (on) path.dataset.selected = "";
      else delete path.dataset.selected;
    }
    caption.textContent =
      `${stateName}: ${count} of ${paths.length} counties chosen. ` +
      "Click a county to add or remove it; from the keyboard, Tab to the map, move with the arrow keys, " +
      "and press Enter or Space.";
  };

  const draw = (shapes, chosen) => {
    image.textContent = "";
    image.setAttribute("viewBox", shapes.viewBox);
    image.setAttribute("aria-label", `Map of ${shapes.name}'s counties`);
    paths = shapes.counties.map(({ fips, name, d }, index) => {
      const path = svg("path", { d, role: "checkbox", "aria-label": name, tabindex: index === 0 ? "0" : "-1" });
      path.dataset.fips = fips;
      path.append(svg("title", {}, [name]));
      return path;
    });
    image.append(...paths, mark);
    update(chosen, shapes.name);
  };

  image.addEventListener("click", (event) => {
    const fips = event.target.closest?.("path[data-fips]")?.dataset.fips;
    if (fips) onToggle(fips);
  });
  image.addEventListener("keydown", (event) =>
    roving(paths, (key, path) => {
      if (key.key !== "Enter" && key.key !== " ") return false;
      onToggle(path.dataset.fips);
      return true;
    })(event),
  );
  const mark = outline();
  withOutline(image, mark);
  return { node, draw, update };
};

// The region's counties shaded by the per-county view: shading { fips: key } from Python, labels
// { fips: accessible name }. Counties of the states drawn that are not in the region stay plain.
export const shadedMap = ({ label }) => {
  const image = svg("svg", { class: "region-map region-map--shaded", role: "group", "aria-label": label });
  image.dataset.role = "county-map";
  const mark = outline();
  withOutline(image, mark);
  let paths = [];

  // Zoom to the region: the union of its counties' boxes, with a margin (null when not rendered).
  const regionBox = () => {
    const boxes = paths.map((path) => path.getBBox()).filter((box) => box.width || box.height);
    if (!boxes.length) return null;
    const x0 = Math.min(...boxes.map((b) => b.x));
    const y0 = Math.min(...boxes.map((b) => b.y));
    const x1 = Math.max(...boxes.map((b) => b.x + b.width));
    const y1 = Math.max(...boxes.map((b) => b.y + b.height));
    const pad = Math.max(x1 - x0, y1 - y0) * 0.06;
    return [x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad];
  };

  const draw = (states, shading, labels) => {
    image.textContent = "";
    const patterns = { suppressed: uniqueId("hatch"), range: uniqueId("cross") };
    const others = [];
    paths = [];
    for (const shapes of states) {
      for (const { fips, d } of shapes.counties) {
        const key = shading[fips];
        if (!key) {
          others.push(svg("path", { d, class: "region-map__other", "aria-hidden": "true" }));
          continue;
        }
        const path = svg("path", { d, role: "img", "aria-label": labels[fips], tabindex: "-1" });
        Object.assign(path.dataset, { fips, shade: key });
        if (patterns[key]) path.setAttribute("fill", `url(#${patterns[key]})`);
        path.append(svg("title", {}, [labels[fips]]));
        paths.push(path);
      }
    }
    if (paths.length) paths[0].tabIndex = 0;
    image.setAttribute("viewBox", states[0].viewBox);
    image.append(...others, ...paths, mark);
    const box = regionBox() ?? states[0].viewBox.split(" ").map(Number);
    image.setAttribute("viewBox", box.map((n) => n.toFixed(1)).join(" "));
    const size = box[2] / 70;
    image.prepend(svg("defs", {}, [hatch(patterns.suppressed, size), hatch(patterns.range, size, "cross")]));
  };
  image.addEventListener("keydown", (event) => roving(paths)(event));
  return { node: image, draw };
};
