"""Ranking: Excel's RANK.EQ and RANK.AVG (checked against pandas), scores, highlights, missing rule."""

import random

import pandas as pd
import pytest
from start_calculators import InputError, rank_rows, rank_table, rank_values, read_rank_csv


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("ties, method", [("eq", "min"), ("avg", "average")])
def test_ranks_match_pandas(seed, ties, method):
    rng = random.Random(seed)
    values = [rng.choice([rng.randint(0, 8), rng.random() * 10, None]) for _ in range(rng.randint(1, 40))]
    ours = rank_values(values, ties=ties)
    theirs = pd.Series(values, dtype="float64").rank(method=method, ascending=False).tolist()
    for mine, expected in zip(ours, theirs, strict=True):
        if pd.isna(expected):
            assert mine is None
        else:
            assert mine == expected


def test_lower_is_better_matches_pandas_ascending():
    values = [3, 1, 4, 1, 5, 9, 2, 6]
    ours = rank_values(values, higher_is_better=False)
    assert ours == pd.Series(values).rank(method="min", ascending=True).astype(int).tolist()


def test_rank_eq_skips_places_after_a_tie():
    assert rank_values([10, 20, 20, 5]) == [3, 1, 1, 4]
    assert rank_values([10, 20, 20, 5], ties="avg") == [3, 1.5, 1.5, 4]


TABLE = """industry,employment,pay,growth
A,100,50,1.0
B,300,40,-2.0
C,200,60,3.0
D,200,30,
"""


def test_scores_and_overall_rank_with_the_default_missing_rule():
    table = rank_table(read_rank_csv(TABLE, "t.csv")).records()
    a, b, c, d = table
    # Ranks by hand: employment B1 C2 D2 A4; pay C1 A2 B3 D4; growth C1 A2 B3.
    assert (a["rank_employment"], b["rank_employment"], c["rank_employment"], d["rank_employment"]) == (4, 1, 2, 2)
    assert a["score"] == pytest.approx((4 + 2 + 2) / 3)
    assert c["score"] == pytest.approx((2 + 1 + 1) / 3)
    assert d["score"] is None and d["rank"] is None and d["status"] == "missing"
    assert "growth" in d["note"]
    assert (c["rank"], b["rank"], a["rank"]) == (1, 2, 3)


def test_missing_last_rule_gives_every_industry_a_score():
    table = rank_table(read_rank_csv(TABLE, "t.csv"), missing="last").records()
    d = table[3]
    assert d["rank_growth"] == 4 and d["score"] == pytest.approx((2 + 4 + 4) / 3)


def test_weights_and_direction():
    sheet = read_rank_csv(TABLE, "t.csv")
    table = rank_table(
        sheet, factors=["employment", "pay"], weights={"pay": 3}, lower_is_better=["employment"]
    ).records()
    a = table[0]
    # employment lower is better: A1 C2 D2 B4; pay: A2 -> weighted (1*1 + 3*2) / 4.
    assert a["rank_employment"] == 1 and a["score"] == pytest.approx(7 / 4)


def test_overall_ties_share_the_best_rank():
    sheet = rank_rows(
        [{"industry": "X", "a": 1, "b": 2}, {"industry": "Y", "a": 2, "b": 1}, {"industry": "Z", "a": 0, "b": 0}]
    )
    ranks = [row["rank"] for row in rank_table(sheet).records()]
    assert ranks == [1, 1, 3]


@pytest.mark.parametrize(
    "rule, expected",
    [
        ("top", [False, True, True, True]),  # top 3 employment: B, C and D (tied)
        ("third", [False, True, True, True]),  # ceil(4 / 3) = 2 places, the tie at 2 included
        ("median", [False, True, False, False]),  # median 200: only B is above
    ],
)
def test_highlights(rule, expected):
    table = rank_table(read_rank_csv(TABLE, "t.csv"), highlight=rule, top_n=3)
    assert table.column_values("highlight_employment") == expected


def test_a_text_value_in_a_numeric_column_is_an_error():
    with pytest.raises(InputError) as caught:
        rank_table(read_rank_csv("industry,jobs\nA,5\nB,many\n", "r.csv"))
    assert (caught.value.row, caught.value.column) == (3, "jobs")


def test_unknown_factor_and_bad_weight_are_errors():
    sheet = read_rank_csv(TABLE, "t.csv")
    with pytest.raises(InputError):
        rank_table(sheet, factors=["nope"])
    with pytest.raises(InputError):
        rank_table(sheet, weights={"pay": "-1"})


def test_default_factors_are_the_numeric_columns_with_values():
    sheet = read_rank_csv("industry,title,jobs,blank,pay\nA,Alpha,5,,7\nB,Beta,9,,3\n", "d.csv")
    table = rank_table(sheet)
    assert table.meta["factors"] == ["jobs", "pay"]
    assert "title" not in table.meta["factors"]


def test_fractional_weights_tie_exactly():
    # 0.1*1 + 0.2*1 + 0.3*3 and 0.1*3 + 0.2*3 + 0.3*1 are both 1.2, though not in floating point.
    sheet = rank_rows(
        [
            {"industry": "X", "a": 3, "b": 3, "c": 1},
            {"industry": "Y", "a": 1, "b": 1, "c": 3},
            {"industry": "Z", "a": 2, "b": 2, "c": 2},
        ]
    )
    table = rank_table(sheet, weights={"a": "0.1", "b": "0.2", "c": "0.3"}).records()
    assert [row["rank"] for row in table] == [1, 1, 1]
    assert [row["score"] for row in table] == [2.0, 2.0, 2.0]


def test_rank_columns_display_half_places():
    table = rank_table(rank_rows([{"industry": "A", "x": 1}, {"industry": "B", "x": 1}]), ties="avg")
    formats = {column.name: column.format for column in table.columns}
    assert formats["rank_x"] == "rank" and formats["rank"] == "rank"
    assert table.column_values("rank_x") == [1.5, 1.5]
