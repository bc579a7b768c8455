"""The per-county view: for one industry, year and measure, each county's figure, share and LQ.

County names are not in QCEW files: rows carry FIPS codes and the page maps them to names.
"""

from collections.abc import Sequence
from typing import Any

from .about import nation_meta, region_meta
from .errors import InputError
from .lq import DEFAULT_BANDS, Bands, band_range
from .naics import title
from .nation import Nation
from .progress import Steps, finish
from .qcew import DEFAULT_LEVEL
from .qcew_rows import QcewRow
from .region import BOUNDED, Region, RegionIndustry, check_base, check_measure, unassigned
from .results import Table, column
from .years import FileInput, iter_load

SHARE_RULE = (
    "A county's share is of the region's published total for this industry; where some counties are "
    "suppressed, the shares of the others are of the published part only."
)
HIDDEN = {
    "employment": "employment and total wages are suppressed (establishments stay published)",
    "wages": "employment and total wages are suppressed (establishments stay published)",
    "establishments": "the establishment count is not published",
}


def _county_lq(
    region: Region, area: str, value: int, nation: Nation, code: str, base: str, measure: str
) -> tuple[float | None, float | None, float | None]:
    owner = region.owner(area)
    row = owner.totals[area] if base == "total" else owner.private_totals.get(area)
    total = None if row is None or row.suppressed else row.value(measure)
    low, high, _ = nation.share(code, base, measure)
    if not total or low is None or high is None:
        return None, None, None
    share = value / total
    return share / ((low + high) / 2), share / high, share / low


def _county_row(
    region: Region,
    entry: RegionIndustry,
    area: str,
    nation: Nation,
    base: str,
    measure: str,
    room: dict[str, int | None],
) -> list[Any]:
    row: QcewRow | None = entry.areas.get(area)
    if row is None:
        return [
            area,
            0,
            0,
            0.0,
            0.0,
            0.0,
            0.0,
            None,
            None,
            "none",
            f"no establishments in this industry in {region.key}",
        ]
    value = None if (row.suppressed and measure != "establishments") else row.value(measure)
    if value is None:
        bound = room.get(area)
        note = HIDDEN[measure] + (f"; at most {bound:,} (the county's unassigned private {measure})" if bound else "")
        return [area, None, row.establishments, None, None, None, None, None, bound, "suppressed", note]
    published = entry.value(measure)
    lq, lq_low, lq_high = _county_lq(region, area, value, nation, entry.code, base, measure)
    share = value / published if published else None
    return [area, value, row.establishments, share, lq, lq_low, lq_high, row.published_lq(measure), None, "ok", ""]


def iter_county_view(
    files: Sequence[FileInput],
    industry: object,
    year: object = None,
    measure: str = "employment",
    nation_file: FileInput | Sequence[FileInput] | None = None,
    base: str = "total",
    level: object = DEFAULT_LEVEL,
    bands: Bands = DEFAULT_BANDS,
) -> Steps[Table]:
    base, measure = check_base(base), check_measure(measure)
    years = yield from iter_load(files, level, nation_file)
    region = years.region(year)
    code = str(industry or "").strip()
    if code not in region.industries:
        raise InputError(
            f"expected an industry code found in the {region.key} files at this level, got {code!r}",
            column="industry",
            expected="an industry code of the region",
        )
    entry, nation = region.industries[code], years.nation(region)
    room = unassigned(region, measure) if measure in BOUNDED else {}
    rows = [_county_row(region, entry, area, nation, base, measure, room) for area in sorted(region.areas)]
    for row in rows:
        row.insert(7, band_range(row[5], row[6], bands))
    names = ["area_fips", measure, "establishments", "share_of_region", "lq", "lq_low", "lq_high", "band"]
    names += ["published_lq", "upper_bound", "status", "note"]
    if measure == "establishments":
        del names[2]
        for row in rows:
            del row[2]
    suppressed = [row[0] for row in rows if row[-2] == "suppressed"]
    meta = region_meta(region, level, calculator="counties", title="Industry by county", measure=measure, base=base)
    meta |= nation_meta(nation) | {"industry_code": code, "industry": f"{code} {title(code, region.year)}"}
    meta |= {
        "region_value": entry.value(measure),
        "suppressed_areas": suppressed,
        "hidden_at_most": None
        if any(room.get(a) is None for a in suppressed)
        else sum(room[a] or 0 for a in suppressed),
        "share_rule": SHARE_RULE,
        "years_loaded": years.keys,
    }
    return Table([column(name) for name in names], rows, meta)


def county_view(
    files: Sequence[FileInput],
    industry: object,
    year: object = None,
    measure: str = "employment",
    nation_file: FileInput | Sequence[FileInput] | None = None,
    base: str = "total",
    level: object = DEFAULT_LEVEL,
    bands: Bands = DEFAULT_BANDS,
) -> Table:
    return finish(iter_county_view(files, industry, year, measure, nation_file, base, level, bands))
