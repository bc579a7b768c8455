"""Friendly number parsing: "1,234", "$52,000", " 7.5% ", and clear errors for everything else."""

import math
import re

from .errors import InputError

# Thousands separators must group by three ("1,234,567"); "1,2,3" is not a number.
_DECIMAL = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+")
_EXPONENT = re.compile(r"[eE][+-]?\d+")
# Far above any employment or wage total; keeps every later division inside float range.
LARGEST = 10**18
_NOT_FINITE = {"nan", "inf", "infinity", "-inf", "+inf", "-infinity", "+infinity", "-nan", "+nan"}


def parse_number(value, *, negative_ok=False, blank_ok=False, integer=False, file=None, row=None, column=None):
    """Read one number from a cell or an argument.

    Accepts ints and floats as they are, and text with thousands separators, a leading "$" or a
    trailing "%" (kept in percent units: "7.5%" is 7.5). Returns an int when the text is a whole
    number written without a decimal point, else a float. A blank cell is None when `blank_ok`,
    otherwise an error. NaN, infinity and (unless `negative_ok`) negative numbers are errors.
    """
    where = {"file": file, "row": row, "column": column}
    if value is None or (isinstance(value, str) and not value.strip()):
        if blank_ok:
            return None
        raise InputError("expected a number, got an empty cell", expected="a number", **where)
    if isinstance(value, bool):
        raise InputError.bad_value("a number", value, **where)
    if isinstance(value, (int, float)):
        number = value
    elif isinstance(value, str):
        number = _parse_text(value, where)
    else:
        raise InputError.bad_value("a number", value, **where)
    if isinstance(number, float) and not math.isfinite(number):
        raise InputError.bad_value("a finite number", value, **where)
    if abs(number) > LARGEST:
        raise InputError.bad_value("a number below 10^18", value, **where)
    if number < 0 and not negative_ok:
        raise InputError.bad_value("a number that is not negative", value, **where)
    if integer and number != int(number):
        raise InputError.bad_value("a whole number", value, **where)
    return int(number) if integer else number


def _parse_text(value, where):
    text = value.strip()
    if text.lower() in _NOT_FINITE:
        raise InputError.bad_value("a finite number", value, **where)
    sign = ""
    if text[:1] in "+-":
        sign, text = text[:1], text[1:].lstrip()
    if text.startswith("$"):
        text = text[1:].lstrip()
    if text.endswith("%"):
        text = text[:-1].rstrip()
    mantissa, exponent = text, ""
    found = _EXPONENT.search(text)
    if found and found.end() == len(text):
        mantissa, exponent = text[: found.start()], found.group()
    if not _DECIMAL.fullmatch(mantissa):
        raise InputError.bad_value("a number", value, **where)
    plain = sign + mantissa.replace(",", "") + exponent
    try:
        return int(plain) if "." not in mantissa and not exponent else float(plain)
    except ValueError:  # e.g. more digits than int() accepts
        raise InputError.bad_value("a number", value, **where) from None


def parse_count(value, *, file=None, row=None, column=None, blank_ok=False):
    """A non-negative number such as employment (fractions allowed: annual averages)."""
    return parse_number(value, blank_ok=blank_ok, file=file, row=row, column=column)


def parse_positive(value, *, what, file=None, row=None, column=None):
    """A number that must be above zero, such as a region total or a number of years."""
    number = parse_number(value, file=file, row=row, column=column)
    if number <= 0:
        raise InputError.bad_value(f"{what} above zero", value, file=file, row=row, column=column)
    return number
