"""Browser entry points of the region builder: dropped files checked against the chosen counties, and
the per-county view with the shading of its map (JSON in, JSON out; see browser.py).

- inspect_region {files, chosen, names}: inspect_files, plus a problem for each chosen county that has
  no file, and notes (not problems) for years missing inside the span and years without a national
  file. `names` ({fips: name}) lets the messages name counties as the page does.
- county_view {sample, files, industry, year, measure, base, level, bands}: the `counties` table (of
  the sample when `sample` is true; industry defaults to 622, hospitals, when the region has it, else
  its largest industry by employment), with meta.shading {areas: {fips: key}, legend: [{key, label,
  count}]} for the map and meta.industries [[code, title]] for the industry chooser.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from .browser_qcew import bands_arg, counties_fn, files_arg, sample_region_fn
from .errors import InputError
from .files import iter_inspect_files
from .lq import BAND_MEANINGS, BELOW_ALL_BANDS, Bands
from .naics import title
from .progress import Steps
from .results import Table
from .sample import SAMPLE_INDUSTRY, SAMPLE_USES, sample_files
from .years import FileInput, iter_load

Args = dict[str, Any]
# Map shading keys besides the bands' ("band-0" is below the first cut): a county whose figure BLS
# suppressed, one with no establishments in the industry, an LQ whose range spans two bands (national
# shares inferred from rounded published LQs), and an LQ that cannot be known.
SPECIAL_SHADES = {
    "range": "LQ range spans two bands (see the table)",
    "suppressed": "suppressed by BLS (figure withheld)",
    "none": "no establishments in this industry",
    "unknown": "LQ not available",
}


def _name(area: str, names: Mapping[str, str]) -> str:
    return f"{names[area]} ({area})" if area in names else f"county {area}"


def _text_list(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def check_selection(meta: dict[str, Any], chosen: Sequence[str], names: Mapping[str, str]) -> None:
    """Add to an inspect_files meta: a problem for each chosen county without a file, notes for gaps."""
    loaded = set(meta.get("counties", [])) | set(meta.get("other_areas", []))
    missing = [area for area in chosen if area not in loaded]
    meta["missing_chosen"] = missing
    meta["unchosen"] = [area for area in meta.get("counties", []) if area not in set(chosen)]
    if missing and loaded:
        named = _text_list([_name(area, names) for area in missing])
        it, files = ("it", "its file") if len(missing) == 1 else ("them", "their files")
        message = (
            f"no file for {named}, which you chose: download {files} from the links above and add {it} here, "
            f"or remove {it} from your counties"
        )
        meta["problems"] = [*meta.get("problems", []), {"message": message, "files": []}]
        meta["ok"] = False
    meta["notes"] = [*meta.get("notes", []), *year_notes(meta.get("years", []), meta.get("nation_years", []))]


def year_notes(years: Sequence[str], nation_years: Sequence[str]) -> list[str]:
    """Years missing between the first and last annual year loaded; years without a national file."""
    notes = []
    annual = sorted(int(year) for year in years if str(year).isdigit())
    if annual:
        gaps = [str(year) for year in range(annual[0], annual[-1] + 1) if year not in annual]
        if gaps:
            notes.append(
                f"no files for {_text_list(gaps)} (between {annual[0]} and {annual[-1]}): growth over the span "
                "still works, and the trend leaves out the years missing"
            )
    without = [year for year in years if year not in set(nation_years)]
    if years and without:
        notes.append(
            f"no national file for {_text_list(list(without))}: national shares for "
            f"{'that year' if len(without) == 1 else 'those years'} are inferred from the counties' published "
            "location quotients (a range)"
        )
    return notes


def inspect_region_fn(args: Args) -> Steps[Table]:
    table = yield from iter_inspect_files(files_arg(args.get("files")))
    chosen = args.get("chosen") or []
    names = args.get("names") or {}
    if not isinstance(chosen, list) or not all(isinstance(area, str) for area in chosen):
        raise InputError("expected the chosen counties as a list of FIPS codes", column="chosen")
    if not isinstance(names, dict):
        raise InputError("expected county names as {fips: name}", column="names")
    check_selection(table.meta, chosen, {str(key): str(value) for key, value in names.items()})
    return table


def _band_label(index: int, bands: Bands) -> str:
    name = BELOW_ALL_BANDS if index == 0 else bands[index - 1][1]
    if index == 0:
        span = f"below {bands[0][0]:g}" if bands else "any"
    elif index == len(bands):
        span = f"{bands[-1][0]:g} or more"
    else:
        span = f"{bands[index - 1][0]:g} to {bands[index][0]:g}"
    meaning = BAND_MEANINGS.get(name, "").split(": ", 1)[-1]
    return f"{name}: LQ {span}" + (f" ({meaning})" if meaning else "")


def county_shading(table: Table, bands: Bands) -> dict[str, Any]:
    """Each county's shading key ("band-0" ... "band-N", or a SPECIAL_SHADES key) and the legend."""
    names = table.names
    area_at, band_at, status_at = names.index("area_fips"), names.index("band"), names.index("status")
    ordered = [BELOW_ALL_BANDS, *(name for _, name in bands)]
    areas: dict[str, str] = {}
    for row in table.rows:
        status, band = row[status_at], row[band_at]
        if status in ("suppressed", "none"):
            key = status
        elif band in ordered:
            key = f"band-{ordered.index(band)}"
        else:
            key = "range" if band else "unknown"
        areas[str(row[area_at])] = key
    counts = {key: list(areas.values()).count(key) for key in set(areas.values())}
    legend = [
        {"key": f"band-{index}", "label": _band_label(index, bands), "count": counts.get(f"band-{index}", 0)}
        for index in range(len(ordered))
    ]
    legend += [
        {"key": key, "label": label, "count": counts[key]} for key, label in SPECIAL_SHADES.items() if key in counts
    ]
    return {"areas": areas, "legend": legend}


def _industries(files: Sequence[FileInput], level: object, year: object) -> Steps[tuple[list[list[str]], str]]:
    """The region's industries as [code, "code title"], and the one to show first: the sample's (622,
    hospitals) when present, else the largest by published employment."""
    years = yield from iter_load(files, level)
    region = years.region(year)
    codes = sorted(region.industries)
    listed = [[code, f"{code} {title(code, region.year)}"] for code in codes]
    if SAMPLE_INDUSTRY in region.industries or not codes:
        return listed, SAMPLE_INDUSTRY
    return listed, max(codes, key=lambda code: region.industries[code].value("employment") or 0)


def county_view_fn(args: Args) -> Steps[Table]:
    sample = bool(args.get("sample"))
    files: list[FileInput] = list(sample_files(SAMPLE_USES["counties"])) if sample else files_arg(args.get("files"))
    listed, first = yield from _industries(files, args.get("level", "3"), None if sample else args.get("year"))
    wanted = args | {"industry": args.get("industry") or first}
    table: Table
    if sample:
        table = yield from sample_region_fn(wanted | {"as": "counties"})
    else:
        table = yield from counties_fn(wanted, files)
    table.meta["shading"] = county_shading(table, bands_arg(args))
    table.meta["industries"] = listed
    return table


REGION_FUNCTIONS = {
    "inspect_region": inspect_region_fn,
    "county_view": county_view_fn,
}
