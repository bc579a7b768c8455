"""browser.py: the JSON protocol the widgets use, errors as ok:false, CSV and XLSX exports."""

import base64
import io
import json

import openpyxl
import pytest
from calc_support import sample_paths
from sample_support import COUNTIES, msa_paths
from start_calculators import browser


def ask(fn, **args):
    response = json.loads(browser.call(json.dumps({"id": "r1", "fn": fn, "args": args})))
    assert response["id"] == "r1"
    return response


def result(fn, **args):
    response = ask(fn, **args)
    assert response["ok"], response
    return response["result"]


def records(table):
    names = [column["name"] for column in table["columns"]]
    return [dict(zip(names, row, strict=True)) for row in table["rows"]]


def test_lq_table_round_trip():
    table = result(
        "lq_table",
        rows=[{"industry": "Widgets", "region_employment": "1,714", "nation_employment": 879213}],
        region_total="79,006",
        nation_total=15593224,
    )
    assert {"name", "label", "kind", "format"} <= set(table["columns"][0])
    row = records(table)[0]
    assert round(row["lq"], 7) == 0.3847623 and row["band"] == "low"


def test_lq_table_from_pasted_csv():
    table = result(
        "lq_table", csv="industry,region_employment,nation_employment\nA,10,100\n", region_total=100, nation_total=1000
    )
    assert records(table)[0]["lq"] == pytest.approx(1.0)


def test_errors_come_back_with_file_row_and_column():
    response = ask(
        "lq_table",
        csv="industry,region_employment,nation_employment\nA,x7,100\n",
        name="mine.csv",
        region_total=100,
        nation_total=1000,
    )
    assert response["ok"] is False
    error = response["error"]
    assert (error["file"], error["row"], error["column"]) == ("mine.csv", 2, "region_employment")
    assert error["message"].startswith('mine.csv, row 2, column "Region employment": expected')
    assert error["message"].count("mine.csv") == 1 and error["label"] == "Region employment"


def test_grid_rows_errors_count_from_one():
    response = ask(
        "lq_table",
        rows=[
            {"industry": "A", "region_employment": 1, "nation_employment": 2},
            {"industry": "B", "region_employment": "x", "nation_employment": 2},
        ],
        region_total=100,
        nation_total=1000,
    )
    assert response["error"]["row"] == 2 and response["error"]["column"] == "region_employment"


def test_qcew_upload_matches_the_sample():
    files = [{"name": p.name, "text": p.read_text(encoding="utf-8")} for p in msa_paths()]
    uploaded = result("lq_qcew", files=files, base="total", level="3")
    sample = result("sample_region", **{"as": "lq"})
    assert uploaded["rows"] == sample["rows"]
    assert "Columbus, OH Metropolitan Statistical Area" in sample["meta"]["label"]
    shipped = result("sample_region")
    assert [f["name"] for f in shipped["files"]] == [p.name for p in msa_paths()]


def test_a_bad_upload_names_the_file():
    response = ask("lq_qcew", files=[{"name": "notes.txt", "text": "hello,world\n1,2\n"}])
    assert response["ok"] is False and response["error"]["file"] == "notes.txt"
    assert response["error"]["row"] == 1


def test_growth_functions():
    single = records(result("growth", start=50, end=100, years=5))[0]
    assert single["percent_change"] == pytest.approx(100)
    table = records(result("growth_table", rows=[{"industry": "A", "start": 10, "end": 11}]))
    assert table[0]["percent_change"] == pytest.approx(10)


def test_rank_from_an_industry_table_result():
    files = [{"name": p.name, "text": p.read_text(encoding="utf-8")} for p in sample_paths()]
    industries = result("industry_table", files=files, projected={"238": 3.5})
    ranked = result(
        "rank",
        table=industries,
        key="industry_code",
        factors=["employment", "avg_annual_pay", "lq"],
        weights={"employment": 2},
        ties="avg",
        highlight="top",
        top_n=5,
    )
    rows = records(ranked)
    assert rows[0]["industry_title"]
    tops = [row for row in rows if row["highlight"]]
    assert tops and all(row["rank"] <= 5 for row in tops)


def test_shift_share_table_and_missing_nation():
    table = result(
        "shift_share",
        rows=[{"industry": "A", "region_start": 100, "region_end": 150, "nation_start": 1000, "nation_end": 1200}],
        nation_total_start=10000,
        nation_total_end=11000,
    )
    assert records(table)[0]["competitive_effect"] == pytest.approx(30)
    files = [{"name": p.name, "text": p.read_text(encoding="utf-8")} for p in sample_paths()[:1]]
    response = ask("shift_share", files=files)
    assert response["ok"] is False and "national" in response["error"]["message"]


def test_csv_export_guards_against_formulas():
    table = {
        "columns": [{"name": "industry", "kind": "text"}, {"name": "lq"}],
        "rows": [['=HYPERLINK("x")', -1.5], ["+cmd", 2], ["@sum", None], ["-x", 0], ["Fine", 1]],
    }
    text = result("to_csv", table=table)
    lines = text.splitlines()
    assert lines[1].startswith("\"'=HYPERLINK") and lines[1].endswith(",-1.5")
    assert lines[2].startswith("'+cmd") and lines[3] == "'@sum," and lines[4] == "'-x,0"
    assert lines[5] == "Fine,1"


def test_xlsx_export_reads_back_with_openpyxl():
    table = {
        "columns": ["industry", "lq", "highlight"],
        "rows": [["<b>A&B</b>", 0.3847623423013281, True], ["B", None, False]],
    }
    data = base64.b64decode(result("to_xlsx", table=table, sheet="LQ results"))
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet.title == "LQ results"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows == [("industry", "lq", "highlight"), ("<b>A&B</b>", 0.3847623423013281, True), ("B", None, False)]


@pytest.mark.parametrize("request_text", ["not json", "[]", '{"fn": "nope"}', '{"fn": "lq_table", "args": 5}'])
def test_malformed_requests_are_ok_false(request_text):
    response = json.loads(browser.call(request_text))
    assert response["ok"] is False and response["error"]["message"]


def test_unexpected_exceptions_become_a_generic_error(monkeypatch):
    def broken(args):
        raise ZeroDivisionError("boom")

    monkeypatch.setitem(browser.FUNCTIONS, "lq_table", broken)
    response = ask("lq_table")
    assert response["ok"] is False and "unexpected" in response["error"]["message"]
    assert "boom" not in response["error"]["message"]


# --- Entry points for several years, measures, the county view, shift-share methods, reports (calc-a)


def uploads(paths):
    return [{"name": p.name, "text": p.read_text(encoding="utf-8")} for p in paths]


def test_inspect_files_summarizes_the_forty_sample_files():
    found = result("inspect_files", files=uploads(msa_paths()))
    assert found["meta"]["summary"] == "10 counties × 4 years" and found["meta"]["problems"] == []
    assert len(found["rows"]) == 40
    same = result("sample_region", **{"as": "inspect"})
    assert same["rows"] == found["rows"]


def test_the_sample_through_every_entry_point_equals_an_upload():
    files = uploads(msa_paths())
    for kind, fn, args in (
        ("lq", "lq_qcew", {"measure": "wages"}),
        ("table", "industry_table", {}),
        ("growth", "growth_qcew", {}),
        ("trend", "trend", {"industries": ["622"]}),
        ("lq_change", "lq_change", {}),
        ("counties", "counties", {"industry": "622"}),
    ):
        sample = result("sample_region", **{"as": kind}, **args)
        uploaded = result(fn, files=files, **args)
        assert sample["rows"] == uploaded["rows"], kind
        assert sample["meta"]["vintage"].startswith("downloaded from BLS in June 2024")


@pytest.mark.parametrize("method", ["classic", "esteban-marquillas", "dynamic"])
def test_shift_share_methods_through_the_browser(method):
    sample = result("sample_region", **{"as": "shift_share", "method": method})
    delaware = uploads([p for p in msa_paths() if "39041" in p.name])
    explicit = result("shift_share", files=delaware, reference=uploads(msa_paths()), level="sector", method=method)
    assert sample["rows"] == explicit["rows"] and sample["meta"]["comparison"] == "reference area"
    labels = {column["name"]: column["label"] for column in sample["columns"]}
    assert labels["nation_start"] == "Reference area start"


def test_the_county_view_marks_suppressed_counties():
    table = result("sample_region", **{"as": "counties"})
    rows = records(table)
    assert [row["area_fips"] for row in rows] == list(COUNTIES)
    assert table["meta"]["suppressed_areas"] and all(
        row["status"] == "suppressed" for row in rows if row["area_fips"] in table["meta"]["suppressed_areas"]
    )


def test_sample_info_links_and_about():
    info = result("sample_info")
    assert [county["fips"] for county in info["counties"]] == list(COUNTIES)
    urls = [link["url"] for link in info["links"]]
    assert "https://data.bls.gov/cew/data/api/2023/a/area/39049.csv" in urls
    assert "https://data.bls.gov/cew/data/api/2023/a/area/US000.csv" in urls
    assert info["why_region_url"].startswith("https://")
    table = result("sample_region", **{"as": "lq"})
    about = result("about", table=table)
    assert dict(about["lines"])["Area"] == "Columbus, OH Metropolitan Statistical Area"
    assert about["csv_name"] == "start-lq-employment-columbus-oh-msa-2023-naics3-total.csv"
    text = result("to_csv", table=table)
    assert text.startswith("# Result: Location quotients")
    assert result("to_csv", table=table, about=False).startswith("industry_code,")


def test_bad_years_and_measures_are_input_errors():
    files = uploads(msa_paths("2023"))
    assert ask("lq_qcew", files=files, measure="payroll")["error"]["column"] == "measure"
    assert ask("lq_qcew", files=files, year="1999")["error"]["column"] == "year"
    assert ask("counties", files=files)["error"]["column"] == "industry"
    assert ask("shift_share", files=files, method="other")["ok"] is False


def test_entry_points_that_read_files_are_generators_reporting_progress():
    from start_calculators.browser_qcew import QCEW_FUNCTIONS
    from start_calculators.progress import Progress

    # Fresh names: files read before come from the parse cache, without progress.
    files = [{"name": f"progress-{p.name}", "text": p.read_text(encoding="utf-8")} for p in msa_paths("2023")]
    steps = QCEW_FUNCTIONS["lq_qcew"]({"files": files})
    seen = []
    while True:
        try:
            seen.append(next(steps))
        except StopIteration as done:
            table = done.value
            break
    assert len(seen) >= 10 and all(isinstance(step, Progress) for step in seen)
    assert {step.file for step in seen} == {item["name"] for item in files}
    assert table.rows == result("lq_qcew", files=uploads(msa_paths("2023")))["rows"]


@pytest.fixture
def reads(monkeypatch):
    """The names of the QCEW files actually read (not taken from the cache of parsed files), which starts empty."""
    from start_calculators import qcew, years

    monkeypatch.setattr(years, "_CACHE", {})
    monkeypatch.setattr(years, "_cached_characters", [0])
    names = []
    real = qcew.iter_read_qcew

    def counting(data, name, level=qcew.DEFAULT_LEVEL):
        names.append(name)
        return (yield from real(data, name, level))

    monkeypatch.setattr(years, "iter_read_qcew", counting)
    return names


def test_the_lq_after_a_check_of_the_same_files_reads_none_again(reads):
    files = uploads(msa_paths()[:10])
    result("inspect_files", files=files)
    assert len(reads) == 10
    checked = len(reads)
    lq = result("lq_qcew", files=files)
    assert reads[checked:] == [] and lq["rows"]
    # Other contents under the same name are read again.
    changed = [dict(files[0], text=files[0]["text"].replace("\n", "\r\n"))]
    result("inspect_files", files=changed)
    assert reads[checked:] == [files[0]["name"]]


def test_warming_reads_the_sample_once_so_its_recomputations_read_nothing(reads):
    assert result("warm_sample") == {"files": 40}
    assert len(reads) == 80  # the shift-share sample's level (sectors), then the default level
    warmed = len(reads)
    for kind in ("shift_share", "lq", "growth", "trend"):
        result("sample_region", **{"as": kind})
    assert reads[warmed:] == []
