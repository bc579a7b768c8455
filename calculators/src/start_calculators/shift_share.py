"""Shift-share: split a region's change in an industry into national, mix and competitive parts."""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .errors import InputError
from .inputs import Sheet, from_rows, read_csv
from .numbers import parse_number, parse_positive
from .results import Table, column


@dataclass(frozen=True)
class Shift:
    national_effect: float | None
    industry_mix_effect: float | None
    competitive_effect: float | None
    total_change: float | None
    reason: str = ""


def shift_share(
    region_start: float | None,
    region_end: float | None,
    nation_start: float | None,
    nation_end: float | None,
    nation_total_start: float | None,
    nation_total_end: float | None,
) -> Shift:
    """The classic three parts; together they equal region_end - region_start.

    national effect    = region start x national total growth rate
    industry mix       = region start x (national industry rate - national total rate)
    competitive effect = region start x (region industry rate - national industry rate)
    """
    if (
        region_start is None
        or region_end is None
        or nation_start is None
        or nation_end is None
        or nation_total_start is None
        or nation_total_end is None
    ):
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


@dataclass(frozen=True)
class EstebanMarquillas:
    """The four-part split: competitive_effect + allocation_effect equal the classic competitive effect."""

    national_effect: float | None
    industry_mix_effect: float | None
    homothetic_employment: float | None
    competitive_effect: float | None  # net of specialization: homothetic employment x rate gap
    allocation_effect: float | None  # (actual - homothetic) x rate gap: specialization in what grows
    total_change: float | None
    reason: str = ""


def esteban_marquillas(
    region_start: float | None,
    region_end: float | None,
    nation_start: float | None,
    nation_end: float | None,
    nation_total_start: float | None,
    nation_total_end: float | None,
    region_total_start: float | None,
) -> EstebanMarquillas:
    """Esteban-Marquillas (1972): homothetic employment = region total x the nation's industry share at start.

    competitive (net) = homothetic x (region rate - national industry rate)
    allocation        = (region start - homothetic) x (region rate - national industry rate)
    """
    classic = shift_share(region_start, region_end, nation_start, nation_end, nation_total_start, nation_total_end)
    if classic.competitive_effect is None or region_total_start is None:
        reason = classic.reason or "the region's starting total is missing"
        return EstebanMarquillas(None, None, None, None, None, classic.total_change, reason)
    assert region_start and nation_start and nation_total_start and region_end is not None
    homothetic = region_total_start * nation_start / nation_total_start
    gap = classic.competitive_effect / region_start  # region rate - national industry rate
    net, allocation = homothetic * gap, (region_start - homothetic) * gap
    if not (math.isfinite(net) and math.isfinite(allocation)):
        return EstebanMarquillas(None, None, None, None, None, classic.total_change, "the figures are too far apart")
    return EstebanMarquillas(
        classic.national_effect, classic.industry_mix_effect, homothetic, net, allocation, classic.total_change
    )


def dynamic_shift_share(
    region: Sequence[float | None], nation: Sequence[float | None], nation_totals: Sequence[float | None]
) -> Shift:
    """The classic split applied year by year and summed (Barff and Knight 1988); the parts add up to the
    change from the first year to the last."""
    parts = [0.0, 0.0, 0.0]
    for step in range(len(region) - 1):
        found = shift_share(
            region[step], region[step + 1], nation[step], nation[step + 1], nation_totals[step], nation_totals[step + 1]
        )
        if found.national_effect is None or found.industry_mix_effect is None or found.competitive_effect is None:
            first, last = region[0], region[-1]
            change = None if first is None or last is None else last - first
            return Shift(None, None, None, change, f"{found.reason} (step {step + 1} of {len(region) - 1})")
        parts = [
            parts[0] + found.national_effect,
            parts[1] + found.industry_mix_effect,
            parts[2] + found.competitive_effect,
        ]
    first, last = region[0], region[-1]
    assert first is not None and last is not None
    return Shift(parts[0], parts[1], parts[2], last - first)


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
SHIFT_INPUT: dict[str, Any] = {
    "required": ("industry", "region_start", "region_end", "nation_start", "nation_end"),
    "key": "industry",
}


def shift_share_table(sheet: Sheet, nation_total_start: object, nation_total_end: object) -> Table:
    total_start = parse_positive(nation_total_start, what="a nation total", column="nation_total_start")
    total_end = parse_number(nation_total_end, column="nation_total_end")
    rows: list[list[Any]] = []
    for record in sheet.records:
        where: dict[str, Any] = {"file": sheet.name, "row": record.row}
        values = {
            name: parse_number(record.values[name], blank_ok=True, column=name, **where)
            for name in SHIFT_INPUT["required"][1:]
        }
        for name, limit, label in (("nation_start", total_start, "start"), ("nation_end", total_end, "end")):
            value = values[name]
            if value is not None and value > limit:
                raise InputError(
                    f"expected at most the nation's {label} total ({limit:,}), got {value:,}",
                    column=name,
                    expected=f"at most the nation's {label} total",
                    **where,
                )
        for name, nation in (("region_start", "nation_start"), ("region_end", "nation_end")):
            ours, theirs = values[name], values[nation]
            if ours is not None and theirs is not None and ours > theirs:
                raise InputError(
                    f"expected at most the nation's figure ({theirs:,}), got {ours:,}",
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


def read_shift_csv(data: str | bytes, name: str = "table.csv") -> Sheet:
    return read_csv(data, name, **SHIFT_INPUT)


def shift_rows(rows: object, name: str = "table") -> Sheet:
    return from_rows(rows, name, **SHIFT_INPUT)
