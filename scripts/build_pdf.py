"""Render the printable edition (the site's print/ page) to dist/start-toolkit-<version>.pdf with Debian Chromium.

The site is built (strict) into a temporary folder and served on a loopback port, with the tests'
helpers (tests/support.py: the Makefile puts tests/ on PYTHONPATH). Chromium prints the page with the
site's print styles (each chapter on a new sheet), page numbers in the footer, and a tagged PDF with
bookmarks. `make site` runs this first, so the site and the offline copy offer the PDF.
Usage: python scripts/build_pdf.py [--out-dir DIR]
"""

import argparse
import tempfile
import time
from pathlib import Path

from project import DIST, pdf_name
from support import CHROMIUM, Server, build_site, launch_chromium

FOOTER = (
    '<div style="width:100%;font-size:8px;color:#555;text-align:center;">START Toolkit · printable edition · '
    'page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
)
PDF_OPTIONS = {
    "format": "Letter",
    "margin": {"top": "0.75in", "bottom": "0.75in", "left": "0.7in", "right": "0.7in"},
    "print_background": True,
    "display_header_footer": True,
    "header_template": "<span></span>",
    "footer_template": FOOTER,
    "tagged": True,  # headings, lists and tables stay structure in the PDF
    "outline": True,  # bookmarks from the headings
}


def print_page(browser, url, target):
    """Print the page at url to target with an open browser (written beside, then moved into place)."""
    partial = target.with_suffix(".pdf.part")
    page = browser.new_page()
    try:
        page.goto(url, wait_until="load")
        page.emulate_media(media="print", color_scheme="light")
        page.pdf(path=str(partial), **PDF_OPTIONS)
    finally:
        page.close()
    partial.replace(target)


def render(url, target):
    """Start Debian Chromium, print the page at url to target, and close it."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} is missing: `make pdf` installs Debian's chromium with apt")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            print_page(browser, url, target)
        finally:
            browser.close()


def build_pdf(out_dir=DIST):
    """Build and serve the site, print its edition into out_dir, and return the PDF's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / pdf_name()
    with tempfile.TemporaryDirectory(prefix="start-pdf-") as work:
        server = Server(Path(work))
        server.start()  # before the build, so stop() always has a loop to end
        try:
            done = build_site(server.folder, site_url=server.url)
            if done.returncode != 0:
                raise SystemExit(f"the site did not build:\n{done.stderr[-4000:]}")
            render(server.url + "print/", target)
        finally:
            server.stop()
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=DIST, help="where to write the PDF (default: dist/)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    path = build_pdf(args.out_dir)
    print(f"{path} ({path.stat().st_size / 1e6:.1f} MB) built in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
