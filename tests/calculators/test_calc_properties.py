"""Property tests (hypothesis). START_FUZZ=1 selects the large profile (see conftest.py)."""

import contextlib
import json
import math

from calc_support import counted, sample_paths
from hypothesis import assume, given
from hypothesis import strategies as st
from start_calculators import (
    InputError,
    Table,
    growth_from_qcew,
    growth_table,
    industry_table,
    location_quotient,
    lq_from_qcew,
    lq_table,
    rank_rows,
    rank_table,
    rank_values,
    read_growth_csv,
    read_lq_csv,
    read_qcew,
    read_rank_csv,
    read_shift_csv,
    shift_share,
    shift_share_table,
)
from start_calculators.browser import call

counts = st.integers(min_value=1, max_value=10**9)
scales = st.floats(min_value=1e-3, max_value=1e3, allow_nan=False, allow_infinity=False)


@given(counts, counts, counts, counts, scales)
@counted("lq_scale_region")
def test_lq_is_invariant_to_scaling_the_region(a, b, c, d, k):
    region, region_total = min(a, b), max(a, b)
    nation, nation_total = min(c, d), max(c, d)
    before = location_quotient(region, region_total, nation, nation_total).value
    after = location_quotient(region * k, region_total * k, nation, nation_total).value
    assert math.isclose(before, after, rel_tol=1e-12)


@given(counts, counts, counts, counts, scales)
@counted("lq_scale_nation")
def test_lq_is_invariant_to_scaling_the_nation(a, b, c, d, k):
    region, region_total = min(a, b), max(a, b)
    nation, nation_total = min(c, d), max(c, d)
    before = location_quotient(region, region_total, nation, nation_total).value
    after = location_quotient(region, region_total, nation * k, nation_total * k).value
    assert math.isclose(before, after, rel_tol=1e-12)


values = st.lists(
    st.one_of(st.none(), st.integers(-5, 5), st.floats(-1e6, 1e6, allow_nan=False)), min_size=1, max_size=30
)


@given(values, st.randoms(use_true_random=False), st.sampled_from(["eq", "avg"]), st.booleans())
@counted("rank_permutation")
def test_ranks_are_consistent_under_permutation(items, rng, ties, higher):
    order = list(range(len(items)))
    rng.shuffle(order)
    ranks = rank_values(items, ties=ties, higher_is_better=higher)
    shuffled = rank_values([items[i] for i in order], ties=ties, higher_is_better=higher)
    assert shuffled == [ranks[i] for i in order]


rows = st.lists(
    st.tuples(st.integers(0, 9), st.one_of(st.none(), st.integers(-3, 3)), st.floats(0, 100, allow_nan=False)),
    min_size=1,
    max_size=20,
)


@given(
    rows,
    st.randoms(use_true_random=False),
    st.sampled_from(["eq", "avg"]),
    st.sampled_from(["exclude", "last"]),
    st.integers(0, 4),
)
@counted("rank_table_permutation")
def test_scores_and_overall_ranks_follow_the_rows_under_permutation(data, rng, ties, missing, weight):
    records = [{"industry": f"i{n}", "a": a, "b": b, "c": c} for n, (a, b, c) in enumerate(data)]
    shuffled = records[:]
    rng.shuffle(shuffled)
    options = {
        "ties": ties,
        "missing": missing,
        "weights": {"c": weight + 1},
        "lower_is_better": ["b"],
        "factors": ["a", "b", "c"],
    }
    first = {r["industry"]: r for r in rank_table(rank_rows(records), **options).records()}
    second = {r["industry"]: r for r in rank_table(rank_rows(shuffled), **options).records()}
    assert first == second


amounts = st.integers(min_value=0, max_value=10**8)


@given(amounts, amounts, amounts, amounts, amounts, amounts)
@counted("shift_share_sum")
def test_shift_share_parts_sum_to_the_change(rs, re, ns, ne, ts, te):
    assume(rs > 0 and ns > 0 and ts > 0)
    shift = shift_share(rs, re, ns, ne, ts, te)
    parts = shift.national_effect + shift.industry_mix_effect + shift.competitive_effect
    assert math.isclose(parts, re - rs, rel_tol=1e-9, abs_tol=1e-6 * max(1, rs, re))
    assert shift.total_change == re - rs


def _snippet():
    """A small real QCEW file: header, totals and a dozen subsector rows of one county."""
    lines = sample_paths()[4].read_text(encoding="utf-8").splitlines()
    keep = [lines[0]] + [line for line in lines[1:] if ",0,10,70," in line or ",5,10,71," in line]
    keep += [line for line in lines[1:] if line.split(",")[1] == "5" and line.split(",")[3] == "75"][:12]
    return [line.split(",") for line in keep]


SNIPPET = _snippet()
NASTY = st.sampled_from(
    [
        "",
        "N",
        "-",
        "(D)",
        "-5",
        "1e999",
        "NaN",
        "inf",
        "99999999999999999999999",
        '"',
        ",",
        "A",
        "2019",
        "0",
        "1.5",
        "\x00",
        "\ufeff",
        " 7 ",
        "1,234",
    ]
)
mutation = st.tuples(st.integers(0, len(SNIPPET) - 1), st.integers(0, 40), st.one_of(NASTY, st.text(max_size=6)))


def _check_table(table):
    for row in table.rows:
        for value in row:
            assert not (isinstance(value, float) and not math.isfinite(value))


@given(
    st.lists(mutation, max_size=6),
    st.lists(st.integers(0, len(SNIPPET) - 1), max_size=3),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["sector", "3", "4", "x"]),
)
@counted("qcew_damaged")
def test_qcew_readers_raise_only_input_errors_on_damaged_files(changes, dropped, quote, crlf, level):
    grid = [row[:] for row in SNIPPET]
    for line, field, text in changes:
        if field < len(grid[line]):
            grid[line][field] = text
        else:
            grid[line].append(text)
    grid = [row for index, row in enumerate(grid) if index not in dropped or index == 0]
    cells = (lambda row: ",".join(f'"{c}"' for c in row)) if quote else ",".join
    text = ("\r\n" if crlf else "\n").join(cells(row) for row in grid)
    try:
        for table in (
            lq_from_qcew([("f.csv", text)], level=level),
            industry_table([("f.csv", text)], level=level),
            growth_from_qcew([("f.csv", text)], level=level),
        ):
            _check_table(table)
    except InputError:
        pass


@given(st.binary(max_size=3000))
@counted("arbitrary_bytes")
def test_readers_raise_only_input_errors_on_arbitrary_bytes(data):
    for attempt in (
        lambda: read_qcew(data, "x.csv"),
        lambda: lq_table(read_lq_csv(data, "x.csv"), 100, 1000),
        lambda: growth_table(read_growth_csv(data, "x.csv")),
        lambda: rank_table(read_rank_csv(data, "x.csv")),
        lambda: shift_share_table(read_shift_csv(data, "x.csv"), 100, 120),
    ):
        try:
            result = attempt()
        except InputError:
            continue
        if isinstance(result, Table):
            _check_table(result)


HEADERS = st.sampled_from(
    [
        "industry,region_employment,nation_employment",
        "industry,start,end,years",
        "industry,start,end",
        "industry,region_start,region_end,nation_start,nation_end",
        "industry,jobs,pay",
        "industry",
        "industry,region_employment",
        "industry,industry,x",
        "",
    ]
)
cell = st.one_of(
    NASTY,
    st.text(max_size=8),
    st.integers(-10, 10**6).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
line = st.lists(cell, min_size=0, max_size=6).map(lambda cells: ",".join(cells))


@given(HEADERS, st.lists(line, max_size=6), st.booleans())
@counted("table_text")
def test_table_readers_raise_only_input_errors_on_arbitrary_text(header, lines, bom):
    text = ("\ufeff" if bom else "") + "\n".join([header, *lines])
    for attempt in (
        lambda: lq_table(read_lq_csv(text, "t.csv"), "1,000", 10**6),
        lambda: growth_table(read_growth_csv(text, "t.csv"), min_size=50),
        lambda: rank_table(read_rank_csv(text, "t.csv"), highlight="median"),
        lambda: shift_share_table(read_shift_csv(text, "t.csv"), 1000, 1100),
    ):
        with contextlib.suppress(InputError):
            _check_table(attempt())


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5), st.floats(allow_nan=False)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)
functions = st.sampled_from(
    [
        "lq_table",
        "lq_qcew",
        "growth",
        "growth_table",
        "rank",
        "shift_share",
        "industry_table",
        "to_csv",
        "to_xlsx",
        "sample_region",
        "nope",
    ]
)


@given(
    functions,
    st.dictionaries(
        st.sampled_from(
            [
                "rows",
                "csv",
                "files",
                "table",
                "region_total",
                "nation_total",
                "start",
                "end",
                "factors",
                "weights",
                "ties",
                "as",
                "level",
                "base",
                "nation",
            ]
        ),
        json_values,
        max_size=4,
    ),
)
@counted("browser_call")
def test_browser_calls_always_answer_with_json(fn, args):
    if fn == "sample_region":
        args.pop("as", None)  # the sample itself is covered elsewhere; keep this property fast
        args["as"] = "files"
    response = json.loads(call(json.dumps({"id": 7, "fn": fn, "args": args})))
    assert response["id"] == 7 and isinstance(response["ok"], bool)
    if not response["ok"]:
        assert set(response["error"]) >= {"message", "file", "row", "column"}
        assert "unexpected" not in response["error"]["message"], response
