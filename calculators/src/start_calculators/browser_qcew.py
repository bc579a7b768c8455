"""Browser entry points for QCEW files, the sample and reports (JSON in, JSON out; see browser.py).

Entry points that read files are generators: they yield Progress while reading and return the
result, so the page's driver can stay responsive; browser.call runs them to the end.
"""

from collections.abc import Callable, Generator
from typing import Any

from .about import about_lines, suggested_filename
from .counties import iter_county_view
from .errors import InputError
from .files import iter_inspect_files
from .growth_qcew import iter_growth_from_qcew
from .industry import iter_industry_table
from .lq import Bands, make_bands
from .lq_qcew import iter_lq_from_qcew
from .progress import Progress, Steps
from .qcew import DEFAULT_LEVEL, NATION_AREA, bls_area_url
from .results import Table
from .sample import (
    SAMPLE_COUNTIES,
    SAMPLE_INDUSTRY,
    SAMPLE_USES,
    SAMPLE_YEARS,
    SHIFT_SHARE_LEVEL,
    sample_files,
    sample_meta,
    shift_share_sample,
)
from .shift_qcew import iter_shift_share_from_qcew
from .trend import iter_lq_change_from_qcew, iter_trend_from_qcew
from .years import FileInput, iter_parse

Args = dict[str, Any]
Entry = Callable[[Args], Any]


def files_arg(items: object, what: str = "files") -> list[FileInput]:
    if not isinstance(items, list) or not items:
        raise InputError("expected a list of files ({name, text})", column=what)
    return [file_arg(item, what) for item in items]


def file_arg(item: object, what: str = "file") -> FileInput:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise InputError("expected a file as {name, text}", column=what)
    return str(item.get("name") or "upload.csv"), item["text"]


def nation_arg(args: Args) -> list[FileInput] | None:
    """`nation`: one {name, text} file or a list of them (one per year)."""
    value = args.get("nation")
    if not value:
        return None
    return files_arg(value, "nation") if isinstance(value, list) else [file_arg(value, "nation")]


def bands_arg(args: Args) -> Bands:
    return make_bands(args.get("bands")) if args.get("bands") else make_bands()


def _common(args: Args) -> Args:
    return {"level": args.get("level", "3"), "base": args.get("base", "total"), "bands": bands_arg(args)}


def inspect_files_fn(args: Args) -> Steps[Table]:
    return (yield from iter_inspect_files(files_arg(args.get("files"))))


def lq_qcew_fn(args: Args, files: list[FileInput] | None = None) -> Steps[Table]:
    """files, nation; base, level, bands; measure (employment, establishments, wages); year."""
    c = _common(args)
    return (
        yield from iter_lq_from_qcew(
            files or files_arg(args.get("files")),
            nation_arg(args),
            c["base"],
            c["level"],
            c["bands"],
            args.get("measure", "employment"),
            args.get("year"),
        )
    )


def industry_table_fn(args: Args, files: list[FileInput] | None = None) -> Steps[Table]:
    """files, nation; base, level, bands; projected {code: percent}; start_year, end_year."""
    projected = args.get("projected")
    if projected is not None and not isinstance(projected, dict):
        raise InputError("expected projected growth as {industry_code: percent}", column="projected")
    c = _common(args)
    return (
        yield from iter_industry_table(
            files or files_arg(args.get("files")),
            nation_arg(args),
            c["base"],
            c["level"],
            projected,
            c["bands"],
            args.get("start_year"),
            args.get("end_year"),
        )
    )


def growth_qcew_fn(args: Args, files: list[FileInput] | None = None) -> Steps[Table]:
    """files (several years), earlier (more files); level, min_size, start_year, end_year, measure."""
    return (
        yield from iter_growth_from_qcew(
            files or files_arg(args.get("files")),
            files_arg(args["earlier"], "earlier") if args.get("earlier") else None,
            args.get("level", "3"),
            args.get("min_size"),
            args.get("start_year"),
            args.get("end_year"),
            args.get("measure", "employment"),
        )
    )


def trend_fn(args: Args, files: list[FileInput] | None = None) -> Steps[Table]:
    """files, nation; industries (codes, default all); measure, base, level, bands."""
    c = _common(args)
    return (
        yield from iter_trend_from_qcew(
            files or files_arg(args.get("files")),
            nation_arg(args),
            args.get("industries"),
            args.get("measure", "employment"),
            c["base"],
            c["level"],
            c["bands"],
        )
    )


def lq_change_fn(args: Args, files: list[FileInput] | None = None) -> Steps[Table]:
    """files, nation; start_year, end_year; measure, base, level, bands."""
    c = _common(args)
    return (
        yield from iter_lq_change_from_qcew(
            files or files_arg(args.get("files")),
            nation_arg(args),
            args.get("start_year"),
            args.get("end_year"),
            args.get("measure", "employment"),
            c["base"],
            c["level"],
            c["bands"],
        )
    )


def counties_fn(args: Args, files: list[FileInput] | None = None) -> Steps[Table]:
    """files, nation; industry (a code); year; measure, base, level, bands."""
    c = _common(args)
    return (
        yield from iter_county_view(
            files or files_arg(args.get("files")),
            args.get("industry"),
            args.get("year"),
            args.get("measure", "employment"),
            nation_arg(args),
            c["base"],
            c["level"],
            c["bands"],
        )
    )


def shift_share_qcew_fn(args: Args) -> Steps[Table]:
    """files; nation (US000 files) or reference (a larger area's files); level; method."""
    reference = files_arg(args["reference"], "reference") if args.get("reference") else None
    return (
        yield from iter_shift_share_from_qcew(
            files_arg(args.get("files")),
            nation_arg(args),
            args.get("level", "3"),
            reference,
            str(args.get("method") or "classic"),
        )
    )


def _sample_shift_share(args: Args) -> Steps[Table]:
    region, reference = shift_share_sample()
    return (
        yield from iter_shift_share_from_qcew(
            region, None, args.get("level", SHIFT_SHARE_LEVEL), reference, args.get("method", "classic")
        )
    )


SAMPLE_KINDS: dict[str, Callable[..., Steps[Table]]] = {
    "lq": lq_qcew_fn,
    "table": industry_table_fn,
    "growth": growth_qcew_fn,
    "trend": trend_fn,
    "lq_change": lq_change_fn,
    "counties": counties_fn,
}


def sample_region_fn(args: Args) -> Generator[Progress, None, Any]:
    """as: "files" (the 40 county files), "inspect", "lq", "table", "growth", "trend", "lq_change",
    "counties" (industry default 622) or "shift_share" (Delaware County against the MSA as reference
    area; level default sector); years: the sample years to read (default: those the calculator
    uses, SAMPLE_USES); other args as for the matching entry point."""
    kind = str(args.get("as", "files"))
    if kind == "files":
        years = args.get("years") or None
        return sample_meta() | {"files": [{"name": name, "text": text} for name, text in sample_files(years)]}
    if kind == "inspect":
        result = yield from iter_inspect_files(sample_files())
    elif kind == "shift_share":
        result = yield from _sample_shift_share(args)
    elif kind in SAMPLE_KINDS:
        wanted = args | ({"industry": SAMPLE_INDUSTRY} if kind == "counties" and not args.get("industry") else {})
        years = args.get("years") or SAMPLE_USES[kind]  # a span the reader chose, or the calculator's own
        result = yield from SAMPLE_KINDS[kind](wanted, sample_files(years))
    else:
        raise InputError(
            "expected as: files, inspect, lq, table, growth, trend, lq_change, counties or shift_share", column="as"
        )
    result.meta |= sample_meta(kind == "shift_share")
    return result


def warm_sample_fn(args: Args) -> Steps[dict[str, Any]]:
    """Reads the sample into the cache of parsed files, at the shift-share sample's level and then at
    the default one, so the first recomputation of the sample on any calculator page answers at once.
    The page asks for it when the engine has nothing else to do."""
    files = sample_files()
    for level in (SHIFT_SHARE_LEVEL, DEFAULT_LEVEL):
        yield from iter_parse(files, level)
    return {"files": len(files)}


def sample_info_fn(args: Args) -> dict[str, Any]:
    """What the pages say about the sample, with the BLS links of its files."""
    counties = [{"fips": fips, "name": name} for fips, name in SAMPLE_COUNTIES]
    return sample_meta() | {
        "counties": counties,
        "years": list(SAMPLE_YEARS),
        "links": bls_links(
            args
            | {
                "areas": [fips for fips, _ in SAMPLE_COUNTIES],
                "years": list(SAMPLE_YEARS),
            }
        ),
    }


def bls_links(args: Args) -> list[dict[str, str]]:
    areas = args.get("areas") or []
    years = args.get("years") or []
    if not isinstance(areas, list) or not isinstance(years, list) or not years:
        raise InputError("expected areas (FIPS codes) and years as lists", column="areas")
    links = []
    for year in years:
        for area in [*areas, *([NATION_AREA] if args.get("nation", True) else [])]:
            links.append({"area": str(area), "year": str(year), "url": bls_area_url(year, str(area))})
    return links


def bls_links_fn(args: Args) -> list[dict[str, str]]:
    """areas (FIPS codes), years; nation (default true: add the US000 file of each year)."""
    return bls_links(args)


def about_fn(args: Args) -> dict[str, Any]:
    """meta (a result's meta, or a whole table) -> {lines: [[label, value]], csv_name, xlsx_name}."""
    meta = args.get("meta")
    if isinstance(args.get("table"), dict):
        meta = args["table"].get("meta")
    if not isinstance(meta, dict):
        raise InputError("expected a result's meta as an object", column="meta")
    return {
        "lines": [list(line) for line in about_lines(meta)],
        "csv_name": suggested_filename(meta, "csv"),
        "xlsx_name": suggested_filename(meta, "xlsx"),
    }


QCEW_FUNCTIONS: dict[str, Entry] = {
    "inspect_files": inspect_files_fn,
    "lq_qcew": lq_qcew_fn,
    "industry_table": industry_table_fn,
    "growth_qcew": growth_qcew_fn,
    "trend": trend_fn,
    "lq_change": lq_change_fn,
    "counties": counties_fn,
    "shift_share_qcew": shift_share_qcew_fn,
    "sample_region": sample_region_fn,
    "sample_info": sample_info_fn,
    "warm_sample": warm_sample_fn,
    "bls_links": bls_links_fn,
    "about": about_fn,
}
