// Mounts every self-assessment on a page: restores saved answers, keeps the summary current as the
// reader answers, and wires the export, print and clear buttons. No Python and no network.

import { answerRows, toCsv } from "./csv.js";
import { docxBytes } from "./docx.js";
import { answerLabel, readAnswers, readModel, store, writeAnswers } from "./model.js";
import { formatAverage, render, summarize } from "./summary.js";

const saveFile = (bytes, name, type) => {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

const report = (root, form, model, answers, summary) => {
  const label = (name) => answerLabel(form, name, answers);
  const links = [...root.querySelectorAll("[data-role=read-next] li:not([hidden]) a")];
  return {
    title: root.dataset.title,
    date: new Date().toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" }),
    overall: root.querySelector("[data-role=overall]").textContent,
    summaryRows: summary.rows.map((row) => [row.title, `${row.answered} of ${row.total}`, formatAverage(row.average)]),
    weakest: root.querySelector("[data-role=weakest]").textContent,
    readNext: links.map((a) => (/^https?:/.test(a.href) ? `${a.textContent} (${a.href})` : a.textContent)),
    areas: model.map((area) => ({
      title: area.title,
      rows: area.questions.map((q) => [q.text, label(q.name)]),
      notes: area.notes ? (answers[area.notes] ?? "") : null,
    })),
  };
};

// Mounted once per form element (web/site/pages.js); the listeners go with the element.
export const mount = (root) => {
  const slug = root.dataset.assessment;
  const form = root.querySelector("form");
  const status = root.querySelector("[data-role=status]");
  const top = Number(root.dataset.scaleMax);
  const model = readModel(root);
  const saved = store(slug);
  let answers = saved.load();
  writeAnswers(form, answers);

  const update = () => {
    const summary = summarize(model, answers, top);
    render(root, summary, top);
    return summary;
  };
  const changed = () => {
    answers = readAnswers(form);
    status.textContent = saved.save(answers)
      ? ""
      : "This browser does not let the page keep your answers; export them before you leave.";
    update();
  };
  form.addEventListener("change", changed);
  form.addEventListener("input", changed);
  form.addEventListener("submit", (event) => event.preventDefault());

  const actions = {
    "download-csv": () => {
      const rows = answerRows(model, answers, (name) => answerLabel(form, name, answers));
      saveFile(`\uFEFF${toCsv(rows)}`, `${slug}.csv`, "text/csv;charset=utf-8");
      status.textContent = "CSV file downloaded.";
    },
    "download-docx": () => {
      const bytes = docxBytes(report(root, form, model, answers, update()));
      saveFile(bytes, `${slug}.docx`, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      status.textContent = "Word document downloaded.";
    },
    print: () => window.print(),
    clear: () => {
      saved.clear();
      answers = {};
      writeAnswers(form, answers);
      update();
      status.textContent = "Answers cleared.";
    },
  };
  for (const button of root.querySelectorAll("[data-action]")) {
    button.addEventListener("click", () => actions[button.dataset.action]?.());
  }
  root.querySelector("[data-role=actions]").hidden = false;
  update();
};
