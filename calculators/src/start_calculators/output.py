"""Writing result tables as CSV or JSON: unrounded numbers, and text guarded against formulas."""

import csv
import io
import json
from typing import Any

from .about import csv_about
from .results import Table

# A spreadsheet treats a cell starting with these as a formula; a leading ' keeps it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard_text(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def plain_number(value: float) -> str:
    """Unrounded, shortest exact form; whole floats print without ".0"."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return plain_number(value)
    return guard_text(str(value))


def to_csv(table: Table, about: bool = False) -> str:
    """CSV text. With `about`, leading "# label: value" lines state the settings (see about.py);
    every reader in this package skips them, so a downloaded table can be uploaded again."""
    out = io.StringIO()
    if about:
        out.write(csv_about(table.meta))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.names)
    for row in table.rows:
        writer.writerow([cell_text(value) for value in row])
    return out.getvalue()


def to_json(table: Table) -> str:
    return json.dumps(table.records(), indent=1, ensure_ascii=False, allow_nan=False) + "\n"
