"""The offline copy, built once per session by scripts/build_bundle.py and unzipped into a temp folder."""

import subprocess
import sys
import zipfile

import pytest
from project import ROOT, zip_name


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory):
    """The zip that `make bundle` would write, built into a temp folder instead of dist/."""
    out = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_bundle.py"), "--out-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.fail(f"scripts/build_bundle.py failed:\n{done.stdout[-2000:]}{done.stderr[-4000:]}")
    path = out / zip_name()
    assert path.is_file(), f"no {path.name} in {sorted(p.name for p in out.iterdir())}"
    return path


@pytest.fixture(scope="session")
def offline_copy(offline_zip, tmp_path_factory):
    """The unpacked copy's top folder, the one holding index.html (what a reader double-clicks)."""
    target = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    (top,) = [path for path in target.iterdir()]
    return top
