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
import sys
import tempfile
import zipfile
from pathlib import Path


def record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def add_bytecode(wheel: str) -> int:
    """Rewrite `wheel` with a __pycache__ beside every module; returns how many .pyc it added."""
    with zipfile.ZipFile(wheel) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
        if any(info.filename.endswith(".pyc") for info, _ in entries):
            return 0  # already done
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary)
            source.extractall(folder)
            mode = py_compile.PycInvalidationMode.UNCHECKED_HASH
            # ddir: paths inside the wheel, not this temporary folder, so the bytes repeat (Python
            # puts the real path in place when it loads them).
            if not compileall.compile_dir(folder, ddir="", quiet=1, invalidation_mode=mode):
                raise SystemExit(f"{wheel}: a module did not compile under Python {sys.version.split()[0]}")
            added = {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*.pyc"))}
    record_info, record = next((info, data) for info, data in entries if info.filename.endswith(".dist-info/RECORD"))
    lines = record.decode().splitlines()
    own = lines.pop()  # RECORD's own line ("...RECORD,,") stays last
    record = "\n".join([*lines, *(record_line(name, pyc) for name, pyc in added.items()), own, ""]).encode()
    # Same dates as the other entries, so a rebuild from the same sources gives the same wheel.
    when = entries[0][0].date_time
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info is not record_info:
                target.writestr(info, data, zipfile.ZIP_DEFLATED)
        for name, pyc in added.items():
            target.writestr(zipfile.ZipInfo(name, when), pyc, zipfile.ZIP_DEFLATED)
        target.writestr(record_info, record, zipfile.ZIP_DEFLATED)  # last, as wheels have it
    return len(added)
