// The offline copy's Pyodide loader (assets/pyodide/offline/loader.js), for pages opened from disk.
// Chromium blocks fetch and module imports on file://, so every runtime file arrives as a classic
// script: pyodide.js (loadPyodide), pyodide-asm.js (the esbuild-bundled pyodide.asm.mjs), pack.js
// (the lock and a file list) and one base64 script per binary file, served back through fetch.
(function () {
  "use strict";

  var here = new URL(".", document.currentScript.src);
  var indexURL = new URL("../", here).href; // assets/pyodide/, the same folder as online
  var payloads = {}; // file name -> Promise<Uint8Array>
  var prepared = null;

  function loadScript(name) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = new URL(name, here).href;
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error("the offline copy is missing " + name)); };
      document.head.appendChild(tag);
    });
  }

  function decodeBase64(text) {
    if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // Starts loading a payload script once; the decoded bytes are kept and the base64 text dropped.
  function payload(name, entry) {
    if (!payloads[name]) {
      payloads[name] = loadScript(entry.script).then(function () {
        var store = window.StartOfflineFiles || {};
        var bytes = decodeBase64(store[name]);
        delete store[name];
        return bytes;
      });
      payloads[name].catch(function () { delete payloads[name]; }); // a retry reads it again
    }
    return payloads[name];
  }

  function toBase64(buffer) {
    var bytes = new Uint8Array(buffer);
    if (typeof bytes.toBase64 === "function") return bytes.toBase64();
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary);
  }

  // What fetch does with an `integrity` option: refuse bytes whose digest does not match.
  function checkIntegrity(bytes, integrity, name) {
    if (!integrity) return Promise.resolve();
    var wanted = integrity.trim().split(/\s+/).filter(function (item) { return item.indexOf("sha256-") === 0; });
    if (!wanted.length) return Promise.reject(new TypeError("unsupported integrity value for " + name));
    return crypto.subtle.digest("SHA-256", bytes).then(function (digest) {
      var actual = "sha256-" + toBase64(digest);
      if (wanted.indexOf(actual) < 0) throw new TypeError("integrity check failed for " + name);
    });
  }

  // Answers fetches of packed files from memory; every other request goes to the real fetch.
  function installFetchShim(files) {
    if (window.fetch.startOffline) return; // a retry keeps the shim it already has
    var realFetch = window.fetch.bind(window);
    window.fetch = function (input, init) {
      var address = typeof input === "string" || input instanceof URL ? String(input) : input && input.url;
      var url = new URL(address, location.href);
      var name = url.href.indexOf(indexURL) === 0 ? decodeURIComponent(url.href.slice(indexURL.length)) : null;
      var entry = name && Object.prototype.hasOwnProperty.call(files, name) ? files[name] : null;
      if (!entry) return realFetch(input, init);
      return payload(name, entry).then(function (bytes) {
        delete payloads[name]; // Pyodide reads each file once; free the copy
        return checkIntegrity(bytes, init && init.integrity, name).then(function () {
          return new Response(bytes, { status: 200, headers: { "Content-Type": entry.type } });
        });
      });
    };
    window.fetch.startOffline = true;
  }

  function prepare() {
    if (prepared) return prepared;
    var runtime = Promise.all([loadScript("pyodide.js"), loadScript("pyodide-asm.js")]);
    prepared = loadScript("pack.js").then(function () {
      var pack = window.StartOfflinePack;
      installFetchShim(pack.files);
      // Start reading every payload now, so they load while the runtime compiles.
      Object.keys(pack.files).forEach(function (name) { payload(name, pack.files[name]); });
      // Wait for the wasm too: Pyodide only logs a failed wasm load and never settles, so a
      // missing file must fail here, where the status line can say so and offer a retry.
      return Promise.all([runtime, payloads["pyodide.asm.wasm"]]).then(function () {
        return {
          loadPyodide: window.loadPyodide,
          options: {
            indexURL: indexURL,
            packageBaseUrl: indexURL,
            lockFileContents: pack.lock,
            createPyodideModule: window.StartOfflinePyodideAsm.default,
          },
        };
      });
    });
    prepared.catch(function () { prepared = null; }); // a retry starts over
    return prepared;
  }

  window.StartOffline = { prepare: prepare };
})();
