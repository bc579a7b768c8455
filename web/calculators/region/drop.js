// The region's drop zone (one multiple file input that also takes files dragged onto it) and the
// summary of what Python found in them: areas × years, the problems naming their files, notes.
import { button, el, uniqueId } from "../kit/dom.js";
import { display } from "../kit/format.js";

// onFiles(FileList) whenever files are chosen or dropped.
export const dropZone = ({ onFiles }) => {
  const input = el("input", {
    type: "file",
    multiple: true,
    accept: ".csv,text/csv",
    class: "region-drop__input",
    data: { role: "upload" },
  });
  input.id = uniqueId("region-upload");
  const hintId = uniqueId("hint");
  input.setAttribute("aria-describedby", hintId);
  const zone = el("div", { class: "region-drop", data: { role: "drop-zone" } }, [
    el("label", { for: input.id, class: "region-drop__label", text: "Add your QCEW files" }),
    input,
    el("span", {
      id: hintId,
      class: "calc-hint",
      text:
        "Drop all the files here at once, or choose them: every county, every year, and the national files. " +
        "They are read in this browser only.",
    }),
  ]);
  const take = (files) => {
    if (files?.length) onFiles(Array.from(files));
  };
  input.addEventListener("change", () => {
    take(input.files);
    input.value = ""; // the same files chosen again still count as a change
  });
  for (const type of ["dragenter", "dragover"]) {
    zone.addEventListener(type, (event) => {
      event.preventDefault();
      zone.dataset.over = "";
    });
  }
  zone.addEventListener("dragleave", () => delete zone.dataset.over);
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    delete zone.dataset.over;
    take(event.dataTransfer?.files);
  });
  return { node: zone, input };
};

const fileTable = (inspect, onRemove) => {
  const { columns, rows } = inspect;
  const head = columns.map((column) => el("th", { scope: "col", text: column.label }));
  if (onRemove) head.push(el("th", { scope: "col", text: "Remove" }));
  const body = rows.map((row) => {
    const cells = row.map((value, index) =>
      el(index === 0 ? "th" : "td", { scope: index === 0 ? "row" : null, text: display(value, columns[index]) }),
    );
    if (onRemove) {
      const remove = button("Remove", "remove-file", { onClick: () => onRemove(row[0]) });
      remove.setAttribute("aria-label", `Remove ${row[0]}`);
      cells.push(el("td", {}, [remove]));
    }
    return el("tr", { data: { status: row[6] } }, cells);
  });
  // Open when files can be removed: the reader is settling a problem with them.
  return el("details", { class: "region-files", open: Boolean(onRemove) }, [
    el("summary", { text: `The files (${rows.length})` }),
    el("div", { class: "calc-table-wrap" }, [
      el("table", { class: "calc-results region-files__table" }, [
        el("caption", { class: "calc-visually-hidden", text: "The files and what each holds" }),
        el("thead", {}, [el("tr", {}, head)]),
        el("tbody", {}, body),
      ]),
    ]),
  ]);
};

// A problem as a sentence: capitalized, unless it starts with a file's name (written as it is).
const sentence = (message, files) =>
  files.some((name) => message.startsWith(name)) ? message : `${message[0].toUpperCase()}${message.slice(1)}`;

const notesList = (notes) =>
  notes?.length
    ? el(
        "ul",
        { class: "region-notes" },
        notes.map((note) => el("li", { text: `Note: ${note}.` })),
      )
    : null;

// Returns { node, show(view) }. view: { kind: "sample" } | { kind: "reading", count, report } |
// { kind: "loaded", inspect } | { kind: "held", inspect, using, onRemove, onDiscard, onlyNew } |
// { kind: "failed", message, using }.
export const filesSummary = () => {
  const node = el("div", { class: "region-summary", data: { role: "files-summary" }, "aria-live": "polite" });
  const show = (view) => {
    node.dataset.state = view.kind;
    if (view.kind === "sample") {
      node.replaceChildren(el("p", { text: "No files added: the calculators use the sample." }));
    } else if (view.kind === "reading") {
      const reading = view.report?.message ?? `Reading ${view.count} ${view.count === 1 ? "file" : "files"}…`;
      node.replaceChildren(el("p", { text: reading }));
    } else if (view.kind === "loaded") {
      const { meta } = view.inspect;
      node.replaceChildren(
        el("p", {}, [el("strong", { text: "In use: " }), `${meta.summary}.`]),
        notesList(meta.notes) ?? "",
        fileTable(view.inspect),
      );
    } else if (view.kind === "held") {
      const { meta } = view.inspect;
      const problems = meta.problems.map((problem) =>
        el("li", {}, [
          `${sentence(problem.message, problem.files)}.`,
          // The files, unless the message already names them all.
          problem.files.some((name) => !problem.message.includes(name))
            ? el("span", { class: "calc-hint", text: ` (${problem.files.join(", ")})` })
            : "",
        ]),
      );
      node.replaceChildren(
        el("p", { class: "region-summary__held" }, [
          el("strong", { text: "Not used yet: " }),
          `these files hold ${meta.summary}, but:`,
        ]),
        el("ul", { class: "region-problems" }, problems),
        el("p", {
          text: `Nothing was lost: the calculators still use ${view.using}. Add the missing files, or remove the wrong ones.`,
        }),
        notesList(meta.notes) ?? "",
        fileTable(view.inspect, view.onRemove),
        el("p", { class: "calc-actions" }, [
          view.onlyNew ? button("Use only the files just added", "only-new-files", { onClick: view.onlyNew }) : "",
          button("Discard these files", "discard-files", { onClick: view.onDiscard }),
        ]),
      );
    } else {
      node.replaceChildren(
        el("p", { class: "region-summary__held" }, [
          el("strong", { text: "These files could not be read: " }),
          view.message,
        ]),
        el("p", { text: `Nothing was lost: the calculators still use ${view.using}.` }),
      );
    }
  };
  return { node, show };
};
