// Entry point of assets/web/offline-worker.js: the offline copy's engine worker. A page opened from
// disk may start only a classic worker made from a Blob, so scripts/offline_pack.py joins this
// bundle after Pyodide's classic loader and its bundled runtime into one worker source, which the
// page starts (web/offline/loader.js). The page first posts the pack's file list ("pack"); Pyodide
// then fetches each runtime file through the fetch shim, which asks the page for it ("need") and
// waits for its bytes ("file").
import { startEngine } from "../calculators/engine.js";
import { serveEngine } from "../calculators/worker-host.js";
import { installFetchShim } from "../offline/fetch-shim.js";
import { toolkit } from "../site/namespace.js";

let openPack;
const packed = new Promise((resolve) => {
  openPack = resolve;
});
const waiting = new Map(); // file name -> [{ resolve, reject }] of the fetches waiting for it

const bytesOf = (name) =>
  new Promise((resolve, reject) => {
    const asked = waiting.has(name);
    waiting.set(name, [...(waiting.get(name) ?? []), { resolve, reject }]);
    if (!asked) self.postMessage({ type: "need", name });
  });

const isOwn = (data) => data?.type === "pack" || data?.type === "file";

self.addEventListener("message", ({ data }) => {
  if (data?.type === "pack") openPack(data);
  if (data?.type !== "file" || !waiting.has(data.name)) return;
  const waiters = waiting.get(data.name);
  waiting.delete(data.name);
  for (const { resolve, reject } of waiters) {
    if (data.error) reject(new Error(data.error));
    else resolve(data.bytes);
  }
});

serveEngine({
  isOwn,
  start: async (onStatus) => {
    const { indexURL, files, lock } = await packed;
    installFetchShim({ indexURL, files, bytesOf });
    return startEngine({
      loadPyodide: globalThis.loadPyodide,
      options: {
        indexURL,
        packageBaseUrl: indexURL,
        lockFileContents: lock,
        createPyodideModule: toolkit().pyodideAsm.default,
      },
      onStatus,
    });
  },
});
