// Entry point of assets/web/worker.js: the calculators' Web Worker. It loads Pyodide off the main
// thread and relays requests to Python; messages to the page are { type: status | failed | reply }.
import { failsIfUnreachable, startEngine } from "../calculators/engine.js";

const indexURL = new URL("../pyodide/", self.location.href).href;

const start = async () => {
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  return startEngine({
    loadPyodide,
    options: { indexURL },
    failure: failsIfUnreachable([`${indexURL}pyodide.asm.wasm`, `${indexURL}python_stdlib.zip`]),
    onStatus: (stage) => self.postMessage({ type: "status", stage }),
  });
};

const ready = start();
ready.catch((error) => self.postMessage({ type: "failed", message: String(error?.message ?? error) }));

self.addEventListener("message", async ({ data }) => {
  const call = await ready;
  self.postMessage({ type: "reply", json: call(data) });
});
