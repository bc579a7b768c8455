"""The build hooks' incremental steps (the wheel, the browser bundles) are skipped only when nothing changed."""

import importlib.util
import os
import time
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
