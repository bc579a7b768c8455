// Start Pyodide with the start-calculators wheel and answer {id, fn, args} requests.
// A plain script that sets self.StartEngine: the worker imports it, and pages opened from disk
// load it with a <script> tag, so the same code runs in both places.
(function (scope) {
  "use strict";

  // Pyodide 314 never settles loadPyodide() when its wasm download fails (pyodide/pyodide#6296),
  // so watch the downloads made while starting and turn a failed one into a rejection.
  function watchDownloads() {
    var original = scope.fetch;
    var reject;
    var failed = new Promise(function (_, no) { reject = no; });
    scope.fetch = function (input, init) {
      var url = String((input && input.url) || input).split("/").pop();
      return original.call(scope, input, init).then(function (response) {
        if (!response.ok) reject(new Error("could not download " + url + " (HTTP " + response.status + ")"));
        return response;
      }, function (error) {
        reject(new Error("could not download " + url + " (" + ((error && error.message) || error) + ")"));
        throw error;
      });
    };
    return { failed: failed, stop: function () { scope.fetch = original; } };
  }

  // loadPyodide: the runtime's loader; options: extra loadPyodide options (indexURL, lock ...);
  // onStatus(stage): "starting", "packages", "ready". Resolves to call(requestJson) -> responseJson.
  async function start(loadPyodide, options, onStatus) {
    var watch = watchDownloads();
    try {
      onStatus("starting");
      // Listing the wheel here lets Pyodide fetch it while Python boots; its sha256 from the lock
      // file is checked (Pyodide's default) before it is installed.
      var pyodide = await Promise.race([
        loadPyodide(Object.assign({ fullStdLib: false, packages: ["start-calculators"] }, options)), watch.failed]);
    } finally {
      watch.stop();
    }
    onStatus("packages");
    var browser = pyodide.pyimport("start_calculators.browser");
    onStatus("ready");
    return function call(requestJson) {
      return browser.call(requestJson);
    };
  }

  scope.StartEngine = { start: start };
})(typeof self !== "undefined" ? self : window);
