// Entry point of assets/web/worker.js: the calculators' Web Worker online. It loads Pyodide off the
// main thread and relays requests to Python (the protocol: calculators/worker-host.js).
import { failsIfUnreachable, startEngine } from "../calculators/engine.js";
import { serveEngine } from "../calculators/worker-host.js";

const indexURL = new URL("../pyodide/", self.location.href).href;

serveEngine({
  start: async (onStatus) => {
    const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
    return startEngine({
      loadPyodide,
      options: { indexURL },
      failure: failsIfUnreachable([`${indexURL}pyodide.asm.wasm`, `${indexURL}python_stdlib.zip`]),
      onStatus,
    });
  },
});
