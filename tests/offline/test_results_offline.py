"""The results side of the calculators in the offline copy, opened from file://: the sample's table
is in the page before the engine starts, the main-thread engine takes over for a change, and a
chart downloads as PNG (drawn through a data: image, which pages on disk may use)."""

import pytest
from support import SLOW, open_calculator, results

pytestmark = pytest.mark.browser

PNG = b"\x89PNG\r\n\x1a\n"


def test_the_offline_lq_page_shows_the_sample_at_once_and_recomputes(page, offline_copy, tmp_path):
    url = (offline_copy / "calculators" / "location-quotient.html").as_uri()
    page.goto(url)
    table = page.locator("table[data-role=results]")
    assert table.locator("tbody tr").count() > 50  # written into the page: no engine needed
    output = page.locator("[data-calculator=location-quotient] [data-role=output]")
    sample = results(page, "industry_code")
    open_calculator(page, url, "location-quotient")
    assert output.get_attribute("data-shown") == "prerendered"

    page.locator("[data-role=measure]").select_option("establishments")
    page.locator("[data-role=output][data-shown=engine]").wait_for(timeout=SLOW)
    assert page.locator("table[data-role=results] thead th[data-col=region_establishments]").count() == 1
    page.locator("[data-role=measure]").select_option("employment")
    page.locator("[data-role=output][data-shown=prerendered]").wait_for(timeout=SLOW)
    assert results(page, "industry_code") == sample

    chart = page.locator("[data-chart=lq]")
    chart.locator("svg").wait_for(timeout=SLOW)
    with page.expect_download() as png:
        chart.locator("[data-action=download-chart-png]").click()
    png.value.save_as(tmp_path / "chart.png")
    assert (tmp_path / "chart.png").read_bytes()[:8] == PNG
    assert chart.locator(".calc-error").is_hidden()
    assert all(url.split(":", 1)[0] in {"file", "data", "blob"} for url in page.log.requests)
