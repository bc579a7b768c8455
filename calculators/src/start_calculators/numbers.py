"""Friendly number parsing: "1,234", "$52,000", " 7.5% ", missing markers, and clear errors otherwise."""

from __future__ import annotations

import math
import re
from typing import Any, Literal, overload

from .errors import InputError

# Thousands separators must group by three ("1,234,567"); "1,2,3" is not a number.
_DECIMAL = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+")
_EXPONENT = re.compile(r"[eE][+-]?\d+")
# Digits with an optional sign and decimals, as most cells are: read without the general parser.
_PLAIN = re.compile(r"-?\d{1,18}(?:\.\d{1,17})?")
# Far above any employment or wage total; keeps every later division inside float range.
LARGEST = 10**18
_NOT_FINITE = {"nan", "inf", "infinity", "-inf", "+inf", "-infinity", "+infinity", "-nan", "+nan"}
_CURRENCY = "$€£"
# What spreadsheets and statistical tables write for "no figure": BLS's (D) is "withheld to avoid
# disclosing data of individual employers"; #N/A is Excel's; the dashes are what people type.
MISSING_MARKERS = frozenset({"", "n/a", "na", "#n/a", "(na)", "(d)", "-", "--", "*", "\u2013", "\u2014"})
NUMBER_HINT = "write the figure as digits (1234, 1,234 or 1234.5)"
BLANK_HINT = NUMBER_HINT + ", or leave the cell blank (or N/A) if it is unknown"


def is_missing(value: object) -> bool:
    """True for None and the missing markers ("", "N/A", "NA", "(D)", "-", "*" ...)."""
    return value is None or (isinstance(value, str) and value.strip().lower() in MISSING_MARKERS)


@overload
def parse_number(
    value: object,
    *,
    negative_ok: bool = ...,
    blank_ok: Literal[False] = ...,
    integer: bool = ...,
    file: str | None = ...,
    row: int | None = ...,
    column: str | None = ...,
) -> float: ...


@overload
def parse_number(
    value: object,
    *,
    negative_ok: bool = ...,
    blank_ok: bool,
    integer: bool = ...,
    file: str | None = ...,
    row: int | None = ...,
    column: str | None = ...,
) -> float | None: ...


def parse_number(
    value: object,
    *,
    negative_ok: bool = False,
    blank_ok: bool = False,
    integer: bool = False,
    file: str | None = None,
    row: int | None = None,
    column: str | None = None,
) -> float | None:
    """Read one number from a cell or an option.

    Accepts ints and floats as they are, and text with thousands separators, a currency sign
    ("$", "€", "£") or a trailing "%" (kept in percent units: "7.5%" is 7.5). Returns an int when
    the text is a whole number written without a decimal point, else a float. A blank cell or a
    missing marker ("N/A", "(D)", "-" ...) is None when `blank_ok`, otherwise an error. NaN,
    infinity and (unless `negative_ok`) negative numbers are errors.
    """
    quick = _quick(value, negative_ok, integer)
    if quick is not None:
        return quick
    where: dict[str, Any] = {"file": file, "row": row, "column": column}
    hint = BLANK_HINT if blank_ok else NUMBER_HINT
    if is_missing(value):
        if blank_ok:
            return None
        raise _missing(value, where)
    number = _value(value, where, hint)
    if isinstance(number, float) and not math.isfinite(number):
        raise InputError.bad_value("a finite number", value, hint=hint, **where)
    if abs(number) > LARGEST:
        raise InputError.bad_value("a number below 10^18", value, **where)
    if number < 0 and not negative_ok:
        raise InputError.bad_value("a number that is not negative", value, hint="it cannot be below zero", **where)
    if integer and number != int(number):
        raise InputError.bad_value("a whole number", value, **where)
    return int(number) if integer else number


def _value(value: object, where: dict[str, Any], hint: str) -> float:
    """The number a cell holds, before the range checks."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        return _parse_text(value, where, hint)
    raise InputError.bad_value("a number", value, hint=hint, **where)


def _quick(value: object, negative_ok: bool, integer: bool) -> float | None:
    """Plain digits ("1234", "-5", "12.5"), as most cells are, read without the general parser; else None."""
    if type(value) is not str or not value.isascii() or not _PLAIN.fullmatch(value):
        return None
    number: float = float(value) if "." in value else int(value)
    if (number < 0 and not negative_ok) or abs(number) > LARGEST or (integer and number != int(number)):
        return None  # the general path says what is wrong
    return int(number) if integer else number


def _missing(value: object, where: dict[str, Any]) -> InputError:
    if value is None or not str(value).strip():
        return InputError("expected a number, got an empty cell", expected="a number", hint=NUMBER_HINT, **where)
    return InputError.bad_value("a number (this figure cannot be missing)", value, hint=NUMBER_HINT, **where)


def _parse_text(value: str, where: dict[str, Any], hint: str) -> float:
    text = value.strip()
    if text.lower() in _NOT_FINITE:
        raise InputError.bad_value("a finite number", value, hint=hint, **where)
    sign = ""
    if text[:1] in "+-":
        sign, text = text[:1], text[1:].lstrip()
    if text[:1] in _CURRENCY:
        text = text[1:].lstrip()
    elif text[-1:] in _CURRENCY:
        text = text[:-1].rstrip()
    if text.endswith("%"):
        text = text[:-1].rstrip()
    mantissa, exponent = text, ""
    found = _EXPONENT.search(text)
    if found and found.end() == len(text):
        mantissa, exponent = text[: found.start()], found.group()
    if not _DECIMAL.fullmatch(mantissa):
        raise InputError.bad_value("a number", value, hint=hint, **where)
    plain = sign + mantissa.replace(",", "") + exponent
    try:
        return int(plain) if "." not in mantissa and not exponent else float(plain)
    except ValueError:  # e.g. more digits than int() accepts
        raise InputError.bad_value("a number", value, hint=hint, **where) from None


def parse_positive(
    value: object, *, what: str, file: str | None = None, row: int | None = None, column: str | None = None
) -> float:
    """A number that must be above zero, such as a region total or a number of years."""
    number = parse_number(value, file=file, row=row, column=column)
    if number <= 0:
        raise InputError.bad_value(f"{what} above zero", value, file=file, row=row, column=column)
    return number
