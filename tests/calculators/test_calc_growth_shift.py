"""Growth and shift-share on small tables, with expected values worked out by hand."""

import pytest
from start_calculators import (
    InputError,
    growth,
    growth_table,
    read_growth_csv,
    read_shift_csv,
    shift_share,
    shift_share_table,
    single_growth,
)


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
    from start_calculators.industry import shift_share_from_qcew
    from start_calculators.sample import shift_share_sample

    region, reference = shift_share_sample()
    table = shift_share_from_qcew(region, None, "3", reference)
    rows = [r for r in table.records() if r["status"] == "ok"]
    assert len(rows) >= 20
    for row in rows:
        parts = row["national_effect"] + row["industry_mix_effect"] + row["competitive_effect"]
        assert parts == pytest.approx(row["region_end"] - row["region_start"])
        assert row["total_change"] == row["region_end"] - row["region_start"]
    # The reference's overall rate is the five counties' total change, 2019 to 2020.
    assert table.meta["nation_source"] == "reference"
    rate = table.meta["nation_total"] / table.meta["nation_total_start"] - 1
    first = rows[0]
    assert first["national_effect"] == pytest.approx(first["region_start"] * rate)


def test_a_reference_area_of_another_period_is_refused():
    from start_calculators.industry import shift_share_from_qcew
    from start_calculators.sample import shift_share_sample

    region, reference = shift_share_sample()
    name, text = reference[1]
    other_year = [(name, text.replace(",2020,A,", ",2019,A,"))]
    with pytest.raises(InputError) as caught:
        shift_share_from_qcew(region, None, "3", other_year)
    assert caught.value.file == name and caught.value.column == "year"
