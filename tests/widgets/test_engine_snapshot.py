"""The engine starts from the build's memory snapshot of Python (hooks/snapshot.mjs), and from scratch,
still answering the reader's files, when the snapshot is missing or is not one."""

from pathlib import Path

import pytest
from conftest import assert_clean
from support import SLOW, PageLog

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FILES_2023 = sorted((ROOT / "calculators" / "src" / "start_calculators" / "data" / "qcew").glob("2023-annual-*.csv"))
WITHOUT = "starts without its snapshot"


@pytest.fixture
def cold(browser):
    """A fresh context and page (a cold engine) that keeps the console, checked when the test ends."""
    context = browser.new_context()
    page = context.new_page()
    log = PageLog.of(page)
    page.console = []  # the worker's console reaches the page's
    page.on("console", lambda message: page.console.append(message.text))
    yield page
    context.close()
    assert_clean(log)


def first_result_of_the_readers_files(page, site_url):
    page.goto(site_url + "calculators/location-quotient/", wait_until="commit", timeout=SLOW)
    upload = page.locator("[data-region-builder] input[type=file][data-role=upload]")
    upload.set_input_files([str(path) for path in FILES_2023], timeout=SLOW)
    output = page.locator("[data-calculator=location-quotient] [data-role=output][data-shown=engine]")
    output.wait_for(timeout=SLOW)
    return output.locator("table[data-role=results] tbody tr").count()


def test_the_engine_starts_from_the_snapshot(cold, site_url):
    assert first_result_of_the_readers_files(cold, site_url) > 50
    assert any(url.endswith("/assets/pyodide/engine.snapshot.gz") for url in cold.log.requests)
    assert not [text for text in cold.console if WITHOUT in text]


@pytest.mark.parametrize(
    ("served", "reason"),
    [
        ({"status": 404, "body": "gone"}, "HTTP 404"),
        ({"status": 200, "body": b"not a snapshot" * 100}, "invalid magic number"),
    ],
    ids=["missing", "not-a-snapshot"],
)
def test_without_a_usable_snapshot_python_starts_from_scratch(cold, site_url, served, reason):
    cold.context.route("**/engine.snapshot.gz", lambda route: route.fulfill(**served))
    assert first_result_of_the_readers_files(cold, site_url) > 50
    said = [text for text in cold.console if WITHOUT in text]
    assert len(said) == 1 and reason in said[0], cold.console
