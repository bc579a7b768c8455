"""Shift-share from QCEW files, three ways: classic, Esteban-Marquillas and dynamic (year by year).

The region's files and the comparison's (the nation's US000 files, or a larger reference area's
county files) may cover several years; they are grouped by year, start = earliest, end = latest.
With one year loaded, the start is the prior year read from the files' oty_ columns.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .about import area_label, region_meta
from .errors import InputError
from .growth_qcew import prior_key
from .naics import title
from .progress import Steps, finish
from .qcew import DEFAULT_LEVEL, NATION_AREA, QcewFile
from .region import Region
from .results import Table, column
from .shift_share import dynamic_shift_share, esteban_marquillas, shift_share
from .years import FileInput, YearSet, as_files, group, iter_load, iter_parse

METHODS = {
    "classic": "classic (national growth, industry mix, competitive)",
    "esteban-marquillas": "Esteban-Marquillas (competitive effect net of specialization, plus allocation)",
    "dynamic": "dynamic (the classic split year by year, summed)",
}


@dataclass
class Point:
    """One year of an area: its all-industry total and each industry's level (None: not all published)."""

    key: str
    total: int | None
    values: dict[str, int | None] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


def region_points(region: Region, prior: bool) -> Point:
    """The region's year, or (prior=True) its prior year from the oty_ columns."""
    point = Point(prior_key(region) if prior else region.key, region.total_prior if prior else region.total)
    for code, entry in region.industries.items():
        if entry.suppressed:
            point.values[code] = None
            point.notes[code] = f"suppressed in {entry.suppressed} of {entry.present} counties in {region.key}"
        elif prior and entry.prior is None:
            point.values[code] = None
            point.notes[code] = f"prior-year level not published in {entry.prior_missing} of {entry.present} counties"
        else:
            point.values[code] = entry.prior if prior else entry.employment
    return point


def nation_points(nation: QcewFile, prior: bool) -> Point:
    total = nation.totals[NATION_AREA]
    key = str(int(nation.year) - 1) + ("" if nation.period == "A" else f"-Q{nation.period}")
    point = Point(key if prior else nation.key, total.prior if prior else total.employment)
    for code, by_area in nation.industries.items():
        row = by_area[NATION_AREA]
        point.values[code] = None if row.suppressed else (row.prior if prior else row.employment)
        if point.values[code] is None:
            point.notes[code] = "the national figures for this industry are not published"
    return point


def _series(years: YearSet, method: str) -> list[Point]:
    regions = list(years.regions.values())
    if len(regions) == 1:
        return [region_points(regions[0], True), region_points(regions[0], False)]
    chosen = regions if method == "dynamic" else [regions[0], regions[-1]]
    return [region_points(region, False) for region in chosen]


def _comparison(years: YearSet, reference: YearSet | None, method: str) -> tuple[list[Point], str, str]:
    """The comparison's points for the region's years, its kind ("nation" or "reference area") and name."""
    keys = years.keys if method == "dynamic" or len(years.keys) == 1 else [years.keys[0], years.keys[-1]]
    if reference is not None:
        missing = [key for key in keys if key not in reference.regions]
        if missing:
            raise InputError(
                f"expected reference-area files for {', '.join(missing)} (the region's years), "
                f"got {', '.join(reference.keys)}",
                file=reference.regions[reference.keys[0]].files[0].name,
                column="year",
                expected=", ".join(keys),
            )
        reference.check_same_areas(keys)
        points = [region_points(reference.regions[key], False) for key in keys]
        if len(years.keys) == 1:
            points.insert(0, region_points(reference.regions[keys[0]], True))
        for point in points:
            point.notes = {
                code: note.replace("counties", "reference-area counties") for code, note in point.notes.items()
            }
        return points, "reference area", "reference area of " + area_label(reference.areas).removeprefix("region of ")
    missing = [key for key in keys if key not in years.nations]
    if missing:
        raise InputError(
            "shift-share from QCEW files needs a national (US000) file of each year used "
            f"({', '.join(keys)}; missing {', '.join(missing)}), or the files of a larger reference area",
            column="nation",
            expected="a national file",
        )
    points = [nation_points(years.nations[key], False) for key in keys]
    if len(years.keys) == 1:
        points.insert(0, nation_points(years.nations[keys[0]], True))
    return points, "nation", ", ".join(years.nations[key].name for key in keys)


def _labels(kind: str) -> dict[str, str]:
    if kind == "nation":
        return {}
    return {
        "nation_start": "Reference area start",
        "nation_end": "Reference area end",
        "national_effect": "Reference-area growth effect",
    }


def _row(code: str, year: str, ours: list[Point], theirs: list[Point], method: str) -> list[Any]:
    region = [point.values.get(code) for point in ours]
    nation = [point.values.get(code) for point in theirs]
    totals = [point.total for point in theirs]
    head = [code, title(code, year), region[0], region[-1], nation[0], nation[-1]]
    if method == "esteban-marquillas":
        em = esteban_marquillas(region[0], region[-1], nation[0], nation[-1], totals[0], totals[-1], ours[0].total)
        parts: list[Any] = [em.homothetic_employment, em.national_effect, em.industry_mix_effect]
        parts += [em.competitive_effect, em.allocation_effect, em.total_change]
        reason, ok = em.reason, em.national_effect is not None
    else:
        shift = (
            dynamic_shift_share(region, nation, totals)
            if method == "dynamic"
            else shift_share(region[0], region[-1], nation[0], nation[-1], totals[0], totals[-1])
        )
        parts = [shift.national_effect, shift.industry_mix_effect, shift.competitive_effect, shift.total_change]
        reason, ok = shift.reason, shift.national_effect is not None
    notes = [point.notes[code] for point in ours if code in point.notes]
    notes += [point.notes[code] for point in theirs if code in point.notes]
    if any(code not in point.values for point in [*ours, *theirs]):
        notes.append("the industry is missing from some years' files")
    return head + parts + ["ok" if ok else "missing", (notes[0] if notes else reason)]


def check_method(method: object) -> str:
    text = str(method or "classic").strip().lower().replace("_", "-").replace(" ", "-")
    text = {"em": "esteban-marquillas"}.get(text, text)
    if text not in METHODS:
        raise InputError(
            f"expected a method, classic, esteban-marquillas or dynamic, got {method!r}",
            column="method",
            expected="classic, esteban-marquillas or dynamic",
        )
    return text


def table_method(method: object) -> None:
    """A table of start and end figures supports the classic split only."""
    if check_method(method) != "classic":
        raise InputError(
            "Esteban-Marquillas and dynamic shift-share need QCEW files (the region's total, and every year); "
            "a table of start and end figures gives the classic split",
            column="method",
            expected="classic",
        )


def iter_shift_share_from_qcew(
    files: Sequence[FileInput],
    nation_file: FileInput | Sequence[FileInput] | None = None,
    level: object = DEFAULT_LEVEL,
    reference_files: Sequence[FileInput] | None = None,
    method: str = "classic",
) -> Steps[Table]:
    method = check_method(method)
    years = yield from iter_load(files, level, nation_file)
    years.check_same_areas()
    reference = None
    if reference_files:
        parsed = yield from iter_parse(as_files(reference_files), level)
        reference = group(parsed, [], str(level))
    ours = _series(years, method)
    theirs, kind, name = _comparison(years, reference, method)
    codes = sorted(set().union(*(point.values for point in ours)))
    last = years.region()
    rows = [_row(code, last.year, ours, theirs, method) for code in codes]
    names = ["industry_code", "industry_title", "region_start", "region_end", "nation_start", "nation_end"]
    names += ["homothetic_employment"] if method == "esteban-marquillas" else []
    names += ["national_effect", "industry_mix_effect", "competitive_effect"]
    names += ["allocation_effect"] if method == "esteban-marquillas" else []
    names += ["total_change", "status", "note"]
    labels = _labels(kind)
    meta = region_meta(last, level, calculator="shift-share", title="Shift-share", measure="employment")
    meta |= {
        "method": method,
        "method_label": METHODS[method],
        "comparison": kind,
        "nation_source": "file" if kind == "nation" else "reference",
        "nation_name": name,
        "start_year": ours[0].key,
        "end_year": ours[-1].key,
        "years": [point.key for point in ours],
        "region_total_start": ours[0].total,
        "nation_total_start": theirs[0].total,
        "nation_total": theirs[-1].total,
        "labels": labels,
    }
    return Table([column(n, labels.get(n)) for n in names], rows, meta)


def shift_share_from_qcew(
    files: Sequence[FileInput],
    nation_file: FileInput | Sequence[FileInput] | None = None,
    level: object = DEFAULT_LEVEL,
    reference_files: Sequence[FileInput] | None = None,
    method: str = "classic",
) -> Table:
    """Shift-share of the region against the nation (US000 files) or a larger reference area."""
    return finish(iter_shift_share_from_qcew(files, nation_file, level, reference_files, method))
