"""What each command of the command line does, once its options are checked (see cli_parser.py)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .counties import county_view
from .errors import InputError
from .files import inspect_files
from .growth import growth_table, read_growth_csv, single_growth
from .growth_qcew import growth_from_qcew
from .industry import industry_table
from .inputs import Sheet, check_sum, from_rows
from .lq import lq_table, read_lq_csv
from .lq_qcew import lq_from_qcew
from .options import bands, factor_list, weights
from .ranking import rank_table, read_rank_csv
from .results import Table
from .sample import SAMPLE_INDUSTRY, SAMPLE_USES, SHIFT_SHARE_LEVEL, sample_files, shift_share_sample
from .shift_qcew import shift_share_from_qcew
from .shift_share import read_shift_csv, shift_share_table
from .trend import lq_change_from_qcew, trend_from_qcew
from .years import FileInput

SAMPLE_FACTORS = ("employment", "avg_annual_pay", "growth_percent", "lq")
STDIN = "-"
STDIN_NAME = "standard input"


class Files:
    """Reads the files named on the command line; `-` is standard input, which can be read once."""

    def __init__(self, stdin: Callable[[], bytes] | None = None) -> None:
        self._stdin = stdin or sys.stdin.buffer.read
        self._stdin_used_by: str | None = None

    def one(self, path: str, option: str) -> FileInput:
        if path == STDIN:
            if self._stdin_used_by is not None:
                raise InputError(
                    f"expected standard input (-) once, but {self._stdin_used_by} reads it already",
                    column=option,
                    hint="name the other files by their paths",
                )
            self._stdin_used_by = "--" + option.replace("_", "-")
            return STDIN_NAME, self._stdin()
        try:
            with open(path, "rb") as handle:
                return path, handle.read()
        except IsADirectoryError:
            raise InputError("expected a file, but this is a folder", file=path, hint="name a file in it") from None
        except OSError as error:
            raise InputError(
                f"cannot read the file ({error.strerror or error})",
                file=path,
                hint="check the name and the folder, and that you may read it",
            ) from None

    def many(self, paths: Sequence[str] | None, option: str) -> list[FileInput]:
        return [self.one(path, option) for path in paths or []]


def with_notes(table: Table, sheet: Sheet) -> Table:
    """The sheet's notes (separator, decimal comma, encoding ...) in the result's meta."""
    if sheet.notes:
        table.meta["notes"] = [*table.meta.get("notes", []), *sheet.notes]
    return table


def lq(args: argparse.Namespace, files: Files) -> Table:
    if args.table:
        name, data = files.one(args.table, "table")
        sheet = read_lq_csv(data, name)
        table = lq_table(sheet, args.region_total, args.nation_total, bands(args.bands))
        check_sum(sheet, "region_employment", args.region_total, "region_total")
        check_sum(sheet, "nation_employment", args.nation_total, "nation_total")
        return with_notes(table, sheet)
    qcew = sample_files(SAMPLE_USES["lq"]) if args.sample else files.many(args.qcew, "qcew")
    nation = files.many(args.nation, "nation") or None
    return lq_from_qcew(qcew, nation, args.base, args.level, bands(args.bands), args.measure, args.year)


def growth(args: argparse.Namespace, files: Files) -> Table:
    if args.table:
        name, data = files.one(args.table, "table")
        sheet = read_growth_csv(data, name)
        return with_notes(growth_table(sheet, args.years, args.min_size), sheet)
    if args.qcew or args.sample:
        qcew = sample_files(SAMPLE_USES["growth"]) if args.sample else files.many(args.qcew, "qcew")
        earlier = files.many(args.earlier, "earlier")
        return growth_from_qcew(qcew, earlier, args.level, args.min_size, args.from_year, args.to_year, args.measure)
    return single_growth(args.start, args.end, args.years, args.min_size)


def rank(args: argparse.Namespace, files: Files) -> Table:
    options: dict[str, Any] = {
        "factors": factor_list(args.factors),
        "lower_is_better": args.lower_is_better or [],
        "weights": weights(args.weight),
        "ties": args.ties,
        "highlight": args.highlight,
        "top_n": args.top,
        "missing": args.missing,
    }
    if args.table:
        name, data = files.one(args.table, "table")
        sheet = read_rank_csv(data, name, key=args.key)
        return with_notes(rank_table(sheet, key=args.key, **options), sheet)
    table = industry_table(sample_files(SAMPLE_USES["table"]))
    keep = ("industry_code", "industry_title", "status", *SAMPLE_FACTORS)
    rows = [{key: value for key, value in record.items() if key in keep} for record in table.records()]
    sheet = from_rows(rows, "sample", required=("industry_code",), key="industry_code", extra_ok=True)
    options["factors"] = options["factors"] or list(SAMPLE_FACTORS)
    return rank_table(sheet, key="industry_code", **options)


def shift(args: argparse.Namespace, files: Files) -> Table:
    if args.table:
        name, data = files.one(args.table, "table")
        sheet = read_shift_csv(data, name)
        table = shift_share_table(sheet, args.nation_total_start, args.nation_total_end)
        check_sum(sheet, "nation_start", args.nation_total_start, "nation_total_start")
        check_sum(sheet, "nation_end", args.nation_total_end, "nation_total_end")
        return with_notes(table, sheet)
    if args.sample:
        region, reference = shift_share_sample()
        return shift_share_from_qcew(region, None, args.level or SHIFT_SHARE_LEVEL, reference, args.method)
    return shift_share_from_qcew(
        files.many(args.qcew, "qcew"),
        files.many(args.nation, "nation") or None,
        args.level or "3",
        files.many(args.reference, "reference") or None,
        args.method,
    )


def _qcew(args: argparse.Namespace, files: Files, use: str) -> list[FileInput]:
    return list(sample_files(SAMPLE_USES[use])) if args.sample else files.many(args.qcew, "qcew")


def data_table(args: argparse.Namespace, files: Files) -> Table:
    projected = files.one(args.projected, "projected") if args.projected else None
    return industry_table(
        _qcew(args, files, "table"),
        files.many(args.nation, "nation") or None,
        args.base,
        args.level,
        projected,
        bands(args.bands),
        args.from_year,
        args.to_year,
    )


def inspect(args: argparse.Namespace, files: Files) -> Table:
    table = inspect_files(_qcew(args, files, "trend"))
    table.meta["notes"] = [f"found: {table.meta['summary']}"]
    table.meta["notes"] += [f"problem: {problem['message']}" for problem in table.meta.get("problems", [])]
    return table


def trend(args: argparse.Namespace, files: Files) -> Table:
    industries = factor_list(args.industries) or None
    nation = files.many(args.nation, "nation") or None
    qcew = _qcew(args, files, "trend")
    return trend_from_qcew(qcew, nation, industries, args.measure, args.base, args.level, bands(args.bands))


def lq_change(args: argparse.Namespace, files: Files) -> Table:
    qcew = _qcew(args, files, "lq_change")
    nation = files.many(args.nation, "nation") or None
    limits = bands(args.bands)
    return lq_change_from_qcew(qcew, nation, args.from_year, args.to_year, args.measure, args.base, args.level, limits)


def counties(args: argparse.Namespace, files: Files) -> Table:
    industry = args.industry or (SAMPLE_INDUSTRY if args.sample else None)
    if not industry:
        raise InputError("expected a NAICS code at the chosen level, like 622", column="industry")
    qcew = _qcew(args, files, "counties")
    nation = files.many(args.nation, "nation") or None
    return county_view(qcew, industry, args.year, args.measure, nation, args.base, args.level, bands(args.bands))
