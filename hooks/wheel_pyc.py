"""Runs inside Pyodide (hooks/wheel_pyc.mjs): adds bytecode for Pyodide's own Python to the wheel.

A browser that imports the calculators from source compiles every module first, which costs about
half a second of the engine's start. Only Pyodide's Python writes bytecode that Pyodide reads (the
format changes with each Python minor version), so this runs there. The .pyc files are
"unchecked-hash" (PEP 552): Python uses them without comparing them with the source's date, which
unpacking a wheel does not keep. The sources stay in the wheel for tracebacks.
"""

import base64
import compileall
import hashlib
import py_compile
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path


def record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def add_bytecode(wheel: str) -> int:
    """Rewrite `wheel` with a __pycache__ beside every module; returns how many .pyc it added."""
    folder = Path(tempfile.mkdtemp())
    with zipfile.ZipFile(wheel) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
        source.extractall(folder)
    if any(info.filename.endswith(".pyc") for info, _ in entries):
        return 0  # already done
    mode = py_compile.PycInvalidationMode.UNCHECKED_HASH
    if not compileall.compile_dir(folder, quiet=1, invalidation_mode=mode):
        raise SystemExit(f"{wheel}: a module did not compile under Python {sys.version.split()[0]}")
    added = {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("__pycache__/*.pyc"))
    }
    # Same dates as the other entries, so a rebuild from the same sources gives the same wheel.
    when = entries[0][0].date_time
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename.endswith(".dist-info/RECORD"):
                lines = data.decode().splitlines()
                own = lines.pop()  # RECORD's own line ("...RECORD,,") stays last
                lines += [record_line(name, pyc) for name, pyc in added.items()]
                data = "\n".join([*lines, own, ""]).encode()
                for name, pyc in added.items():
                    target.writestr(zipfile.ZipInfo(name, when), pyc, zipfile.ZIP_DEFLATED)
            target.writestr(info, data, zipfile.ZIP_DEFLATED)
    shutil.rmtree(folder)
    return len(added)
