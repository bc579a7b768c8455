// Start Pyodide with the start-calculators wheel and answer the widgets' JSON requests. The same
// code runs in the Web Worker (over http) and on the main thread (from file://).

// Where the page says that the engine has started or failed (the search worker waits for it).
export const ENGINE_CHANNEL = "start-toolkit-engine";

const fileName = (url) => String(url).split("/").pop();

// Pyodide 314 never settles loadPyodide() when its wasm download fails (pyodide/pyodide#6296).
// So ask the server for the runtime's big files first: a missing one rejects at once, and the
// status line can say so and offer a retry. Hosts that refuse HEAD (405, 501) are given the
// benefit of the doubt. The promise never resolves: it only exists to fail.
export const failsIfUnreachable = (urls) =>
  Promise.all(
    urls.map(async (url) => {
      let response;
      try {
        response = await fetch(url, { method: "HEAD", cache: "no-store" });
      } catch (error) {
        throw new Error(`could not download ${fileName(url)} (${error.message ?? error})`);
      }
      if (!response.ok && response.status !== 405 && response.status !== 501) {
        throw new Error(`could not download ${fileName(url)} (HTTP ${response.status})`);
      }
    }),
  ).then(() => new Promise(() => {}));

// loadPyodide: the runtime's loader; options: extra loadPyodide options (indexURL, lock...);
// onStatus(stage): "starting", "packages", "ready"; failure: a promise that rejects when the
// start cannot succeed. Resolves to call(requestJson) -> responseJson.
export const startEngine = async ({ loadPyodide, options, onStatus, failure }) => {
  onStatus("starting");
  // Listing the wheel here lets Pyodide fetch it while Python boots; its sha256 from the lock
  // file is checked (Pyodide's default) before it is installed.
  const loading = loadPyodide({ fullStdLib: false, packages: ["start-calculators"], ...options });
  const pyodide = await (failure ? Promise.race([loading, failure]) : loading);
  onStatus("packages");
  const browser = pyodide.pyimport("start_calculators.browser");
  onStatus("ready");
  return (requestJson) => browser.call(requestJson);
};
