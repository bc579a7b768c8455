"""Ranking industries on several factors (the guide's tabs J and K): ranks, score, highlights.

Missing values follow one documented rule, never a silent zero:
- `missing="exclude"` (default): a blank factor value gets no rank on that factor; the industry
  gets no score and no overall rank, and its note names the missing factors. The other
  industries are ranked among themselves.
- `missing="last"`: blank values share the places after the last real value on that factor
  (RANK.EQ: all get count + 1; RANK.AVG: the mean of those places), so the industry still
  gets a score.
"""

import math
from fractions import Fraction
from statistics import median

from .errors import InputError
from .inputs import from_rows, read_csv
from .numbers import parse_number
from .results import Table, column, text_column

TIE_RULES = ("eq", "avg")
MISSING_RULES = ("exclude", "last")
HIGHLIGHT_RULES = ("top", "median", "third")


def rank_values(values, *, higher_is_better=True, ties="eq"):
    """Excel ranks: RANK.EQ (ties share the best place, the next place is skipped) or RANK.AVG.

    None values stay None. Ranks are ints for "eq", and may be halves for "avg".
    """
    if ties not in TIE_RULES:
        raise InputError(f"expected a tie rule, one of {', '.join(TIE_RULES)}, got {ties!r}", column="ties")
    order = sorted((value, index) for index, value in enumerate(values) if value is not None)
    if higher_is_better:
        order.reverse()
    ranks = [None] * len(values)
    start = 0
    while start < len(order):
        stop = start
        while stop + 1 < len(order) and order[stop + 1][0] == order[start][0]:
            stop += 1
        place = start + 1 if ties == "eq" else Fraction(start + 1 + stop + 1, 2)
        for position in range(start, stop + 1):
            ranks[order[position][1]] = place
        start = stop + 1
    return [_plain(rank) for rank in ranks]


def _plain(rank):
    if isinstance(rank, Fraction):
        return int(rank) if rank.denominator == 1 else float(rank)
    return rank


def _with_missing_last(ranks, ties):
    """Rule "last": blanks share the places after the last real value."""
    count = sum(rank is not None for rank in ranks)
    blanks = len(ranks) - count
    fill = count + 1 if ties == "eq" else _plain(Fraction(count + 1 + len(ranks), 2))
    return [fill if rank is None else rank for rank in ranks] if blanks else ranks


def numeric_columns(sheet, key):
    """Columns whose filled cells are all numbers. A column mixing numbers and text is an error."""
    numeric, text = {}, []
    for name in sheet.columns:
        if name == key:
            continue
        raw = [record.values.get(name) for record in sheet.records]
        filled = [value for value in raw if value not in (None, "")]
        parsed = []
        for value in filled:
            try:
                parsed.append(parse_number(value, negative_ok=True))
            except InputError:
                parsed.append(None)
        if filled and all(number is None for number in parsed):
            text.append(name)
            continue
        values = [
            parse_number(value, negative_ok=True, blank_ok=True, file=sheet.name, row=record.row, column=name)
            for record, value in zip(sheet.records, raw)
        ]
        numeric[name] = values
    return numeric, text


def _highlight(ranks, values, rule, top_n, higher_is_better):
    present = [value for value in values if value is not None]
    if rule == "top":
        return [None if rank is None else rank <= top_n for rank in ranks]
    if rule == "third":
        cutoff = math.ceil(len(present) / 3)
        return [None if rank is None else rank <= cutoff for rank in ranks]
    middle = median(present) if present else None
    return [None if value is None else (value > middle if higher_is_better else value < middle) for value in values]


def rank_table(
    sheet,
    *,
    key="industry",
    factors=None,
    lower_is_better=(),
    weights=None,
    ties="eq",
    highlight=None,
    top_n=10,
    missing="exclude",
):
    """Rank each factor, average the ranks into a score, and rank the score (lowest best)."""
    if missing not in MISSING_RULES:
        raise InputError(f"expected one of {', '.join(MISSING_RULES)}", column="missing")
    if highlight not in (None, *HIGHLIGHT_RULES):
        raise InputError(f"expected one of {', '.join(HIGHLIGHT_RULES)}", column="highlight")
    top_n = parse_number(top_n, integer=True, column="top")
    numeric, text = numeric_columns(sheet, key)
    if factors:
        factors = [str(name).strip() for name in factors]
    else:  # by default every numeric column that holds at least one value
        factors = [name for name, values in numeric.items() if any(v is not None for v in values)]
    if not factors:
        raise InputError("expected at least one numeric factor column", file=sheet.name, row=1)
    for name in factors:
        if name not in numeric:
            problem = "a numeric column" if name in sheet.columns else "a column of the table"
            raise InputError(f"expected {problem}", file=sheet.name, column=name, expected=problem)
    if len(set(factors)) != len(factors):
        raise InputError("expected each factor once", column="factors")
    for name in (*lower_is_better, *(weights or {})):
        if name not in factors:
            raise InputError(
                "expected one of the chosen factors", file=sheet.name, column=name, expected="a chosen factor"
            )
    weight = {name: Fraction(1) for name in factors}
    for name, raw in (weights or {}).items():
        value = parse_number(raw, column=f"weight {name}")
        weight[name] = Fraction(value)
    if sum(weight[name] for name in factors) <= 0:
        raise InputError("expected at least one weight above zero", column="weights")

    factor_ranks = {}
    for name in factors:
        ranks = rank_values(numeric[name], higher_is_better=name not in lower_is_better, ties=ties)
        factor_ranks[name] = _with_missing_last(ranks, ties) if missing == "last" else ranks

    scores, notes = [], []
    for index in range(len(sheet.records)):
        lacking = [name for name in factors if factor_ranks[name][index] is None]
        notes.append("no value for: " + ", ".join(lacking) if lacking else "")
        if lacking:
            scores.append(None)
            continue
        total = sum(weight[name] * Fraction(factor_ranks[name][index]) for name in factors)
        scores.append(total / sum(weight[name] for name in factors))
    overall = rank_values(scores, higher_is_better=False, ties="eq")

    label = [name for name in text if name in ("industry_title", "title", "name")][:1]
    names = [key, *label, *factors, *(f"rank_{name}" for name in factors), "score", "rank"]
    columns = [text_column(key, "Industry" if key == "industry" else None)]
    columns += [column(name) for name in names[1:]]
    highlights = {}
    if highlight:
        for name in factors:
            highlights[f"highlight_{name}"] = _highlight(
                factor_ranks[name], numeric[name], highlight, top_n, name not in lower_is_better
            )
        float_scores = [None if score is None else float(score) for score in scores]
        highlights["highlight"] = _highlight(overall, float_scores, highlight, top_n, False)
        columns += [column(name) for name in highlights]
    columns += [column("status"), column("note")]

    rows = []
    for index, record in enumerate(sheet.records):
        row = [record.values[key]] + [record.values.get(name) for name in label]
        row += [numeric[name][index] for name in factors]
        row += [factor_ranks[name][index] for name in factors]
        row += [None if scores[index] is None else float(scores[index]), overall[index]]
        row += [values[index] for values in highlights.values()]
        row += ["ok" if scores[index] is not None else "missing", notes[index]]
        rows.append(row)
    meta = {
        "factors": factors,
        "lower_is_better": list(lower_is_better),
        "ties": ties,
        "weights": {name: float(weight[name]) for name in factors},
        "missing": missing,
        "highlight": highlight,
        "top_n": top_n,
    }
    return Table(columns, rows, meta)


def read_rank_csv(data, name="table.csv", key="industry"):
    return read_csv(data, name, required=(key,), key=key, extra_ok=True)


def rank_rows(rows, name="table", key="industry"):
    return from_rows(rows, name, required=(key,), key=key, extra_ok=True)
