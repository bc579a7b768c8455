"""The guide's industry data table (tab I) from QCEW files: size, pay, growth over the span, and LQ."""

from collections.abc import Mapping, Sequence
from typing import Any

from .about import nation_meta, region_meta
from .errors import InputError
from .growth import growth
from .growth_qcew import choose_span, prior_key, prior_levels, span_levels
from .inputs import from_rows, read_csv
from .lq import DEFAULT_BANDS, Bands, band_range
from .lq_qcew import quotient, suppression_meta
from .naics import title
from .nation import Nation
from .numbers import parse_number
from .progress import Steps, finish
from .qcew import DEFAULT_LEVEL
from .region import Region, RegionIndustry, check_base
from .results import Table, column
from .years import FileInput, iter_load

INDUSTRY_COLUMNS = (
    "industry_code",
    "industry_title",
    "employment",
    "establishments",
    "avg_annual_pay",
    "avg_weekly_wage",
    "prior_employment",
    "growth_percent",
    "annual_growth_percent",
    "lq",
    "lq_low",
    "lq_high",
    "band",
    "status",
    "suppressed_counties",
    "fully_published",
    "note",
)
# Columns that rest on partly suppressed data when a row is not fully published (for the ranking).
PARTIAL_COLUMNS = [
    "employment",
    "avg_annual_pay",
    "avg_weekly_wage",
    "prior_employment",
    "growth_percent",
    "annual_growth_percent",
    "lq",
]
Projected = Mapping[str, object] | tuple[str, str | bytes] | None


def _pay(region: Region, entry: RegionIndustry) -> tuple[float | None, float | None]:
    """Average annual pay (annual files only) and average weekly wage, of the published part."""
    weeks = 52 if region.layout == "annual" else 13
    if entry.wages is None or not entry.employment:
        return None, None
    annual = entry.wages / entry.employment if region.layout == "annual" else None
    weekly = entry.wages / entry.mean_employment / weeks if entry.mean_employment else None
    return annual, weekly


def _row(
    region: Region, first: Region | None, entry: RegionIndustry, nation: Nation, base: str, bands: Bands
) -> list[Any]:
    found = quotient(region, entry, nation, base)
    span = span_levels(first, region, entry.code) if first else prior_levels(region, entry.code)
    change = growth(span.start, span.end, span.years)
    notes = [found.note] if found.note else []
    growth_note = "; ".join(note for note in (span.note, change.reason) if note)
    if growth_note:
        notes.append(f"growth: {growth_note}")
    annual_pay, weekly = _pay(region, entry)
    fully = found.fully_published and span.fully_published and not entry.estabs_missing
    return [
        entry.code,
        title(entry.code, region.year),
        entry.employment,
        None if entry.estabs_missing else entry.establishments,
        annual_pay,
        weekly,
        span.start,
        change.percent_change,
        change.annualized_percent,
        found.lq,
        found.lq_low,
        found.lq_high,
        band_range(found.lq_low, found.lq_high, bands),
        found.status,
        entry.suppressed,
        fully,
        "; ".join(notes),
    ]


def iter_industry_table(
    files: Sequence[FileInput],
    nation_file: FileInput | Sequence[FileInput] | None = None,
    base: str = "total",
    level: object = DEFAULT_LEVEL,
    projected: Projected = None,
    bands: Bands = DEFAULT_BANDS,
    start_year: object = None,
    end_year: object = None,
) -> Steps[Table]:
    """Tab I for the end year (default the latest loaded); growth over the span from the start year
    (default the earliest loaded), or over one year from the oty_ columns when one year is loaded."""
    base = check_base(base)
    years = yield from iter_load(files, level, nation_file)
    first, region = choose_span(years, start_year, end_year)
    nation = years.nation(region)
    wanted = _projections(projected, region)
    rows = []
    for code in sorted(region.industries):
        rows.append(_row(region, first, region.industries[code], nation, base, bands))
        if wanted is not None:
            rows[-1].append(wanted.get(code))
    names = list(INDUSTRY_COLUMNS) + (["projected_growth"] if wanted is not None else [])
    start = first.key if first else prior_key(region)
    labels = {
        "prior_employment": f"Employment {start}",
        "growth_percent": f"Growth {start} to {region.key} (%)",
        "annual_growth_percent": "Annual growth (%)",
    }
    meta = region_meta(region, level, calculator="industry-table", title="Industry data table", base=base)
    meta |= nation_meta(nation) | suppression_meta([row[13] for row in rows]) | {"partial_columns": PARTIAL_COLUMNS}
    meta |= {"measure": "employment", "start_year": start, "end_year": region.key, "years_loaded": years.keys}
    if first is not None:
        meta["years"] = [first.key, region.key]
    return Table([column(name, labels.get(name)) for name in names], rows, meta)


def industry_table(
    files: Sequence[FileInput],
    nation_file: FileInput | Sequence[FileInput] | None = None,
    base: str = "total",
    level: object = DEFAULT_LEVEL,
    projected: Projected = None,
    bands: Bands = DEFAULT_BANDS,
    start_year: object = None,
    end_year: object = None,
) -> Table:
    return finish(iter_industry_table(files, nation_file, base, level, projected, bands, start_year, end_year))


def _projections(projected: Projected, region: Region) -> dict[str, Any] | None:
    """Optional user column: {code: percent} or a CSV (name, text) with industry_code,projected_growth."""
    if projected is None:
        return None
    if isinstance(projected, tuple):
        sheet = read_csv(
            projected[1], projected[0], required=("industry_code", "projected_growth"), key="industry_code"
        )
    else:
        rows = [{"industry_code": code, "projected_growth": value} for code, value in dict(projected).items()]
        sheet = from_rows(rows, "projections", required=("industry_code", "projected_growth"), key="industry_code")
    result: dict[str, Any] = {}
    for record in sheet.records:
        code = record.values["industry_code"]
        if code not in region.industries:
            raise InputError(
                f"expected an industry code of the region, got {code!r}",
                file=sheet.name,
                row=record.row,
                column="industry_code",
            )
        result[code] = parse_number(
            record.values["projected_growth"],
            negative_ok=True,
            blank_ok=True,
            file=sheet.name,
            row=record.row,
            column="projected_growth",
        )
    return result
