"""What a set of uploaded QCEW files holds: each file's kind, area, year and rows, a summary, and problems.

Nothing here raises on a bad set: every problem (a missing county or year, a national file of
another year, two regions mixed, duplicates, unreadable files) is named with its files, so a page
can say what is wrong while keeping what it already has.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .errors import InputError
from .progress import Steps, finish
from .qcew import QcewFile, area_kind
from .results import Table, column
from .years import FileInput, iter_parse


@dataclass
class Problem:
    message: str
    files: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"message": self.message, "files": self.files}


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _years_text(keys: Sequence[str]) -> str:
    return keys[0] if len(keys) == 1 else f"{keys[0]} to {keys[-1]}"


def _duplicates(parsed: list[QcewFile]) -> tuple[list[Problem], set[str]]:
    owner: dict[tuple[str, str], str] = {}
    problems, dropped = [], set()
    for item in parsed:
        for area in item.areas:
            first = owner.setdefault((area, item.key), item.name)
            if first != item.name:
                problems.append(
                    Problem(f"area {area} for {item.key} is in two files: {first} and {item.name}", [first, item.name])
                )
                dropped.add(item.name)
    return problems, dropped


def _gaps(regional: list[QcewFile], keys: list[str]) -> list[Problem]:
    """Counties missing in some years, or years whose areas share nothing (two regions)."""
    by_key: dict[str, set[str]] = {key: set() for key in keys}
    files_of: dict[str, list[str]] = {}
    for item in regional:
        for area in item.areas:
            by_key[item.key].add(area)
            files_of.setdefault(area, []).append(item.name)
    for index, key in enumerate(keys):
        for other in keys[index + 1 :]:
            if by_key[key] and by_key[other] and not by_key[key] & by_key[other]:
                names = [f.name for f in regional if f.key in (key, other)]
                message = (
                    f"files of two different regions are mixed: {key} has areas {', '.join(sorted(by_key[key])[:6])}, "
                    f"{other} has {', '.join(sorted(by_key[other])[:6])}"
                )
                return [Problem(message, names)]
    problems = []
    for area in sorted(set().union(*by_key.values())):
        missing = [key for key in keys if area not in by_key[key]]
        if missing:
            message = (
                f"{area_kind(area)} {area} has no file for {', '.join(missing)} (it has {', '.join(files_of[area])})"
            )
            problems.append(Problem(message, files_of[area]))
    return problems


def _other_problems(parsed: list[QcewFile], keys: list[str]) -> list[Problem]:
    problems = []
    layouts = {item.layout for item in parsed}
    if len(layouts) > 1:
        problems.append(
            Problem(
                "annual and quarterly files are mixed", [item.name for item in parsed if item.layout == "quarterly"]
            )
        )
    for item in parsed:
        if item.is_nation and keys and item.key not in keys:
            message = (
                f"the national file {item.name} is for {item.key}, but the areas' files are for {_years_text(keys)}"
            )
            problems.append(Problem(message, [item.name]))
    kinds = {area_kind(area) for item in parsed if not item.is_nation for area in item.areas}
    if {"county", "other"} <= kinds:
        larger = [item.name for item in parsed if any(area_kind(a) == "other" for a in item.areas)]
        message = "a larger area (a state or metro area) is mixed with county files; its counties would count twice"
        problems.append(Problem(message, larger))
    return problems


def summary_text(counties: int, others: int, keys: list[str], nation_keys: list[str]) -> str:
    """ "10 counties × 4 years + national 2023" """
    parts = []
    if counties or others:
        what = [_plural(counties, "county", "counties")] if counties else []
        what += [_plural(others, "other area", "other areas")] if others else []
        parts.append(f"{' and '.join(what)} × {_plural(len(keys), 'year', 'years')}")
    if nation_keys:
        parts.append("national " + ", ".join(nation_keys))
    return " + ".join(parts) or "no usable files"


def iter_inspect_files(files: Sequence[FileInput]) -> Steps[Table]:
    parsed: list[QcewFile] = []
    read: list[QcewFile | InputError] = []  # in the order given
    problems: list[Problem] = []
    for name, data in files:
        try:
            # At the calculators' default level and through their cache: the LQ that usually follows
            # a check then finds the files already read.
            [item] = yield from iter_parse([(name, data)])
        except InputError as error:
            error.file = error.file or name
            problems.append(Problem(str(error), [name]))
            read.append(error)
            continue
        parsed.append(item)
        read.append(item)
    duplicated, dropped = _duplicates(parsed)
    regional = [item for item in parsed if not item.is_nation and item.name not in dropped]
    keys = sorted({item.key for item in regional})
    problems += duplicated + _gaps(regional, keys) + _other_problems(parsed, keys)
    rows: list[list[Any]] = []
    for found in read:
        if isinstance(found, InputError):
            rows.append([found.file, "unreadable", "", "", "", None, "unreadable", str(found)])
            continue
        item = found
        kinds = sorted({area_kind(area) for area in item.areas})
        status = "duplicate" if item.name in dropped else "ok"
        if item.is_nation and keys and item.key not in keys:
            status = "not used"
        period = "annual" if item.period == "A" else f"Q{item.period}"
        rows.append([item.name, "/".join(kinds), ", ".join(item.areas), item.year, period, item.rows, status, ""])
    counties = sorted({a for item in regional for a in item.areas if area_kind(a) == "county"})
    others = sorted({a for item in regional for a in item.areas if area_kind(a) == "other"})
    nation_keys = sorted({item.key for item in parsed if item.is_nation})
    names = ["file", "kind", "area_fips", "year", "period", "rows", "status", "note"]
    meta = {
        "summary": summary_text(len(counties), len(others), keys, nation_keys),
        "problems": [problem.to_dict() for problem in problems],
        "ok": not problems and bool(regional),
        "counties": counties,
        "other_areas": others,
        "years": keys,
        "nation_years": nation_keys,
        "layout": parsed[0].layout if parsed else None,
    }
    return Table([column(name) for name in names], rows, meta)


def inspect_files(files: Sequence[FileInput]) -> Table:
    """Each file's kind (county, nation, other), area, year, period and row count, a summary a page can
    show as it is ("10 counties × 4 years + national 2023"), and the problems, each naming its files."""
    return finish(iter_inspect_files(files))
