"""Reading the user's own tables (CSV text or JSON rows) with strict, row-numbered checks."""

import csv
import io
from dataclasses import dataclass

from .errors import InputError


@dataclass
class Record:
    row: int  # as a spreadsheet shows it: the CSV header is row 1; JSON rows count from 1
    values: dict  # column name -> raw cell (text, number or None)


@dataclass
class Sheet:
    name: str
    columns: list
    records: list


def decode_text(data, name):
    """Bytes or text to text: UTF-8 with or without a BOM. Anything else is an InputError."""
    if isinstance(data, str):
        text = data
    elif isinstance(data, (bytes, bytearray, memoryview)):
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(
                "expected a text (UTF-8) CSV file, got binary data", file=name, expected="UTF-8 text"
            ) from None
    else:
        raise InputError(f"expected file contents, got {type(data).__name__}", file=name)
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise InputError("expected a text CSV file, got binary data (NUL bytes)", file=name, expected="UTF-8 text")
    return text


def read_csv(data, name, *, required, optional=(), key=None, extra_ok=False):
    """Parse a CSV table: header check, field counts, blank-line skipping, unique keys."""
    text = decode_text(data, name)
    if not text.strip():
        raise InputError("expected a header row, but the file is empty", file=name, expected="a header row")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
        while header[:1] and header[0].startswith("#"):  # "# label: value" lines of a downloaded table
            header = next(reader, [])
        columns = _check_header(header, name, required, optional, extra_ok)
        records = []
        for fields in reader:
            if not any(cell.strip() for cell in fields):
                continue
            row = reader.line_num
            if len(fields) != len(columns):
                raise InputError(
                    f"expected {len(columns)} fields like the header, got {len(fields)}",
                    file=name,
                    row=row,
                    expected=f"{len(columns)} fields",
                )
            records.append(Record(row, dict(zip(columns, (cell.strip() for cell in fields)))))
    except csv.Error as error:
        raise InputError(f"expected CSV text ({error})", file=name, row=reader.line_num) from None
    return _finish(Sheet(name, columns, records), key, after_header_row=2)


def from_rows(rows, name, *, required, optional=(), key=None, extra_ok=False):
    """Rows from the browser grid: a list of objects keyed by column name."""
    if not isinstance(rows, list):
        raise InputError("expected a list of rows", file=name, expected="a list of rows")
    columns = []
    for index, item in enumerate(rows, start=1):
        if not isinstance(item, dict):
            raise InputError("expected an object with one value per column", file=name, row=index)
        for column in item:
            if column not in columns:
                columns.append(column)
    columns = _check_header(columns, name, required, optional, extra_ok)
    records = []
    for index, item in enumerate(rows, start=1):
        values = {}
        for canonical in columns:
            value = _lookup(item, canonical)
            values[canonical] = value.strip() if isinstance(value, str) else value
        if all(value is None or value == "" for value in values.values()):
            continue
        records.append(Record(index, values))
    return _finish(Sheet(name, columns, records), key, after_header_row=1)


def _lookup(item, canonical):
    for column, value in item.items():
        if str(column).strip().lower() == canonical.lower():
            return value
    return None


def _check_header(header, name, required, optional, extra_ok):
    """Column names, stripped; required and optional names matched without regard to case."""
    known = {col.lower(): col for col in (*required, *optional)}
    columns = []
    for position, raw in enumerate(header, start=1):
        label = str(raw).strip().removeprefix("\ufeff")
        if not label:
            raise InputError(
                f"expected a column name in header field {position}", file=name, row=1, expected="a column name"
            )
        label = known.get(label.lower(), label)
        if label in columns:
            raise InputError("expected each column once; this one appears twice", file=name, row=1, column=label)
        if label not in known.values() and not extra_ok:
            expected = ", ".join((*required, *optional))
            raise InputError(
                f"expected only the columns {expected}; this column is extra",
                file=name,
                row=1,
                column=label,
                expected=expected,
            )
        columns.append(label)
    for col in required:
        if col not in columns:
            raise InputError(
                "expected this column in the header, but it is missing", file=name, row=1, column=col, expected=col
            )
    return columns


def _finish(sheet, key, after_header_row):
    if not sheet.records:
        raise InputError(
            "expected at least one data row after the header",
            file=sheet.name,
            row=after_header_row,
            expected="a data row",
        )
    if key:
        seen = {}
        for record in sheet.records:
            value = record.values.get(key)
            label = "" if value is None else str(value).strip()
            if not label:
                raise InputError(
                    "expected a name, got an empty cell", file=sheet.name, row=record.row, column=key, expected="a name"
                )
            if label in seen:
                raise InputError(
                    f'expected each industry once; "{label[:40]}" is already in row {seen[label]}',
                    file=sheet.name,
                    row=record.row,
                    column=key,
                    expected="a unique industry",
                )
            seen[label] = record.row
            record.values[key] = label
    return sheet
