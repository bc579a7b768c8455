// The calculators' Python engine for one browser window: started once, and kept while Material's
// instant navigation swaps pages. Over http(s) it runs in a Web Worker so the page stays
// responsive; from file:// (the offline copy), where Chromium refuses workers and module imports,
// the same engine runs on the main thread.
import { ENGINE_CHANNEL, failsIfUnreachable, startEngine } from "./engine.js";

export const STAGES = {
  downloading: "Downloading the calculator engine (about 5 MB, once)…",
  starting: "Starting Python…",
  packages: "Loading the calculators…",
  ready: "Ready. Your data stays in this browser.",
};

const RUNTIME_FILES = ["pyodide.asm.wasm", "python_stdlib.zip"];

const loadScript = (src) =>
  new Promise((resolve, reject) => {
    const tag = document.createElement("script");
    tag.src = src;
    tag.addEventListener("load", resolve);
    tag.addEventListener("error", () => reject(new Error(`could not load ${src}`)));
    document.head.append(tag);
  });

export class Runtime {
  #assets;
  #listeners = new Set();
  #pending = new Map();
  #nextId = 1;
  #state = { stage: "downloading", error: null };
  #send = null;
  #ready = null;

  // assets: the URL of the site's assets/ folder.
  constructor(assets) {
    this.#assets = assets;
  }

  #emit(stage, error = null) {
    this.#state = { stage, error };
    for (const listener of this.#listeners) listener(this.#state, STAGES[stage] ?? "");
    if (stage === "ready" || stage === "failed") {
      // The site search, held back on calculator pages (web/pages/search-worker.js), may start.
      const channel = new BroadcastChannel(ENGINE_CHANNEL);
      channel.postMessage(stage);
      channel.close();
    }
  }

  #receive(json) {
    const reply = JSON.parse(json);
    const waiter = this.#pending.get(reply.id);
    this.#pending.delete(reply.id);
    waiter?.(reply);
  }

  // The worker posts status and replies; resolves when Python is ready.
  #startWorker() {
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL("web/worker.js", this.#assets));
      const fail = (message) => {
        worker.terminate();
        reject(new Error(message));
      };
      worker.addEventListener("message", ({ data }) => {
        if (data.type === "status") {
          this.#emit(data.stage);
          if (data.stage === "ready") resolve();
        } else if (data.type === "failed") {
          fail(data.message);
        } else if (data.type === "reply") {
          this.#receive(data.json);
        }
      });
      worker.addEventListener("error", (event) => fail(event.message || "the calculator engine could not start"));
      this.#send = (json) => worker.postMessage(json);
    });
  }

  // From disk the offline pack provides the loader; over http the npm package's pyodide.mjs.
  async #loader() {
    const indexURL = new URL("pyodide/", this.#assets).href;
    if (location.protocol === "file:") {
      await loadScript(new URL("web/offline.js", this.#assets).href);
      return globalThis.StartToolkit.offline.prepare();
    }
    const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
    const failure = failsIfUnreachable(RUNTIME_FILES.map((name) => indexURL + name));
    return { loadPyodide, options: { indexURL }, failure };
  }

  async #startMainThread() {
    const { loadPyodide, options, failure } = await this.#loader();
    const call = await startEngine({ loadPyodide, options, failure, onStatus: (stage) => this.#emit(stage) });
    // A macrotask per call, as a worker's message would be: the page paints before Python runs.
    this.#send = (json) => setTimeout(() => this.#receive(call(json)), 0);
  }

  // Starts (or restarts, after a failure) the engine; resolves when it is ready.
  start() {
    this.#emit("downloading");
    const useWorker = location.protocol !== "file:" && typeof Worker !== "undefined";
    this.#ready = useWorker
      ? this.#startWorker().catch((error) => {
          // A worker that cannot start at all (blocked by policy) still leaves the main thread.
          if (this.#state.stage === "downloading") return this.#startMainThread();
          throw error;
        })
      : this.#startMainThread();
    this.#ready.catch((error) =>
      this.#emit("failed", `The calculator engine did not start: ${error.message ?? error}`),
    );
    return this.#ready;
  }

  // Resolves to Python's reply: { id, ok: true, result } or { id, ok: false, error: {...} }.
  async call(fn, args = {}) {
    await this.#ready;
    return new Promise((resolve) => {
      const id = this.#nextId++;
      this.#pending.set(id, resolve);
      this.#send(JSON.stringify({ id, fn, args }));
    });
  }

  ready() {
    return this.#ready;
  }

  retry() {
    return this.start();
  }

  // listener(state, message) now and on every change; returns a function that stops it.
  onStatus(listener) {
    this.#listeners.add(listener);
    listener(this.#state, STAGES[this.#state.stage] ?? "");
    return () => this.#listeners.delete(listener);
  }
}
