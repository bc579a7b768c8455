"""National shares per industry and measure: read from a US000 file, or inferred from published LQs."""

import math
from dataclasses import dataclass, field

from .errors import InputError
from .qcew import NATION_AREA, QcewFile
from .qcew_rows import QcewRow
from .region import MEASURES, Region, check_same_period

# BLS prints location quotients with two decimals, so a published 1.23 means 1.225 to 1.235.
LQ_HALF_STEP = 0.005
# Room for floating-point error when intervals from several counties are intersected.
FLOAT_SLACK = 1e-9
Interval = tuple[float, float]


@dataclass
class Nation:
    """National shares per industry as intervals (low == high when read from a US file)."""

    source: str  # "file", "inferred" or "reference"
    name: str = ""
    totals: dict[str, int | None] = field(default_factory=dict)  # measure -> all-industry total
    private_totals: dict[str, int | None] = field(default_factory=dict)
    total_prior: int | None = None
    rows: dict[str, QcewRow] = field(default_factory=dict)  # code -> row (US file only)
    intervals: dict[str, dict[str, Interval | None]] = field(default_factory=dict)  # measure -> code -> share
    private_intervals: dict[str, Interval | None] = field(default_factory=dict)  # measure -> private / total
    region: Region | None = None  # inferred shares: the counties they come from, read per measure when asked

    @property
    def total(self) -> int | None:
        return self.totals.get("employment")

    @property
    def private_total(self) -> int | None:
        return self.private_totals.get("employment")

    def share(self, code: str, base: str, measure: str = "employment") -> tuple[float | None, float | None, str]:
        """(low, high, reason): the industry's national share of the base total."""
        if self.source == "file":
            return self._file_share(code, base, measure)
        if measure not in self.intervals and self.region is not None:
            _infer(self, self.region, measure)
        found = self.intervals.get(measure, {}).get(code)
        if found is None:
            return None, None, "no county publishes an LQ for this industry, so its national share is unknown"
        low, high = found
        if base == "private":
            private = self.private_intervals.get(measure)
            if private is None:
                return None, None, "no county publishes a private-sector LQ"
            private_low, private_high = private
            low, high = low / private_high, (high / private_low if private_low else math.inf)
        if high == math.inf or low <= 0:
            return None, None, "too little published detail to bound the national share"
        if low > high * (1 + FLOAT_SLACK):
            return None, None, "the counties' published LQs disagree about the national share"
        return min(low, high), max(low, high), ""

    def _file_share(self, code: str, base: str, measure: str) -> tuple[float | None, float | None, str]:
        row = self.rows.get(code)
        if row is None:
            return None, None, "no national row for this industry"
        value = None if row.suppressed and measure != "establishments" else row.value(measure)
        if value is None:
            return None, None, "the national figure is suppressed"
        denominator = self.totals.get(measure) if base == "total" else self.private_totals.get(measure)
        if not denominator:
            return None, None, f"the national {base} is missing"
        share = value / denominator
        return share, share, ""

    def value(self, code: str, measure: str = "employment") -> int | None:
        row = self.rows.get(code)
        if row is None or (row.suppressed and measure != "establishments"):
            return None
        return row.value(measure)


def nation_from_file(nation: QcewFile, region: Region) -> Nation:
    """National figures from a US000 file of the same year and period as the region."""
    if not nation.is_nation:
        raise InputError(
            f"expected a national file (area {NATION_AREA}), got area {nation.areas[0]}",
            file=nation.name,
            column="area_fips",
            expected=NATION_AREA,
        )
    check_same_period([nation], region.files[0])
    total = nation.totals[NATION_AREA]
    private = nation.private_totals.get(NATION_AREA)
    return Nation(
        "file",
        nation.name,
        {measure: total.value(measure) for measure in MEASURES},
        {measure: None if private is None or private.suppressed else private.value(measure) for measure in MEASURES},
        total.prior,
        {code: by_area[NATION_AREA] for code, by_area in nation.industries.items() if NATION_AREA in by_area},
    )


def lq_interval(area_value: float | None, area_total: float | None, published: float | None) -> Interval | None:
    """The national share one county's published LQ allows: share = county share / LQ."""
    if published is None or not area_total or not area_value:
        return None
    local = area_value / area_total
    low = local / (published + LQ_HALF_STEP) * (1 - FLOAT_SLACK)
    high = local / (published - LQ_HALF_STEP) * (1 + FLOAT_SLACK) if published > LQ_HALF_STEP else math.inf
    return low, high


def intersect(intervals: list[Interval | None]) -> Interval | None:
    found = [item for item in intervals if item is not None]
    if not found:
        return None
    return max(low for low, _ in found), min(high for _, high in found)


def _published(row: QcewRow, measure: str, area_total: int | None) -> tuple[int | None, int | None, float | None]:
    """(area value, area total, published LQ) for lq_interval; nothing where the value is suppressed."""
    if row.suppressed and measure != "establishments":
        return None, area_total, None
    return row.value(measure), area_total, row.published_lq(measure)


def nation_inferred(region: Region) -> Nation:
    """Each industry's national share, per measure, from the counties' published lq_ columns, intersected.
    A measure's shares are worked out the first time they are asked for."""
    return Nation("inferred", "inferred from the counties' published location quotients", region=region)


def _infer(nation: Nation, region: Region, measure: str) -> None:
    area_totals = {area: item.totals[area].value(measure) for item in region.files for area in item.areas}
    private: list[Interval | None] = []
    for item in region.files:
        for area, row in item.private_totals.items():
            private.append(lq_interval(*_published(row, measure, area_totals[area])))
    nation.intervals[measure] = {
        code: intersect([lq_interval(*_published(row, measure, area_totals[row.area])) for row in entry.areas.values()])
        for code, entry in region.industries.items()
    }
    bounds = intersect(private)
    nation.private_intervals[measure] = None if bounds is None or bounds[1] == math.inf else bounds
