// An editable table for typing or pasting data: labelled cells, add and remove rows, and paste of
// a block copied from a spreadsheet (tab- or comma-separated lines).
import { el } from "./kit/dom.js";
import { parsePastedBlock } from "./kit/paste.js";

const cellText = (values, index) =>
  values?.[index] === undefined || values[index] === null ? "" : String(values[index]);

// options: { caption, columns: [{ name, label, numeric }], rows: arrays of cell texts }.
export const editableGrid = ({ caption, columns, rows: initial = [] }) => {
  const body = el("tbody");
  const headings = columns.map((column) => el("th", { scope: "col", text: column.label }));
  headings.push(el("th", { scope: "col" }, [el("span", { class: "calc-visually-hidden", text: "Remove" })]));
  const table = el("table", { class: "calc-grid" }, [
    el("caption", { text: caption }),
    el("thead", {}, [el("tr", {}, headings)]),
    body,
  ]);

  // Every cell's label says its row, so a screen reader knows where it is after rows move.
  const renumber = () => {
    for (const [r, tr] of [...body.rows].entries()) {
      for (const [c, input] of [...tr.querySelectorAll("input")].entries()) {
        input.setAttribute("aria-label", `Row ${r + 1}, ${columns[c].label}`);
      }
      tr.querySelector("button").setAttribute("aria-label", `Remove row ${r + 1}`);
    }
  };

  const addRow = (values) => {
    const tr = el("tr");
    for (const [c, column] of columns.entries()) {
      const input = el("input", {
        type: "text",
        inputmode: column.numeric ? "decimal" : null,
        autocomplete: "off",
        data: { col: column.name },
        on: { paste: onPaste },
      });
      input.value = cellText(values, c);
      tr.append(el("td", {}, [input]));
    }
    const remove = () => {
      tr.remove();
      renumber();
    };
    tr.append(el("td", {}, [el("button", { type: "button", class: "calc-remove", text: "✕", on: { click: remove } })]));
    body.append(tr);
    renumber();
    return tr;
  };

  // A pasted block fills the grid from the cell it lands in, adding rows as needed.
  function onPaste(event) {
    const block = parsePastedBlock(event.clipboardData.getData("text"));
    if (!block) return;
    event.preventDefault();
    const start = event.target.closest("td");
    let tr = start.parentNode;
    const startCol = [...tr.children].indexOf(start);
    for (const values of block) {
      const inputs = tr.querySelectorAll("input");
      for (const [i, value] of values.entries()) {
        if (inputs[startCol + i]) inputs[startCol + i].value = value;
      }
      tr = tr.nextElementSibling ?? addRow();
    }
    const blank = [...tr.querySelectorAll("input")].every((input) => input.value === "");
    if (blank && body.rows.length > 1) {
      tr.remove();
      renumber();
    }
  }

  const add = el("button", {
    type: "button",
    class: "md-button",
    data: { action: "add-row" },
    text: "Add a row",
    on: { click: () => addRow().querySelector("input").focus() },
  });

  const set = (rows) => {
    body.textContent = "";
    for (const row of rows.length ? rows : [[]]) addRow(row);
  };

  // Rows as arrays of trimmed texts, leaving out rows with every cell empty.
  const rows = () =>
    [...body.rows]
      .map((tr) => [...tr.querySelectorAll("input")].map((input) => input.value.trim()))
      .filter((row) => row.some((value) => value !== ""));

  set(initial);
  return {
    node: el("div", { class: "calc-grid-block" }, [el("div", { class: "calc-table-wrap" }, [table]), add]),
    set,
    rows,
  };
};
