"""Reading BLS QCEW open-data CSV slices (annual or quarterly) quickly and strictly.

The fast path relies on one property of the BLS layout: no field contains a comma, a quote or a
line break. Quotes are therefore dropped once for the whole file, each line is split on commas,
and only the rows the calculators use are converted (own_code 0 and 5 at the chosen level).
"""

import math
from dataclasses import dataclass, field

from .errors import InputError
from .inputs import decode_text
from .numbers import parse_number

COMMON = (
    "area_fips",
    "own_code",
    "industry_code",
    "agglvl_code",
    "size_code",
    "year",
    "qtr",
    "disclosure_code",
    "lq_disclosure_code",
    "oty_disclosure_code",
)
LAYOUTS = {
    "annual": {
        "employment": "annual_avg_emplvl",
        "establishments": "annual_avg_estabs",
        "wages": "total_annual_wages",
        "lq": "lq_annual_avg_emplvl",
        "change": "oty_annual_avg_emplvl_chg",
    },
    # Quarterly employment is the third month's level, as in BLS's County Employment and Wages
    # release; the published quarterly LQ for that month is lq_month3_emplvl.
    "quarterly": {
        "employment": "month3_emplvl",
        "establishments": "qtrly_estabs",
        "wages": "total_qtrly_wages",
        "lq": "lq_month3_emplvl",
        "change": "oty_month3_emplvl_chg",
        "month1": "month1_emplvl",
        "month2": "month2_emplvl",
    },
}
# Aggregation level codes end in 4 for NAICS sectors and 5-8 for 3- to 6-digit industries.
LEVELS = {"sector": 4, "2": 4, "3": 5, "4": 6, "5": 7, "6": 8}
DEFAULT_LEVEL = "3"
SUPPRESSED = ("N", "-")
NATION_AREA = "US000"


def level_digit(level):
    key = str(level if level is not None else DEFAULT_LEVEL).strip().lower()
    if key not in LEVELS:
        raise InputError(
            f"expected an industry level: sector, 3, 4, 5 or 6, got {level!r}",
            column="level",
            expected="sector, 3, 4, 5 or 6",
        )
    return LEVELS[key]


@dataclass(slots=True)
class QcewRow:
    area: str
    code: str
    row: int
    suppressed: bool
    employment: int | None
    establishments: int | None
    wages: int | None
    lq: float | None  # BLS's published LQ, two decimals
    prior: int | None  # prior-year level: employment minus the over-the-year change
    mean_employment: float | None  # annual average, or the mean of a quarter's three months


@dataclass
class QcewFile:
    name: str
    layout: str  # "annual" or "quarterly"
    year: str
    period: str  # "A" or the quarter "1".."4"
    digit: int  # aggregation level digit read for industries
    areas: list = field(default_factory=list)
    totals: dict = field(default_factory=dict)  # area -> all-industry, all-ownership row
    private_totals: dict = field(default_factory=dict)  # area -> all-industry private row
    industries: dict = field(default_factory=dict)  # code -> {area: QcewRow}
    first_row: int = 2

    @property
    def label(self):
        return f"{self.year} {'annual' if self.period == 'A' else 'Q' + self.period}"

    @property
    def is_nation(self):
        return self.areas == [NATION_AREA]


def _header(line, name):
    names = [cell.strip().removeprefix("\ufeff").lower() for cell in line.split(",")]
    index = {column: position for position, column in enumerate(names)}
    missing_common = [column for column in COMMON if column not in index]
    for layout, wanted in LAYOUTS.items():
        if not missing_common and all(column in index for column in wanted.values()):
            return layout, index, len(names)
    shown = ", ".join(names[:4]) + (", ..." if len(names) > 4 else "")
    if missing_common and len(missing_common) > 4:
        message = (
            f"expected a BLS QCEW CSV file (header area_fips, own_code, industry_code, "
            f"agglvl_code, ...), got a header starting {shown}"
        )
    else:
        lacking = missing_common or [c for c in LAYOUTS["annual"].values() if c not in index]
        message = f"expected a BLS QCEW header, but it lacks {', '.join(lacking[:4])}"
    raise InputError(message, file=name, row=1, expected="a BLS QCEW CSV header")


def _integer(text, name, row, column, negative_ok=False):
    if text.isdigit() and text.isascii():
        return int(text)
    return parse_number(text, negative_ok=negative_ok, file=name, row=row, column=column)


def _decimal(text, name, row, column):
    if text.isascii() and text.replace(".", "", 1).isdigit():
        return float(text)
    return parse_number(text, file=name, row=row, column=column)


def read_qcew(data, name, level=DEFAULT_LEVEL):
    """Read one QCEW file, keeping the totals and the private industry rows at `level`."""
    digit = level_digit(level)
    text = decode_text(data, name)
    if '"' in text:
        text = text.replace('"', "")
    if not text.strip():
        raise InputError("expected a BLS QCEW CSV file, but the file is empty", file=name)
    lines = text.splitlines()
    layout, index, width = _header(lines[0], name)
    columns = LAYOUTS[layout]
    own_at, level_at = index["own_code"], index["agglvl_code"]
    cut = max(own_at, level_at) + 1
    commas = width - 1
    industry_end = str(digit)
    result = None
    seen = set()
    for row, line in enumerate(lines[1:], start=2):
        if line.count(",") != commas:
            if not line.strip():
                continue
            raise InputError(
                f"expected {width} fields like the header, got {line.count(',') + 1}",
                file=name,
                row=row,
                expected=f"{width} fields",
            )
        head = line.split(",", cut)
        own = head[own_at]
        if own != "5" and own != "0":
            continue
        agglvl = head[level_at]
        end = agglvl[-1:]
        if len(agglvl) != 2 or not (own == "0" and end == "0" or own == "5" and end in ("1", industry_end)):
            continue
        cells = line.split(",")
        if result is None:
            result = _new_file(name, layout, cells, index, row, digit)
        parsed = _row(cells, index, columns, name, row, result)
        key = (parsed.area, own, agglvl, parsed.code)
        if key in seen:
            raise InputError(
                f"expected each industry once per area; {parsed.code} repeats",
                file=name,
                row=row,
                column="industry_code",
                expected="unique rows",
            )
        seen.add(key)
        if parsed.area not in result.areas:
            result.areas.append(parsed.area)
        if own == "0":
            if parsed.code == "10":
                result.totals[parsed.area] = parsed
        elif end == "1":
            if parsed.code == "10":
                result.private_totals[parsed.area] = parsed
        else:
            result.industries.setdefault(parsed.code, {})[parsed.area] = parsed
    if result is None and not any(line.strip() for line in lines[1:]):
        raise InputError("expected data rows after the header, found none", file=name, row=2, expected="data rows")
    if result is None or not result.totals:
        raise InputError(
            "expected an all-industry total row (own_code 0, industry_code 10), found none",
            file=name,
            expected="a total row",
        )
    for area in result.areas:
        if area not in result.totals:
            raise InputError(
                f"expected an all-industry total row for area {area}",
                file=name,
                column="area_fips",
                expected="a total row",
            )
    return result


def _new_file(name, layout, cells, index, row, digit):
    year = cells[index["year"]].strip()
    period = cells[index["qtr"]].strip().upper()
    if not (len(year) == 4 and year.isdigit()):
        raise InputError.bad_value("a four-digit year", year, file=name, row=row, column="year")
    wanted = ("A",) if layout == "annual" else ("1", "2", "3", "4")
    if period not in wanted:
        raise InputError.bad_value(
            f"{' or '.join(wanted)} in a {layout} file", period, file=name, row=row, column="qtr"
        )
    return QcewFile(name, layout, year, period, digit, first_row=row)


def _row(cells, index, columns, name, row, result):
    year, period = cells[index["year"]].strip(), cells[index["qtr"]].strip().upper()
    if year != result.year:
        raise InputError.bad_value(f"year {result.year} on every row", year, file=name, row=row, column="year")
    if period != result.period:
        raise InputError.bad_value(f"period {result.period} on every row", period, file=name, row=row, column="qtr")
    area = cells[index["area_fips"]].strip()
    code = cells[index["industry_code"]].strip()
    if not area or not code:
        raise InputError("expected an area and an industry code", file=name, row=row)
    suppressed = cells[index["disclosure_code"]].strip() in SUPPRESSED
    estabs_text = cells[index[columns["establishments"]]].strip()
    establishments = (
        None
        if cells[index["disclosure_code"]].strip() == "-"
        else _integer(estabs_text, name, row, columns["establishments"])
    )
    if suppressed:
        return QcewRow(area, code, row, True, None, establishments, None, None, None, None)
    employment = _integer(cells[index[columns["employment"]]].strip(), name, row, columns["employment"])
    wages = _integer(cells[index[columns["wages"]]].strip(), name, row, columns["wages"])
    lq = None
    if cells[index["lq_disclosure_code"]].strip() not in SUPPRESSED:
        lq = _decimal(cells[index[columns["lq"]]].strip(), name, row, columns["lq"])
    prior = None
    if cells[index["oty_disclosure_code"]].strip() not in SUPPRESSED:
        change = _integer(cells[index[columns["change"]]].strip(), name, row, columns["change"], negative_ok=True)
        prior = employment - change
        if prior < 0:
            raise InputError.bad_value(
                "a change no larger than the level", change, file=name, row=row, column=columns["change"]
            )
    mean = employment
    if result.layout == "quarterly":
        months = [_integer(cells[index[columns[key]]].strip(), name, row, columns[key]) for key in ("month1", "month2")]
        mean = (months[0] + months[1] + employment) / 3
    if isinstance(mean, float) and not math.isfinite(mean):
        raise InputError("expected finite employment", file=name, row=row)
    return QcewRow(area, code, row, False, employment, establishments, wages, lq, prior, mean)
