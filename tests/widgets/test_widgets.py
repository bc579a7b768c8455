"""The four calculator widgets in Chromium: samples match the CLI, uploads, errors, safety, reload, privacy.

Most tests share one warm page (the `calculators` fixture): the engine starts once and each test
moves to its calculator through the site's own links. Tests about a start or a reload load their
own page.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from support import CALCULATORS, SLOW, cli, follow_link, open_calculator, results, wait_for_results

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
# The sample's county files of its latest year: what a reader of the Columbus MSA would upload.
SAMPLE = sorted((ROOT / "calculators" / "src" / "start_calculators" / "data" / "qcew").glob("2023-annual-*.csv"))


def assert_same(widget, expected, key, columns):
    """Every CLI row appears in the widget with the same unrounded numbers (missing stays missing)."""
    assert len(widget) == len(expected)
    for record in expected:
        row = widget[str(record[key])]
        for column in columns:
            value = record[column]
            if value is None:
                assert row[column] == "", (record[key], column)
            else:
                assert float(row[column]) == pytest.approx(value, rel=1e-12, abs=1e-12), (record[key], column)


def test_location_quotient_sample_matches_the_cli(calculators):
    calculators.open("location-quotient")
    page = calculators.page
    assert_same(
        results(page, "industry_code"),
        cli("lq", "--sample"),
        "industry_code",
        ["region_employment", "lq", "lq_low", "lq_high"],
    )
    assert "Columbus, OH Metropolitan Statistical Area" in page.locator("[data-role=source]").first.inner_text()


def test_uploading_the_county_files_matches_the_cli(calculators):
    root = calculators.open("location-quotient")
    page = calculators.page
    root.get_by_label("Industry level").select_option("sector")
    # County files go in through the region builder's drop zone (web/calculators/region/).
    page.locator("[data-region-builder] input[type=file][data-role=upload]").set_input_files([str(p) for p in SAMPLE])
    page.locator("[data-role=source]").filter(has_text="your QCEW files").first.wait_for(timeout=SLOW)
    expected = cli("lq", "--qcew", *SAMPLE, "--level", "sector")
    assert_same(results(page, "industry_code"), expected, "industry_code", ["region_employment", "lq"])


def test_a_bad_upload_shows_an_error_and_keeps_the_table(calculators, tmp_path):
    calculators.open("location-quotient")
    page = calculators.page
    before = results(page, "industry_code")
    bad = tmp_path / "not-qcew.csv"
    bad.write_text("name,value\nsomething,1\n")
    builder = page.locator("[data-region-builder]")
    builder.locator("input[type=file][data-role=upload]").set_input_files(str(bad))
    error = builder.locator("[data-role=files-summary][data-state=held]")
    error.wait_for(state="visible", timeout=SLOW)
    assert "not-qcew.csv" in error.inner_text()
    assert results(page, "industry_code") == before


def test_ranking_sample_matches_the_cli(calculators):
    calculators.open("ranking")
    page = calculators.page
    expected = cli("rank", "--sample", "--missing", "last", "--highlight", "top")
    titles = {row["industry_code"]: row["industry_title"] for row in cli("table", "--sample")}
    for record in expected:
        record["industry_title"] = titles[record["industry_code"]]
    assert_same(
        results(page, "industry_title"),
        expected,
        "industry_title",
        ["employment", "lq", "rank_employment", "rank_lq", "score", "rank"],
    )


def test_growth_sample_matches_the_cli(calculators):
    calculators.open("growth")
    page = calculators.page
    assert_same(
        results(page, "industry_code"),
        cli("growth", "--sample", "--min-size", "250"),
        "industry_code",
        ["start", "end", "percent_change", "annualized_percent"],
    )


def test_shift_share_sample_matches_the_cli(calculators):
    calculators.open("shift-share")
    page = calculators.page
    assert_same(
        results(page, "industry_code"),
        cli("shift-share", "--sample"),
        "industry_code",
        ["region_start", "region_end", "national_effect", "industry_mix_effect", "competitive_effect"],
    )


def test_an_industry_name_is_shown_as_text_and_never_run(calculators):
    page = calculators.page
    dialogs = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    root = calculators.open("growth")
    name = "<img src=x onerror=alert(1)>"
    cells = root.locator(".calc-grid input")
    cells.nth(0).fill(name)
    cells.nth(1).fill("50")
    cells.nth(2).fill("100")
    root.locator("[data-action=calculate]").click()
    cell = root.locator("table[data-role=results] tbody th[data-col=industry]")
    cell.filter(has_text=name).wait_for(timeout=SLOW)
    assert cell.first.inner_text() == name
    assert root.locator("table[data-role=results] img").count() == 0
    # No <img> was made anywhere, so no onerror handler can ever run.
    assert page.evaluate("document.querySelectorAll('img[src=x]').length") == 0
    page.remove_listener("dialog", on_dialog)
    assert dialogs == []


def test_reload_restores_the_users_table(page, site_url):
    root = open_calculator(page, f"{site_url}calculators/growth/", "growth")
    cells = root.locator(".calc-grid input")
    for index, value in enumerate(["Widgets", "1,000", "1,210", "2"]):
        cells.nth(index).fill(value)
    root.locator("[data-action=calculate]").click()
    root.locator("table[data-role=results] tbody th[data-col=industry]").filter(has_text="Widgets").wait_for(
        timeout=SLOW
    )
    page.reload()
    root = page.locator("[data-calculator=growth]")
    root.locator("table[data-role=results] tbody th[data-col=industry]").filter(has_text="Widgets").wait_for(
        timeout=SLOW
    )
    row = results(page, "industry")["Widgets"]
    assert float(row["annualized_percent"]) == pytest.approx(10.0)
    assert root.locator(".calc-grid input").nth(0).input_value() == "Widgets"


def test_a_chapter_page_downloads_nothing_of_the_calculators(page, site_url):
    """Every browser page is checked for other hosts when its test ends; here: no Pyodide bytes."""
    page.goto(site_url + "02-regional-needs-assessment/target-industry-identification/")
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("assets/web/site.js") for url in page.log.requests), page.log.requests
    calculator_parts = ("/assets/pyodide/", "/assets/web/calculators.js", "/assets/web/worker.js")
    assert [url for url in page.log.requests if any(part in url for part in calculator_parts)] == []


def test_moving_between_calculators_keeps_the_engine_running(page, site_url):
    """From a chapter to a calculator and on to the others, through links (Material's instant
    navigation): Python starts once, and every calculator answers."""
    page.goto(site_url + "02-regional-needs-assessment/target-industry-identification/")
    page.evaluate("window.__sameDocument = true")  # gone if a page were loaded in full
    for name in CALCULATORS:
        follow_link(page, f"{site_url}calculators/{name}/")
        wait_for_results(page, name)
    assert page.evaluate("window.__sameDocument") is True
    workers = [url for url in page.log.requests if url.endswith("/assets/web/worker.js")]
    assert len(workers) == 1, workers
    assert page.evaluate("StartToolkit.runtime.ready().then(() => 'ready')") == "ready"


def test_a_failed_start_says_so_and_retry_recovers(page, site_url):
    page.context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(f"{site_url}calculators/growth/")
    root = page.locator("[data-calculator=growth]")
    status = root.locator("[data-role=status]")
    status.filter(has_text="did not start").wait_for(timeout=SLOW)
    retry = root.locator("[data-action=retry]")
    assert retry.is_visible()
    # The site search waits for the engine on a calculator page; a failed engine releases it too.
    assert any("/assets/web/search-worker.js?worker=search." in url for url in page.log.requests)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("intermediary")
    expect(page.locator(".md-search-result__meta")).to_have_text(
        re.compile(r"^\d+ matching documents?$"), timeout=30000
    )
    page.keyboard.press("Escape")
    page.context.unroute("**/pyodide.asm.wasm")
    retry.click()
    status.filter(has_text="Ready").wait_for(timeout=SLOW)
    root.locator("table[data-role=results] tbody tr").first.wait_for(timeout=SLOW)
    assert not retry.is_visible()


def test_the_lq_table_mode_takes_pasted_rows_and_matches_the_published_example(calculators, tmp_path):
    root = calculators.open("location-quotient")
    page = calculators.page
    root.get_by_label("A table you enter").check()
    assert root.locator("[data-role=upload]").is_hidden()
    first_cell = root.locator(".calc-grid input").first
    first_cell.evaluate("""(cell) => {
        const data = new DataTransfer();
        data.setData('text/plain', 'Worked example\\t1,714\\t879,213\\nAnother\\t10\\t100\\n');
        cell.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
    }""")
    root.locator("[data-role=region-total]").fill("79,006")
    root.locator("[data-role=nation-total]").fill("15593224")
    root.locator("[data-action=calculate]").click()
    root.locator("table[data-role=results] tbody th[data-col=industry]").filter(has_text="Another").wait_for(
        timeout=SLOW
    )
    table = tmp_path / "example.csv"
    table.write_text("industry,region_employment,nation_employment\nWorked example,1714,879213\nAnother,10,100\n")
    expected = cli("lq", "--table", table, "--region-total", "79006", "--nation-total", "15593224")
    widget = results(page, "industry")
    assert_same(widget, expected, "industry", ["lq"])
    assert float(widget["Worked example"]["lq"]) == pytest.approx(0.3847623, abs=5e-8)


def test_ranking_downloads_csv_and_xlsx_of_what_it_shows(calculators, tmp_path):
    root = calculators.open("ranking")
    page = calculators.page
    shown = results(page, "industry_title")
    with page.expect_download() as csv_download:
        root.locator("[data-action=download-csv]").click()
    with page.expect_download() as xlsx_download:
        root.locator("[data-action=download-xlsx]").click()
    csv_path, xlsx_path = tmp_path / "r.csv", tmp_path / "r.xlsx"
    csv_download.value.save_as(csv_path)
    xlsx_download.value.save_as(xlsx_path)
    import csv as csv_module

    # The settings come first, as "# label: value" lines; the table follows.
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ")
    rows = list(csv_module.DictReader(line for line in lines if not line.startswith("#")))
    assert {row["industry_title"]: float(row["score"]) for row in rows} == pytest.approx(
        {title: float(cells["score"]) for title, cells in shown.items()}
    )
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx_path).active
    header = [cell.value for cell in sheet[1]]
    assert "score" in header and sheet.max_row == len(shown) + 1
