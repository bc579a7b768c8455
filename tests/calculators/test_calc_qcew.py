"""The QCEW reader and region sums, checked against the raw files read with the csv module."""

import csv
import io

import pytest
from sample_support import by_code, files_of, msa_paths, private_rows, raw_rows, us_quarter_paths
from start_calculators import InputError, industry_table, load_region, lq_from_qcew, read_qcew, shift_share_from_qcew
from start_calculators.progress import Progress, finish
from start_calculators.qcew import CHUNK, iter_read_qcew


def sample_paths():
    """The ten 2023 county files."""
    return msa_paths("2023")


def us_paths():
    return us_quarter_paths()


def test_region_sums_and_partial_flags_match_the_raw_files():
    paths = sample_paths()
    table = by_code(lq_from_qcew(files_of(paths)))
    expected = {}
    for path in paths:
        for row in private_rows(path, "5"):
            entry = expected.setdefault(row["industry_code"], {"sum": 0, "suppressed": 0, "present": 0})
            entry["present"] += 1
            if row["disclosure_code"] == "N":
                entry["suppressed"] += 1
            else:
                entry["sum"] += int(row["annual_avg_emplvl"])
    assert set(table) == set(expected)
    statuses = set()
    for code, entry in expected.items():
        found = table[code]
        assert found["suppressed_counties"] == entry["suppressed"]
        if entry["suppressed"] == entry["present"]:
            assert found["region_employment"] is None and found["lq"] is None
            assert found["status"] == "suppressed"
        else:
            assert found["region_employment"] == entry["sum"]
            if entry["suppressed"]:
                assert found["status"] in ("partial", "missing")
                assert f"{entry['suppressed']} of {entry['present']}" in found["note"]
            else:
                assert found["status"] in ("ok", "missing")
        statuses.add(found["status"])
    assert {"ok", "partial", "suppressed"} <= statuses


def test_suppressed_cells_are_missing_not_zero():
    path = sample_paths()[0]
    suppressed = next(r for r in private_rows(path, "5") if r["disclosure_code"] == "N")
    assert suppressed["annual_avg_emplvl"] == "0"  # BLS prints 0 in a suppressed cell
    parsed = read_qcew(path.read_bytes(), path.name)
    row = parsed.industries[suppressed["industry_code"]][suppressed["area_fips"]]
    assert row.suppressed and row.employment is None and row.wages is None and row.lq is None


@pytest.mark.parametrize("level, agglvl_end", [("sector", "4"), ("3", "5"), ("4", "6"), ("5", "7"), ("6", "8")])
def test_levels_follow_the_aggregation_code(level, agglvl_end):
    path = sample_paths()[3]
    parsed = read_qcew(path.read_bytes(), path.name, level)
    assert set(parsed.industries) == {r["industry_code"] for r in private_rows(path, agglvl_end)}


def test_default_level_is_three_digit():
    path = sample_paths()[1]
    assert all(len(code) == 3 for code in read_qcew(path.read_bytes(), path.name).industries)


def quoted(path, bom=False, crlf=False):
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n" if crlf else "\n").writerows(rows)
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


def test_quoted_bom_and_crlf_files_read_the_same():
    plain = lq_from_qcew(files_of(sample_paths()))
    variant = lq_from_qcew([(p.name, quoted(p, bom=True, crlf=True)) for p in sample_paths()])
    assert variant.rows == plain.rows


@pytest.mark.parametrize("path", us_paths(), ids=lambda p: p.name)
def test_quarterly_us_files_read_correctly(path):
    raw = raw_rows(path)
    parsed = read_qcew(path.read_bytes(), path.name)
    total = next(r for r in raw if r["own_code"] == "0" and r["agglvl_code"] == "10")
    assert parsed.layout == "quarterly" and parsed.period == "1" and parsed.year == total["year"]
    assert parsed.areas == ["US000"]
    assert parsed.totals["US000"].employment == int(total["month3_emplvl"])
    subsectors = [r for r in raw if r["own_code"] == "5" and r["agglvl_code"] == "15"]
    assert set(parsed.industries) == {r["industry_code"] for r in subsectors}
    for r in subsectors:
        row = parsed.industries[r["industry_code"]]["US000"]
        assert row.suppressed == (r["disclosure_code"] in ("N", "-"))
        if not row.suppressed:
            assert row.employment == int(r["month3_emplvl"])
            assert row.prior == int(r["month3_emplvl"]) - int(r["oty_month3_emplvl_chg"])


def relabel(path, area, change=None):
    """A copy of a US file presented as another area, optionally editing rows."""
    rows = raw_rows(path)
    for row in rows:
        row["area_fips"] = area
        if change:
            change(row)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), quoting=csv.QUOTE_NONNUMERIC)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_nation_file_gives_exact_lqs_for_both_bases():
    us = us_paths()[0]
    raw = raw_rows(us)
    private_total = next(int(r["month3_emplvl"]) for r in raw if r["own_code"] == "5" and r["agglvl_code"] == "11")

    def halve_private_total(row):
        if row["own_code"] == "5" and row["agglvl_code"] == "11":
            row["month3_emplvl"] = str(private_total // 2)

    region = [("region.csv", relabel(us, "99001", halve_private_total))]
    nation = (us.name, us.read_bytes())
    total_base = by_code(lq_from_qcew(region, nation, base="total"))
    private_base = by_code(lq_from_qcew(region, nation, base="private"))
    compared = 0
    for code, row in total_base.items():
        if row["status"] != "ok":
            continue
        compared += 1
        assert row["lq"] == pytest.approx(1.0, rel=1e-12)
        assert row["lq_low"] == row["lq_high"] == row["lq"]
        assert private_base[code]["lq"] == pytest.approx(private_total / (private_total // 2), rel=1e-12)
    assert compared > 50


def test_mixing_years_is_an_error():
    first, second = us_paths()
    with pytest.raises(InputError) as caught:
        load_region([("a.csv", relabel(first, "99001")), ("b.csv", relabel(second, "99002"))])
    assert caught.value.file == "b.csv" and caught.value.column == "year"
    assert "mixing years" in str(caught.value)


def test_mixing_annual_and_quarterly_is_an_error():
    with pytest.raises(InputError):
        load_region(files_of(sample_paths()[:1]) + [("q.csv", relabel(us_paths()[0], "99001"))])


def test_the_same_area_twice_is_an_error():
    path = sample_paths()[0]
    with pytest.raises(InputError) as caught:
        load_region([("a.csv", path.read_bytes()), ("b.csv", path.read_bytes())])
    assert "39041" in str(caught.value)


def test_nation_file_of_another_year_is_an_error():
    with pytest.raises(InputError):
        lq_from_qcew(files_of(sample_paths()), (us_paths()[0].name, us_paths()[0].read_bytes()))


def test_a_non_qcew_file_is_rejected_with_a_clear_message():
    with pytest.raises(InputError) as caught:
        read_qcew("industry,region_employment,nation_employment\nA,1,2\n", "table.csv")
    assert caught.value.row == 1 and "QCEW" in str(caught.value)


def test_a_missing_qcew_column_is_named():
    path = sample_paths()[0]
    text = path.read_text(encoding="utf-8").replace("oty_annual_avg_emplvl_chg", "something_else", 1)
    with pytest.raises(InputError) as caught:
        read_qcew(text, path.name)
    assert "oty_annual_avg_emplvl_chg" in str(caught.value)


def test_one_year_growth_from_the_oty_columns_matches_the_previous_years_file():
    """The oty_ change inside a 2023 file equals the difference from the 2022 file of the same county."""
    checked = 0
    for path in sample_paths():
        earlier = {r["industry_code"]: r for r in private_rows(path.with_name(path.name.replace("2023", "2022")), "4")}
        table = by_code(industry_table(files_of([path]), level="sector"))
        for row in private_rows(path, "4"):
            before = earlier.get(row["industry_code"])
            if row["disclosure_code"] or row["oty_disclosure_code"] or before is None or before["disclosure_code"]:
                continue
            start, end = int(before["annual_avg_emplvl"]), int(row["annual_avg_emplvl"])
            found = table[row["industry_code"]]
            assert found["prior_employment"] == start
            if start:
                assert found["growth_percent"] == pytest.approx((end / start - 1) * 100, rel=1e-12)
            checked += 1
    assert checked >= 100


def test_industry_table_pay_and_establishments_from_the_raw_files():
    paths = sample_paths()
    table = by_code(industry_table(files_of(paths)))
    code = "238"
    rows = [r for p in paths for r in private_rows(p, "5") if r["industry_code"] == code]
    assert all(r["disclosure_code"] == "" for r in rows)
    employment = sum(int(r["annual_avg_emplvl"]) for r in rows)
    wages = sum(int(r["total_annual_wages"]) for r in rows)
    found = table[code]
    assert found["employment"] == employment
    assert found["establishments"] == sum(int(r["annual_avg_estabs"]) for r in rows)
    assert found["avg_annual_pay"] == pytest.approx(wages / employment)
    assert found["avg_weekly_wage"] == pytest.approx(wages / employment / 52)
    prior = sum(int(r["annual_avg_emplvl"]) - int(r["oty_annual_avg_emplvl_chg"]) for r in rows)
    assert found["prior_employment"] == prior
    assert found["growth_percent"] == pytest.approx((employment / prior - 1) * 100)
    assert found["industry_title"] == "Specialty Trade Contractors"


def test_projected_growth_is_an_optional_user_column():
    files = files_of(sample_paths())
    assert "projected_growth" not in industry_table(files).names
    table = industry_table(files, projected={"238": "4.5%"})
    assert by_code(table)["238"]["projected_growth"] == 4.5
    with pytest.raises(InputError):
        industry_table(files, projected={"999999": 1})


def test_shift_share_from_qcew_uses_the_oty_columns():
    us = us_paths()[0]
    raw = raw_rows(us)
    total = next(r for r in raw if r["own_code"] == "0" and r["agglvl_code"] == "10")
    end_total = int(total["month3_emplvl"])
    start_total = end_total - int(total["oty_month3_emplvl_chg"])
    table = by_code(shift_share_from_qcew([("region.csv", relabel(us, "99001"))], (us.name, us.read_bytes())))
    row = next(r for r in raw if r["own_code"] == "5" and r["agglvl_code"] == "15" and r["industry_code"] == "311")
    end = int(row["month3_emplvl"])
    start = end - int(row["oty_month3_emplvl_chg"])
    found = table["311"]
    assert found["national_effect"] == pytest.approx(start * (end_total - start_total) / start_total)
    assert found["competitive_effect"] == pytest.approx(0, abs=1e-6)  # the region is the nation here
    assert found["total_change"] == end - start


@pytest.mark.parametrize("path", us_paths(), ids=lambda p: p.name)
def test_quarterly_weekly_wage_matches_the_published_one(path):
    table = by_code(industry_table([(path.name, path.read_bytes())], (path.name, path.read_bytes()), level="sector"))
    checked = 0
    for row in raw_rows(path):
        if row["own_code"] == "5" and row["agglvl_code"] == "14" and not row["disclosure_code"]:
            # BLS publishes whole dollars: total wages / mean monthly employment / 13 weeks.
            assert abs(table[row["industry_code"]]["avg_weekly_wage"] - int(row["avg_wkly_wage"])) <= 0.5 + 1e-9
            checked += 1
    assert checked >= 15


def test_establishments_and_wages_sum_like_employment_and_stay_published_when_suppressed():
    paths = sample_paths()
    estabs = by_code(lq_from_qcew(files_of(paths), measure="establishments"))
    wages = by_code(lq_from_qcew(files_of(paths), measure="wages"))
    sums: dict[str, list[int]] = {}
    for path in paths:
        for row in private_rows(path, "5"):
            entry = sums.setdefault(row["industry_code"], [0, 0, 0, 0])
            entry[0] += int(row["annual_avg_estabs"])  # published even where employment is suppressed
            entry[3] += 1
            if row["disclosure_code"] == "N":
                entry[2] += 1
            else:
                entry[1] += int(row["total_annual_wages"])
    for code, (establishments, total_wages, hidden, present) in sums.items():
        assert estabs[code]["region_establishments"] == establishments
        assert estabs[code]["suppressed_counties"] == 0 and estabs[code]["status"] in ("ok", "missing")
        assert wages[code]["suppressed_counties"] == hidden
        if hidden < present:
            assert wages[code]["region_wages"] == total_wages
    assert any(hidden for _, _, hidden, _ in sums.values())


@pytest.mark.parametrize("column, value", [("year", "2019"), ("qtr", "1")])
def test_every_row_is_checked_for_the_year_and_period_even_unused_ones(column, value):
    path = msa_paths("2020")[0]
    text = path.read_text(encoding="utf-8").splitlines()
    # The sample keeps only the ownerships used; add a federal-government row (never used) and damage it.
    extra = text[1].split(",")
    extra[1] = "1"
    lines = [*text, ",".join(extra)]
    header = lines[0].split(",")
    extra[header.index(column)] = value
    lines[-1] = ",".join(extra)
    with pytest.raises(InputError) as caught:
        read_qcew("\n".join(lines) + "\n", path.name)
    assert (caught.value.file, caught.value.row, caught.value.column) == (path.name, len(lines), column)
    assert value in str(caught.value) and "every row" in str(caught.value)


def test_the_reader_is_a_generator_reporting_progress():
    us = us_paths()[-1]
    data = us.read_bytes()
    steps = iter_read_qcew(data, us.name)
    reports = []
    while True:
        try:
            reports.append(next(steps))
        except StopIteration as done:
            result = done.value
            break
    lines = len(data.decode("utf-8").splitlines()) - 1
    assert all(isinstance(r, Progress) and r.file == us.name and r.total == lines for r in reports)
    assert len(reports) == -(-lines // CHUNK) and reports[-1].done == lines
    assert [r.done for r in reports] == sorted(r.done for r in reports)
    assert result.industries.keys() == finish(iter_read_qcew(data, us.name)).industries.keys()


def test_leading_about_lines_are_skipped_and_rows_still_count_them():
    path = sample_paths()[0]
    text = "# Result: Location quotients\n# Area: somewhere, with a comma\n" + path.read_text(encoding="utf-8")
    assert read_qcew(text, path.name).industries.keys() == read_qcew(path.read_bytes(), path.name).industries.keys()
    broken = text.replace(",2023,A,", ",2023,A,,", 1)
    with pytest.raises(InputError) as caught:
        read_qcew(broken, path.name)
    assert caught.value.row == 4  # two # lines, the header, then the first data row
