// The engine's side of a Web Worker: start Python, then answer the page's messages. Shared by the
// online worker (web/pages/worker.js) and the offline copy's (web/pages/offline-worker.js). It
// answers every message it gets, even when the engine did not start or the message makes no
// sense, so nothing on the page waits forever.
// Page -> worker: { type: "call", id, fn, args, files } | { type: "load", id, packages } | { type: "ping" }.
// Worker -> page: { type: "status", stage } | { type: "failed", message } | { type: "progress", id, json }
// | { type: "reply", id, json } | { type: "loaded", id, failed } | { type: "pong" }.
import { describe, failureAnswer } from "./engine.js";

// start(onStatus): resolves to the engine startEngine gives. isOwn(data): messages that belong to
// the worker's own setup (the offline copy's files), which are not requests.
export const serveEngine = ({ start, isOwn = () => false }) => {
  let started = false;
  // Pyodide fetches its WebAssembly in a promise of its own; when that download fails, loadPyodide
  // rejects (reported below as the failed start) and the inner promise is left unhandled. Until the
  // engine has started, such a rejection is the same failure said twice (a retry starts a new
  // worker): keep it off the console.
  self.addEventListener("unhandledrejection", (event) => {
    if (!started) event.preventDefault();
  });
  const ready = start((stage) => self.postMessage({ type: "status", stage }));
  ready.then(
    () => {
      started = true;
    },
    (error) => self.postMessage({ type: "failed", message: describe(error) }),
  );

  const handle = async (data) => {
    const id = data?.id ?? null;
    let engine;
    try {
      engine = await ready;
    } catch (error) {
      const answer = failureAnswer(id, `The calculator engine did not start (${describe(error)})`);
      return data?.type === "load"
        ? { type: "loaded", id, failed: [describe(error)] }
        : { type: "reply", id, json: JSON.stringify(answer) };
    }
    if (data?.type === "load") {
      const packages = Array.isArray(data.packages) ? data.packages.map(String) : [];
      return { type: "loaded", id, failed: await engine.load(packages) };
    }
    const progress = (json) => self.postMessage({ type: "progress", id, json });
    const request = data?.type === "call" ? data : { id, fn: null, args: data };
    return { type: "reply", id, json: await engine.answer(request, progress) };
  };

  self.addEventListener("message", async ({ data }) => {
    if (isOwn(data)) return;
    if (data?.type === "ping") {
      self.postMessage({ type: "pong" });
      return;
    }
    let message;
    try {
      message = await handle(data);
    } catch (error) {
      const id = data?.id ?? null;
      message = {
        type: "reply",
        id,
        json: JSON.stringify(failureAnswer(id, `The request failed (${describe(error)})`)),
      };
    }
    self.postMessage(message);
  });

  // A message the worker cannot even deserialize still gets an answer (its id is unknown).
  self.addEventListener("messageerror", () => {
    self.postMessage({
      type: "reply",
      id: null,
      json: JSON.stringify(failureAnswer(null, "The request was unreadable")),
    });
  });
};
