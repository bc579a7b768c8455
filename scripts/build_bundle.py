"""Build the offline copy: dist/start-toolkit-offline-<version>.zip, whose index.html works from disk.

The site is built from the same sources with mkdocs-material's offline plugin (START_OFFLINE=true:
no directory URLs, the search index as a script), the file:// Pyodide pack is added
(scripts/offline_pack.py), and the folder is zipped under one top folder. Its name comes from
scripts/project.py (the version from package.json). Usage: python scripts/build_bundle.py [--out-dir DIR]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from offline_pack import PackError, write_pack
from project import DIST, ROOT, RUNTIME_FILES, SNAPSHOT, zip_name

# Files an offline reader never loads: source maps, the gzipped sitemap, the JSON search index
# (from disk the index is read from search_index.js), and the runtime files the pack replaces.
SKIP_SUFFIXES = (".map", ".xml.gz")
SKIP_PATHS = {"search/search_index.json"}
SKIP_RUNTIME = {*RUNTIME_FILES, SNAPSHOT, "pyodide-lock.json"}


def build_site(site_dir: Path) -> None:
    """`mkdocs build --strict` with the offline plugin on, into site_dir."""
    env = dict(os.environ, START_OFFLINE="true", NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"the offline site did not build:\n{done.stderr[-4000:]}")


def packed_away(relative: str) -> bool:
    """True for files the offline copy leaves out (see SKIP_* above)."""
    if relative in SKIP_PATHS or relative.endswith(SKIP_SUFFIXES):
        return True
    parts = relative.split("/")
    in_runtime = parts[:2] == ["assets", "pyodide"] and len(parts) == 3
    return in_runtime and (parts[2] in SKIP_RUNTIME or parts[2].endswith(".whl"))


def write_zip(site_dir: Path, zip_path: Path, top: str) -> None:
    """Zip site_dir under one top folder, in a stable order; written beside, then moved into place."""
    partial = zip_path.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site_dir.rglob("*")):
            relative = path.relative_to(site_dir).as_posix()
            if path.is_file() and not packed_away(relative):
                archive.write(path, f"{top}/{relative}")
    partial.replace(zip_path)


def build_bundle(out_dir: Path = DIST) -> Path:
    """Build the zip into out_dir and return its path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = zip_name()
    with tempfile.TemporaryDirectory(prefix="start-offline-") as work:
        site_dir = Path(work) / name.removesuffix(".zip")
        build_site(site_dir)
        try:
            write_pack(site_dir)
        except PackError as error:
            raise SystemExit(f"the offline runtime pack failed: {error}") from None
        zip_path = out_dir / name
        write_zip(site_dir, zip_path, site_dir.name)
    return zip_path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", default=DIST, type=Path, help="where to write the zip (default: dist/)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    zip_path = build_bundle(args.out_dir)
    size = zip_path.stat().st_size
    print(f"{zip_path} ({size / 1e6:.1f} MB) built in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
