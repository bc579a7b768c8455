// Choosing the region's counties: a state, then counties by name (type-ahead) or on the map, with
// the list of those chosen (each removable). Counties of several states can be chosen, one state
// at a time, for a metro area that crosses a state line.
import { button, el, field, select } from "../kit/dom.js";
import { loadShapes } from "./atlas.js";
import { selectionMap } from "./map.js";
import { countySearch } from "./search.js";

// atlas: loadStates()'s index; onChange({ state?, counties? }) with the new choice; announce(text)
// says what changed in a live region. Returns { node, show(selection) }.
export const countyPicker = ({ atlas, onChange, announce }) => {
  let selection = { state: "", counties: [] };
  let drawn = null; // the state whose map is drawn
  const chosen = () => new Set(selection.counties);

  const toggle = (fips) => {
    const set = chosen();
    const adding = !set.has(fips);
    if (adding) set.add(fips);
    else set.delete(fips);
    const counties = [...set].sort();
    onChange({ counties });
    const count = `${counties.length} ${counties.length === 1 ? "county" : "counties"} chosen`;
    announce(`${atlas.county(fips)} ${adding ? "added" : "removed"}: ${count}.`);
  };

  const states = atlas.states.map((state) => [state.state, state.name]);
  const state = field("State", select(states, ""));
  state.input.dataset.role = "state";
  state.input.addEventListener("change", () => onChange({ state: state.input.value }));
  const search = countySearch({ onPick: toggle, isChosen: (fips) => chosen().has(fips) });
  const map = selectionMap({ onToggle: toggle });
  const list = el("ul", { class: "region-chosen", data: { role: "chosen" }, "aria-label": "Chosen counties" });
  const clear = button("Clear the counties", "clear-counties", {
    onClick: () => {
      onChange({ counties: [] });
      announce("No county chosen.");
    },
  });
  const mapError = el("p", { class: "calc-error", role: "alert", hidden: true });

  const drawMap = async (code) => {
    if (drawn === code) return;
    drawn = code;
    try {
      const shapes = await loadShapes(code);
      if (drawn !== code) return; // another state was chosen meanwhile
      map.draw(shapes, chosen());
      mapError.hidden = true;
    } catch (error) {
      drawn = null;
      mapError.textContent = `${error.message}. Choose counties by name instead.`;
      mapError.hidden = false;
    }
  };

  const show = (next) => {
    const stateChanged = next.state !== selection.state;
    selection = next;
    state.input.value = next.state;
    if (stateChanged) search.setCounties(atlas.byState.get(next.state)?.counties ?? []);
    list.replaceChildren(
      ...next.counties.map((fips) => {
        const remove = button("Remove", "remove-county", { onClick: () => toggle(fips) });
        remove.setAttribute("aria-label", `Remove ${atlas.county(fips)}`);
        return el("li", { data: { fips } }, [`${atlas.county(fips)} (${fips}) `, remove]);
      }),
    );
    if (!next.counties.length) list.append(el("li", { class: "calc-hint", text: "No county chosen yet." }));
    clear.hidden = !next.counties.length;
    if (drawn === next.state) map.update(chosen(), atlas.byState.get(next.state)?.name ?? "");
    else drawMap(next.state);
  };

  const controls = el("div", { class: "region-picker__controls" }, [
    state.field,
    search.field,
    el("p", { class: "region-picker__label", text: "Chosen counties" }),
    list,
    el("p", { class: "calc-actions" }, [clear]),
  ]);
  const node = el("div", { class: "region-picker" }, [controls, el("div", {}, [map.node, mapError])]);
  return { node, show };
};
