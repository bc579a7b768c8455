"""The region builder in Chromium: counties by name and on the map, BLS links, one drop zone for every
file, results equal to the CLI, refused drops, the per-county view.

Most tests share the warm calculator page (each `calculators.open` puts the region back to the sample);
tests about reloads and storage are in test_region_storage.py.
"""

from pathlib import Path

import pytest
from start_calculators.counties import county_view
from start_calculators.qcew import bls_area_url
from start_calculators.sample import SAMPLE_COUNTIES
from support import SLOW, cli, follow_link, results, wait_for_results

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "calculators" / "src" / "start_calculators" / "data" / "qcew"
ALL_FILES = sorted(DATA.glob("20*-annual-*.csv"))
SAMPLE_FIPS = [fips for fips, _ in SAMPLE_COUNTIES]
BUILDER = "[data-region-builder]"


def assert_matches_cli(widget, expected, key, columns):
    """Every CLI row is in the page with the same unrounded numbers; missing stays missing."""
    assert len(widget) == len(expected)
    for record in expected:
        row = widget[str(record[key])]
        for column in columns:
            if record[column] is None:
                assert row[column] == "", (record[key], column)
            else:
                assert float(row[column]) == pytest.approx(record[column], rel=1e-12, abs=1e-12), (record[key], column)


def links(page):
    return page.locator(f"{BUILDER} [data-role=bls-links] a[data-area]").evaluate_all("(as) => as.map((a) => a.href)")


def selected(page):
    return page.locator(f"{BUILDER} [data-role=map] path[data-selected]").evaluate_all(
        "(paths) => paths.map((p) => p.dataset.fips).sort()"
    )


def drop(page, files):
    """Give the drop zone files at once and wait for its summary to settle."""
    page.locator(f"{BUILDER} input[type=file][data-role=upload]").set_input_files([str(path) for path in files])
    summary = page.locator(f"{BUILDER} [data-role=files-summary]")
    summary.locator("xpath=self::*[@data-state='loaded' or @data-state='held' or @data-state='failed']").wait_for(
        timeout=SLOW
    )
    return summary


def test_the_builder_opens_with_the_sample_counties_links_and_map(calculators):
    calculators.open("location-quotient")
    page = calculators.page
    page.locator(f"{BUILDER} [data-role=map] path[data-fips]").first.wait_for(timeout=SLOW)
    assert page.locator(f"{BUILDER} [data-role=state]").input_value() == "39"
    assert selected(page) == sorted(SAMPLE_FIPS)
    expected = [bls_area_url(2023, fips) for fips in SAMPLE_FIPS] + [bls_area_url(2023, "US000")]
    assert links(page) == expected
    # The sample is described on the page in the package's own words.
    info = page.locator(f"{BUILDER} [data-role=sample-info]")
    info.locator("p").first.wait_for(timeout=SLOW)
    text = info.inner_text()
    assert "Columbus, OH Metropolitan Statistical Area" in text and "preliminary" in text
    assert "commuting" in text and "Licking (39089)" in text
    assert "open-data files for the latest five years" in page.locator(f"{BUILDER} [data-role=bls-links]").inner_text()


def test_choosing_ohio_and_franklin_county_by_name_gives_its_download_link(calculators):
    calculators.open("growth")
    page = calculators.page
    builder = page.locator(BUILDER)
    builder.locator("[data-action=clear-counties]").click()
    assert links(page) == [bls_area_url(2023, "US000")]
    builder.locator("[data-role=state]").select_option(label="Indiana")
    builder.locator("[data-role=state]").select_option(label="Ohio")
    search = builder.locator("[data-role=county-search]")
    search.fill("frank")
    option = builder.get_by_role("option", name="Franklin")
    option.wait_for()
    assert search.get_attribute("aria-expanded") == "true"
    search.press("ArrowDown")
    assert search.get_attribute("aria-activedescendant") == option.get_attribute("id")
    search.press("Enter")
    assert links(page) == [bls_area_url(2023, "39049"), bls_area_url(2023, "US000")]
    assert "Franklin, Ohio (39049)" in builder.locator("[data-role=chosen]").inner_text()
    # The map marks it, and says so to assistive technology.
    assert selected(page) == ["39049"]
    franklin = builder.locator("[data-role=map] path[data-fips='39049']")
    assert franklin.get_attribute("aria-checked") == "true" and franklin.get_attribute("aria-label") == "Franklin"
    # Another year gives that year's files.
    builder.locator("[data-role=link-year]").select_option("2021")
    assert links(page) == [bls_area_url(2021, "39049"), bls_area_url(2021, "US000")]


def test_the_map_toggles_counties_by_click_and_keyboard(calculators):
    calculators.open("growth")
    page = calculators.page
    builder = page.locator(BUILDER)
    builder.locator("[data-action=clear-counties]").click()
    builder.locator("[data-role=map] path[data-fips='39041']").click()  # Delaware
    assert selected(page) == ["39041"]
    # The map is one tab stop: the first county (Adams) takes the focus, the arrows move on.
    first = builder.locator("[data-role=map] path[tabindex='0']")
    assert first.count() == 1
    first.focus()
    page.keyboard.press("ArrowRight")  # Allen, next by name
    focused = page.evaluate("document.activeElement.dataset.fips")
    assert focused == "39003"
    page.keyboard.press("Enter")
    page.keyboard.press("End")
    page.keyboard.press(" ")
    assert selected(page) == ["39003", "39041", "39175"]  # Allen, Delaware, Wyandot (last by name)
    outline = builder.locator("[data-role=map] .region-map__outline")
    assert outline.get_attribute("data-visible") == "" and outline.get_attribute("d")
    builder.locator("[data-role=map] path[data-fips='39041']").click()
    assert selected(page) == ["39003", "39175"]


def test_dropping_the_sample_files_at_once_gives_a_summary_and_the_cli_results(calculators):
    calculators.open("location-quotient")
    page = calculators.page
    summary = drop(page, ALL_FILES)
    assert len(ALL_FILES) == 40
    assert summary.get_attribute("data-state") == "loaded"
    assert "10 counties × 4 years" in summary.inner_text()
    assert "no national file for 2020, 2021, 2022 and 2023" in summary.inner_text()
    page.locator("[data-role=region-now]").filter(has_text="10 counties × 4 years").wait_for()
    page.locator("[data-role=source]").filter(has_text="your QCEW files").wait_for(timeout=SLOW)
    expected = cli("lq", "--qcew", *ALL_FILES)
    assert_matches_cli(
        results(page, "industry_code"), expected, "industry_code", ["region_employment", "lq", "lq_high"]
    )
    # The same region on the next calculator: growth over the whole span, as the CLI computes it.
    follow_link(page, f"{calculators.site_url}calculators/growth/")
    wait_for_results(page, "growth")
    page.locator("[data-role=region-used]").filter(has_text="10 counties × 4 years").wait_for()
    page.locator("[data-calculator=growth] [data-role=output] > [data-role=source]").filter(
        has_text="your region"
    ).wait_for(timeout=SLOW)
    expected = cli("growth", "--qcew", *ALL_FILES, "--min-size", "250")
    assert_matches_cli(results(page, "industry_code"), expected, "industry_code", ["start", "end", "percent_change"])


def test_a_refused_drop_names_the_problem_and_keeps_the_region(calculators, tmp_path):
    calculators.open("location-quotient")
    page = calculators.page
    drop(page, [path for path in ALL_FILES if path.name.startswith("2023")])
    page.locator("[data-role=source]").filter(has_text="your QCEW files").wait_for(timeout=SLOW)
    before = results(page, "industry_code")
    # 2022 without Morrow County: the files are held back, the problem names the county and the year.
    partial = [path for path in ALL_FILES if path.name.startswith("2022") and "39117" not in path.name]
    summary = drop(page, partial)
    assert summary.get_attribute("data-state") == "held"
    text = summary.inner_text()
    assert "39117" in text and "2022" in text and "Nothing was lost" in text
    assert "10 counties × 1 year" in page.locator("[data-role=region-now]").inner_text()
    assert results(page, "industry_code") == before
    # A file that is not QCEW at all: named, and still nothing lost.
    bad = tmp_path / "notes.csv"
    bad.write_text("name,value\nsomething,1\n")
    summary = drop(page, [bad])
    assert "notes.csv" in summary.inner_text()
    summary.locator("[data-action=discard-files]").click()
    summary.locator("xpath=self::*[@data-state='loaded']").wait_for()
    assert "10 counties × 1 year" in summary.inner_text()
    assert results(page, "industry_code") == before


def test_completing_a_held_set_puts_it_to_use(calculators):
    calculators.open("location-quotient")
    page = calculators.page
    first = [path for path in ALL_FILES if path.name.startswith("2022") and "39117" not in path.name]
    first += [path for path in ALL_FILES if path.name.startswith("2023")]
    assert drop(page, first).get_attribute("data-state") == "held"
    summary = drop(page, [DATA / "2022-annual-39117.csv"])
    assert summary.get_attribute("data-state") == "loaded"
    assert "10 counties × 2 years" in summary.inner_text()
    span = page.locator(f"{BUILDER} [data-role=span]")
    assert span.locator("[data-role=span-start]").input_value() == "2022"
    assert span.locator("[data-role=span-end]").input_value() == "2023"


def test_the_per_county_view_marks_suppressed_counties(calculators):
    calculators.open("location-quotient")
    page = calculators.page
    view = page.locator("[data-county-view]")
    table = view.locator("table[data-role=counties]")
    table.locator("tbody tr").first.wait_for(timeout=SLOW)
    expected = county_view([(p.name, p.read_text()) for p in ALL_FILES if p.name.startswith("2023")], "622")
    status = {row[0]: row[expected.names.index("status")] for row in expected.rows}
    suppressed = sorted(area for area, value in status.items() if value == "suppressed")
    assert suppressed, "the sample's hospitals are suppressed in some counties"
    rows = table.locator("tbody tr[data-status=suppressed]")
    assert sorted(rows.evaluate_all("(rows) => rows.map((r) => r.dataset.fips)")) == suppressed
    for index in range(rows.count()):
        assert rows.nth(index).locator("[data-col=employment]").inner_text() == "suppressed"
    # The map hatches them (a pattern, not a color alone) and the legend says so in words.
    hatched = view.locator("[data-role=county-map] path[data-shade=suppressed]")
    assert sorted(hatched.evaluate_all("(ps) => ps.map((p) => p.dataset.fips)")) == suppressed
    assert hatched.first.get_attribute("fill").startswith("url(#")
    assert (
        f"suppressed by BLS (figure withheld) ({len(suppressed)} counties)"
        in view.locator("[data-role=county-legend]").inner_text()
    )
    franklin = view.locator("[data-role=county-map] path[data-fips='39049']")
    assert franklin.get_attribute("data-shade") == "band-1" and "average" in franklin.get_attribute("aria-label")
    # Another industry redraws both.
    view.locator("[data-role=county-industry]").select_option("611")
    table.locator("caption").filter(has_text="611").wait_for(timeout=SLOW)
    assert view.locator("[data-role=county-map] path[data-shade]").count() == 10


def test_a_national_file_of_another_year_and_two_regions_are_named(calculators):
    calculators.open("location-quotient")
    page = calculators.page
    national = ROOT / "tests" / "data" / "qcew" / "2024-q1-US000.csv"
    summary = drop(page, [path for path in ALL_FILES if path.name.startswith("2023")] + [national])
    assert summary.get_attribute("data-state") == "held"
    assert "national file 2024-q1-US000.csv is for 2024-Q1" in summary.inner_text()
    summary.locator("[data-action=discard-files]").click()
    # Delaware County in 2022 and Franklin County in 2023: not one region over two years.
    mixed = [DATA / "2022-annual-39041.csv", DATA / "2023-annual-39049.csv"]
    summary = drop(page, mixed)
    assert summary.get_attribute("data-state") == "held"
    assert "of two different regions are mixed" in summary.inner_text()
    # Removing one file from the held set settles it.
    summary.get_by_role("button", name="Remove 2022-annual-39041.csv").click()
    summary.locator("xpath=self::*[@data-state='loaded']").wait_for(timeout=SLOW)
    assert "1 county × 1 year" in summary.inner_text()


def test_files_dragged_onto_the_drop_zone_are_taken(calculators):
    calculators.open("ranking")
    page = calculators.page
    files = [{"name": path.name, "text": path.read_text()} for path in ALL_FILES if path.name.startswith("2021")]
    page.locator(f"{BUILDER} [data-role=drop-zone]").evaluate(
        """(zone, files) => {
            const data = new DataTransfer();
            for (const file of files) data.items.add(new File([file.text], file.name, { type: 'text/csv' }));
            for (const type of ['dragenter', 'dragover', 'drop']) {
                zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
            }
        }""",
        files,
    )
    summary = page.locator(f"{BUILDER} [data-role=files-summary][data-state=loaded]")
    summary.filter(has_text="10 counties × 1 year").wait_for(timeout=SLOW)
    page.locator("[data-calculator=ranking] [data-role=source]").filter(has_text="10 counties × 1 year").wait_for(
        timeout=SLOW
    )
