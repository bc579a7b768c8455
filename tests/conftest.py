"""Shared fixtures: the site built for a loopback server, Debian Chromium, and pages whose every
request and console error is checked when the test ends (nothing from another host, no CSP
violation, no uncaught error).

Browser tests that are not about a cold start share one warm calculator page (`calculators`):
the engine starts once, and each test moves to its calculator with the site's own navigation.
"""

import pytest
from support import CHROMIUM, PageLog, Server, build_site, follow_link, launch_chromium, wait_for_results


@pytest.fixture(scope="session")
def site_server(tmp_path_factory):
    """A loopback server for the site's folder; its address exists before the site is built."""
    server = Server(tmp_path_factory.mktemp("site"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def site_build(site_server):
    """`mkdocs build --strict` for the server's address; the completed process, with the folder as .site."""
    done = build_site(site_server.folder, site_url=site_server.url)
    done.site = site_server.folder
    return done


@pytest.fixture(scope="session")
def built_site(site_build):
    if site_build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{site_build.stderr[-4000:]}")
    return site_build.site


@pytest.fixture(scope="session")
def site_url(built_site, site_server):
    return site_server.start()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium; a test that needs it fails (never skips) when it is missing."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium with apt")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


def assert_clean(log, requests_since=0, errors_since=0):
    """What every browser test ends with: no request left the machine, no CSP violation, no
    uncaught error (an exception or a promise rejection nothing handled)."""
    foreign = log.foreign_requests(requests_since)
    violations = log.csp_violations(errors_since)
    uncaught = log.uncaught(errors_since)
    assert not foreign, "requests to other hosts:\n" + "\n".join(foreign[:20])
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)
    assert not uncaught, "uncaught errors on the page:\n" + "\n".join(uncaught[:20])


@pytest.fixture
def new_context(browser):
    """Makes fresh browser contexts (options as browser.new_context); each of their pages is
    checked when the test ends."""
    contexts, pages = [], []

    def make(**options):
        context = browser.new_context(**options)
        context.on("page", lambda page: pages.append(PageLog.of(page)))
        contexts.append(context)
        return context

    yield make
    logs = {id(log): log for log in pages}
    for context in contexts:
        logs.update((id(PageLog.of(page)), PageLog.of(page)) for page in context.pages)
        context.close()
    for log in logs.values():
        assert_clean(log)


@pytest.fixture
def page(new_context):
    """A fresh browser context and page, checked when the test ends."""
    page = new_context().new_page()
    PageLog.of(page)
    return page


class WarmCalculators:
    """One browser page that keeps the calculators' engine running while tests move between them."""

    def __init__(self, browser, site_url):
        self.site_url = site_url
        self.context = browser.new_context()
        self.page = self.context.new_page()
        PageLog.of(self.page)
        self.page.goto(site_url + "calculators/")

    def open(self, name):
        """Move to calculator `name` as a reader would (a link: an instant navigation) with nothing
        remembered from earlier tests, and wait for its sample; returns the calculator's root."""
        page = self.page
        page.evaluate("globalThis.StartToolkit?.region?.reset() ?? null")  # the shared region: the sample again
        page.evaluate("localStorage.clear()")
        if f"/calculators/{name}/" in page.url:  # the same address would not swap the page
            follow_link(page, self.site_url + "calculators/")
        follow_link(page, f"{self.site_url}calculators/{name}/")
        return wait_for_results(page, name)

    def close(self):
        self.context.close()


@pytest.fixture(scope="session")
def warm_calculators(browser, site_url):
    warm = WarmCalculators(browser, site_url)
    yield warm
    warm.close()


@pytest.fixture
def calculators(warm_calculators):
    """The warm calculator page; what it did during the test is checked when the test ends."""
    log = warm_calculators.page.log
    start = len(log.requests), len(log.errors)
    yield warm_calculators
    assert_clean(log, *start)
