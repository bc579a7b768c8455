"""The optional pandas adapter: DataFrames in and out, same numbers as the plain API."""

import pandas as pd
import pytest
from start_calculators import InputError, pandas_adapter


def test_lq_dataframe():
    frame = pd.DataFrame({"industry": ["W", "G"], "region_employment": [1714, None], "nation_employment": [879213, 5]})
    out = pandas_adapter.lq_dataframe(frame, 79006, 15593224)
    assert list(out["industry"]) == ["W", "G"]
    assert out.loc[0, "lq"] == pytest.approx(0.3847623, abs=5e-8)
    assert out.loc[1, "status"] == "missing"


def test_rank_dataframe_matches_pandas_rank():
    frame = pd.DataFrame({"industry": list("ABCDE"), "jobs": [5, 3, 5, 1, 9]})
    out = pandas_adapter.rank_dataframe(frame, ties="avg")
    expected = frame["jobs"].rank(method="average", ascending=False)
    assert out["rank_jobs"].tolist() == expected.tolist()


def test_growth_and_shift_share_dataframes():
    growth = pandas_adapter.growth_dataframe(pd.DataFrame({"industry": ["A"], "start": [50], "end": [100]}))
    assert growth.loc[0, "percent_change"] == pytest.approx(100)
    shift = pandas_adapter.shift_share_dataframe(
        pd.DataFrame(
            {
                "industry": ["A"],
                "region_start": [100],
                "region_end": [150],
                "nation_start": [1000],
                "nation_end": [1200],
            }
        ),
        10000,
        11000,
    )
    assert shift.loc[0, "national_effect"] == pytest.approx(10)


def test_rows_past_the_total_and_missing_markers():
    frame = pd.DataFrame({"industry": ["A", "B"], "region_employment": [60, 50], "nation_employment": [1, 1]})
    with pytest.raises(InputError) as caught:
        pandas_adapter.lq_dataframe(frame, 100, 1000)
    assert (caught.value.row, caught.value.column) == (2, "region_employment")
    marked = pd.DataFrame({"industry": ["A", "B"], "region_employment": ["(D)", 5], "nation_employment": [10, 10]})
    out = pandas_adapter.lq_dataframe(marked, 100, 1000)
    assert list(out["status"]) == ["missing", "ok"]
