"""How a table is written: its column separator and its decimal mark, found from the text and explained."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from .errors import InputError

# The separators spreadsheets write: commas (US), semicolons (where the comma is the decimal
# mark, as in most of Europe) and tabs (what a copy from a spreadsheet puts on the clipboard).
SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs"}
SEPARATOR_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}

# A number's digits and marks once any sign, currency sign and % are removed.
_SPACES = " \u00a0\u202f"
_BODY = re.compile(r"[\d.,\u00a0\u202f ]*\d[\d.,\u00a0\u202f ]*")
# "1,234" and "1.234" could be either convention: a thousands group or three decimals.
_AMBIGUOUS = re.compile(r"\d{1,3}[.,]\d{3}")
_POINT = re.compile(r"\d{1,3}(?:,\d{3})+\.\d*|\d{1,3}(?:,\d{3}){2,}|\d*\.\d+")
_COMMA = re.compile(r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+,\d*|\d{1,3}(?:\.\d{3}){2,}|\d*,\d+")
_SIMPLE_POINT = re.compile(r"\d+\.\d+")
_GROUPED = re.compile(r"\d{1,3}(?:[\u00a0\u202f ]\d{3})+")
_STYLE_NAMES = {"point": "decimal point", "comma": "decimal comma"}


def sniff_separator(line: str) -> str:
    """The separator of a header line: the one that splits it into the most fields (quotes respected).

    Ties go to the comma, then the tab: a one-column header is read as comma-separated.
    """
    best, most = ",", 0
    for separator in (",", "\t", ";"):
        try:
            fields = next(csv.reader(io.StringIO(line, newline=""), delimiter=separator), [])
        except csv.Error:
            continue
        if len(fields) > most:
            best, most = separator, len(fields)
    return best


def separator_note(name: str, separator: str) -> str | None:
    """The note shown when a table is not comma-separated, or None."""
    if separator == ",":
        return None
    return f"{name}: columns are separated by {SEPARATORS[separator]}, not commas; read that way."


def _body(text: str) -> str | None:
    """The digits and marks of a number written as text, or None when it is not one."""
    body = text.strip()
    if body[:1] in "+-":
        body = body[1:].lstrip()
    body = body.strip("$€£").strip(_SPACES).removesuffix("%").strip(_SPACES).strip("$€£").strip(_SPACES)
    return body if _BODY.fullmatch(body) else None


def classify(text: str) -> str | None:
    """ "point", "comma", "ambiguous" (1,234 or 1.234) or None (no decimal mark, or not a number)."""
    if "," not in text and "." not in text:
        return None
    if _SIMPLE_POINT.fullmatch(text):  # "12345.67", most decimals: settled without the general rules
        return "ambiguous" if _AMBIGUOUS.fullmatch(text) else "point"
    body = _body(text)
    if body is None:
        return None
    if _AMBIGUOUS.fullmatch(body):
        return "ambiguous"
    if _POINT.fullmatch(body):
        return "point"
    if _COMMA.fullmatch(body):
        return "comma"
    return None


def number_style(cells: Iterable[tuple[int, str, str]], separator: str | None, name: str) -> str:
    """ "point" (1,234.5) or "comma" (1.234,5) for a table's cells, given as (row, column, text).

    A table that writes decimals both ways is an error naming both cells. In a semicolon-separated
    table, where the comma is usually the decimal mark, a table whose only marked numbers are like
    "1,234" cannot be read safely and is an error too; elsewhere those mean 1234, as in the US.
    """
    first: dict[str, tuple[int, str, str]] = {}
    for row, column, text in cells:
        kind = classify(text)
        if kind is None or kind in first:
            continue
        first[kind] = (row, column, text)
        if "point" in first and "comma" in first:
            _mixed(first, name)
    if "comma" in first:
        return "comma"
    if "point" not in first and "ambiguous" in first and separator == ";":
        row, column, text = first["ambiguous"]
        raise InputError(
            f'cannot tell whether "{text}" means {text.replace(",", "").replace(".", "")} or '
            f"{text.replace(',', '.')}: in a table separated by semicolons the comma usually marks decimals",
            file=name,
            row=row,
            column=column,
            expected="numbers written one way",
            hint="write whole numbers without a thousands separator (1234) and decimals with a comma (1234,5)",
        )
    return "point"


def _mixed(first: dict[str, tuple[int, str, str]], name: str) -> None:
    earlier, later = sorted((first["point"], first["comma"]))
    kinds = {first["point"]: "point", first["comma"]: "comma"}
    raise InputError(
        f'expected one decimal mark throughout, but row {earlier[0]} has "{earlier[2]}" '
        f'({_STYLE_NAMES[kinds[earlier]]}) and this row has "{later[2]}" ({_STYLE_NAMES[kinds[later]]})',
        file=name,
        row=later[0],
        column=later[1],
        expected="one decimal mark",
        hint="write every number the same way, then try again",
    )


def style_note(name: str) -> str:
    return f"{name}: numbers use a decimal comma (1.234,5 means 1234.5); read that way."


def to_point(text: str) -> str:
    """A number written with a decimal comma ("-1.234,5 %") as the calculators read it ("-1234.5%")."""
    stripped = text.strip()
    sign = ""
    if stripped[:1] in "+-":
        sign = stripped[:1]
    body = _body(stripped)
    if body is None:
        return text
    percent = "%" if stripped.endswith("%") else ""
    if not (_COMMA.fullmatch(body) or _AMBIGUOUS.fullmatch(body) or _GROUPED.fullmatch(body)):
        return text
    digits = body.replace(".", "").translate({ord(space): None for space in _SPACES}).replace(",", ".")
    return sign + digits + percent
