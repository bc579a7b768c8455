"""Reading BLS QCEW open-data CSV slices (annual or quarterly) quickly and strictly, as a generator.

The fast path relies on one property of the BLS layout: no field contains a comma, a quote or a
line break. Quotes are therefore dropped once for the whole file, each line is split on commas,
and only the rows the calculators use are converted (own_code 0 and 5 at the chosen level). Every
row is still checked for its field count and for the year and period, which must not change
within a file.
"""

from dataclasses import dataclass, field

from .errors import InputError
from .inputs import decode_text
from .progress import Progress, Steps, finish
from .qcew_rows import Positions, QcewRow, header_layout, parse_row

# Aggregation level codes end in 4 for NAICS sectors and 5-8 for 3- to 6-digit industries.
LEVELS = {"sector": 4, "2": 4, "3": 5, "4": 6, "5": 7, "6": 8}
LEVEL_NAMES = {4: "NAICS sectors", 5: "3-digit NAICS subsectors", 6: "4-digit NAICS industry groups"}
LEVEL_NAMES |= {7: "5-digit NAICS industries", 8: "6-digit NAICS industries"}
DEFAULT_LEVEL = "3"
NATION_AREA = "US000"
# BLS's open-data slice of one area and period ("a" for annual averages, or the quarter 1 to 4); the
# slices cover the latest five years. Older years are in BLS's zipped files (BLS_OLDER_FILES_URL).
BLS_AREA_URL = "https://data.bls.gov/cew/data/api/{year}/{quarter}/area/{area}.csv"
BLS_OPEN_DATA_URL = "https://www.bls.gov/cew/additional-resources/open-data/csv-data-slices.htm"
BLS_OLDER_FILES_URL = "https://www.bls.gov/cew/downloadable-data-files.htm"
# Progress is reported after this many lines; small enough for a responsive page, cheap to count.
CHUNK = 2000

__all__ = [
    "BLS_AREA_URL",
    "BLS_OLDER_FILES_URL",
    "BLS_OPEN_DATA_URL",
    "CHUNK",
    "DEFAULT_LEVEL",
    "LEVELS",
    "LEVEL_NAMES",
    "NATION_AREA",
    "QcewFile",
    "QcewRow",
    "area_kind",
    "bls_area_url",
    "iter_read_qcew",
    "level_digit",
    "read_qcew",
]


def level_digit(level: object) -> int:
    key = str(level if level is not None else DEFAULT_LEVEL).strip().lower()
    if key not in LEVELS:
        raise InputError(
            f"expected an industry level: sector, 3, 4, 5 or 6, got {level!r}",
            column="level",
            expected="sector, 3, 4, 5 or 6",
        )
    return LEVELS[key]


@dataclass
class QcewFile:
    """One file: its year and period, and its areas' total and private industry rows."""

    name: str
    layout: str  # "annual" or "quarterly"
    year: str
    period: str  # "A" or the quarter "1".."4"
    digit: int  # aggregation level digit read for industries
    areas: list[str] = field(default_factory=list)
    totals: dict[str, QcewRow] = field(default_factory=dict)  # area -> all-industry, all-ownership row
    private_totals: dict[str, QcewRow] = field(default_factory=dict)  # area -> all-industry private row
    industries: dict[str, dict[str, QcewRow]] = field(default_factory=dict)  # code -> {area: row}
    first_row: int = 2
    rows: int = 0  # data rows in the file (all ownerships and levels)

    @property
    def key(self) -> str:
        """Sorts in time order: "2023" for an annual file, "2023-Q1" for a quarter."""
        return self.year if self.period == "A" else f"{self.year}-Q{self.period}"

    @property
    def label(self) -> str:
        return f"{self.year} {'annual' if self.period == 'A' else 'Q' + self.period}"

    @property
    def is_nation(self) -> bool:
        return self.areas == [NATION_AREA]


@dataclass
class _Scan:
    """What the row loop needs: the file's layout and where its key columns are."""

    name: str
    layout: str
    index: dict[str, int]
    width: int
    digit: int
    result: QcewFile | None = None
    seen: set[tuple[str, str, str, str]] = field(default_factory=set)
    area_set: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.own_at = self.index["own_code"]
        self.level_at = self.index["agglvl_code"]
        self.year_at = self.index["year"]
        self.qtr_at = self.index["qtr"]
        self.area_at = self.index["area_fips"]
        self.cut = max(self.own_at, self.level_at, self.year_at, self.qtr_at, self.area_at) + 1
        self.industry_end = str(self.digit)
        self.positions = Positions.of(self.layout, self.index)


def iter_read_qcew(data: str | bytes, name: str, level: object = DEFAULT_LEVEL) -> Steps[QcewFile]:
    """Read one QCEW file, yielding Progress every few thousand rows; returns the QcewFile.

    Keeps the all-industry totals and the private industry rows at `level`. A leading run of
    "# label: value" lines (as this package writes on its CSV downloads) is skipped."""
    digit = level_digit(level)
    text = decode_text(data, name)
    if '"' in text:
        text = text.replace('"', "")
    if not text.strip():
        raise InputError("expected a BLS QCEW CSV file, but the file is empty", file=name)
    lines = text.splitlines()
    skip = _comment_lines(lines)
    if skip >= len(lines):
        raise InputError("expected a BLS QCEW CSV header after the # lines", file=name, row=skip + 1)
    layout, index, width = header_layout(lines[skip], name, skip + 1)
    scan = _Scan(name, layout, index, width, digit)
    _first_row(scan, lines, skip)
    if scan.result is None:
        return _finished(scan, lines, skip)
    total = len(lines)
    for start in range(skip + 1, total, CHUNK):
        _scan_lines(scan, lines, start, min(start + CHUNK, total))
        yield Progress(name, min(start + CHUNK, total) - 1, total - 1)
    return _finished(scan, lines, skip)


def read_qcew(data: str | bytes, name: str, level: object = DEFAULT_LEVEL) -> QcewFile:
    """The whole file at once (the CLI and tests); the browser drives `iter_read_qcew` instead."""
    return finish(iter_read_qcew(data, name, level))


def _comment_lines(lines: list[str]) -> int:
    count = 0
    for line in lines:
        if not line.startswith("#"):
            break
        count += 1
    return count


def _scan_lines(scan: _Scan, lines: list[str], start: int, stop: int) -> None:
    """Check and sort lines[start:stop]: the hot loop, so everything it touches is a local name."""
    result = scan.result
    assert result is not None
    commas, cut = scan.width - 1, scan.cut
    own_at, level_at, year_at, qtr_at = scan.own_at, scan.level_at, scan.year_at, scan.qtr_at
    year, period = result.year, result.period
    # Aggregation codes are two digits: the area type, then the level (x0 total, x1 by ownership, ...).
    private_levels = {f"{kind}{end}" for kind in "0123456789" for end in ("1", scan.industry_end)}
    total_levels = {f"{kind}0" for kind in "0123456789"}
    row, blank = start, 0
    for line in lines[start:stop]:
        row += 1
        if line.count(",") != commas:
            if not line.strip():
                blank += 1
                continue
            raise InputError(
                f"expected {scan.width} fields like the header, got {line.count(',') + 1}",
                file=scan.name,
                row=row,
                expected=f"{scan.width} fields",
            )
        head = line.split(",", cut)
        if head[year_at] != year or head[qtr_at] != period:
            _constant_error(scan, head, row)
        own = head[own_at]
        if own == "5":
            if head[level_at] in private_levels:
                _keep(scan, line.split(","), own, head[level_at], row)
        elif own == "0" and head[level_at] in total_levels:
            _keep(scan, line.split(","), own, head[level_at], row)
    result.rows += stop - start - blank


def _first_row(scan: _Scan, lines: list[str], skip: int) -> None:
    """The first data row sets the year and period every other row must have."""
    for number in range(skip + 1, len(lines)):
        line = lines[number]
        if line.strip():
            if line.count(",") != scan.width - 1:
                raise InputError(
                    f"expected {scan.width} fields like the header, got {line.count(',') + 1}",
                    file=scan.name,
                    row=number + 1,
                    expected=f"{scan.width} fields",
                )
            scan.result = _new_file(scan, line.split(",", scan.cut), number + 1)
            return


def _constant_error(scan: _Scan, head: list[str], row: int) -> None:
    assert scan.result is not None
    year, period = head[scan.year_at].strip(), head[scan.qtr_at].strip().upper()
    if year != scan.result.year:
        raise InputError.bad_value(
            f"year {scan.result.year} on every row, as on row {scan.result.first_row}",
            year,
            file=scan.name,
            row=row,
            column="year",
        )
    if period != scan.result.period:
        raise InputError.bad_value(
            f"period {scan.result.period} on every row, as on row {scan.result.first_row}",
            period,
            file=scan.name,
            row=row,
            column="qtr",
        )
    # Only spaces differed (" 2023"); accept the row as written.


def _keep(scan: _Scan, cells: list[str], own: str, agglvl: str, row: int) -> None:
    result = scan.result
    assert result is not None
    parsed = parse_row(cells, scan.positions, scan.name, row)
    key = (parsed.area, own, agglvl, parsed.code)
    if key in scan.seen:
        raise InputError(
            f"expected each industry once per area; {parsed.code} repeats",
            file=scan.name,
            row=row,
            column="industry_code",
            expected="unique rows",
        )
    scan.seen.add(key)
    if parsed.area not in scan.area_set:
        scan.area_set.add(parsed.area)
        result.areas.append(parsed.area)
    if own == "0":
        if parsed.code == "10":
            result.totals[parsed.area] = parsed
    elif agglvl[-1] == "1":
        if parsed.code == "10":
            result.private_totals[parsed.area] = parsed
    else:
        result.industries.setdefault(parsed.code, {})[parsed.area] = parsed


def _new_file(scan: _Scan, head: list[str], row: int) -> QcewFile:
    year = head[scan.year_at].strip()
    period = head[scan.qtr_at].strip().upper()
    if not (len(year) == 4 and year.isdigit()):
        raise InputError.bad_value("a four-digit year", year, file=scan.name, row=row, column="year")
    wanted = ("A",) if scan.layout == "annual" else ("1", "2", "3", "4")
    if period not in wanted:
        article = "an" if scan.layout == "annual" else "a"
        raise InputError.bad_value(
            f"{' or '.join(wanted)} in {article} {scan.layout} file", period, file=scan.name, row=row, column="qtr"
        )
    return QcewFile(scan.name, scan.layout, year, period, scan.digit, first_row=row)


def _finished(scan: _Scan, lines: list[str], skip: int) -> QcewFile:
    result = scan.result
    if result is None:
        raise InputError(
            "expected data rows after the header, found none", file=scan.name, row=skip + 2, expected="data rows"
        )
    if not result.totals:
        raise InputError(
            "expected an all-industry total row (own_code 0, industry_code 10), found none",
            file=scan.name,
            expected="a total row",
        )
    for area in result.areas:
        if area not in result.totals:
            raise InputError(
                f"expected an all-industry total row for area {area}",
                file=scan.name,
                column="area_fips",
                expected="a total row",
            )
    return result


def area_kind(area: str) -> str:
    """ "nation" (US000), "county" (a five-digit county FIPS code) or "other" (state, metro area, ...)."""
    if area == NATION_AREA:
        return "nation"
    if len(area) == 5 and area.isdigit() and area[2:] not in ("000", "999"):
        return "county"
    return "other"


def bls_area_url(year: object, area: str, period: str = "A") -> str:
    """The BLS open-data link of one area file (a link for the reader's browser; nothing here fetches it)."""
    quarter = "a" if str(period).upper() == "A" else str(period)
    return BLS_AREA_URL.format(year=year, quarter=quarter, area=area)
