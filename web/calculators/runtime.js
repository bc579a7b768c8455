// Load the calculators' Python runtime as soon as a calculator page opens, and relay calls to it.
// Over http(s) it runs in a Web Worker so the page stays responsive; from file:// (the offline
// copy), where Chromium blocks workers and module imports, the same engine runs on the main thread.
(function () {
  "use strict";

  var here = new URL(".", document.currentScript.src);
  var NativeWorker = window.Worker; // before deferSearchWorker() wraps it
  var STAGES = {
    downloading: "Downloading the calculator engine (about 5 MB, once)…",
    starting: "Starting Python…",
    packages: "Loading the calculators…",
    ready: "Ready. Your data stays in this browser.",
  };
  var listeners = [];
  var pending = {};
  var nextId = 1;
  var state = { stage: "downloading", error: null };
  var send = null; // set once the engine is loading: (json) => void
  var readyPromise = null;

  function emit(stage, error) {
    state = { stage: stage, error: error || null };
    listeners.forEach(function (listener) { listener(state, STAGES[stage] || ""); });
  }

  function receive(json) {
    var reply = JSON.parse(json);
    var waiter = pending[reply.id];
    delete pending[reply.id];
    if (waiter) waiter(reply);
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = src;
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(tag);
    });
  }

  // Worker path: the worker posts status and replies; resolves when Python is ready.
  function startWorker() {
    return new Promise(function (resolve, reject) {
      var worker = new NativeWorker(new URL("worker.js", here), { type: "module" });
      worker.onmessage = function (event) {
        var message = event.data;
        if (message.type === "status") {
          emit(message.stage);
          if (message.stage === "ready") resolve();
        } else if (message.type === "failed") {
          worker.terminate();
          reject(new Error(message.message));
        } else if (message.type === "reply") {
          receive(message.json);
        }
      };
      worker.onerror = function (event) {
        worker.terminate();
        reject(new Error(event.message || "the calculator engine could not start"));
      };
      send = function (json) { worker.postMessage(json); };
    });
  }

  // Main-thread path: the engine script plus a loader; from disk the offline pack provides it.
  function startMainThread() {
    var offline = location.protocol === "file:";
    var loader = offline
      ? loadScript(new URL("../pyodide/offline/loader.js", here).href).then(function () { return window.StartOffline.prepare(); })
      : import(new URL("../pyodide/pyodide.mjs", here).href).then(function (module) {
          return { loadPyodide: module.loadPyodide, options: { indexURL: new URL("../pyodide/", here).href } };
        });
    return loadScript(new URL("engine.js", here).href)
      .then(function () { return loader; })
      .then(function (runtime) { return window.StartEngine.start(runtime.loadPyodide, runtime.options, emit); })
      .then(function (call) {
        send = function (json) { setTimeout(function () { receive(call(json)); }, 0); };
      });
  }

  // The site search builds its index in a worker too. On a calculator page it waits until the
  // engine has started (or failed), so the two do not compete for the processor while loading.
  function deferSearchWorker() {
    if (typeof NativeWorker === "undefined") return;
    window.Worker = function (url, options) {
      if (String(url).indexOf("/workers/search") < 0) return new NativeWorker(url, options);
      var proxy = new EventTarget();
      var queue = [];
      var real = null;
      proxy.postMessage = function (message) { if (real) real.postMessage(message); else queue.push(message); };
      proxy.terminate = function () { if (real) real.terminate(); queue = null; };
      var begin = function () {
        if (queue === null) return;
        real = new NativeWorker(url, options);
        ["message", "error", "messageerror"].forEach(function (type) {
          real.addEventListener(type, function (event) {
            var copy = type === "error" ? new ErrorEvent("error", event) : new MessageEvent(type, { data: event.data });
            proxy.dispatchEvent(copy);
            if (typeof proxy["on" + type] === "function") proxy["on" + type](copy);
          });
        });
        queue.forEach(function (message) { real.postMessage(message); });
      };
      readyPromise.then(begin, begin);
      return proxy;
    };
  }

  function canUseWorker() {
    return location.protocol !== "file:" && typeof Worker !== "undefined";
  }

  function start() {
    emit("downloading");
    readyPromise = (canUseWorker() ? startWorker().catch(function (error) {
      // A worker that cannot start at all (blocked by policy) still leaves the main thread.
      if (state.stage === "downloading") return startMainThread();
      throw error;
    }) : startMainThread());
    readyPromise.catch(function (error) {
      emit("failed", "The calculator engine did not start: " + (error && error.message || error));
    });
    return readyPromise;
  }

  window.StartRuntime = {
    // Resolves to Python's reply: {id, ok: true, result} or {id, ok: false, error: {...}}.
    call: function (fn, args) {
      return readyPromise.then(function () {
        return new Promise(function (resolve) {
          var id = nextId++;
          pending[id] = resolve;
          send(JSON.stringify({ id: id, fn: fn, args: args || {} }));
        });
      });
    },
    ready: function () { return readyPromise; },
    onStatus: function (listener) {
      listeners.push(listener);
      listener(state, STAGES[state.stage] || "");
    },
    retry: function () { return start(); },
    stages: STAGES,
  };

  start();
  deferSearchWorker();
})();
