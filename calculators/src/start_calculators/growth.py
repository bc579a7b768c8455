"""Growth: percent change, compound annual growth, and the guide's very-small-industry flag."""

import math
from dataclasses import dataclass
from typing import Any

from .inputs import Sheet, from_rows, read_csv
from .numbers import parse_number, parse_positive
from .results import Table, column


@dataclass(frozen=True)
class Growth:
    percent_change: float | None
    annualized_percent: float | None
    reason: str = ""


def growth(start: float | None, end: float | None, years: float = 1) -> Growth:
    """Percent change from start to end, and the compound annual rate over `years`.

    Undefined (None, with a reason) when the start is zero or missing: any growth from nothing
    would be infinite, and reporting 0 would hide that.
    """
    if start is None or end is None:
        return Growth(None, None, "start or end is missing")
    if start <= 0:
        return Growth(None, None, "start is zero, so growth is undefined")
    try:
        ratio = end / start
        percent = (ratio - 1.0) * 100.0
        annual = (ratio ** (1.0 / years) - 1.0) * 100.0
    except OverflowError:
        return Growth(None, None, "the change is too large to express as a rate")
    if not (math.isfinite(percent) and math.isfinite(annual)):
        return Growth(None, None, "the change is too large to express as a rate")
    return Growth(percent, annual)


def is_small(start: float | None, end: float | None, min_size: float | None) -> bool | None:
    """The guide's warning: 50 to 100 workers is +100%, but too small to be a target."""
    if min_size is None or start is None:
        return None
    return max(start, end if end is not None else start) < min_size


GROWTH_COLUMNS = ("industry", "start", "end", "years", "percent_change", "annualized_percent")


def growth_table(sheet: Sheet, years: object = None, min_size: object = None) -> Table:
    """Growth per row of a sheet with industry, start, end and optional years."""
    default_years = 1 if years in (None, "") else parse_positive(years, what="a number of years", column="years")
    smallest = None if min_size in (None, "") else parse_number(min_size, column="min_size")
    rows: list[list[Any]] = []
    for record in sheet.records:
        where: dict[str, Any] = {"file": sheet.name, "row": record.row}
        start = parse_number(record.values["start"], blank_ok=True, column="start", **where)
        end = parse_number(record.values["end"], blank_ok=True, column="end", **where)
        given = record.values.get("years")
        span = (
            default_years
            if given in (None, "")
            else parse_positive(given, what="a number of years", column="years", **where)
        )
        result = growth(start, end, span)
        row = [record.values["industry"], start, end, span, result.percent_change, result.annualized_percent]
        if smallest is not None:
            row.append(is_small(start, end, smallest))
        row += ["ok" if result.percent_change is not None else "missing", result.reason]
        rows.append(row)
    names = list(GROWTH_COLUMNS) + (["small_industry"] if smallest is not None else []) + ["status", "note"]
    return Table([column(name) for name in names], rows, {"min_size": smallest})


def single_growth(start: object, end: object, years: object = None, min_size: object = None) -> Table:
    """One start/end pair, as a one-row table (the CLI's --start/--end form)."""
    first = parse_number(start, column="start")
    last = parse_number(end, column="end")
    span = 1 if years in (None, "") else parse_positive(years, what="a number of years", column="years")
    smallest = None if min_size in (None, "") else parse_number(min_size, column="min_size")
    result = growth(first, last, span)
    row: list[Any] = [first, last, span, result.percent_change, result.annualized_percent]
    names = ["start", "end", "years", "percent_change", "annualized_percent"]
    if smallest is not None:
        row.append(is_small(first, last, smallest))
        names.append("small_industry")
    row += ["ok" if result.percent_change is not None else "missing", result.reason]
    names += ["status", "note"]
    return Table([column(name) for name in names], [row], {"min_size": smallest})


GROWTH_INPUT: dict[str, Any] = {"required": ("industry", "start", "end"), "optional": ("years",), "key": "industry"}


def read_growth_csv(data: str | bytes, name: str = "table.csv") -> Sheet:
    return read_csv(data, name, **GROWTH_INPUT)


def growth_rows(rows: object, name: str = "table") -> Sheet:
    return from_rows(rows, name, **GROWTH_INPUT)
