// The county type-ahead: a labelled combobox with a listbox of the state's counties (ARIA 1.2
// pattern). Type a few letters; Down and Up move through the matches, Enter adds or removes the
// county, Escape closes the list (and a second Escape clears the text).
import { el, uniqueId } from "../kit/dom.js";

const MAX_SHOWN = 12;

// Counties whose name starts with the text first, then those that contain it elsewhere.
const matches = (counties, text) => {
  const query = text.trim().toLowerCase();
  if (!query) return [];
  const starts = counties.filter(([, name]) => name.toLowerCase().startsWith(query));
  const inside = counties.filter(
    ([, name]) => !name.toLowerCase().startsWith(query) && name.toLowerCase().includes(query),
  );
  return [...starts, ...inside];
};

// onPick(fips) when the reader picks a county; isChosen(fips) marks those already in the region.
// Returns { field, input, setCounties(counties, stateName) } for [[fips, name]] of one state.
export const countySearch = ({ onPick, isChosen }) => {
  const listId = uniqueId("region-options");
  const hintId = uniqueId("region-hint");
  const input = el("input", {
    type: "text",
    role: "combobox",
    autocomplete: "off",
    spellcheck: "false",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    "aria-describedby": hintId,
    data: { role: "county-search" },
  });
  input.id = uniqueId("region-search");
  const label = el("label", { for: input.id, text: "Add a county by name" });
  const list = el("ul", { id: listId, role: "listbox", class: "region-options", hidden: true });
  const hint = el("span", {
    id: hintId,
    class: "calc-hint",
    text: "Type part of a name, then use the arrow keys and Enter, or click a county on the map.",
  });
  let counties = [];
  let shown = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const render = () => {
    list.textContent = "";
    shown = matches(counties, input.value).slice(0, MAX_SHOWN);
    if (!shown.length) {
      if (input.value.trim())
        list.append(el("li", { class: "region-options__none", text: "No county by that name in this state" }));
      else return close();
    }
    shown.forEach(([fips, name], index) => {
      const chosen = isChosen(fips);
      const option = el(
        "li",
        {
          id: `${listId}-${fips}`,
          role: "option",
          "aria-selected": index === active ? "true" : "false",
          class: index === active ? "region-options__active" : null,
          data: { fips },
        },
        [name, chosen ? el("span", { class: "region-options__chosen", text: " (chosen: Enter removes it)" }) : null],
      );
      // mousedown, not click: the input keeps the focus, so the list does not close first.
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        pick(fips);
      });
      list.append(option);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (active >= 0) input.setAttribute("aria-activedescendant", `${listId}-${shown[active][0]}`);
    else input.removeAttribute("aria-activedescendant");
  };

  const pick = (fips) => {
    onPick(fips);
    input.value = "";
    close();
  };

  const move = (step) => {
    if (list.hidden) render();
    if (!shown.length) return;
    active = (active + step + shown.length) % shown.length;
    render();
    document.getElementById(`${listId}-${shown[active][0]}`)?.scrollIntoView({ block: "nearest" });
  };

  input.addEventListener("input", () => {
    active = -1;
    render();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") move(1);
    else if (event.key === "ArrowUp") move(-1);
    else if (event.key === "Enter") {
      const chosen = shown[active] ?? (shown.length === 1 ? shown[0] : null);
      if (!chosen) return;
      pick(chosen[0]);
    } else if (event.key === "Escape") {
      if (list.hidden) input.value = "";
      close();
    } else return;
    event.preventDefault();
  });
  input.addEventListener("blur", close);

  const field = el("div", { class: "calc-field region-search" }, [label, input, hint, list]);
  return {
    field,
    input,
    setCounties: (next) => {
      counties = next;
      input.value = "";
      close();
    },
  };
};
