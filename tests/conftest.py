"""Shared fixtures: a strict build of the site, a loopback server for it, and Debian Chromium via Playwright."""

import functools
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

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


@pytest.fixture(scope="session")
def site_build(tmp_path_factory):
    """`mkdocs build --strict` into a fresh folder; the completed process, with the folder as .site."""
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")  # the theme's end-of-life banner, as `make` sets it
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    if done.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{done.stderr[-4000:]}")
    done.site = out
    return done


@pytest.fixture(scope="session")
def built_site(site_build):
    return site_build.site


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
    }

    def log_message(self, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a browser that drops a connection mid-file is not a test failure


def serve(folder):
    """Serve a folder on a free loopback port in a background thread; return (server, base URL)."""
    server = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(built_site):
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium; a test that needs it fails (never skips) when it is missing."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium with apt")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Playwright's launch() gives every run a new, empty user-data dir.
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class PageLog:
    """What a page did: every request URL, and every console error (CSP violations among them)."""

    def __init__(self, page):
        self.requests, self.errors = [], []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))

    def csp_violations(self):
        return [e for e in self.errors if "Content Security Policy" in e or "Content-Security-Policy" in e]


@pytest.fixture
def page(browser):
    """A fresh browser context and page; fails the test on any CSP violation it logged."""
    context = browser.new_context()
    page = context.new_page()
    page.log = PageLog(page)
    yield page
    violations = page.log.csp_violations()
    context.close()
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)
