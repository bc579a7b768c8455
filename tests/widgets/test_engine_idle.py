"""Work done when nobody waits: the engine reads the sample ahead while the sample is on screen (never
while the reader's own files are being taken), and the site search builds its index once the engine
is idle, or at once when the reader searches."""

import re
from pathlib import Path

import pytest
from conftest import assert_clean
from playwright.sync_api import expect
from support import SLOW, PageLog, follow_link

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FILES_2023 = sorted((ROOT / "calculators" / "src" / "start_calculators" / "data" / "qcew").glob("2023-annual-*.csv"))
# Installed before the page's scripts: every request the page posts to its engine worker, in order.
LOG_CALLS = """
  const Real = Worker;
  window.__calls = [];
  window.Worker = class extends Real {
    postMessage(message, ...rest) {
      if (message?.type === 'call') window.__calls.push(message.fn);
      return super.postMessage(message, ...rest);
    }
  };
"""


@pytest.fixture
def logged(browser):
    """A fresh context and page (a cold engine) that logs its calls, checked when the test ends."""
    context = browser.new_context()
    page = context.new_page()
    log = PageLog.of(page)
    page.add_init_script(LOG_CALLS)
    yield page
    context.close()
    assert_clean(log)


def calls(page):
    return page.evaluate("window.__calls")


def test_with_the_sample_on_screen_an_idle_engine_reads_it_ahead_once(logged, site_url):
    page = logged
    page.goto(site_url + "calculators/location-quotient/", wait_until="domcontentloaded", timeout=SLOW)
    page.wait_for_function("() => window.__calls.includes('warm_sample')", timeout=SLOW)
    before = calls(page)
    # Asked only after what the page itself needed at the start (the sample's description, the county view).
    assert before.index("warm_sample") == len(before) - 1 and {"sample_info", "county_view"} <= set(before)
    # The next calculator page answers from it, and asks neither for warming nor the description again.
    follow_link(page, site_url + "calculators/shift-share/")
    page.locator("[data-role=method]").select_option("esteban-marquillas")
    page.locator("[data-calculator=shift-share] [data-role=output][data-shown=engine]").wait_for(timeout=SLOW)
    after = calls(page)[len(before) :]
    assert "sample_region" in after and "warm_sample" not in after and "sample_info" not in after


def test_files_added_before_the_engine_is_ready_are_never_slowed_by_warming(logged, site_url):
    page = logged
    page.goto(site_url + "calculators/location-quotient/", wait_until="commit", timeout=SLOW)
    upload = page.locator("[data-region-builder] input[type=file][data-role=upload]")
    upload.set_input_files([str(path) for path in FILES_2023], timeout=SLOW)
    page.locator("[data-calculator=location-quotient] [data-role=output][data-shown=engine]").wait_for(timeout=SLOW)
    # The result's settings (`about`) come last: by then the engine has been idle with the files in use.
    page.wait_for_function("() => window.__calls.at(-1) === 'about'", timeout=SLOW)
    page.wait_for_timeout(500)
    made = calls(page)
    assert made.index("check_uploads") < made.index("inspect_region") < made.index("lq_qcew")
    assert "warm_sample" not in made


def test_the_search_builds_its_index_once_the_engine_is_idle(logged, site_url):
    page = logged
    page.goto(site_url + "calculators/growth/", wait_until="domcontentloaded", timeout=SLOW)
    index = re.compile(r"/javascripts/workers/search\.\w+\.min\.js$")
    page.wait_for_function("() => window.__calls.length > 0", timeout=SLOW)
    assert not any(index.search(url) for url in page.log.requests)  # held while the engine starts
    # Then, the first answers given and a quiet second passed, Material's search worker loads its
    # index: well before the worker's own fallback (20 s after the page asked for a search worker).
    waited = 0
    while not any(index.search(url) for url in page.log.requests) and waited < 10_000:
        page.wait_for_timeout(250)
        waited += 250
    assert any(index.search(url) for url in page.log.requests), waited


def test_a_search_typed_while_the_engine_starts_is_answered(new_context, site_url):
    context = new_context()
    page = context.new_page()
    PageLog.of(page)
    page.route("**/pyodide.asm.wasm", lambda route: None)  # never answered: the engine stays starting
    page.goto(site_url + "calculators/growth/", wait_until="domcontentloaded", timeout=SLOW)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("intermediary")
    expect(page.locator(".md-search-result__meta")).to_have_text(
        re.compile(r"^\d+ matching documents?$"), timeout=30000
    )
    status = page.locator("[data-calculator=growth] [data-role=status]")
    assert "Ready" not in status.inner_text()
