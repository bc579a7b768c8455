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


def _integer(text: str, name: str, row: int, column: str, negative_ok: bool = False) -> int:
    if text.isdigit() and text.isascii():
        return int(text)
    value = parse_number(text, negative_ok=negative_ok, file=name, row=row, column=column)
    if value != int(value):
        raise InputError.bad_value("a whole number", text, file=name, row=row, column=column)
    return int(value)


def _decimal(text: str, name: str, row: int, column: str) -> float:
    if text.isascii() and text.replace(".", "", 1).isdigit():
        return float(text)
    return float(parse_number(text, file=name, row=row, column=column))


def _optional_lq(cells: list[str], index: dict[str, int], column: str | None, name: str, row: int) -> float | None:
    if column is None or column not in index:
        return None
    text = cells[index[column]].strip()
    return _decimal(text, name, row, column) if text else None


def parse_row(
    cells: list[str], index: dict[str, int], columns: dict[str, str], name: str, row: int, quarterly: bool
) -> QcewRow:
    area = cells[index["area_fips"]].strip()
    code = cells[index["industry_code"]].strip()
    if not area or not code:
        raise InputError("expected an area and an industry code", file=name, row=row)
    disclosure = cells[index["disclosure_code"]].strip()
    suppressed = disclosure in SUPPRESSED
    optional = OPTIONAL_LQS["quarterly" if quarterly else "annual"]
    establishments = (
        None
        if disclosure == "-"
        else _integer(cells[index[columns["establishments"]]].strip(), name, row, columns["establishments"])
    )
    lq_establishments = None
    if establishments:
        lq_establishments = _optional_lq(cells, index, optional["establishments"], name, row)
    if suppressed:
        return QcewRow(area, code, row, True, None, establishments, None, None, None, None, lq_establishments)
    employment = _integer(cells[index[columns["employment"]]].strip(), name, row, columns["employment"])
    wages = _integer(cells[index[columns["wages"]]].strip(), name, row, columns["wages"])
    lq = lq_wages = None
    if cells[index["lq_disclosure_code"]].strip() not in SUPPRESSED:
        lq = _decimal(cells[index[columns["lq"]]].strip(), name, row, columns["lq"])
        lq_wages = _optional_lq(cells, index, optional["wages"], name, row)
    prior = _prior(cells, index, columns, name, row, employment)
    mean: float = employment
    if quarterly:
        months = [_integer(cells[index[columns[key]]].strip(), name, row, columns[key]) for key in ("month1", "month2")]
        mean = (months[0] + months[1] + employment) / 3
        if not math.isfinite(mean):
            raise InputError("expected finite employment", file=name, row=row)
    return QcewRow(
        area, code, row, False, employment, establishments, wages, lq, prior, mean, lq_establishments, lq_wages
    )


def _prior(
    cells: list[str], index: dict[str, int], columns: dict[str, str], name: str, row: int, level: int
) -> int | None:
    if cells[index["oty_disclosure_code"]].strip() in SUPPRESSED:
        return None
    change = _integer(cells[index[columns["change"]]].strip(), name, row, columns["change"], negative_ok=True)
    prior = level - change
    if prior < 0:
        raise InputError.bad_value(
            "a change no larger than the level", change, file=name, row=row, column=columns["change"]
        )
    return prior
