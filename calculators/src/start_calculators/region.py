"""A region summed from QCEW area files, and national figures from a US file or inferred."""

import math
from dataclasses import dataclass, field

from .errors import InputError
from .qcew import NATION_AREA

# BLS prints location quotients with two decimals, so a published 1.23 means 1.225 to 1.235.
LQ_HALF_STEP = 0.005
# Room for floating-point error when intervals from several counties are intersected.
FLOAT_SLACK = 1e-9
BASES = ("total", "private")


@dataclass
class RegionIndustry:
    code: str
    employment: int | None = None  # summed over the areas where it is disclosed
    present: int = 0  # areas with a row for this industry
    suppressed: int = 0  # of those, areas where it is suppressed
    establishments: int | None = 0
    wages: int | None = None
    mean_employment: float | None = None
    prior: int | None = None  # only when every area's prior-year level is published
    prior_missing: int = 0
    # Upper bound on employment when some areas are suppressed: each suppressed cell is at most
    # what its area's private total leaves after the disclosed industries at the same level.
    employment_high: float | None = None


@dataclass
class Region:
    files: list
    layout: str
    year: str
    period: str
    digit: int
    areas: list
    total: int
    private_total: int | None
    industries: dict = field(default_factory=dict)

    @property
    def label(self):
        return self.files[0].label

    def base_total(self, base):
        return self.total if base == "total" else self.private_total


def check_base(base):
    base = str(base or "total").strip().lower()
    if base not in BASES:
        raise InputError(f"expected a base, total or private, got {base!r}", column="base", expected="total or private")
    return base


def check_same_period(files, reference=None):
    reference = reference or files[0]
    for item in files:
        if item.layout != reference.layout:
            raise InputError(
                f"expected a {reference.layout} file like {reference.name}, got a {item.layout} one",
                file=item.name,
                row=1,
                expected=f"a {reference.layout} file",
            )
        for column, mine, theirs in (("year", item.year, reference.year), ("qtr", item.period, reference.period)):
            if mine != theirs:
                raise InputError(
                    f'expected {theirs} like {reference.name}, got "{mine}"; mixing years or periods is not allowed',
                    file=item.name,
                    row=item.first_row,
                    column=column,
                    expected=theirs,
                )


def build_region(files):
    """Sum area files into one region. Suppressed cells are counted, never added as zero."""
    if not files:
        raise InputError("expected at least one QCEW area file", expected="a QCEW file")
    check_same_period(files)
    owner = {}
    for item in files:
        for area in item.areas:
            if area in owner:
                raise InputError(
                    f"expected each area once, but {area} is also in {owner[area]}",
                    file=item.name,
                    column="area_fips",
                    expected="distinct areas",
                )
            owner[area] = item.name
    rows = [(item, area) for item in files for area in item.areas]
    for item, area in rows:
        if item.totals[area].suppressed:
            raise InputError(
                "expected a published all-industry total, got a suppressed one",
                file=item.name,
                row=item.totals[area].row,
                column="disclosure_code",
            )
    total = sum(item.totals[area].employment for item, area in rows)
    private = [item.private_totals.get(area) for item, area in rows]
    private_total = None if any(r is None or r.suppressed for r in private) else sum(r.employment for r in private)
    region = Region(
        files, files[0].layout, files[0].year, files[0].period, files[0].digit, list(owner), total, private_total
    )
    for item in files:
        for code, by_area in item.industries.items():
            entry = region.industries.setdefault(code, RegionIndustry(code))
            for found in by_area.values():
                _add(entry, found)
    for entry in region.industries.values():
        if entry.prior_missing:
            entry.prior = None
    _bound_suppressed(region)
    return region


def _bound_suppressed(region):
    disclosed, room = {}, {}
    for item in region.files:
        for by_area in item.industries.values():
            for area, row in by_area.items():
                if not row.suppressed:
                    disclosed[area] = disclosed.get(area, 0) + row.employment
        for area in item.areas:
            private = item.private_totals.get(area)
            usable = private is not None and not private.suppressed
            room[area] = max(private.employment - disclosed.get(area, 0), 0) if usable else None
    extra = {}  # code -> room added over its suppressed areas, None once any is unknown
    for item in region.files:
        for code, by_area in item.industries.items():
            for area, row in by_area.items():
                if row.suppressed and extra.get(code, 0) is not None:
                    extra[code] = None if room[area] is None else extra.get(code, 0) + room[area]
    for code, entry in region.industries.items():
        if not entry.suppressed:
            entry.employment_high = entry.employment
        elif extra.get(code) is not None:
            entry.employment_high = (entry.employment or 0) + extra[code]


def _add(entry, row):
    entry.present += 1
    if row.establishments is None or entry.establishments is None:
        entry.establishments = None
    else:
        entry.establishments += row.establishments
    if row.suppressed:
        entry.suppressed += 1
        entry.prior_missing += 1
        return
    entry.employment = (entry.employment or 0) + row.employment
    entry.wages = (entry.wages or 0) + row.wages
    entry.mean_employment = (entry.mean_employment or 0) + row.mean_employment
    if row.prior is None:
        entry.prior_missing += 1
    else:
        entry.prior = (entry.prior or 0) + row.prior


@dataclass
class Nation:
    """National shares per industry as intervals (low == high when read from a US file)."""

    source: str  # "file" or "inferred"
    name: str = ""
    total: int | None = None
    private_total: int | None = None
    total_prior: int | None = None
    rows: dict = field(default_factory=dict)  # code -> QcewRow (US file only)
    intervals: dict = field(default_factory=dict)  # code -> (low, high) share of the total
    private_interval: tuple | None = None  # private total / total

    def share(self, code, base):
        """(low, high, reason): the industry's national share of the base total."""
        if self.source == "file":
            row = self.rows.get(code)
            if row is None:
                return None, None, "no national row for this industry"
            if row.suppressed:
                return None, None, "the national figure is suppressed"
            denominator = self.total if base == "total" else self.private_total
            if not denominator:
                return None, None, f"the national {base} is missing"
            share = row.employment / denominator
            return share, share, ""
        low, high = self.intervals.get(code, (None, None))
        if low is None:
            return None, None, "no county publishes an LQ for this industry, so its national share is unknown"
        if base == "private":
            if self.private_interval is None:
                return None, None, "no county publishes a private-sector LQ"
            private_low, private_high = self.private_interval
            low, high = low / private_high, (high / private_low if private_low else math.inf)
        if high == math.inf or low <= 0:
            return None, None, "too little published detail to bound the national share"
        if low > high * (1 + FLOAT_SLACK):
            return None, None, "the counties' published LQs disagree about the national share"
        return min(low, high), max(low, high), ""


def nation_from_file(nation, region):
    """National figures from a US000 file of the same year and period."""
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
        total.employment,
        None if private is None or private.suppressed else private.employment,
        total.prior,
        {code: by_area[NATION_AREA] for code, by_area in nation.industries.items()},
    )


def _interval(area_employment, area_total, published):
    """The national share one county's published LQ allows: share = county share / LQ."""
    if published is None or not area_total or not area_employment:
        return None
    local = area_employment / area_total
    low = local / (published + LQ_HALF_STEP) * (1 - FLOAT_SLACK)
    high = local / (published - LQ_HALF_STEP) * (1 + FLOAT_SLACK) if published > LQ_HALF_STEP else math.inf
    return low, high


def _intersect(intervals):
    intervals = [item for item in intervals if item is not None]
    if not intervals:
        return None, None
    return max(low for low, _ in intervals), min(high for _, high in intervals)


def nation_inferred(region):
    """Each industry's national share from the counties' published lq_ columns, intersected."""
    nation = Nation("inferred", "inferred from the counties' published location quotients")
    per_code = {}
    private = []
    for item in region.files:
        for area in item.areas:
            area_total = item.totals[area].employment
            found = item.private_totals.get(area)
            if found is not None and not found.suppressed:
                private.append(_interval(found.employment, area_total, found.lq))
            for code, by_area in item.industries.items():
                row = by_area.get(area)
                if row is not None and not row.suppressed:
                    per_code.setdefault(code, []).append(_interval(row.employment, area_total, row.lq))
    nation.intervals = {code: _intersect(found) for code, found in per_code.items()}
    low, high = _intersect(private)
    nation.private_interval = None if low is None or high == math.inf else (low, high)
    return nation
