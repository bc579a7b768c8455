"""`make bench`: every speed and size figure of the project in one table, each beside its goal.

How each figure is measured (also in README.md):
- full build: wall time of `mkdocs build --strict` after removing the generated inventory, wheel
  and lock, so the catalog, the workbooks, the wheel and the Pyodide lock are all rebuilt;
- zip size: the bytes of dist/start-toolkit-offline-<version>.zip from scripts/build_bundle.py;
- sample visible: in one Debian Chromium, cold browser contexts (empty cache); from navigation
  start to the moment the LQ page has both its first results row (written into the HTML at build
  by hooks/prerender.py; a MutationObserver added before any page script) and its first paint;
- your files, cold engine: a cold context opens the LQ page and gives its upload the sample's
  2023 county files at once; from navigation start to the engine's first result of those files
  (the output panel's data-shown turning to "engine"), against a bare page on the same loopback
  server that loads the same Pyodide and runs `1+1` (to its end); cold contexts take turns and
  the medians of RUNS runs are compared; the file:// figure is the same on the unpacked zip;
- second calculator: with the engine ready on the LQ page, a link moves to the shift-share page
  (instant navigation) and the reader picks another method; from the click on the link to the
  engine's first result there;
- chapter bytes: a chapter page in a cold context; bytes of every response, and of those from
  the Pyodide folder;
- 1M QCEW rows: scripts/bench_calculators.py (parse, aggregate, LQ and rank on CPython, and the
  same work in pandas);
- printable edition: pages and bytes of the PDF scripts/build_pdf.py prints with Chromium.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from build_bundle import build_bundle
from build_pdf import build_pdf
from project import ROOT
from support import Server, follow_link, launch_chromium  # tests/support.py: PYTHONPATH=tests (the Makefile sets it)

RUNS = 5
SAMPLE_FILES = sorted((ROOT / "calculators" / "src" / "start_calculators" / "data" / "qcew").glob("2023-annual-*.csv"))
# Installed before any page script: when the first results row exists, and when the engine's
# first result replaced the sample (the output panel's data-shown turns to "engine").
OBSERVE = """window.__marks = {};
new MutationObserver(() => {
  const marks = window.__marks;
  if (!marks.row && document.querySelector('table[data-role=results] tbody tr')) marks.row = performance.now();
  if (!marks.engine && document.querySelector('[data-role=output][data-shown=engine]'))
    marks.engine = performance.now();
}).observe(document, {childList: true, subtree: true, attributes: true, attributeFilter: ['data-shown']});"""
PAINT = "() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime"
BARE_HTML = '<!doctype html><title>bare Pyodide</title><script type="module" src="bench-bare.js"></script>'
BARE_JS = """import { loadPyodide } from "./assets/pyodide/pyodide.mjs";
const pyodide = await loadPyodide({ indexURL: new URL("./assets/pyodide/", location.href).href });
pyodide.runPython("1+1");
window.__firstResult = performance.now();"""


def full_build(site: Path, site_url: str) -> float:
    for generated in (ROOT / "docs" / "inventory", ROOT / "calculators" / "dist"):
        shutil.rmtree(generated, ignore_errors=True)
    started = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)]
    subprocess.run(command, cwd=ROOT, check=True, env={**os.environ, "START_SITE_URL": site_url})
    return time.perf_counter() - started


def mark(page, function: str) -> float:
    """A time the page records, once it has it. A function, not an expression: the page's CSP
    forbids the eval an expression would need."""
    page.wait_for_function(function, timeout=120_000)
    return float(page.evaluate(function))


def sample_visible(browser, url: str) -> float:
    """Milliseconds from navigation start until the sample's first row is there and painted."""
    context = browser.new_context()
    context.add_init_script(OBSERVE)
    page = context.new_page()
    page.goto(url, wait_until="commit", timeout=120_000)
    value = max(mark(page, "() => window.__marks.row"), mark(page, PAINT))
    context.close()
    return value


def own_files(browser, url: str) -> float:
    """Milliseconds from navigation start to the engine's first result of the reader's files."""
    context = browser.new_context()
    context.add_init_script(OBSERVE)
    page = context.new_page()
    page.goto(url, wait_until="commit", timeout=120_000)
    upload = page.locator("[data-region-builder] input[type=file][data-role=upload]")
    upload.set_input_files([str(path) for path in SAMPLE_FILES], timeout=120_000)
    value = mark(page, "() => window.__marks.engine")
    context.close()
    return value


def bare(browser, url: str) -> float:
    """Milliseconds from navigation start to the end of bare Pyodide's `1+1`."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="commit", timeout=120_000)
    value = mark(page, "() => window.__firstResult")
    context.close()
    return value


def second_calculator(browser, base: str) -> float:
    """Milliseconds from a link to the shift-share page (the engine already running on the LQ
    page) to its first recomputed result."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "calculators/location-quotient/", timeout=120_000)
    page.locator("[data-role=status][data-stage=ready]").first.wait_for(timeout=120_000)
    started = float(page.evaluate("performance.now()"))
    follow_link(page, base + "calculators/shift-share/")
    page.locator("[data-role=method]").select_option("esteban-marquillas")
    page.locator("[data-calculator=shift-share] [data-role=output][data-shown=engine]").wait_for(timeout=120_000)
    value = float(page.evaluate("performance.now()")) - started
    context.close()
    return value


def chapter_bytes(browser, url):
    context = browser.new_context()
    page = context.new_page()
    sizes = []
    page.on("requestfinished", lambda request: sizes.append((request.url, request.sizes()["responseBodySize"])))
    page.goto(url, wait_until="networkidle")
    context.close()
    return sum(size for _, size in sizes), sum(size for link, size in sizes if "/assets/pyodide/" in link)


def browser_figures(server: Server, unpacked: Path) -> tuple[dict[str, float], int, int]:
    from playwright.sync_api import sync_playwright

    site = server.folder
    (site / "bench-bare.html").write_text(BARE_HTML)
    (site / "bench-bare.js").write_text(BARE_JS)
    base = server.start()
    lq_served = base + "calculators/location-quotient/"
    lq_file = (unpacked / "calculators" / "location-quotient.html").as_uri()
    timed = {
        "sample": (sample_visible, lq_served),
        "sample_file": (sample_visible, lq_file),
        "served": (own_files, lq_served),
        "bare": (bare, base + "bench-bare.html"),
        "file": (own_files, lq_file),
    }
    times: dict[str, list[float]] = {name: [] for name in timed}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for measure, url in timed.values():
            measure(browser, url)  # untimed: warms the OS file cache alike for all
        for _ in range(RUNS):
            for name, (measure, url) in timed.items():
                times[name].append(measure(browser, url))
        second = statistics.median(second_calculator(browser, base) for _ in range(RUNS))
        total, pyodide = chapter_bytes(browser, base + "04-managing-the-partnership/funding/")
        browser.close()
    server.stop()
    medians = {name: statistics.median(values) / 1000 for name, values in times.items()}
    return medians | {"second": second / 1000}, total, pyodide


def region_figures(site: Path) -> list[str]:
    """Rows for the region builder's map data (the state index and the largest state's shapes, as
    the site serves them) and the calculators' wheel, in bytes."""
    regions = site / "assets" / "regions"
    states = (regions / "states.js").stat().st_size
    largest = max(regions.glob("[0-9][0-9].js"), key=lambda path: path.stat().st_size)
    wheel = next((site / "assets" / "pyodide").glob("start_calculators-*.whl")).stat().st_size
    return [
        row("Map data: every state's counties (`states.js`)", f"{states:,} bytes", "≤ 100,000", states <= 100_000),
        row(
            f"Map data: the largest state's shapes (`{largest.name}`)",
            f"{largest.stat().st_size:,} bytes",
            "≤ 60,000",
            largest.stat().st_size <= 60_000,
        ),
        row("The calculators' wheel", f"{wheel:,} bytes", "≤ 1,000,000", wheel <= 1_000_000),
    ]


def calculators_figures():
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench_calculators.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def pdf_figures(out_dir):
    """Pages and bytes of the printable edition's PDF (scripts/build_pdf.py), and the number of chapters."""
    from pypdf import PdfReader

    path = build_pdf(out_dir)
    chapters = len(list((ROOT / "docs").glob("[0-9][0-9]-*/index.md")))
    return len(PdfReader(path).pages), path.stat().st_size, chapters


def row(figure, value, goal, met):
    return f"| {figure} | {value} | {goal} | {'yes' if met else 'NO'} |"


def main():
    with tempfile.TemporaryDirectory(prefix="start-bench-") as folder:
        work = Path(folder)
        # The server's address first: the site is built for it (instant navigation needs the sitemap).
        server = Server(work / "site")
        build_seconds = full_build(work / "site", server.url)
        sizes = region_figures(work / "site")
        zip_path = build_bundle(work / "dist")
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(work / "unpacked")
        medians, chapter_total, chapter_pyodide = browser_figures(server, work / "unpacked" / zip_path.stem)
        zip_mb = zip_path.stat().st_size / 1e6
        pdf_pages, pdf_bytes, chapters = pdf_figures(work / "pdf")
    calc = calculators_figures()
    served_vs_bare = medians["served"] / medians["bare"]
    file_vs_served = medians["file"] / medians["served"]
    lines = [
        "| Figure | Measured | Goal | Met |",
        "|---|---|---|---|",
        row(
            "Sample result visible on the LQ page (served; `file://`)",
            f"{medians['sample'] * 1000:.0f} ms; {medians['sample_file'] * 1000:.0f} ms",
            "< 500 ms",
            medians["sample"] < 0.5,
        ),
        row(
            "Your files to first LQ result, cold engine, served vs bare Pyodide (`1+1`)",
            f"{served_vs_bare:.2f}× ({medians['served']:.2f} s vs {medians['bare']:.2f} s)",
            "≤ 1.25×",
            served_vs_bare <= 1.25,
        ),
        row(
            "Your files to first LQ result, `file://` vs served",
            f"{file_vs_served:.2f}× ({medians['file']:.2f} s vs {medians['served']:.2f} s)",
            "≤ 1.1×",
            file_vs_served <= 1.1,
        ),
        row(
            "Second calculator page's first recomputed result (online, engine running)",
            f"{medians['second'] * 1000:.0f} ms",
            "≤ 500 ms",
            medians["second"] <= 0.5,
        ),
        row(
            "Pyodide bytes on a chapter page",
            f"{chapter_pyodide:,} (of {chapter_total:,} bytes fetched)",
            "0",
            chapter_pyodide == 0,
        ),
        row(
            "1M QCEW rows on CPython (parse, aggregate, LQ, rank)",
            f"{calc['qcew_1m_seconds']:.2f} s ({calc['ratio_to_pandas']:.2f}× pandas' {calc['pandas_seconds']:.2f} s)",
            "≤ 3 s",
            calc["qcew_1m_seconds"] <= 3,
        ),
        row("Full build (`mkdocs build --strict` from clean)", f"{build_seconds:.1f} s", "≤ 10 s", build_seconds <= 10),
        row("Offline zip size", f"{zip_mb:.1f} MB", "≤ 25 MB", zip_mb <= 25),
        row(
            "Printable edition PDF",
            f"{pdf_pages} pages, {pdf_bytes:,} bytes",
            f"a page for each of the {chapters} chapters",
            pdf_pages >= chapters,
        ),
        *sizes,
    ]
    print("\n".join(lines))
    print(f"\n(medians of {RUNS} cold runs each; {time.strftime('%Y-%m-%d')}; 2-core machine)")


if __name__ == "__main__":
    main()
