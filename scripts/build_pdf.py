"""Render the printable edition (the site's print/ page) to dist/start-toolkit-<version>.pdf with Debian Chromium.

The site is built (strict) into a temporary folder and served on a loopback port; Chromium prints the
page with the site's print styles (each chapter on a new sheet), page numbers in the footer, and a
tagged PDF with bookmarks. `make site` runs this first, so the site and the offline copy offer the PDF.
Usage: python scripts/build_pdf.py [--out-dir DIR]
"""

import argparse
import functools
import importlib.util
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
# The flags tests/conftest.py launches Chromium with.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FOOTER = (
    '<div style="width:100%;font-size:8px;color:#555;text-align:center;">START Toolkit · printable edition · '
    'page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
)


def print_hook():
    """hooks/print.py, the one place that names the PDF."""
    spec = importlib.util.spec_from_file_location("start_print_hook", ROOT / "hooks" / "print.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build_site(site_dir):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("START_OFFLINE", None)
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"the site did not build:\n{done.stderr[-4000:]}")


def render(site_dir, target):
    """Print site_dir's print/ page to target (written beside, then moved into place)."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} is missing: `make pdf` installs Debian's chromium with apt")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    partial = target.with_suffix(".pdf.part")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/print/", wait_until="load")
            page.emulate_media(media="print", color_scheme="light")
            page.pdf(
                path=str(partial),
                format="Letter",
                margin={"top": "0.75in", "bottom": "0.75in", "left": "0.7in", "right": "0.7in"},
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
                tagged=True,
                outline=True,
            )
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    partial.replace(target)


def build_pdf(out_dir=None):
    """Build the site, print it, and return the PDF's path."""
    hook = print_hook()
    out_dir = Path(out_dir) if out_dir else hook.pdf_path().parent
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / hook.pdf_name()
    with tempfile.TemporaryDirectory(prefix="start-pdf-") as work:
        build_site(Path(work) / "site")
        render(Path(work) / "site", target)
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, help="where to write the PDF (default: dist/)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    path = build_pdf(args.out_dir)
    print(f"{path} ({path.stat().st_size / 1e6:.1f} MB) built in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
