// The status line under each calculator and the area that explains a rejected input.
import { button, el } from "./dom.js";

// The engine's stage in words; on failure a retry button restarts it, then calls restart().
// Returns { node, stop }: stop() detaches the line from the engine when the page goes away.
export const statusLine = (runtime, restart) => {
  const text = el("span", { class: "calc-status__text" });
  const retry = button("Try again", "retry", { onClick: () => runtime.retry().then(restart) });
  retry.hidden = true;
  const node = el("p", { class: "calc-status", role: "status", "aria-live": "polite", data: { role: "status" } }, [
    text,
    " ",
    retry,
  ]);
  const stop = runtime.onStatus((state, message) => {
    node.dataset.stage = state.stage;
    text.textContent = state.stage === "failed" ? state.error : message;
    retry.hidden = state.stage !== "failed";
  });
  return { node, stop };
};

export const errorArea = () => el("div", { class: "calc-error", role: "alert", data: { role: "error" }, hidden: true });

// error: { message, file, row, column } from Python, or null to hide the area.
export const showError = (area, error) => {
  area.textContent = "";
  if (!error) {
    area.hidden = true;
    return;
  }
  const where = [error.file, error.row ? `row ${error.row}` : null, error.column ? `column “${error.column}”` : null]
    .filter(Boolean)
    .join(", ");
  area.append(
    el("strong", { text: "That input could not be used. " }),
    document.createTextNode((where ? `${where}: ` : "") + error.message),
    el("span", { class: "calc-hint", text: " Your previous table is unchanged." }),
  );
  area.hidden = false;
};

// Run a calculation; show its error (keeping the old result) or hand the result on (null on error).
export const compute = async (runtime, fn, args, errors) => {
  const reply = await runtime.call(fn, args);
  showError(errors, reply.ok ? null : reply.error);
  return reply.ok ? reply.result : null;
};
