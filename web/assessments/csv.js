// The answers as CSV: one row per question and per area's notes, in page order.

export const COLUMNS = ["Area", "Question", "Answer", "Score"];

// Quote when needed; a cell that a spreadsheet would run as a formula gets a leading apostrophe.
const cell = (value) => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const answerRows = (model, answers, label) =>
  model.flatMap((area) => [
    ...area.questions.map((q) => [
      area.title,
      q.text,
      label(q.name),
      q.kind === "rating" && answers[q.name] !== undefined ? answers[q.name] : "",
    ]),
    ...(area.notes ? [[area.title, "Notes", answers[area.notes] ?? "", ""]] : []),
  ]);

export const toCsv = (rows) => {
  const lines = [COLUMNS, ...rows].map((row) => row.map((v) => cell(String(v))).join(","));
  return lines.map((line) => `${line}\r\n`).join("");
};
