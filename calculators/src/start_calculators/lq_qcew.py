"""Regional location quotients from QCEW files for employment, establishments or wages, as BLS computes them."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .about import BAND_RULE, SORT_RULE, Meta, nation_meta, region_meta
from .lq import DEFAULT_BANDS, Bands, band_range
from .naics import title
from .nation import Nation
from .progress import Steps, finish
from .qcew import DEFAULT_LEVEL
from .region import Region, RegionIndustry, check_base, check_measure
from .results import Table, column
from .years import FileInput, iter_load

TITLES = {"lq": "Location quotients"}


@dataclass
class Found:
    """One industry's LQ: a point value with its interval, its status and a note saying why."""

    region_share: float | None = None
    nation_share: float | None = None
    lq: float | None = None
    lq_low: float | None = None
    lq_high: float | None = None
    status: str = "ok"  # ok, partial (some counties suppressed), suppressed (all), missing (no national share)
    note: str = ""

    @property
    def fully_published(self) -> bool:
        return self.status == "ok"


def quotient(region: Region, entry: RegionIndustry, nation: Nation, base: str, measure: str = "employment") -> Found:
    """The LQ of one regional industry for `measure`, with its interval, status and note."""
    hidden = entry.hidden(measure)
    counties = f"{hidden} of {entry.present} counties"
    value = entry.value(measure)
    if value is None:
        return Found(status="suppressed", note=f"suppressed in {counties}")
    base_total = region.base_total(base, measure)
    if not base_total:
        return Found(status="missing", note=f"the region's {base} {measure} is missing or zero")
    share = value / base_total
    low, high, reason = nation.share(entry.code, base, measure)
    if low is None or high is None:
        return Found(region_share=share, status="missing", note=reason)
    found = Found(share, (low + high) / 2, share / ((low + high) / 2), share / high, share / low)
    if hidden:
        ceiling = entry.high(measure)
        found.status, found.lq_high = "partial", None
        high_note = "no upper bound is known"
        if ceiling is not None:
            found.lq_high = ceiling / base_total / low
            high_note = f"at most {ceiling:,.0f} (the counties' unassigned private {measure})"
        found.note = (
            f"suppressed in {counties}: {measure} is at least {value:,} "
            f"and {high_note}; the LQ shown uses the published part"
        )
    return found


def suppression_meta(statuses: Sequence[str], measure: str = "employment") -> Meta:
    """Counts of rows by status, and the sentence a page shows above the table."""
    total = len(statuses)
    partial = sum(status == "partial" for status in statuses)
    suppressed = sum(status == "suppressed" for status in statuses)
    words = f"{partial + suppressed} of {total} industries rest on partly suppressed data"
    if suppressed:
        words += f" ({suppressed} suppressed in every county)"
    if not partial + suppressed:
        words = f"all {total} industries are fully published"
    return {
        "rows_total": total,
        "rows_partial": partial,
        "rows_suppressed": suppressed,
        "rows_fully_published": sum(status == "ok" for status in statuses),
        "suppression_summary": f"{words} ({measure}).",
        "sort_rule": SORT_RULE,
        "band_rule": BAND_RULE,
    }


def lq_columns(measure: str) -> list[str]:
    return [
        "industry_code",
        "industry_title",
        f"region_{measure}",
        "region_share",
        f"nation_{measure}",
        "nation_share",
        "lq",
        "lq_low",
        "lq_high",
        "band",
        "status",
        "suppressed_counties",
        "fully_published",
        "note",
    ]


def lq_for_region(
    region: Region,
    nation: Nation,
    base: str = "total",
    bands: Bands = DEFAULT_BANDS,
    level: object = DEFAULT_LEVEL,
    measure: str = "employment",
) -> Table:
    """The LQ table of one region and year against national shares (from a file or inferred)."""
    base, measure = check_base(base), check_measure(measure)
    rows: list[list[Any]] = []
    for code in sorted(region.industries):
        entry = region.industries[code]
        found = quotient(region, entry, nation, base, measure)
        rows.append(
            [
                code,
                title(code, region.year),
                entry.value(measure),
                found.region_share,
                nation.value(code, measure) if nation.source == "file" else None,
                found.nation_share,
                found.lq,
                found.lq_low,
                found.lq_high,
                band_range(found.lq_low, found.lq_high, bands),
                found.status,
                entry.hidden(measure),
                found.fully_published,
                found.note,
            ]
        )
    meta = region_meta(region, level, calculator="lq", title=TITLES["lq"], measure=measure, base=base)
    meta |= nation_meta(nation) | {"bands": [[cut, name] for cut, name in bands]}
    meta |= suppression_meta([row[10] for row in rows], measure)
    meta["region_total"] = region.totals[measure]
    return Table([column(name) for name in lq_columns(measure)], rows, meta)


def iter_lq_from_qcew(
    files: Sequence[FileInput],
    nation_file: FileInput | Sequence[FileInput] | None = None,
    base: str = "total",
    level: object = DEFAULT_LEVEL,
    bands: Bands = DEFAULT_BANDS,
    measure: str = "employment",
    year: object = None,
) -> Steps[Table]:
    base, measure = check_base(base), check_measure(measure)
    years = yield from iter_load(files, level, nation_file)
    region = years.region(year)
    table = lq_for_region(region, years.nation(region), base, bands, level, measure)
    table.meta["years_loaded"] = years.keys
    return table


def lq_from_qcew(
    files: Sequence[FileInput],
    nation_file: FileInput | Sequence[FileInput] | None = None,
    base: str = "total",
    level: object = DEFAULT_LEVEL,
    bands: Bands = DEFAULT_BANDS,
    measure: str = "employment",
    year: object = None,
) -> Table:
    """Regional LQs from QCEW area files (of one or several years: `year`, default the latest),
    against a US000 file of the same year or national shares inferred from the counties."""
    return finish(iter_lq_from_qcew(files, nation_file, base, level, bands, measure, year))
