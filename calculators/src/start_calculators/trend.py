"""Several years side by side: a measure and its LQ by year, and LQs of the start and end year compared."""

from collections.abc import Sequence
from typing import Any

from .about import nations_meta, region_meta
from .errors import InputError
from .lq import DEFAULT_BANDS, Bands, band_range
from .lq_qcew import Found, quotient, suppression_meta
from .naics import title
from .nation import Nation
from .progress import Steps, finish
from .qcew import DEFAULT_LEVEL
from .region import Region, check_base, check_measure
from .results import Table, column
from .years import FileInput, YearSet, iter_load

CROSSING_RULE = (
    'An industry is "emerging" when its LQ interval lies wholly below 1.0 in the start year and wholly at or '
    'above 1.0 in the end year, and "fading" the other way round. Where an interval touches 1.0 (partly '
    "suppressed data, or inferred national shares), the LQs shown may still cross 1.0: such rows say "
    '"possibly emerging" or "possibly fading".'
)


def _selected(years: YearSet, industries: Sequence[str] | str | None) -> list[str]:
    known = set().union(*(region.industries for region in years.regions.values()))
    if industries in (None, "", []):
        return sorted(known)
    wanted = [code.strip() for code in (industries.split(",") if isinstance(industries, str) else industries)]
    for code in wanted:
        if str(code) not in known:
            raise InputError(
                f"expected an industry code found in the files at this level, got {code!r}",
                column="industries",
                expected="an industry code of the region",
            )
    return [str(code) for code in dict.fromkeys(wanted) if str(code)]


def _found(region: Region, nation: Nation, code: str, base: str, measure: str) -> Found:
    entry = region.industries.get(code)
    if entry is None:
        return Found(status="absent", note=f"no row in the {region.key} files")
    return quotient(region, entry, nation, base, measure)


def iter_trend_from_qcew(
    files: Sequence[FileInput],
    nation_file: FileInput | Sequence[FileInput] | None = None,
    industries: Sequence[str] | str | None = None,
    measure: str = "employment",
    base: str = "total",
    level: object = DEFAULT_LEVEL,
    bands: Bands = DEFAULT_BANDS,
) -> Steps[Table]:
    """One row per industry and year: the measure and its LQ (long form, ready for a chart)."""
    base, measure = check_base(base), check_measure(measure)
    years = yield from iter_load(files, level, nation_file)
    years.check_same_areas()
    nations = {key: years.nation(region) for key, region in years.regions.items()}
    rows: list[list[Any]] = []
    for code in _selected(years, industries):
        for key, region in years.regions.items():
            found = _found(region, nations[key], code, base, measure)
            entry = region.industries.get(code)
            value = None if entry is None else entry.value(measure)
            band = band_range(found.lq_low, found.lq_high, bands)
            rows.append([code, title(code, region.year), key, value, found.lq, found.lq_low, found.lq_high, band])
            rows[-1] += [found.status, found.fully_published, found.note]
    names = ["industry_code", "industry_title", "year", measure, "lq", "lq_low", "lq_high", "band", "status"]
    names += ["fully_published", "note"]
    last = years.region()
    meta = region_meta(last, level, calculator="trend", title="Trend by year", measure=measure, base=base)
    meta |= nations_meta(nations) | {"years": years.keys, "start_year": years.keys[0], "end_year": last.key}
    return Table([column(name) for name in names], rows, meta)


def trend_from_qcew(
    files: Sequence[FileInput],
    nation_file: FileInput | Sequence[FileInput] | None = None,
    industries: Sequence[str] | str | None = None,
    measure: str = "employment",
    base: str = "total",
    level: object = DEFAULT_LEVEL,
    bands: Bands = DEFAULT_BANDS,
) -> Table:
    return finish(iter_trend_from_qcew(files, nation_file, industries, measure, base, level, bands))


def crossing(start: Found, end: Found) -> str:
    """The stated rule (CROSSING_RULE): certain crossings, possible ones, or none."""

    def below(found: Found) -> bool:
        return found.lq_high is not None and found.lq_high < 1.0

    def above(found: Found) -> bool:
        return found.lq_low is not None and found.lq_low >= 1.0

    if below(start) and above(end):
        return "emerging"
    if above(start) and below(end):
        return "fading"
    if start.lq is None or end.lq is None:
        return ""
    if start.lq < 1.0 <= end.lq:
        return "possibly emerging"
    if end.lq < 1.0 <= start.lq:
        return "possibly fading"
    return ""


CHANGE_COLUMNS = (
    "industry_code",
    "industry_title",
    "lq_start",
    "lq_start_low",
    "lq_start_high",
    "band_start",
    "lq_end",
    "lq_end_low",
    "lq_end_high",
    "band_end",
    "lq_change",
    "crossing",
    "status",
    "fully_published",
    "note",
)


def _change_row(code: str, first: Found, last: Found, year: str, bands: Bands) -> list[Any]:
    change = None if first.lq is None or last.lq is None else last.lq - first.lq
    both = first.fully_published and last.fully_published
    status = "ok" if both else ("missing" if change is None else "partial")
    notes = [f"start: {first.note}" if first.note else "", f"end: {last.note}" if last.note else ""]
    return [
        code,
        title(code, year),
        first.lq,
        first.lq_low,
        first.lq_high,
        band_range(first.lq_low, first.lq_high, bands),
        last.lq,
        last.lq_low,
        last.lq_high,
        band_range(last.lq_low, last.lq_high, bands),
        change,
        crossing(first, last),
        status,
        both,
        "; ".join(note for note in notes if note),
    ]


def iter_lq_change_from_qcew(
    files: Sequence[FileInput],
    nation_file: FileInput | Sequence[FileInput] | None = None,
    start_year: object = None,
    end_year: object = None,
    measure: str = "employment",
    base: str = "total",
    level: object = DEFAULT_LEVEL,
    bands: Bands = DEFAULT_BANDS,
) -> Steps[Table]:
    """The LQ of the start and the end year side by side, flagging industries whose LQ crossed 1.0."""
    base, measure = check_base(base), check_measure(measure)
    years = yield from iter_load(files, level, nation_file)
    first, last = years.span(start_year, end_year)
    years.check_same_areas([first.key, last.key])
    nations = {first.key: years.nation(first), last.key: years.nation(last)}
    rows = []
    for code in sorted(set(first.industries) | set(last.industries)):
        start = _found(first, nations[first.key], code, base, measure)
        end = _found(last, nations[last.key], code, base, measure)
        rows.append(_change_row(code, start, end, last.year, bands))
    labels = {name: column(name).label for name in CHANGE_COLUMNS}
    for moment, key in (("start", first.key), ("end", last.key)):
        labels |= {f"lq_{moment}": f"LQ {key}", f"lq_{moment}_low": f"LQ {key}, low"}
        labels |= {f"lq_{moment}_high": f"LQ {key}, high", f"band_{moment}": f"Band {key}"}
    labels["lq_change"] = f"LQ change {first.key} to {last.key}"
    meta = region_meta(last, level, calculator="lq-change", title="LQ change", measure=measure, base=base)
    meta |= nations_meta(nations) | {"years": [first.key, last.key], "start_year": first.key, "end_year": last.key}
    meta |= suppression_meta([row[12] for row in rows], measure) | {"crossing_rule": CROSSING_RULE}
    meta["crossings"] = {kind: sum(row[11] == kind for row in rows) for kind in ("emerging", "fading")}
    return Table([column(name, labels[name]) for name in CHANGE_COLUMNS], rows, meta)


def lq_change_from_qcew(
    files: Sequence[FileInput],
    nation_file: FileInput | Sequence[FileInput] | None = None,
    start_year: object = None,
    end_year: object = None,
    measure: str = "employment",
    base: str = "total",
    level: object = DEFAULT_LEVEL,
    bands: Bands = DEFAULT_BANDS,
) -> Table:
    return finish(iter_lq_change_from_qcew(files, nation_file, start_year, end_year, measure, base, level, bands))
