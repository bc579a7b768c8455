"""Reading a CSV table: its separator, a header below title lines, one value per column, progress."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from .dialect import separator_note, sniff_separator
from .errors import InputError
from .progress import Progress, Steps
from .sheets import PROGRESS_EVERY, Record, Sheet, Spec, check_header, check_size, finish_sheet, normalize_numbers

# Title lines a spreadsheet export may put above the header.
MAX_PREAMBLE = 10


def iter_read_csv(text: str, name: str, spec: Spec, notes: list[str]) -> Steps[Sheet]:
    offset, before, separator = _find_header(text, name, spec, notes)
    reader = csv.reader(io.StringIO(text[offset:], newline=""), delimiter=separator)
    total = text.count("\n") + 1
    try:
        columns = check_header(_trim(next(reader, [])), name, spec, row=before + 1)
        records: list[Record] = []
        for fields in reader:
            row = reader.line_num + before
            if not any(cell.strip() for cell in fields):
                continue
            records.append(Record(row, dict(zip(columns, _fit(fields, columns, name, row, separator), strict=True))))
            if len(records) % PROGRESS_EVERY == 0:
                check_size(len(records), name)
                yield Progress(name, row, total)
    except csv.Error as error:
        raise InputError(f"expected CSV text ({error})", file=name, row=reader.line_num + before) from None
    note = separator_note(name, separator)
    sheet = Sheet(name, columns, records, notes + ([note] if note else []))
    normalize_numbers(sheet, spec.key, separator)
    return finish_sheet(sheet, spec.key, after_header_row=before + 2)


def _find_header(text: str, name: str, spec: Spec, notes: list[str]) -> tuple[int, int, str]:
    """(offset of the header line, physical lines before it, separator).

    The header is the first line naming every required column; lines above it (a title, or the
    `# label: value` lines of a downloaded result) are skipped, with a note unless they start with #.
    """
    wanted = {column.lower() for column in spec.required}
    first: tuple[int, int, str] | None = None
    skipped: list[str] = []
    for number, (here, line) in enumerate(_lines_of(text)):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        separator = sniff_separator(line)
        if first is None:
            first = (here, number, separator)
        if wanted <= _header_names(line, separator):
            if skipped:
                notes.append(f"{name}: skipped {_lines(len(skipped))} above the header row (row {number + 1}).")
            return here, number, separator
        skipped.append(line)
        if len(skipped) > MAX_PREAMBLE:
            break
    return first if first is not None else (0, 0, sniff_separator(text.split("\n", 1)[0]))


def _header_names(line: str, separator: str) -> set[str]:
    try:
        cells = next(csv.reader(io.StringIO(line, newline=""), delimiter=separator), [])
    except csv.Error:
        return set()
    return {cell.strip().removeprefix("\ufeff").lower() for cell in cells}


def _lines_of(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for each line, without splitting a large text."""
    start = 0
    while True:
        end = text.find("\n", start)
        yield start, text[start : end if end >= 0 else len(text)]
        if end < 0:
            return
        start = end + 1


def _trim(header: list[str]) -> list[str]:
    """A header without the empty fields a spreadsheet leaves after the last column."""
    while header and not header[-1].strip():
        header = header[:-1]
    return header


def _fit(fields: list[str], columns: list[str], name: str, row: int, separator: str) -> list[str]:
    """The row's cells, one per column; trailing empty cells (a spreadsheet's extra separators) dropped."""
    cells = [cell.strip() for cell in fields]
    while len(cells) > len(columns) and not cells[-1]:
        cells.pop()
    if len(cells) == len(columns):
        return cells
    hint = "each row needs one value per column, like the header"
    if separator == "," and len(cells) > len(columns):
        hint = 'put numbers with thousands separators in quotes ("1,714") or write them without (1714)'
    raise InputError(
        f"expected {len(columns)} fields like the header, got {len(cells)}",
        file=name,
        row=row,
        expected=f"{len(columns)} fields",
        hint=hint,
    )


def _lines(count: int) -> str:
    return f"{count} line" if count == 1 else f"{count} lines"
