"""Text pasted into a calculator's grid: a spreadsheet's tab-separated block or CSV text, header row recognized."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .dialect import SEPARATOR_NAMES, classify, number_style, sniff_separator, style_note, to_point
from .errors import InputError
from .inputs import MAX_ROWS
from .numbers import is_missing, parse_number

PASTE_NAME = "pasted text"


@dataclass(frozen=True)
class GridColumn:
    """A column of the page's grid: its name, the label it shows, and whether it holds numbers."""

    name: str
    label: str = ""
    numeric: bool = False


@dataclass
class Pasted:
    """The cells to put in the grid, and how the text was read."""

    rows: list[list[str]]
    separator: str
    header: list[str] | None = None  # the header row, when one was recognized (and skipped)
    columns: list[str] | None = None  # set when the header named grid columns: rows follow the grid's order
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "separator": SEPARATOR_NAMES.get(self.separator, "none"),
            "header": self.header,
            "columns": self.columns,
            "aligned": self.columns is not None,
            "notes": self.notes,
        }


def grid_columns(raw: object) -> list[GridColumn]:
    """The page's column list: names, or objects {name, label, numeric}."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise InputError("expected the grid's columns as a list", column="columns")
    found = []
    for item in raw:
        if isinstance(item, str):
            found.append(GridColumn(item))
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            found.append(GridColumn(item["name"], str(item.get("label") or ""), bool(item.get("numeric"))))
        else:
            raise InputError("expected each grid column as a name or {name, label, numeric}", column="columns")
    return found


def parse_paste(text: str, columns: Sequence[GridColumn] = ()) -> Pasted:
    """Split pasted text into rows of cells.

    A block with tabs (a copy from a spreadsheet) is split on tabs; other text is CSV, split on
    commas or semicolons by Python's csv module, so a quoted "1,714" stays one cell. A first row
    that names the grid's columns (or is all text above a row of numbers) is the header: it is
    skipped, and when it names grid columns the cells are put in the grid's order. Numbers
    written with a decimal comma are rewritten with a point, with a note.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    first_line = next((line for line in text.split("\n") if line.strip()), "")
    separator = "\t" if "\t" in text else sniff_separator(first_line)
    try:
        rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), delimiter=separator)]
    except csv.Error as error:
        raise InputError(f"expected table text ({error})", file=PASTE_NAME) from None
    rows = [_trim(row) for row in rows if any(row)]
    if len(rows) > MAX_ROWS:
        raise InputError(f"expected at most {MAX_ROWS:,} rows", file=PASTE_NAME, hint="paste a smaller block")
    pasted = Pasted(rows, separator)
    if rows and _is_header(rows[0], rows[1] if len(rows) > 1 else None, columns):
        pasted.header = rows[0]
        pasted.rows = rows[1:]
        pasted.notes.append(f"{PASTE_NAME}: the first row ({', '.join(rows[0][:4])}) is a header; skipped it.")
        _align(pasted, columns)
    _decimal_commas(pasted)
    return pasted


def _trim(row: list[str]) -> list[str]:
    while row and not row[-1]:
        row = row[:-1]
    return row


def _words(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _names(columns: Sequence[GridColumn]) -> dict[str, str]:
    """Every way a header may name a grid column (name or label, any case or punctuation) -> name."""
    found = {}
    for column in columns:
        for spelling in (column.name, column.label):
            if spelling:
                found[_words(spelling)] = column.name
    return found


def _is_number(text: str) -> bool:
    if classify(text) in ("comma", "ambiguous"):
        return True
    try:
        parse_number(text, negative_ok=True)
    except InputError:
        return False
    return True


def _is_header(first: list[str], second: list[str] | None, columns: Sequence[GridColumn]) -> bool:
    cells = [cell for cell in first if cell]
    if not cells or any(_is_number(cell) for cell in cells):
        return False
    if any(_words(cell) in _names(columns) for cell in cells):
        return True
    if second is None or len(first) < 2:
        return False
    # All text above a row with numbers in the same places: a header the grid does not know.
    pairs = list(zip(first[1:], second[1:], strict=False))
    return any(_is_number(below) for _, below in pairs) and all(
        not is_missing(above) and not _is_number(above) for above, below in pairs if _is_number(below)
    )


def _align(pasted: Pasted, columns: Sequence[GridColumn]) -> None:
    """Put the cells in the grid's column order when the header names only grid columns."""
    names = _names(columns)
    header = pasted.header or []
    mapped = [names.get(_words(cell)) if cell else None for cell in header]
    if not columns or any(cell and name is None for cell, name in zip(header, mapped, strict=True)):
        return
    order = [column.name for column in columns]
    aligned = []
    for row in pasted.rows:
        cells = dict.fromkeys(order, "")
        for name, cell in zip(mapped, row, strict=False):
            if name is not None:
                cells[name] = cell
        aligned.append([cells[name] for name in order])
    pasted.rows, pasted.columns = aligned, order


def _decimal_commas(pasted: Pasted) -> None:
    skip = 1 if pasted.header else 0
    names = pasted.columns
    cells = (
        (index + skip, names[place] if names else f"{place + 1}", cell)
        for index, row in enumerate(pasted.rows, 1)
        for place, cell in enumerate(row)
    )
    if number_style(cells, pasted.separator, PASTE_NAME) != "comma":
        return
    pasted.rows = [[to_point(cell) for cell in row] for row in pasted.rows]
    pasted.notes.append(style_note(PASTE_NAME))
