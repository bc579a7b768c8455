"""Several years and regions: what uploads hold, trends, LQ change, the per-county view, honest
suppression, and reports that say what they are (about lines, CSV, XLSX, file names)."""

import io

import openpyxl
import pytest
from sample_support import COUNTIES, by_code, files_of, msa_paths, private_rows, raw_rows, us_quarter_paths
from start_calculators import (
    InputError,
    about_lines,
    county_view,
    industry_table,
    inspect_files,
    lq_change_from_qcew,
    lq_from_qcew,
    read_qcew,
    read_rank_csv,
    suggested_filename,
    to_csv,
    to_xlsx,
    trend_from_qcew,
)
from start_calculators.sample import sample_files


def problems(table):
    return [problem["message"] for problem in table.meta["problems"]]


# --- What a set of files holds ---------------------------------------------------------------------


def test_the_sample_is_ten_counties_by_four_years():
    found = inspect_files(files_of(msa_paths()))
    assert found.meta["summary"] == "10 counties × 4 years"
    assert found.meta["ok"] is True and problems(found) == []
    assert found.meta["counties"] == list(COUNTIES) and found.meta["years"] == ["2020", "2021", "2022", "2023"]
    rows = found.records()
    assert len(rows) == 40 and {row["kind"] for row in rows} == {"county"}
    first = rows[0]
    assert (first["file"], first["area_fips"], first["year"], first["period"]) == (
        "2020-annual-39041.csv",
        "39041",
        "2020",
        "annual",
    )
    assert first["rows"] == len(raw_rows(msa_paths("2020")[0]))


def test_files_are_grouped_by_their_rows_not_their_names():
    shuffled = [(f"upload-{n}.csv", data) for n, (_, data) in enumerate(reversed(files_of(msa_paths())))]
    found = inspect_files(shuffled)
    assert found.meta["summary"] == "10 counties × 4 years" and found.meta["ok"]
    assert lq_from_qcew(shuffled).rows == lq_from_qcew(files_of(msa_paths())).rows


def test_a_missing_county_year_is_named_with_its_files():
    paths = [p for p in msa_paths() if p.name != "2021-annual-39089.csv"]
    found = inspect_files(files_of(paths))
    assert found.meta["ok"] is False
    [message] = problems(found)
    assert "39089" in message and "2021" in message and "2020-annual-39089.csv" in message


def test_a_national_file_of_another_year_is_named():
    us = us_quarter_paths()[-1]
    annual = [(p.name, p.read_bytes()) for p in msa_paths("2023")]
    found = inspect_files([*annual, (us.name, us.read_bytes())])
    messages = problems(found)
    assert any("quarterly" in m for m in messages)
    assert any(us.name in m and "2024" in m for m in messages)
    assert found.meta["nation_years"] == ["2024-Q1"]
    assert "national 2024-Q1" in found.meta["summary"]


def test_duplicates_and_two_regions_are_named():
    path = msa_paths("2023")[0]
    duplicate = inspect_files([*files_of(msa_paths("2023")), ("copy.csv", path.read_bytes())])
    [message] = problems(duplicate)
    assert path.name in message and "copy.csv" in message
    mixed = [*files_of(msa_paths("2020")[:3]), *files_of(msa_paths("2023")[5:])]
    [message] = problems(inspect_files(mixed))
    assert "two different regions" in message


def test_an_unreadable_file_is_reported_and_the_rest_kept():
    found = inspect_files([*files_of(msa_paths("2023")), ("notes.txt", "hello,world\n")])
    assert found.meta["summary"] == "10 counties × 1 year"
    assert any("notes.txt" in m for m in problems(found))
    assert by_code_file(found)["notes.txt"]["status"] == "unreadable"


def by_code_file(table):
    return {row["file"]: row for row in table.records()}


def test_an_lq_of_a_chosen_year_and_the_latest_by_default():
    files = files_of(msa_paths())
    latest = lq_from_qcew(files)
    assert latest.meta["year"] == "2023" and latest.meta["years_loaded"] == ["2020", "2021", "2022", "2023"]
    assert lq_from_qcew(files, year="2021").rows == lq_from_qcew(files_of(msa_paths("2021"))).rows
    with pytest.raises(InputError) as caught:
        lq_from_qcew(files, year="2019")
    assert "2020" in str(caught.value) and caught.value.column == "year"


# --- Trend and LQ change ---------------------------------------------------------------------------


def test_trend_gives_each_chosen_industry_by_year():
    table = trend_from_qcew(files_of(msa_paths()), industries=["622", "541"])
    rows = table.records()
    assert [(r["industry_code"], r["year"]) for r in rows] == [
        (code, year) for code in ("622", "541") for year in ("2020", "2021", "2022", "2023")
    ]
    for row in rows:
        raw = [
            r
            for p in msa_paths(row["year"])
            for r in private_rows(p, "5")
            if r["industry_code"] == row["industry_code"]
        ]
        assert row["employment"] == sum(int(r["annual_avg_emplvl"]) for r in raw if r["disclosure_code"] != "N")
        assert row["fully_published"] is (row["status"] == "ok")
    with pytest.raises(InputError):
        trend_from_qcew(files_of(msa_paths()), industries=["998"])


def test_lq_change_flags_crossings_by_the_stated_rule():
    table = lq_change_from_qcew(files_of(msa_paths("2020", "2023")), measure="establishments")
    assert "emerging" in table.meta["crossing_rule"]
    labels = {column.name: column.label for column in table.columns}
    assert labels["lq_start"] == "LQ 2020" and labels["lq_end"] == "LQ 2023"
    for row in table.records():
        if row["crossing"] == "emerging":
            assert row["lq_start_high"] < 1 <= row["lq_end_low"]
        elif row["crossing"] == "fading":
            assert row["lq_end_high"] < 1 <= row["lq_start_low"]
        elif row["crossing"].startswith("possibly"):
            assert (row["lq_start"] < 1) != (row["lq_end"] < 1)
        elif row["lq_start"] is not None and row["lq_end"] is not None:
            assert (row["lq_start"] < 1) == (row["lq_end"] < 1)
    counted = table.meta["crossings"]
    assert counted["emerging"] + counted["fading"] >= 1  # establishments are never suppressed: crossings are certain


# --- The per-county view ---------------------------------------------------------------------------


def test_the_county_view_marks_suppressed_counties_and_bounds_them():
    table = county_view(files_of(msa_paths("2023")), "622")
    rows = {row["area_fips"]: row for row in table.records()}
    assert list(rows) == list(COUNTIES)
    raw = {r["area_fips"]: r for p in msa_paths("2023") for r in private_rows(p, "5") if r["industry_code"] == "622"}
    for area, row in rows.items():
        if area not in raw:
            assert row["status"] == "none" and row["employment"] == 0
        elif raw[area]["disclosure_code"] == "N":
            assert row["status"] == "suppressed" and row["employment"] is None and row["lq"] is None
            assert row["establishments"] == int(raw[area]["annual_avg_estabs"])
            assert "suppressed" in row["note"] and row["upper_bound"] >= 0
        else:
            assert row["employment"] == int(raw[area]["annual_avg_emplvl"])
            assert row["published_lq"] == float(raw[area]["lq_annual_avg_emplvl"])
            assert abs(row["lq"] - row["published_lq"]) <= 0.005 + (row["lq_high"] - row["lq_low"])
    assert table.meta["suppressed_areas"] == [a for a, r in raw.items() if r["disclosure_code"] == "N"]
    assert table.meta["industry"].startswith("622 ")
    shown = sum(row["share_of_region"] or 0 for row in rows.values())
    assert shown == pytest.approx(1.0)


def test_the_county_view_of_establishments_hides_nothing():
    table = county_view(files_of(msa_paths("2023")), "622", measure="establishments")
    assert "suppressed" not in {row["status"] for row in table.records()}
    with pytest.raises(InputError) as caught:
        county_view(files_of(msa_paths("2023")), "9999")
    assert caught.value.column == "industry"


# --- Honest suppression ----------------------------------------------------------------------------


def test_interval_rows_get_band_ranges_a_flag_and_a_summary():
    table = lq_from_qcew(files_of(msa_paths("2023")))
    rows = table.records()
    partial = [row for row in rows if row["status"] == "partial"]
    assert partial and all(row["fully_published"] is False for row in partial)
    assert all(row["fully_published"] is True for row in rows if row["status"] == "ok")
    ranges = [row for row in partial if " to " in (row["band"] or "") or "or higher" in (row["band"] or "")]
    assert ranges, "some partly suppressed LQs span several bands"
    meta = table.meta
    assert meta["rows_total"] == len(rows)
    assert meta["rows_partial"] + meta["rows_suppressed"] == sum(r["status"] in ("partial", "suppressed") for r in rows)
    assert meta["suppression_summary"].startswith(f"{meta['rows_partial'] + meta['rows_suppressed']} of {len(rows)}")
    assert "sort" in meta["sort_rule"].lower() and "band" in meta["band_rule"].lower()


def test_the_industry_table_carries_the_flag_and_the_span():
    table = industry_table(files_of(msa_paths("2020", "2023")))
    assert table.meta["partial_columns"] and "fully_published" in table.names
    labels = {column.name: column.label for column in table.columns}
    assert labels["prior_employment"] == "Employment 2020" and labels["growth_percent"] == "Growth 2020 to 2023 (%)"
    row = by_code(table)["238"]
    start = sum(
        int(r["annual_avg_emplvl"])
        for p in msa_paths("2020")
        for r in private_rows(p, "5")
        if r["industry_code"] == "238"
    )
    assert row["prior_employment"] == start
    assert row["growth_percent"] == pytest.approx((row["employment"] / start - 1) * 100)


# --- Reports that say what they are ----------------------------------------------------------------


def test_about_lines_state_area_years_vintage_level_measure_base_and_national_source():
    table = lq_from_qcew(files_of(msa_paths("2023")), measure="wages", base="private", level="sector")
    lines = dict(about_lines(table.meta))
    assert lines["Counties (FIPS)"] == ", ".join(COUNTIES)
    assert lines["Years"] == "2023" and "preliminary" in lines["Vintage"]
    assert lines["Industry level"] == "NAICS sectors" and lines["Measure"].startswith("Total wages")
    assert lines["Base"] == "all private industries" and lines["National shares"].startswith("inferred")
    assert "Suppression" in lines
    us = us_quarter_paths()[-1]
    region = (us.name.replace("US000", "99001"), us.read_text(encoding="utf-8").replace('"US000"', '"99001"'))
    with_file = lq_from_qcew([region], (us.name, us.read_bytes()))
    assert dict(about_lines(with_file.meta))["National shares"] == f"from the national file {us.name}"


def test_csv_downloads_carry_about_lines_and_read_back():
    table = industry_table(sample_files(["2020", "2023"]))
    text = to_csv(table, about=True)
    assert text.startswith("# Result: Industry data table\n")
    assert "# Years: 2020 to 2023\n" in text
    sheet = read_rank_csv(text, "download.csv", key="industry_code")
    assert [record.values["industry_code"] for record in sheet.records] == table.column_values("industry_code")
    assert sheet.records[0].row == text.splitlines().index(text.splitlines()[0]) + len(about_lines(table.meta)) + 2
    assert to_csv(table).startswith("industry_code,")


def test_the_qcew_reader_skips_about_lines_too():
    path = msa_paths("2023")[0]
    text = "# Area: a test\n" + path.read_text(encoding="utf-8")
    assert read_qcew(text, path.name).totals.keys() == {"39041"}


def test_xlsx_gets_an_about_sheet():
    table = lq_from_qcew(sample_files(["2023"]), measure="establishments")
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(table)))
    assert book.sheetnames == ["Results", "About"]
    about = list(book["About"].iter_rows(values_only=True))
    assert about[0] == ("Setting", "Value") and ("Measure", "Establishments") in about
    assert list(book["Results"].iter_rows(values_only=True))[0][0] == "industry_code"


def test_suggested_file_names_carry_the_key_settings():
    table = lq_from_qcew(sample_files(["2023"]), measure="wages", base="private")
    assert suggested_filename(table.meta) == "start-lq-wages-10-areas-39041-2023-naics3-private.csv"
    table.meta["area_slug"] = "columbus-oh-msa"
    assert suggested_filename(table.meta, "xlsx") == "start-lq-wages-columbus-oh-msa-2023-naics3-private.xlsx"


def test_a_region_must_keep_its_counties_across_years_for_a_trend():
    paths = [p for p in msa_paths() if p.name != "2022-annual-39159.csv"]
    with pytest.raises(InputError) as caught:
        trend_from_qcew(files_of(paths))
    assert "39159" in str(caught.value) and "2022" in str(caught.value)
