"""Facts about the project that several tools need: its version, the names of the zip and the PDF, the runtime files.

The build hooks, scripts/build_bundle.py, scripts/offline_pack.py, the tests and the bench all read
them here, so each is written once. The version itself lives in package.json.
"""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"

# The Pyodide npm package's runtime files, kept together in one folder of the site
# (assets/pyodide/: pyodide.mjs finds the rest beside it), with the Content-Type each is served as.
RUNTIME_FILES = {
    "pyodide.mjs": "text/javascript",
    "pyodide.asm.mjs": "text/javascript",
    "pyodide.asm.wasm": "application/wasm",
    "python_stdlib.zip": "application/zip",
}
# The ones the offline pack carries as data (the two modules become classic scripts instead).
PACKED_RUNTIME_FILES = {name: kind for name, kind in RUNTIME_FILES.items() if not name.endswith(".mjs")}
# Pyodide's memory with the calculators imported, gzipped, made by the build (hooks/snapshot.mjs) and
# served beside the runtime; web/calculators/engine.js names it too.
SNAPSHOT = "engine.snapshot.gz"


def version() -> str:
    """The toolkit's version, from package.json."""
    return str(json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["version"])


def zip_name(for_version: str | None = None) -> str:
    """The offline copy's file name, e.g. start-toolkit-offline-1.0.0.zip."""
    return f"start-toolkit-offline-{for_version or version()}.zip"


def zip_path(folder: Path = DIST) -> Path:
    """Where `make bundle` writes the offline copy (dist/ unless told otherwise)."""
    return Path(folder) / zip_name()


def pdf_name(for_version: str | None = None) -> str:
    """The printable edition's file name, e.g. start-toolkit-1.0.0.pdf (scripts/build_pdf.py, hooks/print.py)."""
    return f"start-toolkit-{for_version or version()}.pdf"


def pdf_path(folder: Path = DIST) -> Path:
    """Where `make pdf` writes the printable edition (dist/ unless told otherwise)."""
    return Path(folder) / pdf_name()
