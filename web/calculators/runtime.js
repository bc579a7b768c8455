// The calculators' Python engine for one browser window: started once, and kept while Material's
// instant navigation swaps pages. It runs in a Web Worker so the page stays responsive: over
// http(s) a module worker; from file:// (the offline copy), where Chromium refuses module workers,
// fetch and module imports, a classic one the offline pack makes from a Blob. Where no worker can
// start, the same engine runs on the main thread. Every call settles: with Python's answer, or
// with an ok:false answer of kind "engine" when the engine failed, died or went silent (then the
// status line offers a retry).
import { OfflinePack } from "../offline/loader.js";
import { announce, failsIfUnreachable, failureAnswer, parseAnswer, startEngine } from "./engine.js";
import { packFiles } from "./kit/requests.js";

// From disk nothing is downloaded: the offline copy holds the engine.
const FROM_DISK = location.protocol === "file:";

export const STAGES = {
  downloading: FROM_DISK
    ? "Loading the calculator engine from this copy…"
    : "Downloading the calculator engine (14 to 21 MB, once)…",
  starting: "Starting Python…",
  packages: "Loading the calculators…",
  ready: "Ready. Your data stays in this browser.",
};

const RUNTIME_FILES = ["pyodide.asm.wasm", "python_stdlib.zip"];
const SECOND = 1000;
// A page that runs Python itself yields to the browser between slices of a big file.
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

export class Runtime {
  #assets;
  #listeners = new Set();
  #pending = new Map(); // id -> { resolve, onProgress, fail }
  #nextId = 1;
  #state = { stage: "downloading", error: null };
  #engine = null; // { post(message), stop() } of the running engine
  #ready = null;
  #heard = 0; // when the worker last said anything
  #idle = new Set(); // onIdle callbacks still waiting for their moment
  #quiet = null; // the timer that lets the site search start
  #saidIdle = false;
  #watch = null;
  #offline = null; // the OfflinePack, from disk

  // How long (ms) a worker may stay silent while a call waits before it counts as dead, and how
  // long a start may take. Python reports progress while it reads, so only a dead or hung engine
  // is this quiet; a test may lower them.
  silenceLimit = 90 * SECOND;
  startLimit = 240 * SECOND;
  quietBeforeSearch = SECOND;

  // assets: the URL of the site's assets/ folder.
  constructor(assets) {
    this.#assets = assets;
  }

  #emit(stage, error = null) {
    this.#state = { stage, error };
    for (const listener of this.#listeners) listener(this.#state, STAGES[stage] ?? "");
    if (stage === "failed") announce(stage);
    if (stage === "ready") this.#checkIdle();
  }

  #settle(id, value) {
    const waiter = this.#pending.get(id);
    this.#pending.delete(id);
    waiter?.resolve(value);
    this.#checkIdle();
  }

  // The engine is ready and nothing waits on it: each onIdle callback may use the moment (Python
  // puts such work aside when a request comes). Once it has stayed so for quietBeforeSearch ms,
  // the page says so (the site search, held back, starts building its index in its own worker).
  #checkIdle() {
    if (this.#pending.size > 0 || this.#state.stage !== "ready") return;
    for (const use of this.#idle) if (use()) this.#idle.delete(use);
    if (this.#saidIdle || this.#pending.size > 0) return;
    clearTimeout(this.#quiet);
    this.#quiet = setTimeout(() => {
      if (this.#pending.size > 0 || this.#saidIdle) return;
      this.#saidIdle = true;
      announce("idle");
    }, this.quietBeforeSearch);
  }

  // Every waiting call gets its ok:false answer (a load gets its failure list).
  #failPending(message) {
    const waiting = [...this.#pending.entries()];
    this.#pending.clear();
    for (const [id, waiter] of waiting) waiter.resolve(waiter.fail(id, message));
  }

  // The engine is gone (crashed, killed, silent): stop it, answer what waits, offer a retry.
  #die(engine, reason) {
    if (engine !== this.#engine) return;
    this.#engine = null;
    engine.stop();
    this.#ready = Promise.reject(new Error(reason));
    this.#ready.catch(() => {});
    this.#emit("failed", `The calculator engine stopped: ${reason}. Use “Try again” to restart it.`);
    this.#failPending(`The calculator engine stopped (${reason})`);
  }

  // While calls wait on the worker: ping it, and count it dead when it stays silent too long.
  #watchWorker(engine) {
    clearInterval(this.#watch);
    this.#watch = setInterval(() => {
      if (engine !== this.#engine) {
        clearInterval(this.#watch);
        return;
      }
      if (this.#pending.size === 0) {
        this.#heard = Date.now();
        return;
      }
      if (Date.now() - this.#heard > this.silenceLimit) {
        this.#die(engine, `it gave no sign of life for ${Math.round(this.silenceLimit / SECOND)} seconds`);
      } else {
        engine.post({ type: "ping" });
      }
    }, 2 * SECOND);
  }

  // Over http the site's module worker (Pyodide 314 refuses to start in a classic one: its loader
  // throws "Classic web workers are not supported"); from disk, where Chromium allows only a
  // classic worker made from a Blob, the offline pack's (onFailure: a file it needs is missing).
  async #newWorker(onFailure) {
    if (!FROM_DISK) return new Worker(new URL("web/worker.js", this.#assets), { type: "module" });
    this.#offline ??= new OfflinePack(this.#assets);
    return this.#offline.startWorker(onFailure);
  }

  // The worker posts status, progress and answers; resolves when Python is ready.
  #startWorker() {
    return new Promise((resolve, reject) => {
      let worker = null;
      let started = false;
      const engine = {
        kind: "worker",
        post: (message) => worker?.postMessage(message),
        stop: () => worker?.terminate(),
      };
      this.#engine = engine;
      this.#heard = Date.now();
      const fail = (message) => {
        if (started) {
          this.#die(engine, message);
          return;
        }
        if (this.#engine === engine) this.#engine = null;
        worker?.terminate();
        reject(new Error(message));
      };
      const listen = (made) => {
        worker = made;
        if (this.#engine !== engine) {
          made.terminate(); // stopped or failed while the worker was being made
          return;
        }
        worker.addEventListener("message", ({ data }) => {
          if (engine !== this.#engine) return; // an old worker's last words
          this.#heard = Date.now();
          if (data?.type === "status") {
            this.#emit(data.stage);
            if (data.stage === "ready") {
              started = true;
              this.#watchWorker(engine);
              resolve();
            }
          } else if (data?.type === "failed") {
            fail(data.message);
          } else if (data?.type === "progress") {
            this.#pending.get(data.id)?.onProgress?.(parseAnswer(data.id, data.json));
          } else if (data?.type === "reply") {
            this.#settle(data.id, parseAnswer(data.id, data.json));
          } else if (data?.type === "loaded") {
            this.#settle(data.id, data.failed);
          }
        });
        worker.addEventListener("error", (event) => {
          event.preventDefault(); // reported here, on the page, instead of as an uncaught error
          fail(event.message || "the calculator engine could not start");
        });
        worker.addEventListener("messageerror", () => fail("an answer could not be read"));
      };
      this.#newWorker(fail).then(listen, (error) => fail(error?.message ?? String(error)));
    });
  }

  // From disk the offline pack provides the loader; over http the npm package's pyodide.mjs.
  async #loader() {
    const indexURL = new URL("pyodide/", this.#assets).href;
    if (FROM_DISK) {
      this.#offline ??= new OfflinePack(this.#assets);
      return this.#offline.prepare();
    }
    const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
    const failure = failsIfUnreachable(RUNTIME_FILES.map((name) => indexURL + name));
    return { loadPyodide, options: { indexURL }, failure };
  }

  async #startMainThread() {
    const { loadPyodide, options, failure } = await this.#loader();
    const engine = await startEngine({ loadPyodide, options, failure, onStatus: (stage) => this.#emit(stage) });
    this.#engine = {
      kind: "page",
      // A macrotask per call, as a worker's message would be: the page paints before Python runs.
      post: (message) =>
        setTimeout(async () => {
          if (message.type === "load") {
            this.#settle(message.id, await engine.load(message.packages));
            return;
          }
          const progress = (json) => this.#pending.get(message.id)?.onProgress?.(parseAnswer(message.id, json));
          const json = await engine.answer(message, progress, breathe);
          this.#settle(message.id, parseAnswer(message.id, json));
        }, 0),
      stop: () => {},
    };
  }

  // A start that neither succeeds nor fails within startLimit fails.
  #timed(starting) {
    let timer;
    const limit = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`it did not start within ${Math.round(this.startLimit / SECOND)} seconds`)),
        this.startLimit,
      );
    });
    return Promise.race([starting, limit]).finally(() => clearTimeout(timer));
  }

  // Starts (or restarts, after a failure) the engine; resolves when it is ready.
  start() {
    this.#engine?.stop();
    this.#engine = null;
    this.#emit("downloading");
    const useWorker = typeof Worker !== "undefined";
    const starting = useWorker
      ? this.#startWorker().catch((error) => {
          // A worker that cannot start at all (blocked by policy) still leaves the main thread.
          if (this.#state.stage === "downloading") return this.#startMainThread();
          throw error;
        })
      : this.#startMainThread();
    const ready = this.#timed(starting);
    this.#ready = ready;
    ready.catch((error) => {
      if (this.#ready !== ready) return;
      this.#engine?.stop();
      this.#engine = null;
      this.#emit("failed", `The calculator engine did not start: ${error.message ?? error}`);
      this.#failPending(`The calculator engine did not start (${error.message ?? error})`);
    });
    return ready;
  }

  #send(message, onProgress, fail) {
    return new Promise((resolve) => {
      this.#pending.set(message.id, { resolve, onProgress, fail });
      this.#ready.then(
        () => {
          if (!this.#pending.has(message.id)) return;
          if (this.#engine) this.#engine.post(message);
          else this.#settle(message.id, fail(message.id, "The calculator engine is not running"));
        },
        (error) =>
          this.#settle(message.id, fail(message.id, `The calculator engine is not running (${error.message})`)),
      );
    });
  }

  // Resolves to Python's answer: { id, ok: true, result } or { id, ok: false, error: {...} }; when
  // the engine fails, to an ok:false answer whose error.kind is "engine". Never rejects. args may
  // hold files (kit/requests.js fileArg), read by the engine. onProgress(report) during long reads:
  // { file, done, total, message }.
  call(fn, args = {}, { onProgress } = {}) {
    const id = this.#nextId++;
    const packed = packFiles(args);
    const fail = (answerId, message) => failureAnswer(answerId, message, "Use “Try again” to restart it.");
    return this.#send({ type: "call", id, fn, args: packed.args, files: packed.files }, onProgress, fail);
  }

  // Loads optional Pyodide packages (openpyxl); resolves to the problems met (empty: loaded).
  load(packages) {
    return this.#send({ type: "load", id: this.#nextId++, packages }, null, (_, message) => [message]);
  }

  ready() {
    return this.#ready;
  }

  // use() whenever the engine is ready with nothing to do, until it returns true (it did its
  // work): for background work, which Python puts aside while a request is answered.
  onIdle(use) {
    this.#idle.add(use);
    this.#checkIdle();
  }

  // Where Python runs: "worker", "page" (the main thread, where no worker starts) or null (not running).
  get where() {
    return this.#engine?.kind ?? null;
  }

  // Restarts the engine if it failed; resolves when it is ready.
  retry() {
    return this.#state.stage === "failed" ? this.start() : this.#ready;
  }

  // listener(state, message) now and on every change; returns a function that stops it.
  onStatus(listener) {
    this.#listeners.add(listener);
    listener(this.#state, STAGES[this.#state.stage] ?? "");
    return () => this.#listeners.delete(listener);
  }
}
