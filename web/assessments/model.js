// The assessment as the page rendered it: areas, questions and answers read from the form itself,
// so tools/assessments/*.yml stays the only definition. Answers are kept in localStorage.

const STORE_PREFIX = "start-toolkit:assessment:";

const text = (node) => (node ? node.textContent.replace(/\s+/g, " ").trim() : "");

// Areas in page order, each with its questions; a question's label is its legend (or label).
export const readModel = (root) =>
  [...root.querySelectorAll("fieldset[data-area]")].map((area) => ({
    id: area.dataset.area,
    title: text(area.querySelector("legend h2")),
    scored: area.dataset.scored === "true",
    notes: area.querySelector(`textarea[name="${area.dataset.area}.notes"]`)?.name ?? null,
    questions: [...area.querySelectorAll("[data-question]")].map((question) => ({
      name: question.dataset.question,
      kind: question.dataset.kind,
      text: text(question.querySelector("legend") ?? question.querySelector("label")),
    })),
  }));

// name -> value for every answered control: a checked radio's value ("" for "don't know") or typed text.
export const readAnswers = (form) => {
  const answers = {};
  for (const control of form.elements) {
    if (control.type === "radio" && control.checked) answers[control.name] = control.value;
    if (control.tagName === "TEXTAREA" && control.value.trim() !== "") answers[control.name] = control.value;
  }
  return answers;
};

export const writeAnswers = (form, answers) => {
  for (const control of form.elements) {
    if (control.type === "radio") control.checked = answers[control.name] === control.value;
    if (control.tagName === "TEXTAREA") control.value = answers[control.name] ?? "";
  }
};

// What the reader sees for an answer: the chosen option's label, or the text typed.
export const answerLabel = (form, name, answers) => {
  const value = answers[name];
  if (value === undefined) return "";
  const radio = [...form.elements].find((c) => c.type === "radio" && c.name === name && c.value === value);
  return radio ? text(form.querySelector(`label[for="${radio.id}"]`)) : value;
};

// localStorage can be missing or refuse writes (private windows, strict settings): say so, never throw.
export const store = (slug) => {
  const key = STORE_PREFIX + slug;
  return {
    load() {
      try {
        const saved = JSON.parse(window.localStorage.getItem(key) ?? "null");
        return saved && typeof saved.answers === "object" ? saved.answers : {};
      } catch {
        return {};
      }
    },
    save(answers) {
      try {
        window.localStorage.setItem(key, JSON.stringify({ version: 1, answers }));
        return true;
      } catch {
        return false;
      }
    },
    clear() {
      try {
        window.localStorage.removeItem(key);
      } catch {
        // nothing was stored
      }
    },
  };
};
