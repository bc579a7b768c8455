// `node hooks/snapshot.mjs <wheel> <out>`: a memory snapshot of Pyodide with the calculators already
// imported, gzipped (hooks/calculators.py calls this; web/calculators/engine.js starts from it).
// Starting Python itself is most of a cold engine's wait (about 4 of 5 s on a 2-core machine);
// restoring this memory image skips it. Snapshots are a private Pyodide API, checked against the
// runtime's build id on load; the page falls back to a normal start when one does not load.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const [wheel, out] = process.argv.slice(2).map((file) => path.resolve(file));
const pyodide = await loadPyodide({ fullStdLib: false, _makeSnapshot: true });
// Unpacked from its bytes rather than by loadPackage, whose JavaScript side keeps references a
// snapshot cannot hold. The files themselves live outside the snapshot (in JavaScript's memory):
// the page installs the wheel again after restoring, for the sample's data and the sources.
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel", { extractDir: sitePackages });
// Import what the page calls, and answer one request, so the modules that answering imports on
// first use are in memory too; `fractions` is the ranking's, imported on its first use.
const answer = pyodide.runPython(`
import fractions
import start_calculators.browser as browser
import start_calculators.browser_files
browser.call('{"id": 0, "fn": "capabilities", "args": {}}')
`);
if (!JSON.parse(answer).ok) throw new Error(`the calculators did not answer: ${answer}`);
const snapshot = pyodide.makeMemorySnapshot();
writeFileSync(out, gzipSync(snapshot, { level: 6 }));
console.log(`${path.basename(out)}: ${snapshot.length} bytes of memory, gzipped`);
