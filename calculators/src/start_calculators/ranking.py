"""Ranking industries on several factors (the guide's tabs J and K): ranks, score, highlights.

Missing values follow one documented rule, never a silent zero:
- `missing="exclude"` (default): a blank factor value gets no rank on that factor; the industry
  gets no score and no overall rank, and its note names the missing factors. The other
  industries are ranked among themselves.
- `missing="last"`: blank values share the places after the last real value on that factor
  (RANK.EQ: all get count + 1; RANK.AVG: the mean of those places), so the industry still
  gets a score.
Rows that rest on partly suppressed data (a QCEW table's `partial` rows) are ranked like the
others and marked: a `partial_data` flag and a note, so the page can say so beside them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from .errors import InputError
from .inputs import PROGRESS_EVERY, Cell, Sheet, from_rows, read_table
from .numbers import is_missing, parse_number
from .progress import Progress, Steps, finish
from .rank_options import TIE_RULES, Options, check_options
from .results import Column, Table, column, text_column

# Display format of rank columns: whole places as integers, RANK.AVG's half places as 1.5.
RANK_FORMAT = "rank"
# Figures that cannot be below zero; a factor column whose name says it is one of them (and not a
# change in one) rejects negative values.
_NON_NEGATIVE = re.compile(r"employ|emplvl|establish|estab|wage|pay|jobs|workers|earning|salar", re.IGNORECASE)
_CHANGE = re.compile(r"growth|change|chg|percent|pct|diff|delta|effect|shift|rate", re.IGNORECASE)
# Factors that do not come from QCEW counts, so suppression does not touch them.
_NOT_FROM_QCEW = frozenset({"projected_growth"})
Rank = int | float | None


def rank_values(values: Sequence[float | None], *, higher_is_better: bool = True, ties: str = "eq") -> list[Rank]:
    """Excel ranks: RANK.EQ (ties share the best place, the next place is skipped) or RANK.AVG.

    None values stay None. Ranks are ints for "eq", and may be halves for "avg".
    """
    if ties not in TIE_RULES:
        raise InputError.bad_value(f"a tie rule, {' or '.join(TIE_RULES)}", ties, column="ties")
    order = sorted((value, index) for index, value in enumerate(values) if value is not None)
    if higher_is_better:
        order.reverse()
    ranks: list[Rank] = [None] * len(values)
    start = 0
    while start < len(order):
        stop = start
        while stop + 1 < len(order) and order[stop + 1][0] == order[start][0]:
            stop += 1
        place = start + 1 if ties == "eq" else _half(start + 1 + stop + 1)
        for position in range(start, stop + 1):
            ranks[order[position][1]] = place
        start = stop + 1
    return ranks


def _half(twice: int) -> int | float:
    """twice / 2: an int for a whole place, else the half place (RANK.AVG's 1.5)."""
    return twice // 2 if twice % 2 == 0 else twice / 2


def _with_missing_last(ranks: list[Rank], ties: str) -> list[Rank]:
    """Rule "last": blanks share the places after the last real value."""
    count = sum(rank is not None for rank in ranks)
    if count == len(ranks):
        return ranks
    fill = count + 1 if ties == "eq" else _half(count + 1 + len(ranks))
    return [fill if rank is None else rank for rank in ranks]


def can_be_negative(name: str) -> bool:
    """False for columns named like a count or an amount (employment, wages ...), not a change in one."""
    return not _NON_NEGATIVE.search(name) or bool(_CHANGE.search(name))


def numeric_columns(sheet: Sheet, key: str) -> tuple[dict[str, list[float | None]], list[str]]:
    """Columns whose filled cells are all numbers, and the text columns. Mixing the two is an error."""
    return finish(iter_numeric_columns(sheet, key))


def iter_numeric_columns(sheet: Sheet, key: str) -> Steps[tuple[dict[str, list[float | None]], list[str]]]:
    """As numeric_columns, yielding Progress every few thousand cells."""
    numeric: dict[str, list[float | None]] = {}
    text: list[str] = []
    for name in sheet.columns:
        if name == key:
            continue
        raw = [record.values.get(name) for record in sheet.records]
        if not any(_is_number(value) for value in raw if not is_missing(value)) and not all(map(is_missing, raw)):
            text.append(name)
            continue
        negative_ok = can_be_negative(name)
        values: list[float | None] = []
        for record, value in zip(sheet.records, raw, strict=True):
            values.append(
                parse_number(
                    value, negative_ok=negative_ok, blank_ok=True, file=sheet.name, row=record.row, column=name
                )
            )
            if len(values) % PROGRESS_EVERY == 0:
                yield Progress(sheet.name, len(values), len(raw), f"ranking ({name})")
        numeric[name] = values
    return numeric, text


def _is_number(value: Cell) -> bool:
    try:
        parse_number(value, negative_ok=True)
    except InputError:
        return False
    return True


def _median(values: Sequence[float]) -> float:
    # Not statistics.median: importing statistics (with fractions, random, decimal) is a noticeable
    # part of the engine's start in the browser.
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _highlight(
    ranks: Sequence[Rank], values: Sequence[float | None], rule: str, top_n: int, higher_is_better: bool
) -> list[bool | None]:
    present = [value for value in values if value is not None]
    if rule == "top":
        return [None if rank is None else rank <= top_n for rank in ranks]
    if rule == "third":
        cutoff = math.ceil(len(present) / 3)
        return [None if rank is None else rank <= cutoff for rank in ranks]
    middle = _median(present) if present else 0.0
    return [None if value is None else (value > middle if higher_is_better else value < middle) for value in values]


def rank_table(
    sheet: Sheet,
    *,
    key: str = "industry",
    factors: Sequence[str] | None = None,
    lower_is_better: Sequence[str] = (),
    weights: Mapping[str, object] | None = None,
    ties: str = "eq",
    highlight: str | None = None,
    top_n: object = 10,
    missing: str = "exclude",
) -> Table:
    """Rank each factor, average the ranks into a score, and rank the score (lowest best)."""
    options: dict[str, Any] = {"factors": factors, "lower_is_better": lower_is_better, "weights": weights}
    options |= {"ties": ties, "highlight": highlight, "top_n": top_n, "missing": missing}
    return finish(iter_rank_table(sheet, key=key, **options))


def iter_rank_table(sheet: Sheet, *, key: str = "industry", **chosen: Any) -> Steps[Table]:
    """As rank_table (the same keyword options), yielding Progress while it reads the factor columns."""
    numeric, text = yield from iter_numeric_columns(sheet, key)
    options = check_options(
        sheet,
        numeric,
        text,
        factors=chosen.get("factors"),
        lower_is_better=chosen.get("lower_is_better") or (),
        weights=chosen.get("weights"),
        ties=chosen.get("ties", "eq"),
        highlight=chosen.get("highlight"),
        top_n=chosen.get("top_n", 10),
        missing=chosen.get("missing", "exclude"),
    )
    ranks = {name: _factor_ranks(numeric[name], name, options) for name in options.factors}
    totals, scale = _scores(ranks, options, len(sheet.records))
    overall = rank_values(totals, higher_is_better=False)
    scores = [None if total is None else total / scale for total in totals]
    highlights = _highlights(ranks, numeric, scores, overall, options)
    flagged = {"fully_published", "partial", "status"} & set(sheet.columns)
    partial = [bool(flagged) and _is_partial(record.values) for record in sheet.records]
    marked = any(partial)
    rows = []
    for index, record in enumerate(sheet.records):
        row: list[Cell] = [record.values[key], *(record.values.get(name) for name in options.label)]
        row += [numeric[name][index] for name in options.factors]
        row += [ranks[name][index] for name in options.factors]
        row += [scores[index], overall[index]]
        row += [values[index] for values in highlights.values()]
        row += [partial[index]] if marked else []
        row += ["ok" if scores[index] is not None else "missing", _note(ranks, index, partial[index], options)]
        rows.append(row)
    return Table(_columns(key, options, highlights, marked), rows, _meta(options, sum(partial)))


def _factor_ranks(values: list[float | None], name: str, options: Options) -> list[Rank]:
    ranks = rank_values(values, higher_is_better=name not in options.lower_is_better, ties=options.ties)
    return _with_missing_last(ranks, options.ties) if options.missing == "last" else ranks


def _scores(ranks: Mapping[str, list[Rank]], options: Options, count: int) -> tuple[list[int | None], int]:
    """Each row's weighted rank total as an exact integer, and the divisor that makes it the score.

    Ranks are whole or half places and weights are fractions, so with weights scaled to integers and
    ranks doubled, every total is an integer: equal scores compare equal, with no rounding.
    """
    scale = math.lcm(*(weight.denominator for weight in options.weights.values()))
    weights = [int(options.weights[name] * scale) for name in options.factors]
    columns = [ranks[name] for name in options.factors]
    totals: list[int | None] = []
    for index in range(count):
        places = [column[index] for column in columns]
        if any(place is None for place in places):
            totals.append(None)
            continue
        totals.append(sum(weight * int(2 * (place or 0)) for weight, place in zip(weights, places, strict=True)))
    return totals, 2 * sum(weights)


def _highlights(
    ranks: Mapping[str, list[Rank]],
    numeric: Mapping[str, list[float | None]],
    scores: Sequence[float | None],
    overall: Sequence[Rank],
    options: Options,
) -> dict[str, list[bool | None]]:
    if not options.highlight:
        return {}
    found = {
        f"highlight_{name}": _highlight(
            ranks[name], numeric[name], options.highlight, options.top_n, name not in options.lower_is_better
        )
        for name in options.factors
    }
    found["highlight"] = _highlight(overall, scores, options.highlight, options.top_n, False)
    return found


def _is_partial(values: Mapping[str, Cell]) -> bool:
    """A row of a QCEW table resting on partly suppressed data: status "partial" or a false
    `fully_published` flag (a true `partial` flag is read the same way)."""
    published = values.get("fully_published")
    if published is False or str(published).strip().lower() == "false":
        return True
    flag = values.get("partial")
    return flag is True or str(flag).strip().lower() == "true" or str(values.get("status")).lower() == "partial"


def _columns(key: str, options: Options, highlights: Mapping[str, object], partial: bool) -> list[Column]:
    columns = [text_column(key, "Industry" if key == "industry" else None)]
    columns += [column(name) for name in (*options.label, *options.factors)]
    columns += [replace(column(f"rank_{name}"), format=RANK_FORMAT) for name in options.factors]
    columns += [column("score"), replace(column("rank"), format=RANK_FORMAT)]
    columns += [column(name) for name in highlights]
    if partial:
        columns.append(Column("partial_data", "Rests on partly suppressed data", "flag", "flag"))
    return columns + [column("status"), column("note")]


def _note(ranks: Mapping[str, list[Rank]], index: int, partial: bool, options: Options) -> str:
    parts = []
    lacking = [name for name in options.factors if ranks[name][index] is None]
    if lacking:
        parts.append("no value for: " + ", ".join(lacking))
    if partial:
        touched = [name for name in options.factors if name not in _NOT_FROM_QCEW]
        parts.append("partly suppressed data under: " + ", ".join(touched) if touched else "")
    return "; ".join(part for part in parts if part)


def _meta(options: Options, partial_rows: int) -> dict[str, object]:
    # The cells a page marks on a row resting on partly suppressed data: each factor QCEW counts
    # touch, and its rank.
    touched = [name for name in options.factors if name not in _NOT_FROM_QCEW] if partial_rows else []
    return {
        "calculator": "rank",
        "title": "Industry ranking",
        "factors": options.factors,
        "lower_is_better": options.lower_is_better,
        "ties": options.ties,
        "weights": {name: float(options.weights[name]) for name in options.factors},
        "missing": options.missing,
        "highlight": options.highlight,
        "top_n": options.top_n,
        "partial_rows": partial_rows,
        "partial_columns": [*touched, *(f"rank_{name}" for name in touched)],
    }


def read_rank_csv(data: object, name: str = "table.csv", key: str = "industry") -> Sheet:
    """A ranking table from CSV text or bytes (any separator or encoding) or an XLSX workbook."""
    return read_table(data, name, required=(key,), key=key, extra_ok=True)


def rank_rows(rows: object, name: str = "table", key: str = "industry") -> Sheet:
    return from_rows(rows, name, required=(key,), key=key, extra_ok=True)
