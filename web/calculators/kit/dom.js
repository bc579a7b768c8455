// Building form elements for the calculator widgets. Data is always written as text, never as HTML.

// el("button", { class: "x", data: { action: "go" }, on: { click } }, "Go"): an element; text stays text.
export const el = (tag, attrs = {}, children = []) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "data") Object.assign(node.dataset, value);
    else if (key === "text") node.textContent = value;
    else if (key === "on") for (const [type, listener] of Object.entries(value)) node.addEventListener(type, listener);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of [children].flat()) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
};

let lastId = 0;

// A page-unique id, for labels and descriptions.
export const uniqueId = (prefix = "calc") => {
  lastId += 1;
  return `${prefix}-${lastId}`;
};

// A labelled form control, with an optional hint tied to it: { field, input }.
export const field = (label, input, hint) => {
  input.id ||= uniqueId("field");
  const parts = [el("label", { for: input.id, text: label }), input];
  if (hint) {
    const hintId = uniqueId("hint");
    input.setAttribute("aria-describedby", hintId);
    parts.push(el("span", { id: hintId, class: "calc-hint", text: hint }));
  }
  return { field: el("div", { class: "calc-field" }, parts), input };
};

// A <select> of [value, label] pairs with `value` chosen.
export const select = (options, value) =>
  el(
    "select",
    {},
    options.map(([optionValue, label]) =>
      el("option", { value: optionValue, text: label, selected: optionValue === value }),
    ),
  );

// "Start from" radio buttons showing one panel of { value: panel } at a time; state.mode holds the choice.
export const modes = (panels, labels, state) => {
  const box = el("fieldset", { class: "calc-modes" }, [el("legend", { text: "Start from" })]);
  const name = uniqueId("mode");
  const show = () => {
    for (const [key, panel] of Object.entries(panels)) panel.hidden = state.mode !== key;
  };
  for (const key of Object.keys(panels)) {
    const change = () => {
      state.mode = key;
      show();
    };
    const input = el("input", { type: "radio", name, value: key, checked: state.mode === key, on: { change } });
    box.append(el("label", { class: "calc-mode" }, [input, ` ${labels[key]}`]));
  }
  show();
  return box;
};

// A plain button with a data-action hook; `primary` picks the filled style.
export const button = (text, action, { primary = false, onClick } = {}) =>
  el("button", {
    type: "button",
    class: primary ? "md-button md-button--primary" : "md-button",
    data: { action },
    text,
    on: onClick ? { click: onClick } : undefined,
  });
