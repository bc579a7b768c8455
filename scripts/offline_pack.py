"""Write the file:// Pyodide runtime pack into a built offline site, under assets/pyodide/offline/.

Chromium blocks fetch and module imports on pages opened from disk, so everything the calculators
need arrives as classic scripts (read by web/offline/loader.js, part of assets/web/calculators.js),
each handing its part over on the site's one global, StartToolkit:

- pyodide.js: the npm package's classic loader (sets window.loadPyodide, Pyodide's own global);
- pyodide-asm.js: pyodide.asm.mjs bundled by esbuild as an IIFE (StartToolkit.pyodideAsm);
- pack.js: the lock, trimmed to the packages this site ships, and the list of packed files
  (StartToolkit.offlinePack);
- worker.js: the source of the engine's worker, as text (StartToolkit.offlineWorker): the two
  scripts above and assets/web/offline-worker.js, joined into the one classic script the page
  starts as a worker from a Blob (the only worker Chromium allows a page on disk);
- <file>.js: the wasm, the stdlib zip, the engine's memory snapshot and every shipped wheel, base64
  in a string
  (StartToolkit.offlineFiles[<file>]).
"""

import base64
import gzip
import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from project import PACKED_RUNTIME_FILES, ROOT, SNAPSHOT

NODE = ROOT / "node_modules"
NAMESPACE = "StartToolkit"
WHEEL_TYPE = "application/zip"
# Packed gzipped, and unzipped by the fetch shim: the page reads every payload script on its main
# thread, and the wasm's base64 shrinks from 12.8 MB to 4.7 MB.
GZIPPED = {"pyodide.asm.wasm"}


class PackError(RuntimeError):
    """The built site lacks something the pack needs, or a file does not match its lock entry."""


def shipped_lock(pyodide_dir: Path) -> dict[str, Any]:
    """The site's lock, keeping only packages whose file the site actually holds (checked by sha256)."""
    lock = json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    shipped = {}
    for name, entry in lock["packages"].items():
        path = pyodide_dir / entry["file_name"]
        if not path.is_file():
            continue
        if hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
            raise PackError(f"{path.name} does not match the sha256 in pyodide-lock.json")
        shipped[name] = entry
    if "start-calculators" not in shipped:
        raise PackError(f"{pyodide_dir} has no start-calculators wheel: was the site built with its hooks?")
    missing = {dep for entry in shipped.values() for dep in entry["depends"]} - set(shipped)
    if missing:
        raise PackError(f"shipped packages depend on packages the site lacks: {', '.join(sorted(missing))}")
    return {**lock, "packages": shipped}


def write_payload(source: Path, target: Path, name: str, gzipped: bool = False) -> None:
    """A classic script that stores the file's bytes (gzipped first if asked), base64-encoded,
    under its name."""
    data = source.read_bytes()
    encoded = base64.b64encode(gzip.compress(data, mtime=0) if gzipped else data).decode("ascii")
    target.write_text(
        f"self.{NAMESPACE} ??= {{}};\nself.{NAMESPACE}.offlineFiles ??= {{}};\n"
        f'self.{NAMESPACE}.offlineFiles[{json.dumps(name)}] = "{encoded}";\n',
        encoding="ascii",
    )


def bundle_module(target: Path) -> None:
    """pyodide.asm.mjs as a classic script: its default export ends up on StartToolkit.pyodideAsm."""
    esbuild = NODE / ".bin" / "esbuild"
    if not esbuild.exists():
        raise PackError("node_modules/.bin/esbuild is missing: run `make setup` (npm ci)")
    done = subprocess.run(
        [
            str(esbuild),
            str(NODE / "pyodide" / "pyodide.asm.mjs"),
            "--format=iife",
            f"--global-name={NAMESPACE}.pyodideAsm",
            f"--outfile={target}",
            "--log-level=error",
        ],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise PackError(f"esbuild failed:\n{done.stderr[-2000:]}")


def copy_classic_loader(target: Path) -> None:
    """The npm package's pyodide.js, without its source-map comment (the map is not shipped)."""
    text = (NODE / "pyodide" / "pyodide.js").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("//# sourceMappingURL=")]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_worker_source(out: Path, worker_bundle: Path) -> None:
    """worker.js: Pyodide's classic loader, its bundled runtime and the worker's bundle as one text.
    Pyodide refuses classic workers, which it detects by a working importScripts; this worker
    never loads a script (the page sends every file), so it gets an importScripts that fails."""
    if not worker_bundle.is_file():
        raise PackError(f"{worker_bundle} is missing: was the site built with its hooks?")
    prelude = "self.importScripts = () => { throw new Error('this worker loads no scripts'); };"
    parts = [prelude, *(path.read_text(encoding="utf-8") for path in (out / "pyodide.js", out / "pyodide-asm.js"))]
    parts.append(worker_bundle.read_text(encoding="utf-8"))
    source = json.dumps("\n;\n".join(parts))
    (out / "worker.js").write_text(
        f"self.{NAMESPACE} ??= {{}};\nself.{NAMESPACE}.offlineWorker = {source};\n", encoding="utf-8"
    )


def write_pack(site_dir: Path) -> Path:
    """Add assets/pyodide/offline/ to the built site in site_dir; return that folder."""
    pyodide_dir = Path(site_dir) / "assets" / "pyodide"
    out = pyodide_dir / "offline"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)

    lock = shipped_lock(pyodide_dir)
    types = {**PACKED_RUNTIME_FILES, SNAPSHOT: "application/gzip"}
    types.update({entry["file_name"]: WHEEL_TYPE for entry in lock["packages"].values()})
    files = {}
    for name, content_type in sorted(types.items()):
        source = pyodide_dir / name
        if not source.is_file():
            raise PackError(f"{source} is missing from the built site")
        script = name + ".js"
        write_payload(source, out / script, name, gzipped=name in GZIPPED)
        files[name] = {"script": script, "type": content_type, "bytes": source.stat().st_size}
        if name in GZIPPED:
            files[name]["encoding"] = "gzip"

    pack = json.dumps({"files": files, "lock": lock}, separators=(",", ":"))
    (out / "pack.js").write_text(
        f"self.{NAMESPACE} ??= {{}};\nself.{NAMESPACE}.offlinePack = {pack};\n", encoding="utf-8"
    )
    copy_classic_loader(out / "pyodide.js")
    bundle_module(out / "pyodide-asm.js")
    write_worker_source(out, Path(site_dir) / "assets" / "web" / "offline-worker.js")
    return out
