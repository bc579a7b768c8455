// The status line under each calculator, the area that explains a rejected input, and compute(),
// which runs one calculation for a widget: its progress on the status line, how Python read the
// input (notes) under the error area, a failure explained with a way forward, the previous result
// kept until a new one is complete, and only the widget's latest run shown.
import { button, el } from "./dom.js";

// error area -> { runtime, status, restart, run }: what compute() and showError() need of a widget.
const widgets = new WeakMap();
const SHOW_WORKING_AFTER = 400; // ms: quick answers do not flash a "Calculating…"

// The engine's stage in words, or the progress of this widget's calculation; on failure a retry
// button restarts the engine, then calls restart(). errors: the widget's error area, linked so
// compute() reports progress here. Returns { node, stop, working(text), idle() }.
export const statusLine = (runtime, restart, errors) => {
  const text = el("span", { class: "calc-status__text" });
  const retry = button("Try again", "retry", { onClick: () => runtime.retry().then(restart) });
  retry.hidden = true;
  const node = el("p", { class: "calc-status", role: "status", "aria-live": "polite", data: { role: "status" } }, [
    text,
    " ",
    retry,
  ]);
  let engine = { state: { stage: "downloading" }, message: "" };
  let busy = null; // what this widget's running calculation says, if any
  const render = () => {
    const { state, message } = engine;
    const failed = state.stage === "failed";
    node.dataset.stage = state.stage;
    node.toggleAttribute("data-busy", busy !== null && !failed);
    text.textContent = failed ? state.error : state.stage === "ready" && busy ? busy : message;
    retry.hidden = !failed;
  };
  const stop = runtime.onStatus((state, message) => {
    engine = { state, message };
    render();
  });
  const line = {
    node,
    stop,
    working: (message) => {
      busy = message;
      render();
    },
    idle: () => {
      busy = null;
      render();
    },
  };
  if (errors) widgets.set(errors, { runtime, status: line, restart, run: 0 });
  return line;
};

export const errorArea = () => el("div", { class: "calc-error", role: "alert", data: { role: "error" }, hidden: true });

// How each kind of failure is introduced; Python's own kinds (cell, file, option, input) are all
// about the input.
const INPUT_LEAD = "That input could not be used. ";
const LEADS = {
  engine: "The calculation did not finish. ",
  unreadable: "That file could not be read. ",
  page: "",
};

// error: Python's { message, kind, ... } (message complete: where, what, what to do), a failure of
// the engine (kind "engine"), of reading a file (kind "unreadable") or of the page itself (kind
// "page": a chart, a download); null hides the area.
export const showError = (area, error) => {
  area.textContent = "";
  if (!error) {
    area.hidden = true;
    return;
  }
  const widget = widgets.get(area);
  const engine = error.kind === "engine";
  area.dataset.kind = error.kind ?? "input";
  area.append(el("strong", { text: LEADS[error.kind] ?? INPUT_LEAD }), document.createTextNode(error.message));
  if (engine && widget) {
    area.append(
      " ",
      button("Try again", "retry-calculation", { onClick: () => widget.runtime.retry().then(widget.restart) }),
    );
  }
  if (error.kind !== "page")
    area.append(el("span", { class: "calc-hint", text: " Your previous table is unchanged." }));
  area.hidden = false;
};

// The notes Python returns with a result (separator found, decimal comma read, encoding decoded),
// shown under the error area; none hides the list.
export const showNotes = (area, notes) => {
  let list = area.nextElementSibling?.matches?.("[data-role=notes]") ? area.nextElementSibling : null;
  if (!list) {
    if (!notes?.length) return;
    list = el("ul", { class: "calc-notes", data: { role: "notes" }, "aria-label": "How your input was read" });
    area.after(list);
  }
  list.replaceChildren(...(notes ?? []).map((note) => el("li", { text: note })));
  list.hidden = !notes?.length;
};

// Run a calculation for the widget whose error area is `errors`: resolves to the result, or to
// null when it failed (the error is shown, the previous result stays) or a newer run of the same
// widget replaced it.
export const compute = async (runtime, fn, args, errors) => {
  const widget = widgets.get(errors) ?? { run: 0 };
  widgets.has(errors) || widgets.set(errors, widget);
  widget.run += 1;
  const run = widget.run;
  const latest = () => widget.run === run;
  let reported = false; // a progress report says more than "Calculating…": never cover it
  const timer = setTimeout(() => latest() && !reported && widget.status?.working("Calculating…"), SHOW_WORKING_AFTER);
  const onProgress = (report) => {
    reported = true;
    if (latest()) widget.status?.working(report.message ?? "Calculating…");
  };
  const reply = await runtime.call(fn, args, { onProgress });
  clearTimeout(timer);
  if (!latest()) return null;
  widget.status?.idle();
  showError(errors, reply.ok ? null : reply.error);
  if (reply.ok) showNotes(errors, reply.result?.meta?.notes);
  return reply.ok ? reply.result : null;
};

// Runs work() (drawing a chart, making a download) and shows its failure in the widget's error
// area, what failed and what to do next, instead of letting it fail unseen. Resolves to work's
// value, or null when it failed.
export const guard = async (errors, { what, next }, work) => {
  try {
    return await work();
  } catch (error) {
    const reason = String(error?.message ?? error ?? "unknown error").split("\n")[0];
    if (errors) showError(errors, { kind: "page", message: `${what} (${reason}). ${next}` });
    return null;
  }
};
