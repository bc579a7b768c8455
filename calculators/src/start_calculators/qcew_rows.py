"""One QCEW row: the columns each layout uses, and turning a kept row's cells into numbers."""

import math
from dataclasses import dataclass

from .errors import InputError
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
# Required columns per layout. The published LQs of establishments and wages are read when present.
LAYOUTS: dict[str, dict[str, str]] = {
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
OPTIONAL_LQS: dict[str, dict[str, str]] = {
    "annual": {"establishments": "lq_annual_avg_estabs", "wages": "lq_total_annual_wages"},
    "quarterly": {"establishments": "lq_qtrly_estabs", "wages": "lq_total_qtrly_wages"},
}
SUPPRESSED = ("N", "-")


def header_layout(line: str, name: str, row: int) -> tuple[str, dict[str, int], int]:
    """(layout, column positions, width) of a QCEW header line, or an InputError saying what it lacks."""
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
    raise InputError(message, file=name, row=row, expected="a BLS QCEW CSV header")


@dataclass(slots=True)
class QcewRow:
    """A kept row. Suppressed employment and wages are None, never 0; establishments stay published."""

    area: str
    code: str
    row: int
    suppressed: bool  # employment and wages hidden (disclosure_code N, or - on all-zero national rows)
    employment: int | None
    establishments: int | None
    wages: int | None
    lq: float | None  # BLS's published employment LQ, two decimals
    prior: int | None  # prior-year employment: the level minus the over-the-year change
    mean_employment: float | None  # annual average, or the mean of a quarter's three months
    lq_establishments: float | None = None  # published establishment LQ (printed even when suppressed)
    lq_wages: float | None = None  # published total-wage LQ

    def value(self, measure: str) -> int | None:
        if measure == "establishments":
            return self.establishments
        return self.wages if measure == "wages" else self.employment

    def published_lq(self, measure: str) -> float | None:
        if measure == "establishments":
            return self.lq_establishments
        return self.lq_wages if measure == "wages" else self.lq


@dataclass(frozen=True)
class Positions:
    """Where each column a kept row needs sits in the file (-1: an optional column that is absent)."""

    area: int
    code: int
    disclosure: int
    lq_disclosure: int
    oty_disclosure: int
    employment: int
    establishments: int
    wages: int
    lq: int
    change: int
    lq_establishments: int
    lq_wages: int
    month1: int
    month2: int
    names: dict[str, str]  # measure or role -> column name, for messages
    quarterly: bool

    @classmethod
    def of(cls, layout: str, index: dict[str, int]) -> "Positions":
        columns = LAYOUTS[layout] | {f"lq_{k}": v for k, v in OPTIONAL_LQS[layout].items()}
        at = {role: index.get(column, -1) for role, column in columns.items()}
        return cls(
            index["area_fips"],
            index["industry_code"],
            index["disclosure_code"],
            index["lq_disclosure_code"],
            index["oty_disclosure_code"],
            at["employment"],
            at["establishments"],
            at["wages"],
            at["lq"],
            at["change"],
            at["lq_establishments"],
            at["lq_wages"],
            at.get("month1", -1),
            at.get("month2", -1),
            columns,
            layout == "quarterly",
        )


def _count(text: str, name: str, row: int, column: str, negative_ok: bool = False) -> int:
    """A whole number; int() is the fast path, parse_number explains anything else."""
    try:
        value = int(text)
    except ValueError:
        number = parse_number(text, negative_ok=negative_ok, file=name, row=row, column=column)
        if number != int(number):
            raise InputError.bad_value("a whole number", text, file=name, row=row, column=column) from None
        return int(number)
    if value < 0 and not negative_ok:
        raise InputError.bad_value("a number that is not negative", text, file=name, row=row, column=column)
    return value


def _decimal(text: str, name: str, row: int, column: str) -> float:
    try:
        value = float(text)
    except ValueError:
        return float(parse_number(text, file=name, row=row, column=column))
    if not (math.isfinite(value) and value >= 0):
        raise InputError.bad_value("a finite number that is not negative", text, file=name, row=row, column=column)
    return value


def _optional_lq(cells: list[str], at: int, column: str, name: str, row: int) -> float | None:
    if at < 0:
        return None
    text = cells[at].strip()
    return _decimal(text, name, row, column) if text else None


def parse_row(cells: list[str], at: Positions, name: str, row: int) -> QcewRow:
    """A kept row as numbers. Clean BLS rows take the fast path; anything doubtful is read carefully,
    which either gives the same row or an InputError naming the file, row and column."""
    try:
        return _parse_clean(cells, at, row)
    except ValueError:
        return _parse_carefully(cells, at, name, row)


_INF = math.inf


def _clean_lq(text: str) -> float | None:
    if not text.strip():
        return None
    value = float(text)
    if not 0 <= value < _INF:
        raise ValueError(text)
    return value


def _parse_clean(cells: list[str], at: Positions, row: int) -> QcewRow:
    """The fast path: raises ValueError on anything unusual, for _parse_carefully to explain."""
    area, code, disclosure = cells[at.area].strip(), cells[at.code].strip(), cells[at.disclosure].strip()
    if not area or not code or disclosure == "-":
        raise ValueError(row)
    establishments = int(cells[at.establishments])
    lq_establishments = None
    if establishments and at.lq_establishments >= 0:
        lq_establishments = _clean_lq(cells[at.lq_establishments])
    if disclosure == "N":
        if establishments < 0:
            raise ValueError(row)
        return QcewRow(area, code, row, True, None, establishments, None, None, None, None, lq_establishments)
    employment, wages = int(cells[at.employment]), int(cells[at.wages])
    if establishments < 0 or employment < 0 or wages < 0:
        raise ValueError(row)
    lq = lq_wages = None
    if cells[at.lq_disclosure].strip() not in SUPPRESSED:
        lq = _clean_lq(cells[at.lq])
        if lq is None:
            raise ValueError(row)
        lq_wages = _clean_lq(cells[at.lq_wages]) if at.lq_wages >= 0 else None
    prior, mean = _clean_prior_and_mean(cells, at, employment)
    return QcewRow(
        area, code, row, False, employment, establishments, wages, lq, prior, mean, lq_establishments, lq_wages
    )


def _clean_prior_and_mean(cells: list[str], at: Positions, employment: int) -> tuple[int | None, float]:
    prior = None
    if cells[at.oty_disclosure].strip() not in SUPPRESSED:
        prior = employment - int(cells[at.change])
        if prior < 0:
            raise ValueError(prior)
    if not at.quarterly:
        return prior, employment
    first, second = int(cells[at.month1]), int(cells[at.month2])
    if first < 0 or second < 0:
        raise ValueError(first)
    return prior, (first + second + employment) / 3


def _parse_carefully(cells: list[str], at: Positions, name: str, row: int) -> QcewRow:
    area = cells[at.area].strip()
    code = cells[at.code].strip()
    if not area or not code:
        raise InputError("expected an area and an industry code", file=name, row=row)
    disclosure = cells[at.disclosure].strip()
    names = at.names
    establishments = None if disclosure == "-" else _count(cells[at.establishments], name, row, names["establishments"])
    lq_establishments = None
    if establishments:
        lq_establishments = _optional_lq(cells, at.lq_establishments, names["lq_establishments"], name, row)
    if disclosure in SUPPRESSED:
        return QcewRow(area, code, row, True, None, establishments, None, None, None, None, lq_establishments)
    employment = _count(cells[at.employment], name, row, names["employment"])
    wages = _count(cells[at.wages], name, row, names["wages"])
    lq = lq_wages = None
    if cells[at.lq_disclosure].strip() not in SUPPRESSED:
        lq = _decimal(cells[at.lq], name, row, names["lq"])
        lq_wages = _optional_lq(cells, at.lq_wages, names["lq_wages"], name, row)
    prior = None
    if cells[at.oty_disclosure].strip() not in SUPPRESSED:
        prior = _prior(cells[at.change], names["change"], name, row, employment)
    mean: float = employment
    if at.quarterly:
        first = _count(cells[at.month1], name, row, names["month1"])
        second = _count(cells[at.month2], name, row, names["month2"])
        mean = (first + second + employment) / 3
    return QcewRow(
        area, code, row, False, employment, establishments, wages, lq, prior, mean, lq_establishments, lq_wages
    )


def _prior(text: str, column: str, name: str, row: int, level: int) -> int:
    change = _count(text, name, row, column, negative_ok=True)
    prior = level - change
    if prior < 0:
        raise InputError.bad_value("a change no larger than the level", change, file=name, row=row, column=column)
    return prior
