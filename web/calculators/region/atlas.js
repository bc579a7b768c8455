// The region builder's map data, built by hooks/regions.py: assets/regions/states.js (every state
// with its counties' FIPS codes and names, and the BLS link pattern) and assets/regions/<state>.js
// (one state's county shapes). Classic scripts, loaded on demand, so they work from file:// too.

import { toolkit } from "../../site/namespace.js";
import { ASSETS } from "../kit/assets.js";

const SVG = "http://www.w3.org/2000/svg";
const waiting = new Map(); // "states" or a state's FIPS code -> { promise, resolve, reject, requested }

const entry = (key) => {
  if (!waiting.has(key)) {
    const handle = { requested: false };
    handle.promise = new Promise((resolve, reject) => Object.assign(handle, { resolve, reject }));
    waiting.set(key, handle);
  }
  return waiting.get(key);
};

// Each data script calls StartToolkit.regionData(payload) as it runs.
toolkit().regionData ??= (payload) => entry(payload.kind === "states" ? "states" : payload.state).resolve(payload);

const load = (key, file) => {
  const handle = entry(key);
  if (!handle.requested) {
    handle.requested = true;
    const tag = document.createElement("script");
    tag.src = new URL(`regions/${file}`, ASSETS).href;
    tag.addEventListener("error", () => {
      waiting.delete(key); // a later call tries again
      tag.remove();
      handle.reject(new Error(`the map data (${file}) could not be loaded`));
    });
    document.head.append(tag);
  }
  return handle.promise;
};

// { links, states: [{ state, name, counties: [[fips, name]] }], byState: Map, county(fips) }.
let index = null;
export const loadStates = () => {
  index ??= load("states", "states.js").then((payload) => {
    const byState = new Map(payload.states.map((state) => [state.state, state]));
    const names = new Map(payload.states.flatMap((state) => state.counties));
    return {
      ...payload,
      byState,
      // "Franklin, Ohio" for a FIPS code; the code itself when it is not a county.
      county: (fips) => (names.has(fips) ? `${names.get(fips)}, ${byState.get(fips.slice(0, 2))?.name}` : fips),
      shortName: (fips) => names.get(fips) ?? fips,
    };
  });
  index.catch(() => {
    index = null;
  });
  return index;
};

// { state, name, viewBox, counties: [{ fips, name, d }] } of one state.
export const loadShapes = (state) => load(state, `${state}.js`);

// The BLS open-data link of one area's annual averages file.
export const blsLink = (links, area, year) =>
  links.areaFile.replace("{year}", encodeURIComponent(year)).replace("{area}", encodeURIComponent(area));

// An SVG element with attributes (SVG needs its own namespace; text stays text).
export const svg = (tag, attrs = {}, children = []) => {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs))
    if (value !== undefined && value !== null) node.setAttribute(key, value);
  node.append(...children);
  return node;
};
