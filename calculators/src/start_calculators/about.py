"""What a result is: the settings in its meta as labelled lines, CSV "# label: value" lines, a file name."""

import re
from collections.abc import Sequence
from typing import Any

from .nation import Nation
from .qcew import LEVEL_NAMES, LEVELS, area_kind
from .region import Region

Meta = dict[str, Any]
# QCEW files do not record which release they come from; BLS revises the latest year later.
UPLOAD_VINTAGE = "as downloaded (QCEW files do not record their release; the latest year is preliminary until revised)"
MEASURE_LABELS = {
    "employment": "Employment (annual average, or the quarter's third month)",
    "establishments": "Establishments",
    "wages": "Total wages (current dollars)",
}
BASE_LABELS = {
    "total": "all industries, all ownerships (as BLS computes the LQs in QCEW files)",
    "private": "all private industries",
}
SORT_RULE = (
    "Rows sort by the location quotient shown. Where some counties' figures are suppressed, that is the LQ "
    "of the published part, the least the data allow; the true value lies between the LQ low and LQ high "
    "columns. Rows without an LQ sort last."
)
BAND_RULE = (
    "Where an LQ is a range whose ends fall in different bands, the band is shown as a range "
    '("average to concentrated"); with no known upper end, as "or higher".'
)


def area_label(areas: Sequence[str]) -> str:
    counties = [area for area in areas if area_kind(area) == "county"]
    others = len(areas) - len(counties)
    parts = []
    if counties:
        parts.append(f"{len(counties)} {'county' if len(counties) == 1 else 'counties'}")
    if others:
        parts.append(f"{others} other {'area' if others == 1 else 'areas'}")
    return "region of " + " and ".join(parts) + f" ({', '.join(areas[:12])}{', ...' if len(areas) > 12 else ''})"


def level_label(level: object) -> str:
    return LEVEL_NAMES.get(LEVELS.get(str(level).strip().lower(), 0), str(level))


def region_meta(region: Region, level: object, **extra: Any) -> Meta:
    """The facts every QCEW result states: area, counties, year, period, level, files."""
    return {
        "area": area_label(region.areas),
        "areas": list(region.areas),
        "counties": [area for area in region.areas if area_kind(area) == "county"],
        "year": region.year,
        "period": region.period,
        "layout": region.layout,
        "years": [region.key],
        "files": [item.name for item in region.files],
        "level": str(level),
        "level_label": level_label(level),
        "vintage": UPLOAD_VINTAGE,
        "region_total": region.total,
        "region_private_total": region.private_total,
    } | extra


def nation_meta(nation: Nation) -> Meta:
    return {"nation_source": nation.source, "nation_name": nation.name, "nation_total": nation.total}


def nations_meta(sources: dict[str, Nation]) -> Meta:
    """National sources of several years: one line when all agree, else per year."""
    names = {key: (n.source, n.name) for key, n in sources.items()}
    if len(set(names.values())) == 1:
        first = next(iter(sources.values()))
        return nation_meta(first) | {"nation_sources": {key: n.name for key, n in sources.items()}}
    return {
        "nation_source": "mixed",
        "nation_name": "; ".join(f"{key}: {n.name}" for key, n in sources.items()),
        "nation_sources": {key: n.name for key, n in sources.items()},
    }


def _years_text(meta: Meta) -> str:
    years = [str(year) for year in meta.get("years") or [meta.get("year", "")] if year]
    if meta.get("start_year") and meta.get("end_year"):
        return f"{meta['start_year']} to {meta['end_year']}"
    if len(years) > 2:
        return f"{years[0]} to {years[-1]} ({len(years)} years)"
    return " and ".join(years)


def _nation_text(meta: Meta) -> str:
    source, name = meta.get("nation_source"), str(meta.get("nation_name") or "")
    if source == "file":
        return f"from the national file {name}"
    if source == "reference":
        return f"the {name}"
    return name


LABELS: tuple[tuple[str, str], ...] = (
    ("title", "Result"),
    ("label", "Data set"),
    ("area", "Area"),
    ("counties", "Counties (FIPS)"),
    ("industry", "Industry"),
    ("years", "Years"),
    ("layout", "Data"),
    ("vintage", "Vintage"),
    ("level", "Industry level"),
    ("measure", "Measure"),
    ("base", "Base"),
    ("method", "Method"),
    ("nation_source", "National shares"),
    ("comparison", "Compared with"),
    ("suppression_summary", "Suppression"),
    ("source", "Source"),
)


def _value(key: str, meta: Meta) -> str:
    value = meta.get(key)
    if key == "counties":
        return ", ".join(map(str, value or []))
    if key == "years":
        return _years_text(meta)
    if key == "layout":
        return {"annual": "BLS QCEW annual averages", "quarterly": "BLS QCEW quarterly figures"}.get(str(value), "")
    if key == "level":
        return str(meta.get("level_label") or level_label(value))
    if key == "measure":
        return MEASURE_LABELS.get(str(value), str(value or ""))
    if key == "base":
        return BASE_LABELS.get(str(value), str(value or ""))
    if key == "nation_source":
        return "" if value == "reference" else _nation_text(meta)
    if key == "method":
        return str(meta.get("method_label") or value or "")
    if key == "comparison":
        return (
            f"the {meta.get('nation_name')}" if value == "reference area" else f"the nation ({meta.get('nation_name')})"
        )
    return "" if value is None else str(value)


def about_lines(meta: Meta) -> list[tuple[str, str]]:
    """The settings that produced a result, as (label, value) pairs in a fixed order; empty ones left out."""
    lines = []
    for key, label in LABELS:
        if key in meta or (key == "years" and "year" in meta):
            text = " ".join(_value(key, meta).split())
            if text:
                lines.append((label, text))
    return lines


def csv_about(meta: Meta) -> str:
    """ "# label: value" lines to put before a CSV table (every reader in this package skips them)."""
    return "".join(f"# {label}: {value.replace(chr(34), chr(39))}\n" for label, value in about_lines(meta))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def suggested_filename(meta: Meta, extension: str = "csv") -> str:
    """A download name carrying the key settings, e.g. start-lq-employment-columbus-oh-msa-2023-naics3-total.csv."""
    areas = meta.get("areas") or []
    place = meta.get("area_slug") or (
        (str(areas[0]) if len(areas) == 1 else f"{len(areas)}-areas-{areas[0]}") if areas else ""
    )
    years = meta.get("years") or [meta.get("year")]
    span = [str(year) for year in years if year]
    if meta.get("start_year") and meta.get("end_year"):
        span = [str(meta["start_year"]), str(meta["end_year"])]
    level = meta.get("level")
    parts = [
        "start",
        meta.get("calculator") or "result",
        meta.get("method"),
        meta.get("measure"),
        place,
        "-".join(span[:1] + span[-1:] if len(span) > 1 else span),
        f"naics{level}" if level else None,
        meta.get("base"),
        meta.get("industry_code"),
    ]
    stem = "-".join(slug for slug in (_slug(str(part)) for part in parts if part) if slug)
    return f"{stem[:120].rstrip('-')}.{extension}"
