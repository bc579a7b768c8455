"""Options the pages and the command line share, checked the same way for both: levels, bands, weights."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .errors import InputError
from .lq import DEFAULT_BANDS, make_bands
from .numbers import parse_number

# Industry levels as the help documents them: a NAICS sector ("sector", or "2" for two digits),
# or a 3- to 6-digit industry.
LEVELS = ("sector", "2", "3", "4", "5", "6")
BASES = ("total", "private")
BANDS_HELP = "three band limits in increasing order, like 0.75,1.25,2.0 (the default)"
Bands = tuple[tuple[float, str], ...]


def level(value: object) -> str:
    """A level from LEVELS (any case); the error lists them as the help does."""
    text = str(value if value is not None else "3").strip().lower()
    if text not in LEVELS:
        raise InputError.bad_value("sector or a number of digits from 2 to 6", value, column="level")
    return text


def bands(value: object) -> Bands:
    """Band limits: None or "" for the defaults, "0.8,1.2,2.5", or a list of three numbers."""
    if value is None or value == "" or value == []:
        return tuple(DEFAULT_BANDS)
    parts: Sequence[object]
    if isinstance(value, str):
        parts = [part for part in re.split(r"[,\s]+", value.strip()) if part]
    elif isinstance(value, list):
        parts = value
    else:
        raise InputError.bad_value(BANDS_HELP, value, column="bands")
    shown = value if isinstance(value, str) else ",".join(map(str, parts))
    if len(parts) != 3:
        raise InputError.bad_value(BANDS_HELP, shown, column="bands")
    limits = []
    for part in parts:
        try:
            limits.append(parse_number(part, column="bands"))
        except InputError:
            raise InputError.bad_value(BANDS_HELP, shown, column="bands") from None
    if any(limit <= 0 for limit in limits) or not limits[0] < limits[1] < limits[2]:
        raise InputError.bad_value(BANDS_HELP, shown, column="bands")
    return tuple(make_bands(limits))


def weights(pairs: Sequence[str] | None) -> dict[str, str]:
    """--weight NAME=WEIGHT, given once per factor."""
    found: dict[str, str] = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise InputError.bad_value("NAME=WEIGHT, like pay=2", pair, column="weights")
        if name.strip() in found:
            raise InputError(f'expected one weight per factor; "{name.strip()}" has two', column="weights")
        found[name.strip()] = value.strip()
    return found


def factor_list(text: str | None) -> list[str]:
    """--factors a,b,c as a list of names (empty for "every numeric column")."""
    return [name.strip() for name in (text or "").split(",") if name.strip()]
