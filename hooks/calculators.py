"""MkDocs hook: build the calculators wheel and Pyodide lock, and put the Python runtime into the site.

calculators/src -> wheel (python -m build, plus bytecode for Pyodide's Python compiled by Pyodide
under Node: hooks/wheel_pyc.py) -> pyodide-lock.json (pyodide lockfile add-wheels, with
the optional openpyxl wheels) and a memory snapshot of Pyodide with the wheel imported
(hooks/snapshot.mjs) -> site/assets/pyodide/, beside the npm package's runtime files.
Each step is skipped when its output is newer than its inputs, so `mkdocs serve` reloads stay quick.

openpyxl (and its one dependency, et_xmlfile) reads the XLSX tables readers upload. Pyodide's own
distribution of packages is not shipped with the npm package, so both pure-Python wheels come from
PyPI, pinned by version and sha256 (pip checks them), and are served from the site like our wheel;
the page loads them only when a workbook arrives (web/calculators/kit/uploads.js), and the offline
copy packs them like every wheel in the lock.
"""

import hashlib
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "calculators"
DIST = HERE / "dist"  # git-ignored
NODE = ROOT / "node_modules"
# Optional wheels for the Pyodide lock: requirement -> (wheel file name, sha256 from PyPI).
OPTIONAL_WHEELS = {
    "openpyxl==3.1.5": (
        "openpyxl-3.1.5-py2.py3-none-any.whl",
        "5282c12b107bffeef825f4617dc029afaf41d0ea60823bbb665ef3079dc79de2",
    ),
    "et_xmlfile==2.0.0": (
        "et_xmlfile-2.0.0-py3-none-any.whl",
        "7a91720bc756843502c3b7504c77b8fe44217c85c537d85037f0f536151b2caa",
    ),
}

# scripts/project.py holds the runtime file list (and the version) for every tool; load it by path.
_spec = importlib.util.spec_from_file_location("project", ROOT / "scripts" / "project.py")
assert _spec and _spec.loader
project = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(project)


def newest(paths) -> float:
    return max((p.stat().st_mtime for p in paths), default=0.0)


def run(*command) -> None:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise PluginError(f"{' '.join(map(str, command))} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")


def wheel_sources() -> list[Path]:
    """What the wheel is built from: the package's files, not the caches that running it leaves."""
    skip = ("__pycache__", ".egg-info", ".mypy_cache")
    files = [p for p in (HERE / "src").rglob("*") if p.is_file() and not any(part.endswith(skip) for part in p.parts)]
    return [*files, HERE / "pyproject.toml"]


def wheel() -> Path:
    """The start_calculators wheel, rebuilt when any source file is newer than it."""
    built = sorted(DIST.glob("start_calculators-*-py3-none-any.whl"))
    if built and built[-1].stat().st_mtime >= newest(wheel_sources()):
        return built[-1]
    for old in built:
        old.unlink()
    # --no-isolation: setuptools is pinned in the project's .venv, and nothing is downloaded.
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", DIST, HERE)
    shutil.rmtree(HERE / "build", ignore_errors=True)
    built_wheel = sorted(DIST.glob("start_calculators-*-py3-none-any.whl"))[-1]
    # Bytecode for Pyodide's Python, compiled by Pyodide under Node: the browser then imports the
    # package without compiling it (hooks/wheel_pyc.py).
    run("node", ROOT / "hooks" / "wheel_pyc.mjs", built_wheel)
    return built_wheel


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def optional_wheels() -> list[Path]:
    """The pinned optional wheels in DIST, downloaded once by pip (which checks each sha256)."""
    pinned = [(DIST / name, digest) for name, digest in OPTIONAL_WHEELS.values()]
    if any(not path.exists() or sha256(path) != digest for path, digest in pinned):
        DIST.mkdir(parents=True, exist_ok=True)
        requirements = DIST / "optional-requirements.txt"
        lines = [f"{requirement} --hash=sha256:{digest}" for requirement, (_, digest) in OPTIONAL_WHEELS.items()]
        requirements.write_text("\n".join(lines) + "\n", encoding="utf-8")
        pip = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"]
        run(*pip, "--require-hashes", "--dest", DIST, "--requirement", requirements)
        requirements.unlink()
    return [path for path, _ in pinned]


def lock(built_wheel: Path) -> Path:
    """The npm package's pyodide-lock.json plus our wheel and the optional ones, with their sha256,
    beside the wheel."""
    target = DIST / "pyodide-lock.json"
    source = NODE / "pyodide" / "pyodide-lock.json"
    extra = optional_wheels()
    if target.exists() and target.stat().st_mtime >= newest([built_wheel, source, *extra, Path(__file__)]):
        return target
    pyodide_cli = Path(sys.executable).parent / "pyodide"
    command = [pyodide_cli, "lockfile", "add-wheels", "--input", source, "--output", target, "--base-path", DIST]
    run(*command, built_wheel, *extra)
    return target


def snapshot(built_wheel: Path) -> Path:
    """Pyodide's memory with the calculators imported, gzipped, beside the wheel: the page starts
    Python from it instead of from scratch (hooks/snapshot.mjs)."""
    target = DIST / project.SNAPSHOT
    runtime = NODE / "pyodide" / "pyodide.asm.wasm"
    if target.exists() and target.stat().st_mtime >= newest([built_wheel, runtime, ROOT / "hooks" / "snapshot.mjs"]):
        return target
    run("node", ROOT / "hooks" / "snapshot.mjs", built_wheel, target)
    return target


def copy(source: Path, target: Path) -> None:
    """Copy unless an identical-looking file is already there (size and mtime)."""
    if (
        target.exists()
        and target.stat().st_size == source.stat().st_size
        and target.stat().st_mtime >= source.stat().st_mtime
    ):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


def on_pre_build(config, **kwargs):
    """Build the wheel and lock first, so a failure stops the build before any page is written."""
    missing = [name for name in project.RUNTIME_FILES if not (NODE / "pyodide" / name).exists()]
    if missing:
        raise PluginError(f"node_modules/pyodide lacks {', '.join(missing)}: run `make setup` (npm ci)")
    built_wheel = wheel()
    lock(built_wheel)
    snapshot(built_wheel)


def on_post_build(config, **kwargs):
    """Copy the runtime, the wheels and their lock into the site."""
    site = Path(config["site_dir"]) / "assets"
    built_wheel = wheel()
    for name in project.RUNTIME_FILES:
        copy(NODE / "pyodide" / name, site / "pyodide" / name)
    copy(built_wheel, site / "pyodide" / built_wheel.name)
    for extra in optional_wheels():
        copy(extra, site / "pyodide" / extra.name)
    copy(lock(built_wheel), site / "pyodide" / "pyodide-lock.json")
    copy(snapshot(built_wheel), site / "pyodide" / project.SNAPSHOT)
