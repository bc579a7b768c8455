"""Where the region is kept: a reload brings it back, a full storage is reported and never leads a later
page to an older region, and "Forget my data" clears everything the calculators keep.

Each test loads its own page (a reload or a new context is the point of the test).
"""

from pathlib import Path

import pytest
from support import SLOW, open_calculator, results

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "calculators" / "src" / "start_calculators" / "data" / "qcew"
BUILDER = "[data-region-builder]"
KEPT = """async () => {
    const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open('start-calculators', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('files');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
    });
    const record = await new Promise((resolve) => {
        const request = db.transaction('files').objectStore('files').get('region');
        request.onsuccess = () => resolve(request.result);
    });
    db.close();
    const keys = Object.keys(localStorage).filter((key) => key.startsWith('start-calculators:'));
    return { files: record ? record.files.length : 0, keys };
}"""
# IndexedDB refuses every write as a full disk would.
FULL = """() => {
    IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
}"""


def year(name):
    return sorted(DATA.glob(f"{name}-annual-*.csv"))


def drop(page, files, state="loaded"):
    page.locator(f"{BUILDER} input[type=file][data-role=upload]").set_input_files([str(path) for path in files])
    summary = page.locator(f"{BUILDER} [data-role=files-summary]")
    summary.locator(f"xpath=self::*[@data-state='{state}']").wait_for(timeout=SLOW)
    return summary


def now(page):
    return page.locator("[data-role=region-now]")


def test_reload_keeps_the_region_and_its_results(page, site_url):
    open_calculator(page, f"{site_url}calculators/location-quotient/", "location-quotient")
    drop(page, year("2022") + year("2023"))
    page.locator("[data-role=storage]").filter(has_text="Kept in this browser").wait_for(timeout=SLOW)
    page.locator("[data-role=source]").filter(has_text="your QCEW files").wait_for(timeout=SLOW)
    before = results(page, "industry_code")
    assert page.evaluate(KEPT)["files"] == 20
    page.reload()
    now(page).filter(has_text="10 counties × 2 years").wait_for(timeout=SLOW)
    page.locator("[data-role=source]").filter(has_text="your QCEW files").wait_for(timeout=SLOW)
    assert results(page, "industry_code") == before
    # Another calculator, in a full page load of its own, uses the same region.
    open_calculator(page, f"{site_url}calculators/ranking/", "ranking")
    page.locator("[data-calculator=ranking] [data-role=source]").filter(has_text="10 counties × 2 years").wait_for(
        timeout=SLOW
    )


def test_a_full_storage_is_reported_and_the_next_page_never_loads_an_older_region(page, site_url):
    open_calculator(page, f"{site_url}calculators/location-quotient/", "location-quotient")
    drop(page, year("2023"))
    page.locator("[data-role=storage]").filter(has_text="Kept in this browser").wait_for(timeout=SLOW)
    page.evaluate(FULL)
    drop(page, year("2022") + year("2023"))
    storage = page.locator("[data-role=storage]")
    storage.filter(has_text="could not be kept").wait_for(timeout=SLOW)
    assert storage.get_attribute("data-state") == "failed" and "full" in storage.inner_text()
    # The page goes on with the new files...
    assert "10 counties × 2 years" in now(page).inner_text()
    # ...and the next page (the write refusal is gone with the reload) says why it shows the sample.
    page.reload()
    storage.filter(has_text="could not be kept in this browser").wait_for(timeout=SLOW)
    assert "10 counties × 2 years" in storage.inner_text() and "sample" in storage.inner_text()
    assert "the sample region" in now(page).inner_text()
    assert page.evaluate(KEPT)["files"] == 0  # the older 10 × 1 region was deleted, not left to load


def test_forget_my_data_clears_everything_kept(page, site_url):
    root = open_calculator(page, f"{site_url}calculators/growth/", "growth")
    cells = root.locator(".calc-grid input")
    for index, value in enumerate(["Widgets", "100", "121", "2"]):
        cells.nth(index).fill(value)
    root.locator("[data-action=calculate]").click()
    root.locator("th[data-col=industry]").filter(has_text="Widgets").wait_for(timeout=SLOW)
    drop(page, year("2023"))
    page.locator("[data-role=storage]").filter(has_text="Kept in this browser").wait_for(timeout=SLOW)
    kept = page.evaluate(KEPT)
    assert (
        kept["files"] == 10
        and "start-calculators:growth" in kept["keys"]
        and "start-calculators:region" in kept["keys"]
    )
    forget = page.locator(f"{BUILDER} [data-action=forget]")
    assert forget.is_visible() and "Forget my data erases all of it" in page.locator("[data-role=privacy]").inner_text()
    with page.expect_navigation():
        forget.click()
    now(page).filter(has_text="the sample region").wait_for(timeout=SLOW)
    page.locator("[data-calculator=growth] table[data-role=results] tbody tr").first.wait_for(timeout=SLOW)
    assert "Widgets" not in page.locator("[data-calculator=growth] table[data-role=results]").inner_text()
    kept = page.evaluate(KEPT)
    assert kept["files"] == 0
    # The fresh page keeps only the calculator's default settings again, nothing of the reader's.
    assert set(kept["keys"]) <= {"start-calculators:growth"}
    assert "Widgets" not in str(page.evaluate("localStorage.getItem('start-calculators:growth')"))
