"""Helpers shared by the tests and the bench (scripts/bench.py): build, serve, drive Chromium, read pages.

Imported by name through a declared path: `pythonpath` in pytest.ini, PYTHONPATH=tests in the
Makefile's bench target.
"""

import csv
import functools
import io
import json
import os
import re
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SLOW = 90_000  # ms: the first Pyodide start on a busy 2-core machine
CALCULATORS = ["location-quotient", "ranking", "growth", "shift-share"]

# --- Building and serving ----------------------------------------------------------------------


def build_site(out: Path, site_url: str = "", offline: bool = False) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` into out; the completed process (the caller decides what a failure means)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", START_SITE_URL=site_url)  # the banner, as `make` sets it
    if offline:
        env["START_OFFLINE"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
    }

    def log_message(self, format, *args):  # noqa: A002  (the base class's name)
        pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a browser that drops a connection mid-file is not a test failure


class Server:
    """A loopback server for a folder on a free port. Its address is known before anything is
    served, so the site can be built for it (instant navigation needs a sitemap of real URLs)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.httpd = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.serving = False

    def start(self) -> str:
        if not self.serving:
            threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
            self.serving = True
        return self.url

    def stop(self) -> None:
        if self.serving:  # shutdown() waits for a serve_forever() loop, forever if none runs
            self.httpd.shutdown()
        self.httpd.server_close()


def launch_chromium(playwright):
    """Debian's Chromium; Playwright's launch() gives every run a new, empty user-data dir."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)


# --- What a page did ---------------------------------------------------------------------------

LOCAL_HOSTS = {None, "", "127.0.0.1", "localhost"}


class PageLog:
    """Every request URL a page made and every console error (CSP violations and uncaught errors among them).
    Attach one with PageLog.of(page): it is kept as page.log."""

    @classmethod
    def of(cls, page):
        if not hasattr(page, "log"):
            page.log = cls(page)
        return page.log

    def __init__(self, page):
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))

    def uncaught(self, since: int = 0) -> list[str]:
        """Exceptions and promise rejections nothing handled (in the page or, logged, in its workers)."""
        return [e for e in self.errors[since:] if e.startswith("uncaught: ") or e.startswith("Uncaught")]

    def csp_violations(self, since: int = 0) -> list[str]:
        return [e for e in self.errors[since:] if "Content Security Policy" in e or "Content-Security-Policy" in e]

    def foreign_requests(self, since: int = 0) -> list[str]:
        """Requests that left this machine (the test servers are loopback; file:, data:, blob: have no host)."""
        return [url for url in self.requests[since:] if urlsplit(url).hostname not in LOCAL_HOSTS]


# --- Reading pages -----------------------------------------------------------------------------


def heading(page) -> str:
    """The page's h1 without the permalink mark."""
    return page.locator("article h1").inner_text().rstrip("¶").strip()


def wait_for_results(page, name: str):
    """Wait until the calculator on the page is ready and shows a result; its root element."""
    root = page.locator(f"[data-calculator={name}]")
    root.locator("[data-role=status]").filter(has_text="Ready").wait_for(timeout=SLOW)
    root.locator("table[data-role=results] tbody tr").first.wait_for(timeout=SLOW)
    return root


def follow_link(page, url: str) -> None:
    """Click a link to url in the page, as a reader would; on the online site Material swaps the
    new page in (instant navigation). Returns once the new page's heading is there."""
    page.evaluate(
        """(url) => {
        const link = Object.assign(document.createElement('a'), {href: url});
        document.body.append(link);
        link.click();
        link.remove();
    }""",
        url,
    )
    page.wait_for_url(url, timeout=SLOW)
    page.locator("article h1").first.wait_for(timeout=SLOW)


def open_calculator(page, url: str, name: str):
    """Load a calculator page (a full page load) and wait until its first result shows."""
    # Not until "load": from disk that waits for every runtime script the engine inserts.
    page.goto(url, wait_until="domcontentloaded", timeout=SLOW)
    return wait_for_results(page, name)


def results(page, key: str) -> dict[str, dict[str, str]]:
    """{key cell's value: {column: raw data-value}} for the results table."""
    return page.evaluate(
        """(key) => {
        const out = {};
        for (const row of document.querySelectorAll('table[data-role=results] tbody tr')) {
            const cells = {};
            for (const cell of row.children) cells[cell.dataset.col] = cell.dataset.value;
            out[cells[key]] = cells;
        }
        return out;
    }""",
        key,
    )


# --- Static checks of a built site -------------------------------------------------------------

# src/href/srcset/action pointing at another host; <a> links and canonical addresses load nothing.
FOREIGN_REFERENCE = re.compile(r"""(?:src|href|srcset|action)\s*=\s*["']?(?:https?:)?//""", re.I)
FOLLOWED_ONLY = re.compile(r"<a\s[^>]*>|<link rel=\"canonical\"[^>]*>")
FOREIGN_CSS = re.compile(r"@import[^;]*//[^;]*;|url\(\s*['\"]?(?:https?:)?//[^)]*\)")


def foreign_html_loads(folder: Path) -> list[str]:
    """'file: reference' for every HTML page in folder that would load something from another host."""
    found = []
    for path in folder.rglob("*.html"):
        text = FOLLOWED_ONLY.sub("", path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(folder)}: {m.group(0)}" for m in FOREIGN_REFERENCE.finditer(text)]
    return found


def foreign_css_loads(folder: Path) -> list[str]:
    return [
        f"{path.relative_to(folder)}: {m}"
        for path in folder.rglob("*.css")
        for m in FOREIGN_CSS.findall(path.read_text(encoding="utf-8"))
    ]


CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
INLINE_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)


def html_pages(site):
    return sorted(site.rglob("*.html"))


def policy_problems(site, wasm_on):
    """Problems with the CSP of every page of a built site; wasm_on(name, text) says whether that
    page should allow 'wasm-unsafe-eval'."""
    problems = []
    for path in html_pages(site):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(site).as_posix()
        policy = CSP.search(text)
        if not policy:
            problems.append(f"{name}: no CSP meta tag")
            continue
        rules = dict(part.strip().split(" ", 1) for part in policy.group(1).split(";") if part.strip())
        if rules.get("default-src") != "'self'" or "*" in policy.group(1) or "http" in policy.group(1):
            problems.append(f"{name}: the policy allows more than this origin: {policy.group(1)}")
        if rules.get("script-src", "").replace(" 'wasm-unsafe-eval'", "") != "'self'":
            problems.append(f"{name}: script-src allows more than this origin: {rules.get('script-src')}")
        if ("'wasm-unsafe-eval'" in rules.get("script-src", "")) != wasm_on(name, text):
            problems.append(f"{name}: 'wasm-unsafe-eval' where it should not be, or missing")
        if "'unsafe-inline'" in policy.group(1) or "'unsafe-eval'" in policy.group(1):
            problems.append(f"{name}: the policy allows inline or eval'd code")
        for pattern, what in (
            (INLINE_HANDLER, "an inline event handler"),
            (INLINE_SCRIPT, "an inline <script>"),
            (STYLE_ATTRIBUTE, "a style attribute"),
        ):
            found = pattern.search(text)
            if found:
                problems.append(f"{name}: {what}: {found.group(0)[:80]}")
    return problems


# --- Big inputs, and how the page copes ----------------------------------------------------------

SAMPLE_QCEW = ROOT / "calculators" / "src" / "start_calculators" / "data" / "qcew"


def cli(*args):
    """The command line's JSON output for the same input: what the widgets must match."""
    done = subprocess.run(
        [sys.executable, "-m", "start_calculators", *map(str, args), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout)


# Main-thread tasks over 50 ms, and every text the status line shows, from now on.
WATCH = """(root) => {
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(Math.round(e.duration)); })
    .observe({ type: 'longtask' });
  const status = document.querySelector(root + ' [data-role=status] .calc-status__text');
  window.__statuses = [status.textContent];
  new MutationObserver(() => window.__statuses.push(status.textContent))
    .observe(status, { subtree: true, childList: true, characterData: true });
}"""


COUNTIES = ["39041", "39045", "39049", "39073", "39089"]  # five of the sample's ten: other LQs than the sample's


def padded_county_files(folder):
    """Five of the sample's 2023 county files, each with four copies of its private rows as federal,
    state and local government rows (which the calculators read past): 4 MB, 80,000 rows, the same
    LQs as the files themselves."""
    paths = []
    for county in COUNTIES:
        source = SAMPLE_QCEW / f"2023-annual-{county}.csv"
        header, *rows = list(csv.reader(source.open(encoding="utf-8")))
        own = header.index("own_code")
        extra = [[*row[:own], code, *row[own + 1 :]] for code in "123" for row in rows if row[own] == "5"]
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([header, *rows, *extra * 4])
        target = folder / source.name
        target.write_text(out.getvalue(), encoding="utf-8")
        paths.append(target)
    return paths


def wait_for_lqs(page, expected):
    """Until the results table holds exactly the LQs of `expected` (CLI records)."""
    wanted = {str(record["industry_code"]): record["lq"] for record in expected}
    page.wait_for_function(
        """(wanted) => {
            const rows = [...document.querySelectorAll('table[data-role=results] tbody tr')];
            const shown = Object.fromEntries(rows.map((row) => [
                row.querySelector('[data-col=industry_code]')?.dataset.value,
                row.querySelector('[data-col=lq]')?.dataset.value,
            ]));
            return Object.keys(shown).length === Object.keys(wanted).length && Object.entries(wanted).every(
                ([code, lq]) => lq === null ? shown[code] === '' : Math.abs(Number(shown[code]) - lq) <= 1e-9 * lq);
        }""",
        arg=wanted,
        timeout=SLOW,
    )


def big_upload_stays_responsive(page, tmp_path):
    """Upload 4 MB of county files (80,000 rows) to the LQ calculator at sector level and wait for
    the LQs the CLI gives for those counties; returns the long tasks and status texts meanwhile."""
    root = wait_for_results(page, "location-quotient")
    root.get_by_label("Industry level").select_option("sector")
    wait_for_lqs(page, cli("lq", "--sample", "--level", "sector"))
    page.evaluate(WATCH, "[data-calculator=location-quotient]")
    page.locator("input[type=file][data-role=upload]").first.set_input_files(padded_county_files(tmp_path))
    chosen = [SAMPLE_QCEW / f"2023-annual-{county}.csv" for county in COUNTIES]
    wait_for_lqs(page, cli("lq", "--qcew", *chosen, "--level", "sector"))
    return page.evaluate("window.__long"), page.evaluate("window.__statuses")


# --- Light and dark ----------------------------------------------------------------------------

SCHEMES = {"light": "default", "dark": "slate"}  # Material's color schemes


def choose_palette(page, scheme: str) -> None:
    """Switch light/dark with the header's own toggle, as a reader would on a calculator page."""
    wanted = SCHEMES[scheme]
    if page.locator("body").get_attribute("data-md-color-scheme") != wanted:
        # The one toggle shown switches to the other scheme (Material moves its title to a tooltip).
        page.locator("form[data-md-component=palette] label:visible").click()
        # Off the toggle, onto plain text: a hover tooltip (the toggle's, a heading link's) is not the page.
        page.locator("[data-calculator] [data-role=status]").first.hover()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", wanted)
