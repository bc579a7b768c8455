// Start Pyodide with the start-calculators wheel and answer the widgets' requests. The same code
// runs in the engine's Web Worker (online, or made from a Blob from file://) and, where no worker
// starts, on the page's main thread. Every request gets an answer, even when Python or a file
// read fails, so no call on the page can wait forever.
import { gunzip, isGzip } from "./kit/bytes.js";
import { prepareRequest } from "./kit/requests.js";

// Where the page says that the engine has started or failed (the search worker waits for it).
export const ENGINE_CHANNEL = "start-toolkit-engine";

// Tells the site search, held back on calculator pages (web/pages/search-worker.js), that the
// engine is "idle" or "failed": it may start building its index.
export const announce = (word) => {
  const channel = new BroadcastChannel(ENGINE_CHANNEL);
  channel.postMessage(word);
  channel.close();
};

const fileName = (url) => String(url).split("/").pop();

// Pyodide's memory with the calculators already imported, made by the build (hooks/snapshot.mjs)
// and served gzipped beside the runtime (scripts/project.py names it too).
export const SNAPSHOT = "engine.snapshot.gz";

// The snapshot's bytes. A server that sends it with Content-Encoding: gzip has already unzipped it,
// so only bytes that still start with gzip's magic number are unzipped here.
const fetchSnapshot = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not download ${fileName(url)} (HTTP ${response.status})`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return isGzip(bytes) ? gunzip(bytes) : bytes;
};

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

// An ok:false answer in the shape Python gives (protocol.py), for failures Python never saw: a file
// the browser could not read, an exception on the way in or out of Python.
export const failureAnswer = (id, message, hint = "Try again.", kind = "engine") => ({
  id: id ?? null,
  ok: false,
  error: {
    message: `${message.replace(/\.$/, "")}. ${hint}`,
    where: "",
    detail: message,
    hint,
    kind,
    file: null,
    row: null,
    column: null,
    label: null,
    expected: null,
  },
});

// An answer's JSON text as an object; text that is not JSON becomes an ok:false answer.
export const parseAnswer = (id, json) => {
  try {
    return JSON.parse(json);
  } catch {
    return failureAnswer(id, "The calculator engine sent an unreadable answer");
  }
};

// An error's first line, for messages.
export const describe = (error) => String(error?.message ?? error ?? "unknown error").split("\n")[0];

// A request from the page: { id, fn, args } with File placeholders (kit/requests.js) and the files.
// Resolves to the answer's JSON text; never rejects. onProgress(jsonText) during long reads; pause()
// lets the page breathe between chunks of a big file when Python runs on the main thread.
const answerRequest = async ({ browser, withFiles }, message, onProgress, pause) => {
  const id = message?.id ?? null;
  if (typeof message?.fn !== "string") {
    // Malformed: Python words the answer (and it never throws).
    try {
      return browser.call(JSON.stringify({ id, fn: message?.fn ?? null, args: message?.args ?? null }));
    } catch (error) {
      return JSON.stringify(failureAnswer(id, `The request could not be read (${describe(error)})`));
    }
  }
  let prepared;
  try {
    prepared = await prepareRequest({ id, fn: message.fn, args: message.args ?? {} }, message.files ?? [], pause);
  } catch (error) {
    const answer = error.fileName
      ? failureAnswer(id, `${error.fileName} could not be read (${describe(error)})`, error.hint, "unreadable")
      : failureAnswer(id, `The request could not be sent to Python (${describe(error)})`);
    return JSON.stringify(answer);
  }
  try {
    return await withFiles.call_async(prepared.json, prepared.buffers, onProgress);
  } catch (error) {
    // Python answers every request itself; this is the wasm runtime failing (out of memory...).
    return JSON.stringify(failureAnswer(id, `The calculator engine failed (${describe(error)})`));
  }
};

// loadPyodide: the runtime's loader; options: extra loadPyodide options (indexURL, lock...);
// onStatus(stage): "starting", "packages", "ready"; failure: a promise that rejects when the
// start cannot succeed. Resolves to { answer(message, onProgress, pause), load(packages) }.
export const startEngine = async ({ loadPyodide, options, onStatus, failure }) => {
  onStatus("starting");
  // Listing the wheel here lets Pyodide fetch it while Python boots; its sha256 from the lock
  // file is checked (Pyodide's default) before it is installed. From the snapshot the modules are
  // already imported, and the wheel brings their files (the sample's data among them).
  const settings = { fullStdLib: false, packages: ["start-calculators"], ...options };
  const snapshot = fetchSnapshot(new URL(SNAPSHOT, options.indexURL));
  snapshot.catch(() => {}); // loadPyodide reads a failed download as a failed start, handled below
  // The snapshot only saves time: when it cannot be read or does not fit this runtime, Python
  // starts from scratch as it would without one.
  const loading = loadPyodide({ ...settings, _loadSnapshot: snapshot }).catch((error) => {
    console.warn(`The calculator engine starts without its snapshot (${describe(error)}).`);
    return loadPyodide(settings);
  });
  const pyodide = await (failure ? Promise.race([loading, failure]) : loading);
  // Pyodide only logs a wheel that failed to install (a failed integrity check...). From the
  // snapshot the modules are in memory all the same, but not the sample's data: no start.
  if (!pyodide.loadedPackages["start-calculators"]) throw new Error("the calculators' package could not be installed");
  onStatus("packages");
  const python = {
    browser: pyodide.pyimport("start_calculators.browser"),
    withFiles: pyodide.pyimport("start_calculators.browser_files"),
  };
  onStatus("ready");
  return {
    answer: (message, onProgress, pause) => answerRequest(python, message, onProgress, pause),
    // Optional packages (openpyxl for XLSX), from the same folder and lock as the wheel. Resolves
    // to the names that failed: Pyodide reports a failed download through errorCallback.
    load: async (packages) => {
      const failed = [];
      try {
        await pyodide.loadPackage(packages, {
          messageCallback: () => {},
          errorCallback: (text) => failed.push(describe(text)),
        });
      } catch (error) {
        failed.push(describe(error));
      }
      return failed;
    },
  };
};
