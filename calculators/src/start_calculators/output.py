"""Writing result tables as CSV or JSON: unrounded numbers, and text guarded against formulas."""

import csv
import io
import json

# A spreadsheet treats a cell starting with these as a formula; a leading ' keeps it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard_text(text):
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def plain_number(value):
    """Unrounded, shortest exact form; whole floats print without ".0"."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return plain_number(value)
    return guard_text(str(value))


def to_csv(table):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.names)
    for row in table.rows:
        writer.writerow([cell_text(value) for value in row])
    return out.getvalue()


def to_json(table):
    return json.dumps(table.records(), indent=1, ensure_ascii=False, allow_nan=False) + "\n"
