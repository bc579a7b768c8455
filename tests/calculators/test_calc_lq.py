"""Location quotient: the published worked example, undefined cases, bands and the LQ table."""

import math

import pytest
from start_calculators import (
    InputError,
    band,
    band_range,
    location_quotient,
    lq_rows,
    lq_table,
    make_bands,
    parse_number,
    read_lq_csv,
)


def test_published_worked_example():
    # Farhauer/Kroell (2013): 1,714 of 79,006 regional jobs against 879,213 of 15,593,224 nationally.
    quotient = location_quotient(1714, 79006, 879213, 15593224)
    assert quotient.ok
    assert round(quotient.value, 7) == 0.3847623


def test_lq_of_one_when_shares_match():
    assert location_quotient(10, 100, 1000, 10000).value == pytest.approx(1.0)


@pytest.mark.parametrize(
    "args, words",
    [
        ((5, 0, 10, 100), "region total is zero"),
        ((5, 50, 0, 100), "nation employment is zero"),
        ((5, 50, 10, 0), "nation total is zero"),
        ((None, 50, 10, 100), "region employment is missing"),
        ((5, 50, None, 100), "nation employment is missing"),
    ],
)
def test_undefined_lq_is_missing_with_reason_never_zero_inf_or_nan(args, words):
    quotient = location_quotient(*args)
    assert quotient.value is None
    assert words in quotient.reason


def test_absent_industry_is_a_real_zero_not_missing():
    quotient = location_quotient(0, 50, 10, 100)
    assert quotient.value == 0 and quotient.ok


@pytest.mark.parametrize(
    "lq, expected",
    [
        (0.5, "low"),
        (0.7499, "low"),
        (0.75, "average"),
        (1.2499, "average"),
        (1.25, "concentrated"),
        (1.99, "concentrated"),
        (2.0, "strong"),
        (7.3, "strong"),
        (None, None),
    ],
)
def test_default_bands_follow_the_guide(lq, expected):
    assert band(lq) == expected


def test_bands_are_configurable_and_checked():
    bands = make_bands(["0.5", "1", "3"])
    assert band(0.6, bands) == "average" and band(2.5, bands) == "concentrated"
    with pytest.raises(InputError):
        make_bands(["1.5", "1.0", "2.0"])


def test_lq_table_from_friendly_csv():
    text = '\ufeffindustry,region_employment,nation_employment\r\nWidgets,"1,714",879213\r\nGadgets,,5\r\n'
    table = lq_table(read_lq_csv(text, "friendly.csv"), "79,006", "15,593,224")
    rows = table.records()
    assert rows[0]["lq"] == pytest.approx(0.3847623, abs=5e-8)
    assert rows[0]["band"] == "low" and rows[0]["status"] == "ok"
    assert rows[1]["lq"] is None and rows[1]["status"] == "missing"
    assert "missing" in rows[1]["note"]
    for row in rows:
        assert row["lq"] is None or math.isfinite(row["lq"])


def test_lq_table_from_grid_rows():
    rows = [{"industry": "A", "region_employment": 50, "nation_employment": "1,000"}]
    table = lq_table(lq_rows(rows), 100, 10000)
    assert table.records()[0]["lq"] == pytest.approx(5.0)


def test_region_employment_above_region_total_is_an_error():
    sheet = read_lq_csv("industry,region_employment,nation_employment\nA,120,5\n", "big.csv")
    with pytest.raises(InputError) as caught:
        lq_table(sheet, 100, 1000)
    assert (caught.value.file, caught.value.row, caught.value.column) == ("big.csv", 2, "region_employment")


@pytest.mark.parametrize(
    "text, value",
    [
        ("1,234", 1234),
        (" 79,006 ", 79006),
        ("$52,000", 52000),
        ("7.5%", 7.5),
        ("1e3", 1000.0),
        ("0.25", 0.25),
        (".5", 0.5),
        (12, 12),
    ],
)
def test_friendly_numbers(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["(D)", "NaN", "inf", "-Infinity", "abc", "1,2,3", "12..5", "--4", "1 234"])
def test_unfriendly_numbers_are_errors(text):
    with pytest.raises(InputError) as caught:
        parse_number(text, file="f.csv", row=4, column="nation_employment")
    assert str(caught.value).startswith('f.csv, row 4, column "nation_employment": expected')


def test_error_message_reads_like_the_brief():
    with pytest.raises(InputError) as caught:
        parse_number("abc", file="sample.csv", row=4, column="nation_employment")
    assert str(caught.value).startswith('sample.csv, row 4, column "nation_employment": expected a number, got "abc"')


def test_negative_numbers_are_errors_unless_allowed():
    with pytest.raises(InputError):
        parse_number("-5")
    assert parse_number("-5", negative_ok=True) == -5


@pytest.mark.parametrize(
    "low, high, expected",
    [
        (0.03, 11.5, "low to strong"),
        (0.9, 1.3, "average to concentrated"),
        (1.3, 1.4, "concentrated"),
        (0.5, None, "low or higher"),
        (2.5, None, "strong"),
        (None, 1.0, None),
    ],
)
def test_interval_lqs_get_a_band_range(low, high, expected):
    assert band_range(low, high) == expected
