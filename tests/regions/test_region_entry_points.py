"""The region builder's Python entry points: dropped files against the chosen counties, the per-county map."""

import json

import pytest
from start_calculators import browser, lq_from_qcew
from start_calculators.browser_region import county_shading, year_notes
from start_calculators.counties import county_view
from start_calculators.lq import DEFAULT_BANDS
from start_calculators.sample import SAMPLE_COUNTIES, sample_files


def call(fn, **args):
    reply = json.loads(browser.call(json.dumps({"id": 1, "fn": fn, "args": args})))
    assert reply["ok"], reply.get("error")
    return reply["result"]


def files(years=None):
    return [{"name": name, "text": text} for name, text in sample_files(years)]


SAMPLE_FIPS = [fips for fips, _ in SAMPLE_COUNTIES]


def test_the_sample_files_match_the_sample_counties():
    meta = call("inspect_region", files=files(), chosen=SAMPLE_FIPS)["meta"]
    assert meta["ok"] is True and meta["problems"] == []
    assert meta["summary"] == "10 counties × 4 years"
    assert meta["missing_chosen"] == [] and meta["unchosen"] == []
    assert meta["notes"] == [
        "no national file for 2020, 2021, 2022 and 2023: national shares for those years are inferred "
        "from the counties' published location quotients (a range)"
    ]


def test_a_chosen_county_without_a_file_is_named_and_holds_the_files_back():
    chosen = [*SAMPLE_FIPS, "39001"]
    meta = call("inspect_region", files=files(["2023"]), chosen=chosen, names={"39001": "Adams"})["meta"]
    assert meta["ok"] is False and meta["missing_chosen"] == ["39001"]
    assert any("no file for Adams (39001), which you chose" in p["message"] for p in meta["problems"])


def test_counties_not_chosen_are_listed_and_no_choice_means_no_problem():
    meta = call("inspect_region", files=files(["2023"]), chosen=["39049"])["meta"]
    assert meta["ok"] is True and len(meta["unchosen"]) == 9
    assert call("inspect_region", files=files(["2023"]))["meta"]["ok"] is True


def test_a_missing_county_in_one_year_is_a_problem_naming_its_files():
    some = [item for item in files(["2022", "2023"]) if not item["name"].startswith("2022-annual-39117")]
    meta = call("inspect_region", files=some)["meta"]
    assert meta["ok"] is False
    assert any("39117" in p["message"] and "2022" in p["message"] for p in meta["problems"])


def test_year_notes_name_gaps_and_years_without_a_national_file():
    notes = year_notes(["2020", "2021", "2023"], ["2023"])
    assert notes[0].startswith("no files for 2022 (between 2020 and 2023)")
    assert notes[1].startswith("no national file for 2020 and 2021")
    assert year_notes(["2022", "2023"], ["2022", "2023"]) == []


def test_bad_arguments_are_input_errors():
    reply = json.loads(
        browser.call(
            json.dumps({"id": 1, "fn": "inspect_region", "args": {"files": files(["2023"]), "chosen": "39049"}})
        )
    )
    assert reply["ok"] is False and "chosen counties" in reply["error"]["message"]


def test_the_county_view_shades_each_county_and_marks_the_suppressed():
    result = call("county_view", sample=True)
    meta = result["meta"]
    names = [column["name"] for column in result["columns"]]
    status = {row[0]: row[names.index("status")] for row in result["rows"]}
    assert meta["industry_code"] == "622" and set(status) == set(SAMPLE_FIPS)
    shading = meta["shading"]["areas"]
    assert {area for area, value in status.items() if value == "suppressed"} == {
        area for area, key in shading.items() if key == "suppressed"
    }
    assert shading["39049"] == "band-1"  # Franklin County's hospitals: LQ about 1.04, "average"
    legend = {entry["key"]: entry for entry in meta["shading"]["legend"]}
    assert legend["suppressed"]["count"] == list(status.values()).count("suppressed") > 0
    assert legend["band-0"]["label"].startswith("low: LQ below 0.75")
    assert ["622", "622 Hospitals"] in meta["industries"]


def test_the_county_view_of_files_equals_the_python_function():
    result = call("county_view", files=files(), industry="622", year="2023")
    expected = county_view(sample_files(), "622", "2023")
    assert result["rows"] == [list(row) for row in expected.rows]
    assert result["meta"]["shading"]["areas"] == county_shading(expected, DEFAULT_BANDS)["areas"]


def test_a_range_and_an_unknown_lq_get_their_own_shades():
    table = county_view(sample_files(["2023"]), "622")
    names = table.names
    table.rows[0][names.index("status")] = "ok"
    table.rows[0][names.index("band")] = "average to concentrated"
    table.rows[1][names.index("status")] = "ok"
    table.rows[1][names.index("band")] = None
    shading = county_shading(table, DEFAULT_BANDS)
    assert shading["areas"][table.rows[0][0]] == "range" and shading["areas"][table.rows[1][0]] == "unknown"
    assert {"range", "unknown"} <= {entry["key"] for entry in shading["legend"]}


def test_an_unknown_industry_is_an_input_error():
    args = {"files": files(["2023"]), "industry": "9999"}
    reply = json.loads(browser.call(json.dumps({"id": 1, "fn": "county_view", "args": args})))
    assert reply["ok"] is False and reply["error"]["column"] == "industry"


@pytest.mark.parametrize("sample", [True, False])
def test_without_an_industry_the_view_opens_on_one_the_region_has(sample):
    args = {"sample": True} if sample else {"files": files(["2023"])}
    assert call("county_view", **args)["meta"]["industry_code"] == "622"  # hospitals, at the default level
    sectors = lq_from_qcew(sample_files(["2023"]), level="sector").records()
    largest = max(sectors, key=lambda record: record["region_employment"] or 0)["industry_code"]
    assert call("county_view", **args, level="sector")["meta"]["industry_code"] == largest
