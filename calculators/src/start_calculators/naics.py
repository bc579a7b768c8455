"""NAICS titles for sectors and 3-digit subsectors (2017 and 2022 editions), shipped as data."""

import csv
import io
from functools import lru_cache
from pathlib import Path

# QCEW data for 2022 onward is coded in NAICS 2022; earlier years in NAICS 2017.
FIRST_2022_YEAR = 2022


@lru_cache(maxsize=1)
def _titles() -> dict[tuple[str, str], str]:
    text = (Path(__file__).parent / "data" / "naics_titles.csv").read_text(encoding="utf-8")
    titles: dict[tuple[str, str], str] = {}
    for row in csv.DictReader(io.StringIO(text)):
        for edition in row["editions"].split():
            titles[(edition, row["code"])] = row["title"]
    return titles


def edition_for(year: object) -> str:
    try:
        return "2022" if int(str(year)) >= FIRST_2022_YEAR else "2017"
    except (TypeError, ValueError):
        return "2022"


def title(code: str, year: object = None) -> str:
    """The official title, or "NAICS <code>" for codes more detailed than 3 digits."""
    titles = _titles()
    edition = edition_for(year)
    found = titles.get((edition, code)) or titles.get(("2017" if edition == "2022" else "2022", code))
    return found or f"NAICS {code}"
