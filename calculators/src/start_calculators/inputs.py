"""Reading the user's own tables (CSV or XLSX files, pasted text, grid rows) with row-numbered checks.

A table file may be comma-, semicolon- or tab-separated, use a decimal point or a decimal comma,
be UTF-8, UTF-16 or Windows-1252, and start with a few title or `# label: value` lines: each is
found, read and explained in the sheet's `notes`, which the pages show and the CLI prints.
"""

from __future__ import annotations

from collections.abc import Sequence

from .csv_reader import iter_read_csv
from .decoding import decode_text, is_xlsx
from .errors import InputError
from .numbers import parse_number
from .progress import Steps, finish
from .sheets import (
    MAX_ROWS,
    PROGRESS_EVERY,
    TABLE_HINT,
    Cell,
    Record,
    Sheet,
    Spec,
    check_header,
    check_size,
    finish_sheet,
    normalize_numbers,
)

__all__ = [
    "MAX_ROWS",
    "PROGRESS_EVERY",
    "Cell",
    "Record",
    "Sheet",
    "Spec",
    "check_header",
    "check_sum",
    "decode_text",
    "finish_sheet",
    "from_rows",
    "iter_read_table",
    "read_csv",
    "read_table",
]


def read_table(
    data: object,
    name: str,
    *,
    required: Sequence[str],
    optional: Sequence[str] = (),
    key: str | None = None,
    extra_ok: bool = False,
) -> Sheet:
    """Read a CSV (any separator, decimal mark or encoding above) or XLSX table to the end."""
    return finish(iter_read_table(data, name, required=required, optional=optional, key=key, extra_ok=extra_ok))


read_csv = read_table  # the name the calculators' modules use


def iter_read_table(
    data: object,
    name: str,
    *,
    required: Sequence[str],
    optional: Sequence[str] = (),
    key: str | None = None,
    extra_ok: bool = False,
) -> Steps[Sheet]:
    """As read_table, yielding Progress every few thousand rows (see progress.py)."""
    spec = Spec(tuple(required), tuple(optional), key, extra_ok)
    if is_xlsx(data):
        from .xlsx_reader import iter_read_xlsx  # openpyxl is imported only for a workbook

        sheet = yield from iter_read_xlsx(bytes(data), name, spec)
        return sheet
    notes: list[str] = []
    text = decode_text(data, name, notes)
    if not text.strip():
        raise InputError(
            "expected a header row, but the file is empty", file=name, expected="a header row", hint=TABLE_HINT
        )
    sheet = yield from iter_read_csv(text, name, spec, notes)
    return sheet


def from_rows(
    rows: object,
    name: str,
    *,
    required: Sequence[str],
    optional: Sequence[str] = (),
    key: str | None = None,
    extra_ok: bool = False,
) -> Sheet:
    """Rows from the browser grid (or a DataFrame): a list of objects keyed by column name."""
    if not isinstance(rows, list):
        raise InputError("expected a list of rows", file=name, expected="a list of rows")
    spec = Spec(tuple(required), tuple(optional), key, extra_ok)
    check_size(len(rows), name)
    names: list[str] = []
    for index, item in enumerate(rows, start=1):
        if not isinstance(item, dict):
            raise InputError("expected an object with one value per column", file=name, row=index)
        names.extend(str(column) for column in item if str(column) not in names)
    columns = check_header(names, name, spec, row=1)
    records = []
    for index, item in enumerate(rows, start=1):
        lower = {str(column).strip().lower(): value for column, value in item.items()}
        values = {canonical: _cell(lower.get(canonical.strip().lower())) for canonical in columns}
        if all(value is None or value == "" for value in values.values()):
            continue
        records.append(Record(index, values))
    sheet = Sheet(name, columns, records)
    normalize_numbers(sheet, key, None)
    return finish_sheet(sheet, key, after_header_row=1)


def _cell(value: object) -> Cell:
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value).strip()


def check_sum(sheet: Sheet, column: str, total: object, option: str) -> None:
    """Rows of `column` must not add up past the stated total (the option `option`)."""
    limit = parse_number(total, column=option)
    running: float = 0
    for record in sheet.records:
        value = parse_number(record.values.get(column), blank_ok=True, file=sheet.name, row=record.row, column=column)
        running += value or 0
        if running > limit * (1 + 1e-12):
            raise InputError(
                f"expected rows that add up to at most the stated total ({_figure(limit)}), "
                f"but the rows up to here add up to {_figure(running)}",
                file=sheet.name,
                row=record.row,
                column=column,
                expected="rows that add up to at most the total",
                hint="check the total, and remove rows that overlap (a sector and its own subsectors)",
            )


def _figure(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
