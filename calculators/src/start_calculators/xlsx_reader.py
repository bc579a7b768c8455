"""Reading a table from an XLSX workbook with openpyxl, an optional dependency imported only for a workbook.

In Pyodide the page loads openpyxl only when an XLSX file arrives; where it cannot be imported,
the workbook is refused with a clear message before anything is read.
"""

from __future__ import annotations

import datetime
import importlib
import importlib.util
import io
import itertools
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .progress import Progress, Steps

if TYPE_CHECKING:
    from .sheets import Cell, Sheet, Spec

# Title rows a workbook may have above its header.
PREAMBLE_ROWS = 12
NEEDS_OPENPYXL = (
    "reading XLSX workbooks needs the openpyxl package, which is not available here; "
    "save the sheet as CSV (CSV UTF-8) and use that, or install it: pip install 'start-calculators[xlsx]'"
)


def openpyxl_available() -> bool:
    """True when openpyxl can be imported (checked without importing it)."""
    return importlib.util.find_spec("openpyxl") is not None


def iter_read_xlsx(data: bytes, name: str, spec: Spec) -> Steps[Sheet]:
    """The first worksheet as a Sheet: the first row naming the required columns is the header."""
    from .sheets import PROGRESS_EVERY, Record, Sheet, check_header, finish_sheet

    if not openpyxl_available():
        raise InputError(NEEDS_OPENPYXL, file=name, expected="a CSV file")
    workbook = _open(data, name)
    try:
        sheets = workbook.worksheets
        if not sheets:
            raise InputError("expected a worksheet, but the workbook has none", file=name)
        sheet, notes = sheets[0], []
        if len(sheets) > 1:
            notes.append(f'{name}: read the first sheet, "{sheet.title}" (the workbook has {len(sheets)}).')
        rows = enumerate(sheet.iter_rows(values_only=True), start=1)
        top = list(itertools.islice(rows, PREAMBLE_ROWS))
        at, first, last = _header(top, name, spec)
        header_row, header = top[at][0], [_cell(value) for value in top[at][1]]
        columns = check_header(header[first:last], name, spec, row=header_row)
        records: list[Record] = []
        for number, raw in itertools.chain(top[at + 1 :], rows):
            cells = [_cell(value) for value in raw]
            _check_extra(cells[last:], name, number)
            cells = (cells[first:last] + [None] * len(columns))[: len(columns)]
            if all(cell is None or cell == "" for cell in cells):
                continue
            records.append(Record(number, dict(zip(columns, cells, strict=True))))
            if len(records) % PROGRESS_EVERY == 0:
                _check_rows(len(records), name)
                yield Progress(name, number, 0)
    finally:
        workbook.close()
    return finish_sheet(Sheet(name, columns, records, notes), spec.key, after_header_row=header_row + 1)


def _open(data: bytes, name: str) -> Any:
    openpyxl = importlib.import_module("openpyxl")
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign zip file
        raise InputError(
            f"expected an XLSX workbook, but it could not be opened ({type(error).__name__})",
            file=name,
            expected="an XLSX workbook",
            hint="open it in a spreadsheet program and save it again as XLSX or CSV",
        ) from None


def _header(top: list[tuple[int, tuple[object, ...]]], name: str, spec: Spec) -> tuple[int, int, int]:
    """(index in `top`, first and last+1 used column) of the header: the first row naming every
    required column, else the first filled row (whose check then names what is missing)."""
    wanted = {column.lower() for column in spec.required}
    found: list[tuple[int, int, int]] = []
    for at, (_, raw) in enumerate(top):
        cells = [_cell(value) for value in raw]
        used = [index for index, cell in enumerate(cells) if cell not in (None, "")]
        if not used or str(cells[used[0]]).startswith("#"):
            continue
        found.append((at, used[0], used[-1] + 1))
        if wanted <= {str(cell).strip().lower() for cell in cells if cell is not None}:
            return found[-1]
    if found:
        return found[0]
    raise InputError(
        "expected a header row naming the columns, but the sheet is empty",
        file=name,
        expected="a header row",
        hint="the first sheet of the workbook must hold the table",
    )


def _cell(value: object) -> Cell:
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value).strip()


def _check_extra(cells: list[Cell], name: str, number: int) -> None:
    if any(cell not in (None, "") for cell in cells):
        raise InputError(
            "expected values only under a column name, but this row has one to the right of the table",
            file=name,
            row=number,
            hint="name that column in the header row, or clear the cell",
        )


def _check_rows(count: int, name: str) -> None:
    from .sheets import MAX_ROWS

    if count > MAX_ROWS:
        raise InputError(f"expected at most {MAX_ROWS:,} rows, but the sheet has more", file=name)
