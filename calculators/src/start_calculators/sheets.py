"""A table as the calculators read it: named columns, rows numbered as a spreadsheet shows them, notes.

Shared by every reader (CSV, XLSX, grid rows): the header check, the decimal-comma rewrite, the
check for at least one row and unique names, and the row limit.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeAlias

from .dialect import number_style, style_note, to_point
from .errors import InputError

Cell: TypeAlias = str | int | float | bool | None
# Far more industries than any table has; a bigger file is a mistake (or a QCEW file given as a table).
MAX_ROWS = 1_000_000
PROGRESS_EVERY = 2000


@dataclass
class Record:
    row: int  # as a spreadsheet shows it: the CSV header is row 1; JSON rows count from 1
    values: dict[str, Cell]  # column name -> raw cell (text, number or None)


@dataclass
class Sheet:
    name: str
    columns: list[str]
    records: list[Record]
    notes: list[str] = field(default_factory=list)  # how the input was read, for the reader


@dataclass(frozen=True)
class Spec:
    """What a calculator needs from a table."""

    required: Sequence[str]
    optional: Sequence[str] = ()
    key: str | None = None
    extra_ok: bool = False


TABLE_HINT = "the first row names the columns; each later row is one industry"


def check_size(count: int, name: str) -> None:
    if count > MAX_ROWS:
        raise InputError(
            f"expected at most {MAX_ROWS:,} rows, but the table has more",
            file=name,
            expected=f"at most {MAX_ROWS:,} rows",
            hint="keep one row per industry (a QCEW file goes in the QCEW file input, not the table)",
        )


def check_header(header: Sequence[object], name: str, spec: Spec, row: int = 1) -> list[str]:
    """Column names, stripped; required and optional names matched without regard to case."""
    known = {col.lower(): col for col in (*spec.required, *spec.optional)}
    expected = ", ".join((*spec.required, *spec.optional))
    _check_some_known(header, name, spec, row, expected)
    columns: list[str] = []
    for position, raw in enumerate(header, start=1):
        label = str(raw if raw is not None else "").strip().removeprefix("\ufeff")
        if not label:
            raise InputError(
                f"expected a column name in header field {position}",
                file=name,
                row=row,
                expected="a column name",
                hint="give every column a name in the first row",
            )
        label = known.get(label.lower(), label)
        if label in columns:
            raise InputError("expected each column once; this one appears twice", file=name, row=row, column=label)
        if label not in known.values() and not spec.extra_ok:
            raise InputError(
                f"expected only the columns {expected}; this column is extra",
                file=name,
                row=row,
                column=label,
                expected=expected,
                hint="remove the column or rename it",
            )
        columns.append(label)
    for col in spec.required:
        if col not in columns:
            raise InputError(
                "expected this column in the header, but it is missing",
                file=name,
                row=row,
                column=col,
                expected=col,
                hint=f"the first row must name the columns {expected}",
            )
    return columns


# A BLS QCEW header starts like this; such a file belongs in the QCEW file input, not the table.
_QCEW_HEADER = {"area_fips", "own_code", "industry_code", "agglvl_code"}


def _check_some_known(header: Sequence[object], name: str, spec: Spec, row: int, expected: str) -> None:
    """A header naming none of the required columns is the wrong file: say so once, not column by column."""
    names = [str(cell if cell is not None else "").strip().lower() for cell in header]
    if not spec.required or any(col.lower() in names for col in spec.required):
        return
    shown = ", ".join(names[:4]) + (", ..." if len(names) > 4 else "")
    qcew = set(names) >= _QCEW_HEADER
    raise InputError(
        f'expected a header naming the columns {expected}, got "{shown}"'
        + ("; this is a BLS QCEW file" if qcew else ""),
        file=name,
        row=row,
        expected=expected,
        hint="give QCEW files as QCEW files (--qcew, or the page's QCEW file input)"
        if qcew
        else f"make the first row name the columns {expected}",
    )


def normalize_numbers(sheet: Sheet, key: str | None, separator: str | None) -> None:
    """Rewrite decimal-comma numbers ("1.234,5") as the calculators read them, with a note."""
    cells = _text_cells(sheet, key)
    if number_style(cells, separator, sheet.name) != "comma":
        return
    for record in sheet.records:
        for column, value in record.values.items():
            if column != key and isinstance(value, str) and value:
                record.values[column] = to_point(value)
    sheet.notes.append(style_note(sheet.name))


def _text_cells(sheet: Sheet, key: str | None) -> Iterator[tuple[int, str, str]]:
    for record in sheet.records:
        for column, value in record.values.items():
            if column != key and isinstance(value, str) and value:
                yield record.row, column, value


def finish_sheet(sheet: Sheet, key: str | None, after_header_row: int) -> Sheet:
    """At least one data row, and (with a key) a unique, non-empty name on every row."""
    if not sheet.records:
        raise InputError(
            "expected at least one data row after the header",
            file=sheet.name,
            row=after_header_row,
            expected="a data row",
            hint=TABLE_HINT,
        )
    if key:
        _check_keys(sheet, key)
    return sheet


def _check_keys(sheet: Sheet, key: str) -> None:
    seen: dict[str, int] = {}
    for record in sheet.records:
        value = record.values.get(key)
        label = "" if value is None else str(value).strip()
        if not label:
            raise InputError(
                "expected a name, got an empty cell",
                file=sheet.name,
                row=record.row,
                column=key,
                expected="a name",
                hint="give every row a name, or delete the row",
            )
        if label in seen:
            raise InputError(
                f'expected each industry once; "{label[:40]}" is already in row {seen[label]}',
                file=sheet.name,
                row=record.row,
                column=key,
                expected="a unique industry",
                hint="merge or delete the repeated row",
            )
        seen[label] = record.row
        record.values[key] = label
