"""The region builder from the offline copy (file://): map data as classic scripts, counties by name,
a drop of QCEW files with results equal to the CLI, the per-county view, and the region kept in
IndexedDB across a reload, all without a request leaving the disk."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from start_calculators.qcew import bls_area_url
from support import SLOW, open_calculator, results

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FILES_2023 = sorted((ROOT / "calculators" / "src" / "start_calculators" / "data" / "qcew").glob("2023-annual-*.csv"))
BUILDER = "[data-region-builder]"


def test_the_region_builder_works_from_disk(page, offline_copy):
    url = (offline_copy / "calculators" / "location-quotient.html").as_uri()
    open_calculator(page, url, "location-quotient")
    builder = page.locator(BUILDER)
    builder.locator("[data-role=map] path[data-selected]").first.wait_for(timeout=SLOW)
    assert builder.locator("[data-role=map] path[data-selected]").count() == 10
    # Counties by name: a state from another script file, then one county.
    builder.locator("[data-action=clear-counties]").click()
    builder.locator("[data-role=state]").select_option(label="Kentucky")
    builder.locator("[data-role=map] path[data-fips^='21']").first.wait_for(timeout=SLOW)
    builder.locator("[data-role=county-search]").fill("Boone")
    builder.locator("[data-role=county-search]").press("Enter")
    hrefs = builder.locator("[data-role=bls-links] a[data-area]").evaluate_all("(as) => as.map((a) => a.href)")
    assert hrefs == [bls_area_url(2023, "21015"), bls_area_url(2023, "US000")]
    # One drop of the files: held back while Boone County, chosen, has none; used once it is removed.
    builder.locator("input[type=file][data-role=upload]").set_input_files([str(path) for path in FILES_2023])
    held = builder.locator("[data-role=files-summary][data-state=held]")
    held.filter(has_text="no file for Boone, Kentucky (21015), which you chose").wait_for(timeout=SLOW)
    builder.get_by_role("button", name="Remove Boone, Kentucky").click()
    builder.locator("[data-role=files-summary][data-state=loaded]").filter(has_text="10 counties × 1 year").wait_for(
        timeout=SLOW
    )
    page.locator("[data-role=source]").filter(has_text="your QCEW files").wait_for(timeout=SLOW)
    done = subprocess.run(
        [sys.executable, "-m", "start_calculators", "lq", "--qcew", *map(str, FILES_2023), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    expected = {row["industry_code"]: row["lq"] for row in json.loads(done.stdout)}
    shown = {code: cells["lq"] for code, cells in results(page, "industry_code").items()}
    assert shown.keys() == expected.keys()
    for code, value in expected.items():
        assert (shown[code] == "") if value is None else float(shown[code]) == pytest.approx(value, rel=1e-12)
    page.locator("[data-role=counties] tbody tr[data-status=suppressed]").first.wait_for(timeout=SLOW)
    # IndexedDB works from disk: a reload brings the region back.
    page.locator("[data-role=storage]").filter(has_text="Kept in this browser").wait_for(timeout=SLOW)
    page.reload()
    page.locator("[data-role=region-now]").filter(has_text="10 counties × 1 year").wait_for(timeout=SLOW)
    page.locator("[data-role=source]").filter(has_text="your QCEW files").wait_for(timeout=SLOW)
    foreign = [link for link in page.log.requests if link.split(":", 1)[0] not in {"file", "data", "blob"}]
    assert foreign == []
