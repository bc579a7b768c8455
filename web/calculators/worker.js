// The calculators' Web Worker: loads Pyodide off the main thread and relays requests to Python.
import "./engine.js";
import { loadPyodide } from "../pyodide/pyodide.mjs";

const ready = self.StartEngine.start(
  loadPyodide,
  { indexURL: new URL("../pyodide/", import.meta.url).href },
  (stage) => self.postMessage({ type: "status", stage }),
);

const fail = (error) => self.postMessage({ type: "failed", message: String((error && error.message) || error) });
ready.catch(fail);

self.onmessage = async (event) => {
  const call = await ready;
  self.postMessage({ type: "reply", json: call(event.data) });
};
