// An editable table for typing or pasting data: labelled cells, add and remove rows, and paste of
// a block copied from a spreadsheet or written as CSV, split by Python (parse_paste: tabs, commas
// or semicolons, quoted cells, a header row recognized and skipped, decimal commas), with how it
// was read said under the grid.
import { el } from "./kit/dom.js";
import { isBlock } from "./kit/paste.js";

const cellText = (values, index) =>
  values?.[index] === undefined || values[index] === null ? "" : String(values[index]);

// options: { caption, columns: [{ name, label, numeric }], rows: arrays of cell texts, runtime: the
// engine that splits pasted blocks }.
export const editableGrid = ({ caption, columns, rows: initial = [], runtime }) => {
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

  const pasteNote = el("p", { class: "calc-hint calc-paste-note", role: "status", data: { role: "paste-notes" } });

  // Python's cells fill the grid from the cell the paste landed in (or from the first column when
  // a header named the grid's columns), adding rows as needed.
  const fill = (start, pasted) => {
    let tr = start.parentNode;
    const startCol = pasted.aligned ? 0 : [...tr.children].indexOf(start);
    for (const values of pasted.rows) {
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
  };

  async function onPaste(event) {
    const text = event.clipboardData?.getData("text") ?? "";
    if (!runtime || !isBlock(text)) return;
    event.preventDefault();
    const start = event.target.closest("td");
    pasteNote.textContent = "Reading the pasted cells…";
    const reply = await runtime.call("parse_paste", { text, columns });
    if (!start.isConnected) return;
    if (!reply.ok) {
      pasteNote.textContent = `The pasted text could not be split into cells: ${reply.error.message}`;
      return;
    }
    fill(start, reply.result);
    const count = reply.result.rows.length;
    const read = `Pasted ${count} ${count === 1 ? "row" : "rows"}.`;
    const notes = reply.result.notes.map((note) => note[0].toUpperCase() + note.slice(1));
    pasteNote.textContent = [read, ...notes].join(" ");
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
    node: el("div", { class: "calc-grid-block" }, [el("div", { class: "calc-table-wrap" }, [table]), pasteNote, add]),
    set,
    rows,
  };
};
