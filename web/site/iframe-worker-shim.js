// Runs Web Workers (Material's search) on pages opened from disk, where Chromium refuses them.
// The same idea as the npm iframe-worker shim (a hidden same-origin iframe stands in for the
// worker), rebuilt without the inline <script> it writes, which the site's CSP forbids.
(function () {
  "use strict";

  if (location.protocol !== "file:") return;

  function copy(data) {
    // A real worker receives a structured clone, never the sender's own object.
    return typeof structuredClone === "function" ? structuredClone(data) : data;
  }

  function loadInto(frameWindow, src) {
    return new Promise(function (resolve, reject) {
      var doc = frameWindow.document;
      var tag = doc.createElement("script");
      tag.src = src;
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error("could not load " + src)); };
      (doc.body || doc.documentElement).appendChild(tag);
    });
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = new URL(url, location.href).href;
      this.onmessage = null;
      this.onerror = null;
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      this.frame.title = "background task";
      document.body.appendChild(this.frame);

      var self = this;
      var inner = this.frame.contentWindow;
      // Inside the frame, postMessage and importScripts behave as they would in a worker.
      inner.postMessage = function (data) {
        var message = copy(data);
        setTimeout(function () { self.deliver("message", new MessageEvent("message", { data: message })); }, 0);
      };
      // Worker importScripts is synchronous; here it returns a promise (callers await it).
      inner.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return urls.reduce(function (chain, src) {
          return chain.then(function () { return loadInto(inner, new URL(src, self.url).href); });
        }, Promise.resolve());
      };
      inner.addEventListener("error", function (event) {
        self.deliver("error", new ErrorEvent("error", { message: event.message, filename: self.url, error: event.error }));
      });
      this.ready = loadInto(inner, this.url).catch(function (error) {
        self.deliver("error", new ErrorEvent("error", { message: error.message, filename: self.url, error: error }));
        throw error;
      });
    }

    deliver(type, event) {
      this.dispatchEvent(event);
      var handler = type === "message" ? this.onmessage : this.onerror;
      if (typeof handler === "function") handler.call(this, event);
    }

    postMessage(data) {
      var message = copy(data);
      var inner = this.frame.contentWindow;
      this.ready.then(function () {
        inner.dispatchEvent(new inner.MessageEvent("message", { data: message }));
      }, function () {});
    }

    terminate() {
      this.frame.remove();
    }
  }

  // Material's search worker looks for IFrameWorker on its parent to find its lunr files.
  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
