"""Shift-share: split a region's change in an industry into national, mix and competitive parts."""

import math
from dataclasses import dataclass

from .errors import InputError
from .inputs import from_rows, read_csv
from .numbers import parse_number, parse_positive
from .results import Table, column


@dataclass(frozen=True)
class Shift:
    national_effect: float | None
    industry_mix_effect: float | None
    competitive_effect: float | None
    total_change: float | None
    reason: str = ""


def shift_share(region_start, region_end, nation_start, nation_end, nation_total_start, nation_total_end):
    """The classic three parts; together they equal region_end - region_start.

    national effect    = region start x national total growth rate
    industry mix       = region start x (national industry rate - national total rate)
    competitive effect = region start x (region industry rate - national industry rate)
    """
    figures = (region_start, region_end, nation_start, nation_end, nation_total_start, nation_total_end)
    if any(value is None for value in figures):
        return Shift(None, None, None, None, "a start or end figure is missing")
    change = region_end - region_start
    if nation_total_start <= 0:
        return Shift(None, None, None, change, "the nation's starting total is zero")
    if nation_start <= 0:
        return Shift(None, None, None, change, "the nation's starting employment in this industry is zero")
    if region_start <= 0:
        return Shift(None, None, None, change, "the region's starting employment is zero, so its rate is undefined")
    total_rate = (nation_total_end - nation_total_start) / nation_total_start
    industry_rate = (nation_end - nation_start) / nation_start
    region_rate = (region_end - region_start) / region_start
    parts = (
        region_start * total_rate,
        region_start * (industry_rate - total_rate),
        region_start * (region_rate - industry_rate),
    )
    if not all(math.isfinite(part) for part in parts):
        return Shift(None, None, None, change, "the figures are too far apart in size to compare")
    return Shift(*parts, change)


SHIFT_COLUMNS = (
    "industry",
    "region_start",
    "region_end",
    "nation_start",
    "nation_end",
    "national_effect",
    "industry_mix_effect",
    "competitive_effect",
    "total_change",
    "status",
    "note",
)
SHIFT_INPUT = {"required": ("industry", "region_start", "region_end", "nation_start", "nation_end"), "key": "industry"}


def shift_share_table(sheet, nation_total_start, nation_total_end):
    total_start = parse_positive(nation_total_start, what="a nation total", column="nation_total_start")
    total_end = parse_number(nation_total_end, column="nation_total_end")
    rows = []
    for record in sheet.records:
        where = {"file": sheet.name, "row": record.row}
        values = {
            name: parse_number(record.values[name], blank_ok=True, column=name, **where)
            for name in SHIFT_INPUT["required"][1:]
        }
        for name, limit, label in (("nation_start", total_start, "start"), ("nation_end", total_end, "end")):
            if values[name] is not None and values[name] > limit:
                raise InputError(
                    f"expected at most the nation's {label} total ({limit:,}), got {values[name]:,}",
                    column=name,
                    expected=f"at most the nation's {label} total",
                    **where,
                )
        for name, nation in (("region_start", "nation_start"), ("region_end", "nation_end")):
            if None not in (values[name], values[nation]) and values[name] > values[nation]:
                raise InputError(
                    f"expected at most the nation's figure ({values[nation]:,}), got {values[name]:,}",
                    column=name,
                    expected="at most the nation's figure",
                    **where,
                )
        shift = shift_share(
            values["region_start"],
            values["region_end"],
            values["nation_start"],
            values["nation_end"],
            total_start,
            total_end,
        )
        rows.append(
            [
                record.values["industry"],
                *values.values(),
                shift.national_effect,
                shift.industry_mix_effect,
                shift.competitive_effect,
                shift.total_change,
                "ok" if shift.national_effect is not None else "missing",
                shift.reason,
            ]
        )
    meta = {"nation_total_start": total_start, "nation_total_end": total_end}
    return Table([column(name) for name in SHIFT_COLUMNS], rows, meta)


def read_shift_csv(data, name="table.csv"):
    return read_csv(data, name, **SHIFT_INPUT)


def shift_rows(rows, name="table"):
    return from_rows(rows, name, **SHIFT_INPUT)
