// `node hooks/wheel_pyc.mjs <wheel>`: add Pyodide's bytecode to the calculators wheel (see
// hooks/wheel_pyc.py, which does the work inside Pyodide's Python; hooks/calculators.py calls this).
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const wheel = path.resolve(process.argv[2] ?? "");
const pyodide = await loadPyodide({ fullStdLib: false });
// The wheel's folder on disk, seen by Python as /wheels.
pyodide.FS.mkdirTree("/wheels");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: path.dirname(wheel) }, "/wheels");
const module = new URL("wheel_pyc.py", import.meta.url);
const addBytecode = pyodide.runPython(`${readFileSync(module, "utf8")}\nadd_bytecode`);
const added = addBytecode(`/wheels/${path.basename(wheel)}`);
console.log(`${path.basename(wheel)}: ${added} modules compiled for Python ${pyodide.runPython("import sys; sys.version.split()[0]")}`);
