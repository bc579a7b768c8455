"""Location quotients: the ratio, its bands, and an LQ table from the user's own figures."""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .errors import InputError
from .inputs import Sheet, from_rows, read_csv
from .numbers import parse_number, parse_positive
from .results import Table, column


@dataclass(frozen=True)
class Quotient:
    """An LQ, or None with the reason it is undefined. Never 0 for undefined, never inf or NaN."""

    value: float | None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.value is not None


def location_quotient(
    region_industry: float | None,
    region_total: float | None,
    nation_industry: float | None,
    nation_total: float | None,
) -> Quotient:
    """LQ = (region industry / region total) / (nation industry / nation total)."""
    checks: tuple[tuple[float | None, str], ...] = (
        (region_industry, "region employment"),
        (region_total, "region total"),
        (nation_industry, "nation employment"),
        (nation_total, "nation total"),
    )
    for amount, what in checks:
        if amount is None:
            return Quotient(None, f"{what} is missing")
    assert region_industry is not None and region_total is not None
    assert nation_industry is not None and nation_total is not None
    if region_total <= 0:
        return Quotient(None, "region total is zero, so the region share is undefined")
    if nation_total <= 0:
        return Quotient(None, "nation total is zero, so the nation share is undefined")
    if nation_industry <= 0:
        return Quotient(None, "nation employment is zero, so the ratio is undefined")
    try:
        value = (region_industry * nation_total) / (region_total * nation_industry)
    except (ZeroDivisionError, OverflowError):  # only reachable with absurdly tiny or huge figures
        value = math.inf
    if not math.isfinite(value):
        return Quotient(None, "the figures are too far apart in size to divide")
    return Quotient(value)


# The guide: about 1 means the national rate; at or near 2.0, a strong competitive advantage.
Bands = tuple[tuple[float, str], ...]
DEFAULT_BANDS: Bands = ((0.75, "average"), (1.25, "concentrated"), (2.0, "strong"))
BELOW_ALL_BANDS = "low"
BAND_MEANINGS = {
    "low": "below 0.75: less concentrated than the nation",
    "average": "0.75 to 1.25: close to the national rate",
    "concentrated": "1.25 or more: more concentrated than the nation",
    "strong": "2.0 or more: a strong competitive advantage",
}


def make_bands(cuts: Sequence[object] | None = None, names: Sequence[str] | None = None) -> Bands:
    """Bands from three ascending cut points (default 0.75, 1.25, 2.0) and optional names."""
    if cuts is None:
        return DEFAULT_BANDS
    limits = [float(parse_positive(cut, what="a band limit", column="bands")) for cut in cuts]
    if any(later <= earlier for earlier, later in zip(limits, limits[1:], strict=False)):
        raise InputError("expected band limits in increasing order", column="bands")
    labels = list(names) if names else [name for _, name in DEFAULT_BANDS]
    if len(labels) != len(limits):
        raise InputError(f"expected {len(limits)} band names", column="bands")
    return tuple(zip(limits, labels, strict=True))


def band(lq: float | None, bands: Bands = DEFAULT_BANDS) -> str | None:
    """The band an LQ falls in: the name of the highest cut point it reaches."""
    if lq is None:
        return None
    name = BELOW_ALL_BANDS
    for cut, label in bands:
        if lq >= cut:
            name = label
    return name


def band_range(low: float | None, high: float | None, bands: Bands = DEFAULT_BANDS) -> str | None:
    """The band of an interval LQ: one band, "average to concentrated", or "low or higher" with no upper end."""
    first = band(low, bands)
    if first is None:
        return None
    if high is None:
        top = bands[-1][1] if bands else first
        return first if first == top else f"{first} or higher"
    last = band(high, bands)
    return first if last == first else f"{first} to {last}"


LQ_TABLE_COLUMNS = (
    "industry",
    "region_employment",
    "nation_employment",
    "region_share",
    "nation_share",
    "lq",
    "band",
    "status",
    "note",
)


def lq_table(sheet: Sheet, region_total: object, nation_total: object, bands: Bands = DEFAULT_BANDS) -> Table:
    """LQ per industry from a sheet with industry, region_employment and nation_employment."""
    region_sum: float = parse_positive(region_total, what="a region total", column="region_total")
    nation_sum: float = parse_positive(nation_total, what="a nation total", column="nation_total")
    rows: list[list[Any]] = []
    for record in sheet.records:
        where: dict[str, Any] = {"file": sheet.name, "row": record.row}
        region = parse_number(record.values["region_employment"], blank_ok=True, column="region_employment", **where)
        nation = parse_number(record.values["nation_employment"], blank_ok=True, column="nation_employment", **where)
        if region is not None and region > region_sum:
            raise InputError(
                f"expected at most the region total ({region_sum:,}), got {region:,}",
                column="region_employment",
                expected="at most the region total",
                **where,
            )
        if nation is not None and nation > nation_sum:
            raise InputError(
                f"expected at most the nation total ({nation_sum:,}), got {nation:,}",
                column="nation_employment",
                expected="at most the nation total",
                **where,
            )
        quotient = location_quotient(region, region_sum, nation, nation_sum)
        rows.append(
            [
                record.values["industry"],
                region,
                nation,
                None if region is None else region / region_sum,
                None if nation is None else nation / nation_sum,
                quotient.value,
                band(quotient.value, bands),
                "ok" if quotient.ok else "missing",
                quotient.reason,
            ]
        )
    meta = {"region_total": region_sum, "nation_total": nation_sum, "bands": [[cut, name] for cut, name in bands]}
    return Table([column(name) for name in LQ_TABLE_COLUMNS], rows, meta)


LQ_INPUT: dict[str, Any] = {"required": ("industry", "region_employment", "nation_employment"), "key": "industry"}


def read_lq_csv(data: str | bytes, name: str = "table.csv") -> Sheet:
    return read_csv(data, name, **LQ_INPUT)


def lq_rows(rows: object, name: str = "table") -> Sheet:
    return from_rows(rows, name, **LQ_INPUT)
