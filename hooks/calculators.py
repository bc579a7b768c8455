"""MkDocs hook: build the calculators wheel and Pyodide lock, and put the browser code into the site.

calculators/src -> wheel (python -m build) -> pyodide-lock.json (pyodide lockfile add-wheels)
-> site/assets/pyodide/ beside the npm package's runtime files; web/calculators -> site/assets/calculators/;
web/site -> site/assets/javascripts/.
Each step is skipped when its output is newer than its inputs, so `mkdocs serve` reloads stay quick.
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "calculators"
WEB = ROOT / "web"
DIST = HERE / "dist"  # git-ignored
NODE = ROOT / "node_modules"
# The npm package's file names, kept together in one folder (pyodide.mjs finds the rest beside it).
RUNTIME = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"]
VENDOR = {NODE / "chart.js" / "dist" / "chart.umd.min.js": "chart.umd.min.js"}
SAMPLE = HERE / "src" / "start_calculators" / "data" / "qcew"


def newest(paths):
    return max((p.stat().st_mtime for p in paths), default=0.0)


def run(*command):
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"{' '.join(map(str, command))} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")


def wheel():
    """The start_calculators wheel, rebuilt when any source file is newer than it."""
    sources = [p for p in (HERE / "src").rglob("*") if p.is_file() and "egg-info" not in p.as_posix()]
    sources.append(HERE / "pyproject.toml")
    built = sorted(DIST.glob("start_calculators-*-py3-none-any.whl"))
    if built and built[-1].stat().st_mtime >= newest(sources):
        return built[-1]
    for old in built:
        old.unlink()
    # --no-isolation: setuptools is pinned in the project's .venv, and nothing is downloaded.
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", DIST, HERE)
    shutil.rmtree(HERE / "build", ignore_errors=True)
    return sorted(DIST.glob("start_calculators-*-py3-none-any.whl"))[-1]


def lock(built_wheel):
    """The npm package's pyodide-lock.json plus our wheel, with its sha256, beside the wheel."""
    target = DIST / "pyodide-lock.json"
    source = NODE / "pyodide" / "pyodide-lock.json"
    if target.exists() and target.stat().st_mtime >= newest([built_wheel, source]):
        return target
    pyodide_cli = Path(sys.executable).parent / "pyodide"
    run(pyodide_cli, "lockfile", "add-wheels", "--input", source, "--output", target, "--base-path", DIST, built_wheel)
    return target


def copy(source, target):
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
    missing = [name for name in RUNTIME if not (NODE / "pyodide" / name).exists()]
    if missing:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"node_modules/pyodide lacks {', '.join(missing)}: run `make setup` (npm ci)")
    lock(wheel())


def on_post_build(config, **kwargs):
    """Copy runtime, wheel, lock, widget scripts, chart library and sample files into the site."""
    site = Path(config["site_dir"]) / "assets"
    built_wheel = wheel()
    for name in RUNTIME:
        copy(NODE / "pyodide" / name, site / "pyodide" / name)
    copy(built_wheel, site / "pyodide" / built_wheel.name)
    copy(lock(built_wheel), site / "pyodide" / "pyodide-lock.json")
    for folder, target in (("calculators", "calculators"), ("site", "javascripts")):
        for script in sorted((WEB / folder).rglob("*.js")):
            copy(script, site / target / script.relative_to(WEB / folder))
    for source, name in VENDOR.items():
        copy(source, site / "vendor" / name)
    for county in sorted(SAMPLE.glob("*.csv")):
        copy(county, site / "calculators" / "sample" / county.name)
