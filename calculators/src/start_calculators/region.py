"""A region summed from QCEW area files of one year and period, per measure, with suppression bounds."""

from dataclasses import dataclass, field

from .errors import InputError
from .qcew import QcewFile
from .qcew_rows import QcewRow

BASES = ("total", "private")
MEASURES = ("employment", "establishments", "wages")
# Employment and wages are suppressed together; establishment counts stay published.
BOUNDED = ("employment", "wages")


def check_base(base: object) -> str:
    text = str(base or "total").strip().lower()
    if text not in BASES:
        raise InputError(f"expected a base, total or private, got {text!r}", column="base", expected="total or private")
    return text


def check_measure(measure: object) -> str:
    text = str(measure or "employment").strip().lower()
    if text not in MEASURES:
        raise InputError(
            f"expected a measure, employment, establishments or wages, got {text!r}",
            column="measure",
            expected="employment, establishments or wages",
        )
    return text


@dataclass
class RegionIndustry:
    """One industry summed over the region's areas. Sums hold the published part only."""

    code: str
    present: int = 0  # areas with a row for this industry
    suppressed: int = 0  # of those, areas where employment and wages are suppressed
    estabs_missing: int = 0  # areas where establishments are not published
    employment: int | None = None
    establishments: int | None = None
    wages: int | None = None
    mean_employment: float | None = None
    prior: int | None = None  # only when every area's prior-year level is published
    prior_missing: int = 0
    # Upper bounds when some areas are suppressed: each suppressed cell is at most what its area's
    # private total leaves after the disclosed industries at the same level.
    highs: dict[str, float | None] = field(default_factory=dict)
    areas: dict[str, QcewRow] = field(default_factory=dict)  # area -> its row (the per-county view)

    def value(self, measure: str) -> int | None:
        if measure == "establishments":
            return self.establishments
        return self.wages if measure == "wages" else self.employment

    def hidden(self, measure: str) -> int:
        """Areas whose figure for `measure` is not published."""
        return self.estabs_missing if measure == "establishments" else self.suppressed

    def high(self, measure: str) -> float | None:
        if not self.hidden(measure):
            value = self.value(measure)
            return None if value is None else float(value)
        return self.highs.get(measure)

    @property
    def employment_high(self) -> float | None:
        return self.high("employment")


@dataclass
class Region:
    files: list[QcewFile]
    layout: str
    year: str
    period: str
    digit: int
    areas: list[str]
    totals: dict[str, int]  # measure -> all-industry, all-ownership total
    private_totals: dict[str, int | None]  # measure -> all-industry private total
    total_prior: int | None = None
    industries: dict[str, RegionIndustry] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.files[0].label

    @property
    def key(self) -> str:
        return self.files[0].key

    @property
    def total(self) -> int:
        return self.totals["employment"]

    @property
    def private_total(self) -> int | None:
        return self.private_totals["employment"]

    def base_total(self, base: str, measure: str = "employment") -> int | None:
        return self.totals[measure] if base == "total" else self.private_totals[measure]

    def owner(self, area: str) -> QcewFile:
        for item in self.files:
            if area in item.totals:
                return item
        raise KeyError(area)


def check_same_period(files: list[QcewFile], reference: QcewFile | None = None) -> None:
    reference = reference or files[0]
    for item in files:
        if item.layout != reference.layout:
            raise InputError(
                f"expected {'an' if reference.layout == 'annual' else 'a'} {reference.layout} file like "
                f"{reference.name}, got a {item.layout} one",
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


def _check_areas(files: list[QcewFile]) -> list[str]:
    owner: dict[str, str] = {}
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
            if item.totals[area].suppressed:
                raise InputError(
                    "expected a published all-industry total, got a suppressed one",
                    file=item.name,
                    row=item.totals[area].row,
                    column="disclosure_code",
                )
    return list(owner)


def _sum(rows: list[QcewRow | None], measure: str) -> int | None:
    total = 0
    for row in rows:
        value = None if row is None or row.suppressed else row.value(measure)
        if value is None:
            return None
        total += value
    return total


def build_region(files: list[QcewFile]) -> Region:
    """Sum area files of one year and period into one region. Suppressed cells are counted, never added as 0."""
    if not files:
        raise InputError("expected at least one QCEW area file", expected="a QCEW file")
    check_same_period(files)
    areas = _check_areas(files)
    totals = [item.totals[area] for item in files for area in item.areas]
    private = [item.private_totals.get(area) for item in files for area in item.areas]
    region = Region(
        files,
        files[0].layout,
        files[0].year,
        files[0].period,
        files[0].digit,
        areas,
        {measure: _sum(list(totals), measure) or 0 for measure in MEASURES},
        {measure: _sum(private, measure) for measure in MEASURES},
        None if any(row.prior is None for row in totals) else sum(row.prior or 0 for row in totals),
    )
    for item in files:
        for code, by_area in item.industries.items():
            entry = region.industries.setdefault(code, RegionIndustry(code))
            for row in by_area.values():
                _add(entry, row)
    for entry in region.industries.values():
        if entry.prior_missing:
            entry.prior = None
    for measure in BOUNDED:
        _bound_suppressed(region, measure)
    return region


def _add(entry: RegionIndustry, row: QcewRow) -> None:
    entry.present += 1
    entry.areas[row.area] = row
    if row.establishments is None:
        entry.estabs_missing += 1
    else:
        entry.establishments = (entry.establishments or 0) + row.establishments
    if row.suppressed:
        entry.suppressed += 1
        entry.prior_missing += 1
        return
    entry.employment = (entry.employment or 0) + (row.employment or 0)
    entry.wages = (entry.wages or 0) + (row.wages or 0)
    entry.mean_employment = (entry.mean_employment or 0) + (row.mean_employment or 0)
    if row.prior is None:
        entry.prior_missing += 1
    else:
        entry.prior = (entry.prior or 0) + row.prior


def unassigned(region: Region, measure: str) -> dict[str, int | None]:
    """Per area: its private total minus its disclosed industries at the level read (None if unknown)."""
    disclosed: dict[str, int] = {}
    for entry in region.industries.values():
        for area, row in entry.areas.items():
            value = row.value(measure)
            if not row.suppressed and value is not None:
                disclosed[area] = disclosed.get(area, 0) + value
    room: dict[str, int | None] = {}
    for item in region.files:
        for area in item.areas:
            private = item.private_totals.get(area)
            value = None if private is None or private.suppressed else private.value(measure)
            room[area] = None if value is None else max(value - disclosed.get(area, 0), 0)
    return room


def _bound_suppressed(region: Region, measure: str) -> None:
    room = unassigned(region, measure)
    for entry in region.industries.values():
        if not entry.suppressed:
            continue
        extra: int | None = 0
        for area, row in entry.areas.items():
            if row.suppressed:
                extra = None if extra is None or room[area] is None else extra + (room[area] or 0)
        published = entry.value(measure) or 0
        entry.highs[measure] = None if extra is None else float(published + extra)
