// Start Pyodide with the start-calculators wheel and answer {id, fn, args} requests.
// A plain script that sets self.StartEngine: the worker imports it, and pages opened from disk
// load it with a <script> tag, so the same code runs in both places.
(function (scope) {
  "use strict";

  // loadPyodide: the runtime's loader; options: extra loadPyodide options (indexURL, lock ...);
  // onStatus(stage): "starting", "packages", "ready". Resolves to call(requestJson) -> responseJson.
  async function start(loadPyodide, options, onStatus) {
    onStatus("starting");
    const pyodide = await loadPyodide(Object.assign({ fullStdLib: false }, options));
    onStatus("packages");
    // The wheel's sha256 from the lock file is checked before it is installed.
    await pyodide.loadPackage("start-calculators", { checkIntegrity: true, messageCallback: function () {} });
    const browser = pyodide.pyimport("start_calculators.browser");
    onStatus("ready");
    return function call(requestJson) {
      return browser.call(requestJson);
    };
  }

  scope.StartEngine = { start: start };
})(typeof self !== "undefined" ? self : window);
