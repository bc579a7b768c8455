"""The build hooks' incremental steps (the wheel, the browser bundles) are skipped only when nothing changed."""

import importlib.util
import json
import os
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_hook(name):
    """A hook module as MkDocs loads it: by its path."""
    spec = importlib.util.spec_from_file_location(f"hook_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A calculators folder with one source file and a wheel built after it; the hook points at it."""
    hook = load_hook("calculators")
    here = tmp_path / "calculators"
    source = here / "src" / "start_calculators" / "lq.py"
    source.parent.mkdir(parents=True)
    source.write_text("x = 1\n")
    (here / "pyproject.toml").write_text("[project]\n")
    wheel = here / "dist" / "start_calculators-0.1.0-py3-none-any.whl"
    wheel.parent.mkdir()
    wheel.write_bytes(b"wheel")
    now = time.time()
    for path in (source, here / "pyproject.toml"):
        os.utime(path, (now - 60, now - 60))
    os.utime(wheel, (now - 30, now - 30))
    monkeypatch.setattr(hook, "HERE", here)
    monkeypatch.setattr(hook, "DIST", here / "dist")
    builds = []
    monkeypatch.setattr(hook, "run", lambda *command: builds.append(command))
    hook.builds = builds
    return hook, source, wheel


def test_running_the_package_does_not_rebuild_the_wheel(package):
    hook, source, wheel = package
    cache = source.parent / "__pycache__" / "lq.cpython-313.pyc"
    cache.parent.mkdir()
    cache.write_bytes(b"compiled")  # newer than the wheel, as after any test run
    assert hook.wheel() == wheel
    assert hook.builds == []


def test_changing_a_source_rebuilds_the_wheel(package):
    hook, source, wheel = package
    source.write_text("x = 2\n")
    with pytest.raises(IndexError):  # the stand-in build wrote no wheel; what matters is that it ran
        hook.wheel()
    assert len(hook.builds) == 1 and "build" in hook.builds[0]


def test_the_bundles_follow_the_browser_code(tmp_path, monkeypatch):
    hook = load_hook("web")
    web = tmp_path / "web"
    (web / "pages").mkdir(parents=True)
    (web / "site").mkdir()
    (web / "pages" / "site.js").write_text('import { x } from "../site/x.js";\nconsole.log(x);\n')
    (web / "site" / "x.js").write_text("export const x = 1;\n")
    monkeypatch.setattr(hook, "WEB", web)
    out = tmp_path / "assets" / "web"
    (bundle,) = hook.bundle(out)
    assert bundle == out / "site.js" and "console.log" in bundle.read_text()
    assert "sourceMappingURL" not in bundle.read_text()
    # Up to date: left alone. A changed module: bundled again.
    bundle.write_text("stale")
    later = time.time() + 60
    os.utime(bundle, (later, later))
    hook.bundle(out)
    assert bundle.read_text() == "stale"
    (web / "site" / "x.js").write_text("export const x = 2;\n")
    os.utime(web / "site" / "x.js", (later + 60, later + 60))
    hook.bundle(out)
    assert "2" in bundle.read_text() and bundle.read_text() != "stale"


# Under Node: Pyodide's Python imports the package from the wheel and reports what it had to compile.
IMPORT_IN_PYODIDE = """
import { readFileSync } from "node:fs";
import { loadPyodide } from "%(pyodide)s";
const pyodide = await loadPyodide({ fullStdLib: false });
pyodide.unpackArchive(new Uint8Array(readFileSync(%(wheel)r)), "wheel");
console.log(pyodide.runPython(`
import builtins, importlib.util, json, pathlib
compiled = []
original = builtins.compile
def watching(source, filename, *args, **kwargs):
    compiled.append(str(filename))
    return original(source, filename, *args, **kwargs)
builtins.compile = watching
import start_calculators.browser, start_calculators.browser_files
builtins.compile = original
folder = pathlib.Path(start_calculators.__file__).parent
def fresh(source):
    cache = pathlib.Path(importlib.util.cache_from_source(str(source)))
    return cache.exists() and cache.read_bytes()[:4] == importlib.util.MAGIC_NUMBER
stale = [p.name for p in folder.glob("*.py") if not fresh(p)]
json.dumps({"compiled": [name for name in compiled if "start_calculators" in name], "stale": stale})
`));
"""


def test_the_wheel_carries_bytecode_that_pyodide_imports_without_compiling(built_site):
    wheel = next((built_site / "assets" / "pyodide").glob("start_calculators-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        modules = sorted(name for name in names if name.startswith("start_calculators/") and name.endswith(".py"))
        caches = {name: next((n for n in names if n.startswith(cache_prefix(name))), None) for name in modules}
        assert all(caches.values()), [name for name, cache in caches.items() if not cache]
        # PEP 552 flags 0b01: hash-based and unchecked, so unpacking (which sets new dates) cannot make them stale.
        assert {archive.read(cache)[4:8] for cache in caches.values()} == {(1).to_bytes(4, "little")}
    script = IMPORT_IN_PYODIDE % {
        "pyodide": (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").as_uri(),
        "wheel": str(wheel),
    }
    done = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"compiled": [], "stale": []}
    assert len(modules) > 40


def cache_prefix(module: str) -> str:
    """start_calculators/lq.py -> start_calculators/__pycache__/lq.cpython-"""
    folder, _, file = module.rpartition("/")
    return f"{folder}/__pycache__/{file.removesuffix('.py')}.cpython-"


def test_a_new_wheel_makes_a_new_snapshot(package):
    hook, _, wheel = package
    snapshot = wheel.parent / hook.project.SNAPSHOT
    snapshot.write_bytes(b"snapshot")
    later = time.time() + 60
    os.utime(snapshot, (later, later))
    assert hook.snapshot(wheel) == snapshot and hook.builds == []  # newer than the wheel: kept
    os.utime(wheel, (later + 60, later + 60))
    hook.snapshot(wheel)
    assert len(hook.builds) == 1 and "snapshot.mjs" in str(hook.builds[0][1])


# Under Node: Pyodide starts from the site's snapshot, installs the wheel as the page does, and answers.
START_FROM_SNAPSHOT = """
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { loadPyodide } from "%(pyodide)s";
const pyodide = await loadPyodide({ fullStdLib: false, _loadSnapshot: gunzipSync(readFileSync(%(snapshot)r)) });
const before = pyodide.runPython("import sys; 'start_calculators.browser' in sys.modules");
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
pyodide.unpackArchive(new Uint8Array(readFileSync(%(wheel)r)), "wheel", { extractDir: sitePackages });
const answer = pyodide.runPython(`
import start_calculators.browser as browser
browser.call('{"id": 1, "fn": "sample_region", "args": {"as": "lq"}}')
`);
console.log(JSON.stringify({ before, answer: JSON.parse(answer) }));
"""


def test_the_snapshot_starts_python_with_the_calculators_imported(built_site):
    from start_calculators import browser

    folder = built_site / "assets" / "pyodide"
    script = START_FROM_SNAPSHOT % {
        "pyodide": (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").as_uri(),
        "snapshot": str(folder / "engine.snapshot.gz"),
        "wheel": str(next(folder.glob("start_calculators-*.whl"))),
    }
    done = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["before"] is True  # imported before any file of the package was there
    expected = json.loads(browser.call(json.dumps({"id": 1, "fn": "sample_region", "args": {"as": "lq"}})))
    assert report["answer"]["ok"] and len(expected["result"]["rows"]) > 50
    assert report["answer"]["result"]["rows"] == expected["result"]["rows"]
