"""Each command's options: help on every one, examples, and the choices each accepts."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from . import cli_commands as run
from .options import BANDS_HELP, BASES, LEVELS

PROG = "start_calculators"
LEVEL_HELP = "industry level: sector (or 2), or 3, 4, 5 or 6 digits of NAICS (default 3)"
# add(name, handler, summary, examples, inputs) -> the command's parser (see cli_parser.py).
Adder = Callable[..., argparse.ArgumentParser]


def _table_input(columns: str) -> dict[str, Any]:
    return {"metavar": "FILE", "help": f"your table (CSV or XLSX) with the columns {columns}", "shown": "--table FILE"}


QCEW_INPUT = {
    "nargs": "+",
    "metavar": "FILE",
    "help": "BLS QCEW files of the region's areas",
    "shown": "--qcew FILE...",
}


def _sample_input(what: str) -> dict[str, Any]:
    return {"action": "store_true", "help": what, "shown": "--sample"}


def _qcew_options(sub: argparse.ArgumentParser, nation: bool = True, base: bool = True) -> None:
    sub.add_argument("--level", type=str.lower, choices=LEVELS, metavar="LEVEL", help=LEVEL_HELP)
    if nation:
        sub.add_argument(
            "--nation", nargs="+", metavar="FILE", help="US000 files, one per year (default: national shares inferred)"
        )
    if base:
        sub.add_argument(
            "--base", type=str.lower, choices=BASES, help="divide by all employment (total, the default) or private"
        )


def _measure(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--measure",
        choices=("employment", "establishments", "wages"),
        help="what is compared: employment (default), establishments or total wages",
    )


def _span(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--from-year", metavar="YEAR", help="start of the span (default: the earliest year loaded)")
    sub.add_argument("--to-year", metavar="YEAR", help="end of the span (default: the latest year loaded)")


def _bands(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--bands", metavar="A,B,C", help=BANDS_HELP)


def lq_command(add: Adder) -> None:
    sub = add(
        "lq",
        run.lq,
        "Location quotients from your table or from QCEW files.",
        f"  {PROG} lq --table mine.csv --region-total 79,006 --nation-total 15,593,224\n"
        f"  {PROG} lq --qcew 2023-annual-39*.csv --nation 2023-annual-US000.csv --level 4\n"
        f"  {PROG} lq --sample --measure wages --format xlsx --output lq.xlsx",
        {
            "table": _table_input("industry, region_employment, nation_employment"),
            "qcew": QCEW_INPUT,
            "sample": _sample_input("the Columbus, OH MSA sample (2023)"),
        },
    )
    sub.add_argument("--region-total", metavar="N", help="with --table: the region's employment in all industries")
    sub.add_argument("--nation-total", metavar="N", help="with --table: the nation's employment in all industries")
    _bands(sub)
    sub.add_argument("--year", metavar="YEAR", help="with files of several years: the year (default: the latest)")
    _measure(sub)
    _qcew_options(sub)


def growth_command(add: Adder) -> None:
    sub = add(
        "growth",
        run.growth,
        "Percent change and compound annual growth: one pair, a table, or QCEW files.",
        f"  {PROG} growth --start 50 --end 100 --years 5 --min-size 500\n"
        f"  {PROG} growth --table growth.csv --years 3\n"
        f"  {PROG} growth --qcew 2023-annual-*.csv --from 2020-annual-*.csv",
        {
            "start": {"shown": "--start N --end N"},
            "table": _table_input("industry, start, end and optionally years"),
            "qcew": QCEW_INPUT,
            "sample": _sample_input("the Columbus, OH MSA sample, 2020 to 2023"),
        },
    )
    sub.add_argument("--start", metavar="N", help="employment at the start (with --end)")
    sub.add_argument("--end", metavar="N", help="employment at the end (with --start)")
    sub.add_argument("--years", metavar="N", help="years between start and end, for the annual rate (default 1)")
    sub.add_argument("--min-size", metavar="N", help="flag industries with fewer workers than this as very small")
    sub.add_argument(
        "--from", dest="earlier", nargs="+", metavar="FILE", help="with --qcew: QCEW files of earlier years, same areas"
    )
    _span(sub)
    _measure(sub)
    _qcew_options(sub, nation=False, base=False)


def rank_command(add: Adder) -> None:
    sub = add(
        "rank",
        run.rank,
        "Rank industries on several factors and score them.",
        f"  {PROG} rank --table table.csv --weight pay=2 --lower-is-better unemployment --ties avg\n"
        f"  {PROG} rank --table ranking.xlsx --factors jobs,pay,growth --highlight third\n"
        f"  {PROG} rank --sample --highlight top --top 5",
        {
            "table": _table_input("industry (or --key) plus one column of numbers per factor"),
            "sample": _sample_input("the Columbus, OH MSA sample's industry data table"),
        },
    )
    sub.add_argument(
        "--key", metavar="COLUMN", help="with --table: the column naming the industries (default industry)"
    )
    sub.add_argument(
        "--factors", metavar="A,B", help="the factor columns, comma-separated (default: every column of numbers)"
    )
    sub.add_argument(
        "--weight", action="append", metavar="NAME=W", help="weigh a factor (default 1); repeat per factor"
    )
    sub.add_argument(
        "--lower-is-better", action="append", metavar="NAME", help="rank this factor smallest first; repeat per factor"
    )
    sub.add_argument(
        "--ties", choices=("eq", "avg"), help="tied places: eq (RANK.EQ, the default) or avg (RANK.AVG, 1.5)"
    )
    sub.add_argument(
        "--highlight",
        choices=("top", "median", "third"),
        help="mark the top N, those above the median, or the top third",
    )
    sub.add_argument("--top", metavar="N", help="N for --highlight top (default 10)")
    sub.add_argument(
        "--missing", choices=("exclude", "last"), help="a blank factor: exclude the industry (default) or rank it last"
    )


def shift_command(add: Adder) -> None:
    sub = add(
        "shift-share",
        run.shift,
        "Shift-share: national, industry-mix and competitive effects.",
        f"  {PROG} shift-share --table ss.csv --nation-total-start 140,000,000 --nation-total-end 142,000,000\n"
        f"  {PROG} shift-share --qcew 2019-39041.csv 2024-39041.csv --nation 2019-US000.csv 2024-US000.csv\n"
        f"  {PROG} shift-share --sample --method esteban-marquillas",
        {
            "table": _table_input("industry, region_start, region_end, nation_start, nation_end"),
            "qcew": QCEW_INPUT | {"help": "the region's QCEW files, one or several years"},
            "sample": _sample_input("Delaware County against the ten-county Columbus MSA, 2020 to 2023"),
        },
    )
    sub.add_argument("--nation-total-start", metavar="N", help="with --table: the nation's employment at the start")
    sub.add_argument("--nation-total-end", metavar="N", help="with --table: the nation's employment at the end")
    sub.add_argument("--nation", nargs="+", metavar="FILE", help="with --qcew: US000 files of the same years")
    sub.add_argument(
        "--reference", nargs="+", metavar="FILE", help="with --qcew, instead of --nation: the files of a larger area"
    )
    sub.add_argument(
        "--level", type=str.lower, choices=LEVELS, metavar="LEVEL", help=LEVEL_HELP + "; sector for --sample"
    )
    sub.add_argument(
        "--method",
        choices=("classic", "esteban-marquillas", "dynamic"),
        help="classic (default), esteban-marquillas (adds homothetic employment and the allocation effect), "
        "or dynamic (the classic split year by year, summed)",
    )


def qcew_commands(add: Adder) -> None:
    def inputs(sample: str) -> dict[str, dict[str, Any]]:
        return {"qcew": dict(QCEW_INPUT), "sample": _sample_input(sample)}

    sub = add(
        "table",
        run.data_table,
        "The industry data table (the guide's tab I) from QCEW files.",
        f"  {PROG} table --qcew 2020-annual-*.csv 2023-annual-*.csv --projected projections.csv\n"
        f"  {PROG} table --sample",
        inputs("the Columbus, OH MSA sample, 2020 to 2023"),
    )
    sub.add_argument("--projected", metavar="FILE", help="CSV with industry_code, projected_growth (percent)")
    _bands(sub)
    _span(sub)
    _qcew_options(sub)
    sub = add(
        "files",
        run.inspect,
        "Say what QCEW files hold (kind, area, year, rows) and name what is missing.",
        f"  {PROG} files --qcew downloads/*.csv\n  {PROG} files --sample",
        inputs("the sample's county files"),
    )
    sub = add(
        "trend",
        run.trend,
        "A measure and its LQ by year, for chosen industries.",
        f"  {PROG} trend --qcew 202?-annual-*.csv --industries 622,541\n  {PROG} trend --sample --measure wages",
        inputs("the Columbus, OH MSA sample, 2020 to 2023"),
    )
    sub.add_argument("--industries", metavar="CODES", help="NAICS codes, comma-separated (default: all)")
    _bands(sub)
    _measure(sub)
    _qcew_options(sub)
    sub = add(
        "lq-change",
        run.lq_change,
        "LQs of the start and end year side by side, and the industries that crossed 1.0.",
        f"  {PROG} lq-change --qcew 2020-annual-*.csv 2023-annual-*.csv\n  {PROG} lq-change --sample --level sector",
        inputs("the Columbus, OH MSA sample, 2020 and 2023"),
    )
    _bands(sub)
    _span(sub)
    _measure(sub)
    _qcew_options(sub)
    sub = add(
        "counties",
        run.counties,
        "One industry county by county: figure, share of the region, LQ, and what suppression hides.",
        f"  {PROG} counties --qcew 2023-annual-*.csv --industry 622\n  {PROG} counties --sample",
        inputs("the Columbus, OH MSA sample (2023; industry 622 unless --industry)"),
    )
    sub.add_argument("--industry", metavar="CODE", help="a NAICS code at the chosen level (the sample: 622)")
    sub.add_argument("--year", metavar="YEAR", help="the year (default: the latest loaded)")
    _bands(sub)
    _measure(sub)
    _qcew_options(sub)
