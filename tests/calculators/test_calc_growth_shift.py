"""Growth and shift-share: small tables worked by hand, and the sample's years against pandas."""

import pandas as pd
import pytest
from calc_support import count_example
from hypothesis import given
from hypothesis import strategies as st
from sample_support import by_code, files_of, msa_paths
from start_calculators import (
    InputError,
    dynamic_shift_share,
    esteban_marquillas,
    growth,
    growth_from_qcew,
    growth_table,
    read_growth_csv,
    read_shift_csv,
    shift_share,
    shift_share_from_qcew,
    shift_share_table,
    single_growth,
)
from start_calculators.sample import shift_share_sample


def test_percent_change_and_cagr():
    result = growth(50, 100, 5)
    assert result.percent_change == pytest.approx(100.0)
    assert result.annualized_percent == pytest.approx((2 ** (1 / 5) - 1) * 100)


def test_growth_from_zero_is_missing_with_reason():
    result = growth(0, 100)
    assert result.percent_change is None and "zero" in result.reason


def test_the_guides_very_small_industry_is_flagged():
    table = single_growth(50, 100, 5, min_size=500).records()[0]
    assert table["small_industry"] is True and table["percent_change"] == pytest.approx(100)


def test_growth_table_with_optional_years_column():
    sheet = read_growth_csv('industry,start,end,years\nA,100,121,2\nB,"1,000",900,\n', "g.csv")
    rows = growth_table(sheet, years=1).records()
    assert rows[0]["annualized_percent"] == pytest.approx(10.0)
    assert rows[1]["years"] == 1 and rows[1]["percent_change"] == pytest.approx(-10.0)


def test_shift_share_parts_by_hand():
    # Nation grows 10%; the industry nationally 20%; the region's industry 50% (100 -> 150).
    shift = shift_share(100, 150, 1000, 1200, 10000, 11000)
    assert shift.national_effect == pytest.approx(10)
    assert shift.industry_mix_effect == pytest.approx(10)
    assert shift.competitive_effect == pytest.approx(30)
    assert shift.total_change == 50


def test_shift_share_table_and_errors():
    text = "industry,region_start,region_end,nation_start,nation_end\nA,100,150,1000,1200\nB,0,5,10,12\n"
    rows = shift_share_table(read_shift_csv(text, "s.csv"), 10000, "11,000").records()
    assert rows[0]["competitive_effect"] == pytest.approx(30)
    assert rows[1]["status"] == "missing" and rows[1]["total_change"] == 5
    with pytest.raises(InputError) as caught:
        shift_share_table(read_shift_csv(text.replace("1000,1200", "1000,20000"), "s.csv"), 10000, 11000)
    assert (caught.value.row, caught.value.column) == (2, "nation_end")


def test_shift_share_against_a_reference_area_of_counties():
    region, reference = shift_share_sample()
    table = shift_share_from_qcew(region, None, "sector", reference)
    rows = [r for r in table.records() if r["status"] == "ok"]
    assert len(rows) >= 8
    for row in rows:
        parts = row["national_effect"] + row["industry_mix_effect"] + row["competitive_effect"]
        assert parts == pytest.approx(row["region_end"] - row["region_start"])
        assert row["total_change"] == row["region_end"] - row["region_start"]
    # The reference's overall rate is the ten counties' total change, 2020 to 2023.
    assert table.meta["nation_source"] == "reference" and table.meta["comparison"] == "reference area"
    assert (table.meta["start_year"], table.meta["end_year"]) == ("2020", "2023")
    assert table.meta["nation_total_start"] == 1_002_906 and table.meta["nation_total"] == 1_077_178
    rate = table.meta["nation_total"] / table.meta["nation_total_start"] - 1
    first = rows[0]
    assert first["national_effect"] == pytest.approx(first["region_start"] * rate)
    labels = {column.name: column.label for column in table.columns}
    assert labels["nation_start"] == "Reference area start" and "Reference" in labels["national_effect"]


def test_a_reference_area_missing_a_year_is_refused():
    region, reference = shift_share_sample()
    only_2023 = [item for item in reference if item[0].startswith("2023")]
    with pytest.raises(InputError) as caught:
        shift_share_from_qcew(region, None, "sector", only_2023)
    assert caught.value.column == "year" and "2020" in str(caught.value)


def test_a_reference_file_with_a_changed_year_is_grouped_by_its_rows():
    region, reference = shift_share_sample(["2020", "2023"])
    name, text = next(item for item in reference if item[0].startswith("2020"))
    relabelled = [item for item in reference if item[0] != name] + [(name, text.replace(",2020,A,", ",2019,A,"))]
    with pytest.raises(InputError) as caught:
        shift_share_from_qcew(region, None, "sector", relabelled)
    assert "2020" in str(caught.value) and caught.value.column in ("year", "area_fips")


# --- Growth over a span of the sample's years, against pandas on the raw files ---------------------


def pandas_growth(paths, agglvl):
    """Per industry: (start, end, partial) summed over the counties that publish it in both 2020 and 2023
    (a county with no row has no establishments: 0), read from the raw files with pandas."""
    frame = pd.concat([pd.read_csv(p, dtype={"area_fips": str, "industry_code": str}) for p in paths])
    frame = frame[(frame["own_code"] == 5) & (frame["agglvl_code"] == agglvl)]
    shown = frame["annual_avg_emplvl"].where(~frame["disclosure_code"].fillna("").isin(["N", "-"]))
    wide = frame.assign(shown=shown).pivot_table(
        index=["industry_code", "area_fips"], columns="year", values="shown", aggfunc="first", dropna=False
    )
    present = frame.pivot_table(index=["industry_code", "area_fips"], columns="year", values="own_code", aggfunc="size")
    wide = wide.where(present.notna(), 0)  # no row: a real zero; a suppressed row stays missing (NaN)
    result = {}
    for code, counties in wide.groupby(level="industry_code"):
        if (
            present.loc[code].get(2020, pd.Series(dtype=float)).isna().all()
            or present.loc[code].get(2023, pd.Series(dtype=float)).isna().all()
        ):
            continue  # the code exists in only one of the two years
        both = counties.dropna()
        if both.empty:
            result[code] = (None, None, True)
            continue
        result[code] = (int(both[2020].sum()), int(both[2023].sum()), len(both) < len(counties))
    return result


@pytest.mark.parametrize("level, agglvl", [("sector", 74), ("3", 75), ("6", 78)])
def test_growth_from_2020_and_2023_equals_pandas_on_the_raw_files(level, agglvl):
    paths = msa_paths("2020", "2023")
    expected = pandas_growth(paths, agglvl)
    table = by_code(growth_from_qcew(files_of(paths), level=level))
    compared = {"full": 0, "partial": 0}
    for code, (start, end, partial) in expected.items():
        found = table[code]
        if start is None or start == 0:
            assert found["percent_change"] is None and found["status"] == "missing"
            continue
        assert (found["start"], found["end"], found["change"]) == (start, end, end - start)
        assert found["percent_change"] == pytest.approx((end / start - 1) * 100, rel=1e-12)
        assert found["annualized_percent"] == pytest.approx(((end / start) ** (1 / 3) - 1) * 100, rel=1e-12)
        assert found["years"] == 3 and found["fully_published"] is (not partial)
        assert found["status"] == ("partial" if partial else "ok")
        compared["partial" if partial else "full"] += 1
    only_one_year = set(table) - set(expected)
    assert all(table[code]["status"] == "missing" for code in only_one_year)
    # Most detailed industries are suppressed in some county: they are the partial (matched-county) rows.
    assert compared["full"] >= {"sector": 10, "3": 8, "6": 10}[level] and compared["partial"] >= 5


def test_growth_names_its_span_and_accepts_another_one():
    files = files_of(msa_paths())
    table = growth_from_qcew(files, start_year="2021", end_year="2022")
    assert (table.meta["start_year"], table.meta["end_year"]) == ("2021", "2022")
    labels = {column.name: column.label for column in table.columns}
    assert labels["start"] == "Employment 2021" and labels["end"] == "Employment 2022"
    assert {row["years"] for row in table.records()} == {1}
    with pytest.raises(InputError):
        growth_from_qcew(files, start_year="2023", end_year="2020")
    with pytest.raises(InputError) as caught:
        growth_from_qcew(files, start_year="2019")
    assert "2020" in str(caught.value)


def test_growth_needs_the_same_counties_in_both_years():
    paths = msa_paths("2020", "2023")
    with pytest.raises(InputError) as caught:
        growth_from_qcew(files_of(paths[1:]))  # 2020 without Delaware County
    assert "39041" in str(caught.value)


# --- Shift-share three ways -----------------------------------------------------------------------


positive = st.integers(min_value=1, max_value=10**7)


@given(st.lists(st.tuples(positive, positive, positive), min_size=2, max_size=6), positive)
def test_each_methods_parts_sum_to_the_change(series, region_total):
    count_example("shift_share_methods_sum")
    region = [r for r, _, _ in series]
    nation = [r + n for r, n, _ in series]  # the region is part of the nation
    totals = [r + n + t for r, n, t in series]
    change = region[-1] - region[0]
    tolerance = {"rel": 1e-9, "abs": 1e-6 * max(region)}
    classic = shift_share(region[0], region[-1], nation[0], nation[-1], totals[0], totals[-1])
    parts = classic.national_effect + classic.industry_mix_effect + classic.competitive_effect
    assert parts == pytest.approx(change, **tolerance)
    em = esteban_marquillas(region[0], region[-1], nation[0], nation[-1], totals[0], totals[-1], region_total)
    em_parts = em.national_effect + em.industry_mix_effect + em.competitive_effect + em.allocation_effect
    assert em_parts == pytest.approx(change, **tolerance)
    assert em.competitive_effect + em.allocation_effect == pytest.approx(classic.competitive_effect, **tolerance)
    dynamic = dynamic_shift_share(region, nation, totals)
    assert dynamic.national_effect + dynamic.industry_mix_effect + dynamic.competitive_effect == pytest.approx(
        change, **tolerance
    )
    assert dynamic.total_change == change


@pytest.mark.parametrize("method", ["classic", "esteban-marquillas", "dynamic"])
@pytest.mark.parametrize("level", ["sector", "3"])
def test_each_methods_parts_sum_to_the_change_on_the_sample(method, level):
    region, reference = shift_share_sample()
    rows = [r for r in shift_share_from_qcew(region, None, level, reference, method).records() if r["status"] == "ok"]
    assert len(rows) >= 8
    for row in rows:
        parts = row["national_effect"] + row["industry_mix_effect"] + row["competitive_effect"]
        parts += row.get("allocation_effect") or 0
        assert parts == pytest.approx(row["region_end"] - row["region_start"], rel=1e-9, abs=1e-6)


def pandas_shift_share(level_code):
    """Delaware County against the ten-county MSA, every year, computed from the raw files with pandas."""
    frame = pd.concat([pd.read_csv(p, dtype={"area_fips": str, "industry_code": str}) for p in msa_paths()])
    totals = frame[(frame["own_code"] == 0) & (frame["agglvl_code"] == 70)]
    reference_total = totals.groupby("year")["annual_avg_emplvl"].sum()
    delaware_total = totals[totals["area_fips"] == "39041"].set_index("year")["annual_avg_emplvl"]
    rows = frame[(frame["own_code"] == 5) & (frame["agglvl_code"] == level_code)]
    rows = rows.assign(hidden=rows["disclosure_code"].fillna("").isin(["N", "-"]))
    grouped = rows.groupby(["industry_code", "year"])
    reference = grouped["annual_avg_emplvl"].sum().where(~grouped["hidden"].any()).unstack("year")
    delaware = rows[rows["area_fips"] == "39041"]
    region = delaware["annual_avg_emplvl"].where(~delaware["hidden"])
    region = pd.Series(region.values, index=pd.MultiIndex.from_frame(delaware[["industry_code", "year"]]))
    return region.unstack("year"), reference, reference_total, delaware_total


@pytest.mark.parametrize("level, level_code", [("sector", 74), ("3", 75)])
def test_esteban_marquillas_and_dynamic_equal_pandas_on_the_sample(level, level_code):
    region, reference, reference_total, delaware_total = pandas_shift_share(level_code)
    files, ref_files = shift_share_sample()
    em = by_code(shift_share_from_qcew(files, None, level, ref_files, "esteban-marquillas"))
    dynamic = by_code(shift_share_from_qcew(files, None, level, ref_files, "dynamic"))
    years = [2020, 2021, 2022, 2023]
    compared = {"em": 0, "dynamic": 0}
    for code in region.index:
        e, n = region.loc[code], reference.loc[code] if code in reference.index else None
        if n is None:
            continue
        rate = {y: reference_total[y] for y in years}
        if not (pd.isna(e[2020]) or pd.isna(e[2023]) or pd.isna(n[2020]) or pd.isna(n[2023])) and e[2020] > 0:
            gap = e[2023] / e[2020] - n[2023] / n[2020]
            homothetic = delaware_total[2020] * n[2020] / rate[2020]
            row = em[code]
            assert row["status"] == "ok"
            assert row["national_effect"] == pytest.approx(e[2020] * (rate[2023] / rate[2020] - 1), rel=1e-9)
            assert row["industry_mix_effect"] == pytest.approx(
                e[2020] * (n[2023] / n[2020] - rate[2023] / rate[2020]), rel=1e-9, abs=1e-9
            )
            assert row["homothetic_employment"] == pytest.approx(homothetic, rel=1e-12)
            assert row["competitive_effect"] == pytest.approx(homothetic * gap, rel=1e-9, abs=1e-9)
            assert row["allocation_effect"] == pytest.approx((e[2020] - homothetic) * gap, rel=1e-9, abs=1e-9)
            compared["em"] += 1
        else:
            assert em[code]["status"] == "missing"
        if e[years].notna().all() and n[years].notna().all() and (e[years[:-1]] > 0).all():
            parts = [0.0, 0.0, 0.0]
            for a, b in zip(years, years[1:], strict=False):
                total_rate = rate[b] / rate[a] - 1
                industry_rate = n[b] / n[a] - 1
                parts[0] += e[a] * total_rate
                parts[1] += e[a] * (industry_rate - total_rate)
                parts[2] += e[a] * (e[b] / e[a] - 1 - industry_rate)
            row = dynamic[code]
            assert row["status"] == "ok"
            for name, value in zip(
                ("national_effect", "industry_mix_effect", "competitive_effect"), parts, strict=True
            ):
                assert row[name] == pytest.approx(value, rel=1e-9, abs=1e-9)
            compared["dynamic"] += 1
        else:
            assert dynamic[code]["status"] == "missing"
    assert compared["em"] >= 8 and compared["dynamic"] >= 8


def test_an_unknown_method_is_refused():
    region, reference = shift_share_sample()
    with pytest.raises(InputError) as caught:
        shift_share_from_qcew(region, None, "sector", reference, "shift-and-share")
    assert caught.value.column == "method"


def test_a_table_gives_the_classic_split_only():
    from start_calculators.shift_qcew import table_method

    table_method("classic")
    with pytest.raises(InputError) as caught:
        table_method("dynamic")
    assert caught.value.column == "method" and "QCEW files" in str(caught.value)
