"""The command line: python -m start_calculators lq|growth|rank|shift-share|table|files|trend|lq-change|counties"""

import argparse
import sys

from .counties import county_view
from .errors import InputError
from .files import inspect_files
from .growth import growth_table, read_growth_csv, single_growth
from .growth_qcew import growth_from_qcew
from .industry import industry_table
from .inputs import from_rows
from .lq import lq_table, make_bands, read_lq_csv
from .lq_qcew import lq_from_qcew
from .output import to_csv, to_json
from .ranking import rank_table, read_rank_csv
from .sample import SAMPLE_INDUSTRY, SAMPLE_USES, SHIFT_SHARE_LEVEL, sample_files, sample_meta, shift_share_sample
from .shift_qcew import shift_share_from_qcew
from .shift_share import read_shift_csv, shift_share_table
from .trend import lq_change_from_qcew, trend_from_qcew
from .xlsx import to_xlsx

SAMPLE_FACTORS = ("employment", "avg_annual_pay", "growth_percent", "lq")


class Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr, exit 2, like every other bad input."""

    def error(self, message):
        sys.stderr.write(f"{self.prog}: {message} (see --help)\n")
        sys.exit(2)


def _read(path):
    try:
        with open(path, "rb") as handle:
            return path, handle.read()
    except OSError as error:
        raise InputError(f"cannot read the file ({error.strerror or error})", file=path) from None


def _files(paths):
    return [_read(path) for path in paths or []]


def _bands(text):
    return make_bands(text.split(",")) if text else make_bands()


def _lq(args):
    if args.table:
        if args.region_total is None or args.nation_total is None:
            raise InputError("lq --table needs --region-total and --nation-total")
        name, data = _read(args.table)
        return lq_table(read_lq_csv(data, name), args.region_total, args.nation_total, _bands(args.bands))
    files = sample_files(SAMPLE_USES["lq"]) if args.sample else _files(args.qcew)
    if not files:
        raise InputError("lq needs --table FILE, --qcew FILE... or --sample")
    return lq_from_qcew(
        files, _files(args.nation) or None, args.base, args.level, _bands(args.bands), args.measure, args.year
    )


def _growth(args):
    if args.table:
        name, data = _read(args.table)
        return growth_table(read_growth_csv(data, name), args.years, args.min_size)
    if args.qcew or args.sample:
        files = sample_files(SAMPLE_USES["growth"]) if args.sample else _files(args.qcew)
        return growth_from_qcew(
            files, _files(args.earlier), args.level, args.min_size, args.from_year, args.to_year, args.measure
        )
    if args.start is None or args.end is None:
        raise InputError("growth needs --start and --end, --table FILE, --qcew FILE... or --sample")
    return single_growth(args.start, args.end, args.years, args.min_size)


def _weights(pairs):
    weights = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InputError.bad_value("NAME=WEIGHT", pair, column="--weight")
        weights[name.strip()] = value
    return weights


def _rank(args):
    factors = [name for name in (args.factors or "").split(",") if name.strip()]
    options = {
        "factors": factors,
        "lower_is_better": args.lower_is_better or [],
        "weights": _weights(args.weight),
        "ties": args.ties,
        "highlight": args.highlight,
        "top_n": args.top,
        "missing": args.missing,
    }
    if args.table:
        name, data = _read(args.table)
        sheet = read_rank_csv(data, name, key=args.key)
        return rank_table(sheet, key=args.key, **options)
    if not args.sample:
        raise InputError("rank needs --table FILE or --sample")
    table = industry_table(sample_files(SAMPLE_USES["table"]))
    rows = [
        {key: value for key, value in record.items() if key in ("industry_code", "industry_title", *SAMPLE_FACTORS)}
        for record in table.records()
    ]
    sheet = from_rows(rows, "sample", required=("industry_code",), key="industry_code", extra_ok=True)
    options["factors"] = factors or list(SAMPLE_FACTORS)
    return rank_table(sheet, key="industry_code", **options)


def _shift(args):
    if args.table:
        if args.nation_total_start is None or args.nation_total_end is None:
            raise InputError("shift-share --table needs --nation-total-start and --nation-total-end")
        name, data = _read(args.table)
        return shift_share_table(read_shift_csv(data, name), args.nation_total_start, args.nation_total_end)
    if args.sample:
        region, reference = shift_share_sample()
        return shift_share_from_qcew(region, None, args.level or SHIFT_SHARE_LEVEL, reference, args.method)
    if not args.qcew:
        raise InputError(
            "shift-share needs --table FILE, --sample, or --qcew FILE... with --nation FILE... or --reference FILE..."
        )
    return shift_share_from_qcew(
        _files(args.qcew),
        _files(args.nation) or None,
        args.level or "3",
        _files(args.reference) if args.reference else None,
        args.method,
    )


def _table(args):
    files = sample_files(SAMPLE_USES["table"]) if args.sample else _files(args.qcew)
    if not files:
        raise InputError("table needs --qcew FILE... or --sample")
    projected = _read(args.projected) if args.projected else None
    return industry_table(
        files,
        _files(args.nation) or None,
        args.base,
        args.level,
        projected,
        _bands(args.bands),
        args.from_year,
        args.to_year,
    )


def _qcew_input(args, use):
    files = sample_files(SAMPLE_USES[use]) if args.sample else _files(args.qcew)
    if not files:
        raise InputError(f"{args.command} needs --qcew FILE... or --sample")
    return files


def _inspect(args):
    table = inspect_files(_qcew_input(args, "trend"))
    sys.stderr.write(f"found: {table.meta['summary']}\n")
    for problem in table.meta["problems"]:
        sys.stderr.write(f"problem: {problem['message']}\n")
    return table


def _trend(args):
    industries = [code for code in (args.industries or "").split(",") if code.strip()] or None
    files = _qcew_input(args, "trend")
    nation = _files(args.nation) or None
    return trend_from_qcew(files, nation, industries, args.measure, args.base, args.level, _bands(args.bands))


def _lq_change(args):
    files = _qcew_input(args, "lq_change")
    nation = _files(args.nation) or None
    bands = _bands(args.bands)
    return lq_change_from_qcew(files, nation, args.from_year, args.to_year, args.measure, args.base, args.level, bands)


def _counties(args):
    industry = args.industry or (SAMPLE_INDUSTRY if args.sample else None)
    if not industry:
        raise InputError("counties needs --industry CODE (a NAICS code at the chosen level)")
    files = _qcew_input(args, "counties")
    nation = _files(args.nation) or None
    return county_view(files, industry, args.year, args.measure, nation, args.base, args.level, _bands(args.bands))


def build_parser():
    parser = Parser(prog="start_calculators", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    def command(name, handler, help_text):
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        sub.add_argument("--format", choices=("csv", "json", "xlsx"), default="csv")
        sub.add_argument("--output", metavar="FILE", help="write here instead of standard output")
        sub.add_argument(
            "--about",
            action="store_true",
            help="CSV: start with '# label: value' lines saying how the table was made (XLSX has an About sheet)",
        )
        return sub

    def qcew_options(sub, nation=True, base=True):
        sub.add_argument("--qcew", nargs="+", metavar="FILE", help="BLS QCEW area files of one region")
        sub.add_argument("--sample", action="store_true", help="use the Columbus, OH MSA sample region")
        sub.add_argument("--level", default="3", help="sector, 3, 4, 5 or 6 (default 3)")
        if nation:
            sub.add_argument(
                "--nation",
                nargs="+",
                metavar="FILE",
                help="US000 files, one per year (default: inferred national shares)",
            )
        if base:
            sub.add_argument("--base", default="total", help="total (default) or private")

    def measure_option(sub):
        sub.add_argument(
            "--measure",
            choices=("employment", "establishments", "wages"),
            default="employment",
            help="what the LQ compares (default employment); wages are total wages",
        )

    def span_options(sub):
        sub.add_argument("--from-year", metavar="YEAR", help="start of the span (default: the earliest loaded)")
        sub.add_argument("--to-year", metavar="YEAR", help="end of the span (default: the latest loaded)")

    sub = command("lq", _lq, "Location quotients from a table or from QCEW files.")
    sub.add_argument("--table", metavar="FILE", help="CSV: industry,region_employment,nation_employment")
    sub.add_argument("--region-total")
    sub.add_argument("--nation-total")
    sub.add_argument("--bands", help="three cut points, default 0.75,1.25,2.0")
    sub.add_argument("--year", metavar="YEAR", help="the year of QCEW files of several years (default: the latest)")
    measure_option(sub)
    qcew_options(sub)

    sub = command("growth", _growth, "Percent change and compound annual growth.")
    sub.add_argument("--start")
    sub.add_argument("--end")
    sub.add_argument("--years")
    sub.add_argument("--min-size", help="flag industries smaller than this as very small")
    sub.add_argument("--table", metavar="FILE", help="CSV: industry,start,end[,years]")
    sub.add_argument(
        "--from",
        dest="earlier",
        nargs="+",
        metavar="FILE",
        help="more QCEW files (earlier years) of the same areas; with one year only, the oty_ columns serve",
    )
    span_options(sub)
    measure_option(sub)
    qcew_options(sub, nation=False, base=False)

    sub = command("rank", _rank, "Rank industries on several factors and score them.")
    sub.add_argument("--table", metavar="FILE", help="CSV: industry plus numeric factor columns")
    sub.add_argument("--sample", action="store_true", help="rank the Columbus, OH MSA sample's data table")
    sub.add_argument("--key", default="industry", help="the name column (default industry)")
    sub.add_argument("--factors", help="comma-separated factor columns (default: every numeric column)")
    sub.add_argument("--weight", action="append", metavar="NAME=W")
    sub.add_argument("--ties", choices=("eq", "avg"), default="eq")
    sub.add_argument("--lower-is-better", action="append", metavar="NAME")
    sub.add_argument("--highlight", choices=("top", "median", "third"))
    sub.add_argument("--top", default="10", help="N for --highlight top (default 10)")
    sub.add_argument("--missing", choices=("exclude", "last"), default="exclude")

    sub = command("shift-share", _shift, "Shift-share: national, industry-mix and competitive effects.")
    sub.add_argument("--table", metavar="FILE", help="CSV: industry,region_start,region_end,nation_start,nation_end")
    sub.add_argument("--nation-total-start")
    sub.add_argument("--nation-total-end")
    sub.add_argument("--qcew", nargs="+", metavar="FILE", help="the region's QCEW files, one or several years")
    sub.add_argument("--nation", nargs="+", metavar="FILE", help="US000 files of the region's years")
    sub.add_argument(
        "--reference",
        nargs="+",
        metavar="FILE",
        help="instead of --nation: the area files of a larger reference area (several years), summed",
    )
    sub.add_argument(
        "--sample",
        action="store_true",
        help="Delaware County against the ten-county Columbus MSA as reference area, 2020 to 2023",
    )
    sub.add_argument("--level", help="sector, 3, 4, 5 or 6 (default 3; sector for --sample)")
    sub.add_argument(
        "--method",
        choices=("classic", "esteban-marquillas", "dynamic"),
        default="classic",
        help="classic (default), esteban-marquillas (adds homothetic employment and the allocation effect), "
        "or dynamic (the classic split year by year, summed)",
    )

    sub = command("table", _table, "The industry data table (tab I) from QCEW files.")
    sub.add_argument("--projected", metavar="FILE", help="CSV: industry_code,projected_growth")
    sub.add_argument("--bands", help="three cut points, default 0.75,1.25,2.0")
    span_options(sub)
    qcew_options(sub)

    sub = command("files", _inspect, "Say what QCEW files hold: kind, area, year, rows; name what is missing.")
    sub.add_argument("--qcew", nargs="+", metavar="FILE", help="QCEW files: counties, other areas, national")
    sub.add_argument("--sample", action="store_true", help="the sample's forty county files")

    sub = command("trend", _trend, "A measure and its LQ by year, for chosen industries.")
    sub.add_argument("--industries", metavar="CODES", help="comma-separated NAICS codes (default: all)")
    sub.add_argument("--bands", help="three cut points, default 0.75,1.25,2.0")
    measure_option(sub)
    qcew_options(sub)

    sub = command("lq-change", _lq_change, "LQs of the start and end year side by side; crossings of 1.0.")
    sub.add_argument("--bands", help="three cut points, default 0.75,1.25,2.0")
    span_options(sub)
    measure_option(sub)
    qcew_options(sub)

    sub = command("counties", _counties, "One industry county by county: figure, share, LQ, suppression.")
    sub.add_argument("--industry", metavar="CODE", help="a NAICS code at the chosen level (sample default 622)")
    sub.add_argument("--year", metavar="YEAR", help="the year (default: the latest loaded)")
    sub.add_argument("--bands", help="three cut points, default 0.75,1.25,2.0")
    measure_option(sub)
    qcew_options(sub)
    return parser


def _emit(table, fmt, output, about=False):
    payload = to_xlsx(table) if fmt == "xlsx" else (to_json(table) if fmt == "json" else to_csv(table, about))
    if output:
        try:
            with open(output, "wb") as handle:
                handle.write(payload if isinstance(payload, bytes) else payload.encode("utf-8"))
        except OSError as error:
            raise InputError(f"cannot write the file ({error.strerror or error})", file=output) from None
    elif isinstance(payload, bytes):
        sys.stdout.buffer.write(payload)
    else:
        sys.stdout.write(payload)


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        table = args.handler(args)
        if getattr(args, "sample", False):
            table.meta |= sample_meta(args.command == "shift-share")
        _emit(table, args.format, args.output, args.about)
    except InputError as error:
        sys.stderr.write(f"{error}\n")
        return 2
    except BrokenPipeError:
        return 0
    except Exception as error:  # never a traceback: one line, and a distinct exit code
        sys.stderr.write(f"start_calculators: unexpected internal error ({type(error).__name__}: {error})\n")
        return 1
    return 0
