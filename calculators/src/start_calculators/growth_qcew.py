"""Growth from QCEW files: over any span of loaded years, or one year from the files' oty_ columns."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .about import region_meta
from .errors import InputError
from .growth import growth, is_small
from .naics import FIRST_2022_YEAR, title
from .numbers import parse_number
from .progress import Steps, finish
from .qcew import DEFAULT_LEVEL
from .qcew_rows import QcewRow
from .region import Region, check_measure
from .results import Table, column
from .years import FileInput, YearSet, as_files, iter_load


@dataclass
class Span:
    """One industry's start and end level over a span, and why a figure is missing or partial.

    When some counties suppress the industry in either year, the levels are those of the counties
    that publish it in both years (matched counties), and `partial` is set: the growth of that part."""

    start: int | None
    end: int | None
    years: float
    note: str = ""
    partial: bool = False

    @property
    def fully_published(self) -> bool:
        return self.start is not None and self.end is not None and not self.partial


def years_between(first: Region, last: Region) -> float:
    def point(region: Region) -> float:
        return int(region.year) + (0 if region.period == "A" else (int(region.period) - 1) / 4)

    return point(last) - point(first)


def _absent(region: Region, code: str) -> str:
    note = f"no row in the {region.key} files"
    if int(region.year) < FIRST_2022_YEAR:
        note += " (a code new in NAICS 2022, used from 2022 on, may have no match before)"
    return note


def _shown(row: QcewRow | None, measure: str) -> int | None:
    """A county's published figure; 0 when it has no row (no establishments); None when suppressed."""
    if row is None:
        return 0
    return None if row.suppressed and measure != "establishments" else row.value(measure)


def _matched(pairs: dict[str, tuple[int | None, int | None]], years: float, what: str) -> Span:
    """Levels over the counties that publish both figures; partial when any county does not."""
    both = {area: pair for area, pair in pairs.items() if pair[0] is not None and pair[1] is not None}
    hidden = len(pairs) - len(both)
    if not both:
        return Span(None, None, years, f"suppressed in every county in {what}")
    start = sum(pair[0] or 0 for pair in both.values())
    end = sum(pair[1] or 0 for pair in both.values())
    if not hidden:
        return Span(start, end, years)
    note = f"partial: {hidden} of {len(pairs)} counties suppress it in {what}; growth of the other {len(both)}"
    return Span(start, end, years, note, partial=True)


def span_levels(first: Region, last: Region, code: str, measure: str = "employment") -> Span:
    """Start and end levels of one industry over the counties that publish it in both years."""
    years = years_between(first, last)
    before, after = first.industries.get(code), last.industries.get(code)
    if before is None or after is None:
        return Span(None, None, years, _absent(first if before is None else last, code))
    areas = sorted(set(before.areas) | set(after.areas))
    pairs = {area: (_shown(before.areas.get(area), measure), _shown(after.areas.get(area), measure)) for area in areas}
    return _matched(pairs, years, f"{first.key} or {last.key}")


def prior_levels(region: Region, code: str) -> Span:
    """One year: prior levels from the oty_ columns, over the counties that publish both."""
    entry = region.industries[code]
    pairs = {area: (None, None) if row.suppressed else (row.prior, row.employment) for area, row in entry.areas.items()}
    return _matched(pairs, 1, f"{region.key} or its prior year")


def choose_span(years: YearSet, start_year: object = None, end_year: object = None) -> tuple[Region | None, Region]:
    """(start region, end region). With no earlier year loaded, no start region: the oty_ columns serve."""
    last = years.region(end_year)
    if start_year in (None, ""):
        if years.keys.index(last.key) == 0:
            return None, last
        first = years.regions[years.keys[0]]
    else:
        first, last = years.span(start_year, last.key)
    years.check_same_areas([first.key, last.key])
    return first, last


def prior_key(region: Region) -> str:
    return str(int(region.year) - 1) + ("" if region.period == "A" else f"-Q{region.period}")


GROWTH_COLUMNS = ("industry_code", "industry_title", "start", "end", "years", "change")
GROWTH_RATES = ("percent_change", "annualized_percent")
MEASURE_WORDS = {"employment": "Employment", "establishments": "Establishments", "wages": "Total wages"}


def iter_growth_from_qcew(
    files: Sequence[FileInput],
    earlier_files: Sequence[FileInput] | None = None,
    level: object = DEFAULT_LEVEL,
    min_size: object = None,
    start_year: object = None,
    end_year: object = None,
    measure: str = "employment",
) -> Steps[Table]:
    """Growth between two loaded years (default: the earliest and the latest), or over one year from
    the oty_ columns when only one year is loaded. `earlier_files` are simply more files."""
    measure = check_measure(measure)
    smallest = None if min_size in (None, "") else parse_number(min_size, column="min_size")
    years = yield from iter_load([*files, *as_files(earlier_files)], level)
    first, last = choose_span(years, start_year, end_year)
    if first is None and measure != "employment":
        raise InputError(
            f"growth of {measure} needs files of two years (the oty_ columns give employment only)",
            column="measure",
            expected="files of two years",
        )
    codes = sorted(set(last.industries) | (set(first.industries) if first else set()))
    rows = [_growth_row(first, last, code, measure, smallest) for code in codes]
    start_label = first.key if first else prior_key(last)
    names = [*GROWTH_COLUMNS, *GROWTH_RATES, *(["small_industry"] if smallest is not None else [])]
    names += ["status", "fully_published", "note"]
    word = MEASURE_WORDS[measure]
    labels = {"start": f"{word} {start_label}", "end": f"{word} {last.key}"}
    meta = region_meta(last, level, calculator="growth", title="Growth", measure=measure, min_size=smallest)
    meta |= {
        "start_year": start_label,
        "end_year": last.key,
        "years": years.keys,
        "years_between": years_between(first, last) if first else 1,
    }
    if first is None:
        meta["growth_source"] = "the files' over-the-year (oty_) columns"
    return Table([column(name, labels.get(name)) for name in names], rows, meta)


def _growth_row(first: Region | None, last: Region, code: str, measure: str, smallest: float | None) -> list[Any]:
    span = span_levels(first, last, code, measure) if first else prior_levels(last, code)
    result = growth(span.start, span.end, span.years)
    change = None if span.start is None or span.end is None else span.end - span.start
    row: list[Any] = [code, title(code, last.year), span.start, span.end, span.years, change]
    row += [result.percent_change, result.annualized_percent]
    if smallest is not None:
        row.append(is_small(span.start, span.end, smallest))
    status = "missing" if result.percent_change is None else ("partial" if span.partial else "ok")
    row += [status, span.fully_published, "; ".join(note for note in (span.note, result.reason) if note)]
    return row


def growth_from_qcew(
    files: Sequence[FileInput],
    earlier_files: Sequence[FileInput] | None = None,
    level: object = DEFAULT_LEVEL,
    min_size: object = None,
    start_year: object = None,
    end_year: object = None,
    measure: str = "employment",
) -> Table:
    return finish(iter_growth_from_qcew(files, earlier_files, level, min_size, start_year, end_year, measure))
