// The offline copy's Pyodide loader, for pages opened from disk. Chromium blocks fetch, module
// imports and module workers on file://, so every runtime file arrives as a classic script written
// by scripts/offline_pack.py into assets/pyodide/offline/: pyodide.js (loadPyodide), pyodide-asm.js
// (the esbuild-bundled pyodide.asm.mjs), pack.js (the lock and a file list), worker.js (the engine
// worker's source) and one base64 script per binary file. Each hands its part over on the
// StartToolkit namespace.
import { decodeBase64 } from "../calculators/kit/bytes.js";
import { toolkit } from "../site/namespace.js";
import { installFetchShim } from "./fetch-shim.js";

const loadScript = (url, name) =>
  new Promise((resolve, reject) => {
    const tag = document.createElement("script");
    tag.src = url;
    tag.addEventListener("load", resolve);
    tag.addEventListener("error", () => reject(new Error(`the offline copy is missing ${name}`)));
    document.head.append(tag);
  });

export class OfflinePack {
  #folder; // assets/pyodide/offline/
  #indexURL; // assets/pyodide/, the same folder as online
  #payloads = new Map(); // file name -> Promise<Uint8Array>
  #taken = new Set(); // files handed over since the pack was last opened
  #prepared = null;

  constructor(assets) {
    this.#indexURL = new URL("pyodide/", assets).href;
    this.#folder = new URL("offline/", this.#indexURL);
  }

  #script(name) {
    return loadScript(new URL(name, this.#folder).href, name);
  }

  // Starts loading a payload script once; the decoded bytes are kept and the base64 text dropped.
  #payload(name, entry) {
    if (!this.#payloads.has(name)) {
      const bytes = this.#script(entry.script).then(() => {
        const store = toolkit().offlineFiles ?? {};
        const decoded = decodeBase64(store[name]);
        delete store[name];
        return decoded;
      });
      bytes.catch(() => this.#payloads.delete(name)); // a retry reads it again
      this.#payloads.set(name, bytes);
    }
    return this.#payloads.get(name);
  }

  // The bytes of one packed file, handed over once: Pyodide reads each file once, so the page
  // keeps no copy (a second request reads the script again).
  #take(name, entry) {
    const bytes = this.#payload(name, entry);
    this.#payloads.delete(name);
    this.#taken.add(name);
    return bytes;
  }

  // The pack's file list, with the files every start needs starting to load; optional packages
  // (openpyxl, for XLSX uploads) load only when Pyodide asks for them. Resolves to { pack,
  // optional: their file names, needed: a promise that fails when a needed file is missing }.
  async #openPack() {
    this.#taken.clear();
    await this.#script("pack.js");
    const pack = toolkit().offlinePack;
    const optional = new Set(
      Object.entries(pack.lock.packages)
        .filter(([name]) => name !== "start-calculators")
        .map(([, entry]) => entry.file_name),
    );
    // After the page's first paint (or when the engine asks for a file first): these scripts are
    // megabytes of base64 that the browser reads on the main thread, which would hold back the
    // sample's results.
    const painted = new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const all = painted.then(() =>
      Promise.all(
        Object.entries(pack.files)
          .filter(([name]) => !optional.has(name) && !this.#taken.has(name))
          .map(([name, entry]) => this.#payload(name, entry)),
      ),
    );
    all.catch(() => {}); // a missing file can fail before its caller awaits; the caller reports it
    return { pack, optional, needed: all };
  }

  async #prepare() {
    const runtime = Promise.all([this.#script("pyodide.js"), this.#script("pyodide-asm.js")]);
    runtime.catch(() => {}); // awaited below, once the pack is open
    const { pack, needed } = await this.#openPack();
    installFetchShim({
      indexURL: this.#indexURL,
      files: pack.files,
      bytesOf: (name) => this.#take(name, pack.files[name]),
    });
    // Wait for the files too: Pyodide only logs a failed wasm load and never settles, so a
    // missing file must fail here, where the status line can say so and offer a retry.
    await Promise.all([runtime, needed]);
    return {
      loadPyodide: globalThis.loadPyodide,
      options: {
        indexURL: this.#indexURL,
        packageBaseUrl: this.#indexURL,
        lockFileContents: pack.lock,
        createPyodideModule: toolkit().pyodideAsm.default,
      },
    };
  }

  // Resolves to { loadPyodide, options } for startEngine on the page; a failure can be retried.
  prepare() {
    this.#prepared ??= this.#prepare();
    this.#prepared.catch(() => {
      this.#prepared = null;
    });
    return this.#prepared;
  }

  // The engine in a worker, as online: a classic worker made from the pack's worker source (a
  // Blob, the one kind of worker a page on disk may start), which asks the page for each file
  // ("need") and gets its bytes back ("file"). onFailure(message): a needed file is missing, which
  // Pyodide would wait on forever. Resolves to the Worker; rejects when it cannot be made.
  async startWorker(onFailure) {
    const [{ pack, optional, needed }] = await Promise.all([this.#openPack(), this.#script("worker.js")]);
    needed.catch((error) => onFailure(error.message));
    const source = new Blob([toolkit().offlineWorker], { type: "text/javascript" });
    delete toolkit().offlineWorker; // the Blob has its copy; a retry reads the script again
    const url = URL.createObjectURL(source);
    const NativeWorker = toolkit().NativeWorker ?? globalThis.Worker; // not the search's stand-in
    const worker = new NativeWorker(url);
    worker.addEventListener("message", ({ data }) => {
      if (data?.type !== "need" || !Object.hasOwn(pack.files, data.name)) return;
      const { name } = data;
      this.#take(name, pack.files[name]).then(
        (bytes) => worker.postMessage({ type: "file", name, bytes }, [bytes.buffer]),
        (error) => {
          worker.postMessage({ type: "file", name, error: error.message });
          if (!optional.has(name)) onFailure(error.message);
        },
      );
    });
    // The worker has read its source once it speaks; then the Blob's address can go.
    worker.addEventListener("message", () => URL.revokeObjectURL(url), { once: true });
    worker.postMessage({ type: "pack", indexURL: this.#indexURL, files: pack.files, lock: pack.lock });
    return worker;
  }
}
