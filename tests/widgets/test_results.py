"""Results people can read, trust and hand on: charts with text alternatives and downloads, honest
suppression, reports that state their settings, printing, three measures, shift-share three ways,
several years. Every expected number comes from the Python package, never from the page.
"""

import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest
from support import CALCULATORS, SLOW, cli, results

pytestmark = pytest.mark.browser

PNG = b"\x89PNG\r\n\x1a\n"


def engine(page, fn, args):
    reply = page.evaluate("([fn, args]) => StartToolkit.runtime.call(fn, args)", [fn, args])
    assert reply["ok"], reply
    return reply["result"]


def wait_for_source(root, text):
    root.locator("[data-role=source]").filter(has_text=text).first.wait_for(timeout=SLOW)


def charts(root):
    return root.locator("[data-role=output] .calc-chart:not([hidden]), [data-role=lq-change] .calc-chart:not([hidden])")


# An SVG text's words, its lines (tspans) joined by spaces (innerText is for HTML only).
SVG_TEXTS = (
    "(nodes) => nodes.map((t) => (t.children.length ? [...t.children].map((s) => s.textContent)"
    " : [t.textContent]).join(' '))"
)


# --- Charts ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", CALCULATORS)
def test_every_chart_has_a_text_alternative_and_its_numbers_as_a_table(calculators, name):
    root = calculators.open(name)
    figures = root.locator(".calc-chart:not([hidden])")
    figures.first.locator("svg").wait_for(timeout=SLOW)
    assert figures.count() >= 1
    for figure in figures.all():
        drawing = figure.locator("svg")
        assert drawing.get_attribute("role") == "img"
        title = figure.locator(f"#{drawing.get_attribute('aria-labelledby')}").inner_text()
        summary = figure.locator(f"#{drawing.get_attribute('aria-describedby')}").inner_text()
        assert len(title) > 15 and len(summary) > 40, (name, title, summary)
        # The chart's numbers as a real table (folded under "details").
        data = figure.locator(".calc-chart__data table")
        assert data.locator("thead th").count() >= 2
        assert data.locator("tbody tr").count() >= 1
        # Every bar or bubble carries a tooltip naming it.
        assert drawing.locator("title").count() >= 1


def test_the_lq_bars_name_every_industry_and_the_chart_fits_its_box(calculators):
    root = calculators.open("location-quotient")
    page = calculators.page
    chart = root.locator("[data-chart=lq]")
    chart.locator("svg").wait_for(timeout=SLOW)
    drawn = [row for row in results(page, "industry_code").values() if row["lq"] != ""]
    labels = chart.locator("svg .calc-svg__label").evaluate_all(SVG_TEXTS)
    titles = {row["industry_title"] for row in drawn}
    assert len(labels) == len(drawn)
    # Long names wrap over lines (tspans) and are never cut.
    assert {" ".join(label.split()) for label in labels} == {" ".join(t.split()) for t in titles}
    width = chart.locator("svg").evaluate("svg => [svg.getBoundingClientRect().width, svg.parentNode.clientWidth]")
    assert abs(width[0] - width[1]) < 2
    # Every value label sits inside the drawing.
    assert chart.locator("svg").evaluate(
        "svg => [...svg.querySelectorAll('.calc-svg__value')]"
        ".every((t) => t.getBBox().x + t.getBBox().width <= svg.width.baseVal.value + 1)"
    )


def test_the_bubble_chart_labels_quadrants_and_lists_what_it_cannot_place(calculators):
    root = calculators.open("ranking")
    page = calculators.page
    chart = root.locator("[data-chart=bubbles]")
    chart.locator("svg").wait_for(timeout=SLOW)
    table = engine(page, "sample_region", {"as": "table"})
    names = [c["name"] for c in table["columns"]]
    growth = names.index("growth_percent")
    lacking = [row[names.index("industry_title")] for row in table["rows"] if row[growth] is None]
    placed = len(table["rows"]) - len(lacking)
    assert chart.locator("svg circle.calc-svg__bubble").count() == placed
    corners = chart.locator("svg .calc-svg__quadrant").evaluate_all(SVG_TEXTS)
    assert "Stars" in corners and set(corners) <= {"Stars", "Mature", "Emerging", "Transforming"}
    names = [item.split(" (")[0] for item in chart.locator("[data-role=quadrants] li").all_inner_texts()]
    assert names == ["Stars", "Mature", "Emerging", "Transforming"]
    assert chart.locator("svg .calc-svg__bubble-label").count() >= min(3, placed)
    left_out = chart.locator("[data-role=left-out]").first.inner_text()
    assert f"({len(lacking)})" in left_out and lacking[0] in left_out
    # The reference lines: at zero growth and at a location quotient of 1.0.
    assert chart.locator("svg .calc-svg__ref").count() == 2


def test_a_chart_downloads_as_png_and_as_svg_named_by_its_settings(calculators, tmp_path):
    root = calculators.open("location-quotient")
    page = calculators.page
    chart = root.locator("[data-chart=lq]")
    chart.locator("svg").wait_for(timeout=SLOW)
    with page.expect_download() as png:
        chart.locator("[data-action=download-chart-png]").click()
    with page.expect_download() as svg:
        chart.locator("[data-action=download-chart-svg]").click()
    assert png.value.suggested_filename == "start-lq-employment-columbus-oh-msa-2023-naics3-total-lq.png"
    assert svg.value.suggested_filename.endswith("-lq.svg")
    png.value.save_as(tmp_path / "c.png")
    svg.value.save_as(tmp_path / "c.svg")
    assert (tmp_path / "c.png").read_bytes()[:8] == PNG
    tree = ET.parse(tmp_path / "c.svg").getroot()
    ns = "{http://www.w3.org/2000/svg}"
    assert "Location quotient" in tree.find(f"{ns}title").text
    texts = " ".join(" ".join(t.itertext()) for t in tree.iter(f"{ns}text"))
    assert "Warehousing and Storage" in texts
    # The file carries its own colors: no class names, no stylesheet.
    assert not any(element.get("class") for element in tree.iter())
    assert any(element.get("fill", "").startswith("rgb") for element in tree.iter(f"{ns}rect"))


# --- Honest suppression --------------------------------------------------------------------------


def test_interval_bands_show_as_ranges_and_the_switch_keeps_published_rows(calculators):
    root = calculators.open("location-quotient")
    page = calculators.page
    expected = cli("lq", "--sample")
    shown = results(page, "industry_code")
    for record in expected:
        assert shown[record["industry_code"]]["band"] == (record["band"] or "")
    ranged = [r for r in expected if r["band"] and (" to " in r["band"] or "or higher" in r["band"])]
    assert ranged, "the sample has interval LQs whose ends fall in different bands"
    for record in ranged:
        cell = root.locator(f"tbody tr:has(th[data-value='{record['industry_code']}']) td[data-col=band]")
        assert cell.inner_text() == record["band"]
    summary = root.locator("[data-role=suppression]").first.inner_text()
    partial = sum(1 for r in expected if not r["fully_published"])
    assert summary.startswith(f"{partial} of {len(expected)} industries rest on partly suppressed data")
    assert root.locator("[data-role=suppression] a[href='#suppressed-figures']").first.is_visible()
    assert page.locator("#suppressed-figures").count() == 1
    assert "Rows sort by the location quotient shown" in root.locator("[data-role=sort-rule]").first.inner_text()
    # Partial rows carry marks on the figures that rest on the published part, and only they do.
    marked = root.locator("table[data-role=results] td.calc-partial")
    assert marked.count() == 3 * partial
    root.locator("[data-role=published-only]").first.check()
    published = results(page, "industry_code")
    assert len(published) == len(expected) - partial
    assert all(row["fully_published"] == "true" for row in published.values())
    root.locator("[data-role=published-only]").first.uncheck()
    assert len(results(page, "industry_code")) == len(expected)


def test_the_ranking_marks_factors_resting_on_partial_data_and_shows_half_ranks(calculators):
    root = calculators.open("ranking")
    page = calculators.page
    root.get_by_label("Ties").select_option("avg")
    root.locator("[data-action=calculate]").click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('table[data-role=results] td[data-col=rank_growth_percent]')]"
        ".some((td) => td.dataset.value.endsWith('.5'))",
        timeout=SLOW,
    )
    half = root.locator("table[data-role=results] td[data-col=rank_growth_percent]").filter(has_text=".5").first
    assert re.fullmatch(r"\d+\.5", half.inner_text())
    whole = root.locator("table[data-role=results] td[data-col=rank]").first
    assert re.fullmatch(r"\d+", whole.inner_text())
    partial_rows = root.locator("table[data-role=results] tr[data-partial]")
    assert partial_rows.count() > 0
    first = partial_rows.first
    for column in ("employment", "lq", "rank_employment", "rank_lq"):
        assert "calc-partial" in first.locator(f"[data-col={column}]").get_attribute("class")
    assert first.locator("[data-col=partial_data]").inner_text() == "Yes"
    whole_rows = root.locator("table[data-role=results] tbody tr:not([data-partial]) .calc-partial")
    assert whole_rows.count() == 0


# --- Reports that say what they are ----------------------------------------------------------


def test_downloads_state_area_years_vintage_level_measure_base_and_national_source(calculators, tmp_path):
    root = calculators.open("location-quotient")
    page = calculators.page
    with page.expect_download() as csv_file:
        root.locator("[data-role=output] [data-action=download-csv]").click()
    with page.expect_download() as xlsx_file:
        root.locator("[data-role=output] [data-action=download-xlsx]").click()
    assert csv_file.value.suggested_filename == "start-lq-employment-columbus-oh-msa-2023-naics3-total.csv"
    assert xlsx_file.value.suggested_filename == "start-lq-employment-columbus-oh-msa-2023-naics3-total.xlsx"
    csv_file.value.save_as(tmp_path / "lq.csv")
    xlsx_file.value.save_as(tmp_path / "lq.xlsx")
    lines = (tmp_path / "lq.csv").read_text(encoding="utf-8").splitlines()
    about = dict(line[2:].split(": ", 1) for line in lines if line.startswith("# "))
    assert about["Area"] == "Columbus, OH Metropolitan Statistical Area"
    assert about["Counties (FIPS)"].startswith("39041, 39045, 39049")
    assert about["Years"] == "2023"
    assert "preliminary" in about["Vintage"]
    assert about["Industry level"] == "3-digit NAICS subsectors"
    assert about["Measure"].startswith("Employment")
    assert about["Base"].startswith("all industries, all ownerships")
    assert about["National shares"].startswith("inferred")
    table = list(csv.DictReader(io.StringIO("\n".join(line for line in lines if not line.startswith("#")))))
    assert len(table) == len(results(page, "industry_code"))
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "lq.xlsx")
    assert book.sheetnames == ["Results", "About"]
    settings = {row[0].value: row[1].value for row in book["About"].iter_rows(min_row=2)}
    assert {key: settings[key] for key in about} == about
    # The page says the same above the table.
    shown = root.locator("[data-role=output] [data-role=about]").inner_text()
    for label in ("Area", "Years", "Vintage", "Industry level", "Measure", "Base", "National shares"):
        assert label in shown and about[label] in shown


def test_printing_a_calculator_prints_its_settings_and_results_not_its_form(calculators, tmp_path):
    root = calculators.open("location-quotient")
    page = calculators.page
    size = page.viewport_size
    # A Letter page less its 12 mm margins is about 720 CSS pixels wide.
    page.set_viewport_size({"width": 720, "height": 1000})
    page.emulate_media(media="print")
    try:
        for selector in ("[data-role=status]", "[data-action=load-sample]", "select", "input[type=file]", "button"):
            assert all(not element.is_visible() for element in root.locator(selector).all()), selector
        assert root.locator("[data-role=output] [data-role=about]").is_visible()
        assert root.locator("table[data-role=results]").is_visible()
        # The table fits the printed page's width: nothing scrolls or is cut off.
        wrap = root.locator("[data-role=output] .calc-results-block > .calc-table-wrap")
        assert wrap.evaluate("node => node.scrollWidth <= node.clientWidth + 1")
        pdf = page.pdf(path=str(tmp_path / "lq.pdf"), format="Letter")
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert 1 < pages < 13, pages  # 13 pages, with columns cut off, before the print rules
    finally:
        page.emulate_media(media="screen")
        page.set_viewport_size(size)


# --- Three measures, shift-share three ways, several years ----------------------------------------


@pytest.mark.parametrize("measure", ["establishments", "wages"])
def test_the_measure_switch_computes_that_measures_location_quotients(calculators, measure):
    root = calculators.open("location-quotient")
    page = calculators.page
    root.locator("[data-role=measure]").select_option(measure)
    root.locator(f"table[data-role=results] thead th[data-col=region_{measure}]").wait_for(timeout=SLOW)
    expected = {r["industry_code"]: r for r in cli("lq", "--sample", "--measure", measure)}
    shown = results(page, "industry_code")
    assert shown.keys() == expected.keys()
    for code, record in expected.items():
        value = shown[code]["lq"]
        assert (value == "") if record["lq"] is None else float(value) == pytest.approx(record["lq"], rel=1e-12)
    assert measure in root.locator("[data-role=output]").get_attribute("data-files")


@pytest.mark.parametrize("method", ["esteban-marquillas", "dynamic"])
def test_shift_share_methods_add_up_and_say_reference_area(calculators, method):
    root = calculators.open("shift-share")
    page = calculators.page
    root.locator("[data-role=method]").select_option(method)
    page.locator("[data-role=output][data-shown=engine]").wait_for(timeout=SLOW)
    headers = root.locator("table[data-role=results] thead th").all_inner_texts()
    assert any("Reference area" in h or "Reference-area" in h for h in headers)
    parts = ["national_effect", "industry_mix_effect", "competitive_effect"]
    if method == "esteban-marquillas":
        parts.append("allocation_effect")
        assert "homothetic_employment" in [c for c in results(page, "industry_code")["23"]]
    expected = {r["industry_code"]: r for r in cli("shift-share", "--sample", "--method", method)}
    for code, row in results(page, "industry_code").items():
        if any(row[column] == "" for column in [*parts, "total_change"]):
            assert expected[code]["competitive_effect"] is None or row["total_change"] == ""
            continue
        assert sum(float(row[p]) for p in parts) == pytest.approx(float(row["total_change"]), abs=1e-6)
        assert float(row["competitive_effect"]) == pytest.approx(expected[code]["competitive_effect"], rel=1e-12)
    assert root.locator("[data-chart=shift] svg .calc-svg__s0").count() > 0


def test_lq_change_over_a_chosen_span_flags_crossings(calculators):
    root = calculators.open("location-quotient")
    page = calculators.page
    years = root.locator("[data-role=years]")
    years.locator("table[data-role=lq-change-results]").wait_for(state="attached", timeout=SLOW)
    # The span is the region's, chosen in the region builder above the calculator.
    span_start = page.locator("[data-region-builder] [data-role=span-start]")
    assert span_start.input_value() == "2020"
    span_start.select_option("2021")
    years.locator("[data-role=lq-change][data-shown=engine]").wait_for(state="attached", timeout=SLOW)
    expected = engine(
        page,
        "sample_region",
        {"as": "lq_change", "years": ["2020", "2021", "2022", "2023"], "start_year": "2021", "end_year": "2023"},
    )
    names = [c["name"] for c in expected["columns"]]
    shown = page.evaluate(
        "() => [...document.querySelectorAll('table[data-role=lq-change-results] tbody tr')].map((tr) =>"
        " Object.fromEntries([...tr.cells].map((c) => [c.dataset.col, c.dataset.value])))"
    )
    assert len(shown) == len(expected["rows"])
    by_code = {row["industry_code"]: row for row in shown}
    for row in expected["rows"]:
        cells = by_code[row[names.index("industry_code")]]
        assert cells["crossing"] == (row[names.index("crossing")] or "")
    flagged = [row for row in expected["rows"] if row[names.index("crossing")]]
    chart_flags = years.locator("[data-chart=lq-change] svg .calc-svg__flag").all_text_contents()
    assert sorted(chart_flags) == sorted(row[names.index("crossing")] for row in flagged)


def test_growth_follows_the_chosen_span_and_the_trend_draws_chosen_industries(calculators):
    root = calculators.open("growth")
    page = calculators.page
    page.locator("[data-region-builder] [data-role=span-start]").select_option("2022")
    page.locator("[data-role=output][data-shown=engine]").wait_for(timeout=SLOW)
    expected = engine(
        page,
        "sample_region",
        {"as": "growth", "min_size": "250", "years": ["2020", "2021", "2022", "2023"], "start_year": "2022"},
    )
    names = [c["name"] for c in expected["columns"]]
    shown = results(page, "industry_code")
    for row in expected["rows"]:
        cells = shown[row[names.index("industry_code")]]
        for column in ("start", "end", "change", "percent_change", "annualized_percent"):
            value = row[names.index(column)]
            if value is None:
                assert cells[column] == ""
            else:
                assert float(cells[column]) == pytest.approx(value, rel=1e-12)
    assert "2022 to 2023" in root.locator("[data-role=output] [data-role=about]").inner_text()
    trend = root.locator("[data-role=trend]")
    lines = trend.locator("[data-chart=trend] svg .calc-svg__line")
    assert lines.count() == 5
    trend.locator("[data-role=trend-industries] input:not(:checked)").first.check()
    page.wait_for_function(
        "() => document.querySelectorAll('[data-chart=trend] svg .calc-svg__line').length === 6", timeout=SLOW
    )
    assert trend.locator("[data-role=trend-industries] input:disabled").count() > 0  # six at most
