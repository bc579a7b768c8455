// Runs Web Workers (Material's search) on pages opened from disk, where Chromium refuses them:
// a hidden same-origin iframe stands in for the worker. The npm iframe-worker shim does the same,
// but writes an inline <script>, which the site's Content-Security-Policy forbids.
import { toolkit } from "./namespace.js";

// A real worker receives a structured clone, never the sender's own object.
const copy = (data) => structuredClone(data);

const loadInto = (frameWindow, src) =>
  new Promise((resolve, reject) => {
    const doc = frameWindow.document;
    const tag = doc.createElement("script");
    tag.src = src;
    tag.addEventListener("load", resolve);
    tag.addEventListener("error", () => reject(new Error(`could not load ${src}`)));
    (doc.body ?? doc.documentElement).append(tag);
  });

class IFrameWorker extends EventTarget {
  constructor(url) {
    super();
    this.url = new URL(url, location.href).href;
    this.onmessage = null;
    this.onerror = null;
    this.frame = document.createElement("iframe");
    this.frame.hidden = true;
    this.frame.title = "background task";
    document.body.append(this.frame);

    const inner = this.frame.contentWindow;
    // Inside the frame, postMessage and importScripts behave as they would in a worker.
    inner.postMessage = (data) => {
      const message = copy(data);
      setTimeout(() => this.deliver("message", new MessageEvent("message", { data: message })), 0);
    };
    // Worker importScripts is synchronous; here it returns a promise (Material's worker awaits it).
    inner.importScripts = (...urls) =>
      urls.reduce((chain, src) => chain.then(() => loadInto(inner, new URL(src, this.url).href)), Promise.resolve());
    inner.addEventListener("error", (event) => {
      this.deliver(
        "error",
        new ErrorEvent("error", { message: event.message, filename: this.url, error: event.error }),
      );
    });
    this.ready = loadInto(inner, this.url).catch((error) => {
      this.deliver("error", new ErrorEvent("error", { message: error.message, filename: this.url, error }));
      throw error;
    });
  }

  deliver(type, event) {
    this.dispatchEvent(event);
    const handler = type === "message" ? this.onmessage : this.onerror;
    if (typeof handler === "function") handler.call(this, event);
  }

  postMessage(data) {
    const message = copy(data);
    const inner = this.frame.contentWindow;
    this.ready.then(
      () => inner.dispatchEvent(new inner.MessageEvent("message", { data: message })),
      () => {},
    );
  }

  terminate() {
    this.frame.remove();
  }
}

// Material's search calls `new Worker(url)` and offers no other way in, and its search worker looks
// for IFrameWorker on its parent window to find its lunr files: both globals must be these. The
// browser's own Worker stays on the namespace: the calculators' engine starts a real worker from a
// Blob, which Chromium allows on disk (web/offline/loader.js).
export const installIframeWorker = () => {
  toolkit().NativeWorker ??= globalThis.Worker;
  globalThis.IFrameWorker = IFrameWorker;
  globalThis.Worker = IFrameWorker;
};
