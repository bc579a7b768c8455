"""The sample region shipped in the package: the ten counties of the Columbus, OH MSA, BLS QCEW 2020 to 2023."""

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

SAMPLE_COUNTIES = (
    ("39041", "Delaware County"),
    ("39045", "Fairfield County"),
    ("39049", "Franklin County"),
    ("39073", "Hocking County"),
    ("39089", "Licking County"),
    ("39097", "Madison County"),
    ("39117", "Morrow County"),
    ("39127", "Perry County"),
    ("39129", "Pickaway County"),
    ("39159", "Union County"),
)
SAMPLE_YEARS = ("2020", "2021", "2022", "2023")
SAMPLE_FILES = tuple(f"{year}-annual-{fips}.csv" for year in SAMPLE_YEARS for fips, _ in SAMPLE_COUNTIES)
SAMPLE_AREA = "Columbus, OH Metropolitan Statistical Area"
SAMPLE_AREA_SLUG = "columbus-oh-msa"
SAMPLE_VINTAGE = (
    "downloaded from BLS in June 2024: 2023 is BLS's first (preliminary) release; 2020 to 2022 as published then"
)
SAMPLE_LABEL = (
    "Sample: the Columbus, OH Metropolitan Statistical Area, its ten counties "
    + ", ".join(f"{name.removesuffix(' County')} ({fips})" for fips, name in SAMPLE_COUNTIES)
    + ", BLS QCEW annual averages 2020 to 2023 (2023 preliminary)"
)
SAMPLE_SOURCE = (
    "US Bureau of Labor Statistics, Quarterly Census of Employment and Wages, open-data area files (public domain)"
)
SAMPLE_SOURCE_URL = "https://www.bls.gov/cew/additional-resources/open-data/csv-data-slices.htm"
SAMPLE_WHY = (
    "A metropolitan statistical area is a core county plus the nearby counties tied to it by commuting, as "
    "delineated by the federal Office of Management and Budget, so it comes close to one labor market: "
    "where the region's employers hire and its workers live."
)
SAMPLE_WHY_URL = "https://www.census.gov/programs-surveys/metro-micro/about.html"

# The years each calculator reads from the sample (the end year is 2023; spans start in 2020).
SAMPLE_USES: dict[str, tuple[str, ...]] = {
    "lq": ("2023",),
    "table": ("2020", "2023"),
    "growth": ("2020", "2023"),
    "trend": SAMPLE_YEARS,
    "lq_change": ("2020", "2023"),
    "counties": ("2023",),
    "shift_share": SAMPLE_YEARS,
}
# The per-county view opens on Hospitals (NAICS 622), where most counties are suppressed.
SAMPLE_INDUSTRY = "622"
# The shift-share sample reads NAICS sectors: at finer levels most industries are suppressed in some
# county of the reference area, which leaves their reference figure unknown.
SHIFT_SHARE_LEVEL = "sector"

# The shift-share sample: one county measured against the metro area it belongs to, as reference area,
# because the package ships no national files for 2020 to 2023.
SHIFT_SHARE_COUNTY = "39041"
SHIFT_SHARE_LABEL = (
    "Shift-share sample: Delaware County, Ohio (39041), against the ten-county Columbus, OH MSA as "
    "reference area (not the nation), BLS QCEW annual averages 2020 to 2023 (2023 preliminary), NAICS sectors"
)


@cache
def _text(name: str) -> str:
    folder = Path(__file__).parent / "data" / "qcew"  # a plain file read: importlib.resources is slow to import
    return folder.joinpath(name).read_text(encoding="utf-8")


def sample_files(years: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """[(name, text)] of the sample's county files: every year, or the years given."""
    wanted = [str(year) for year in years] if years else list(SAMPLE_YEARS)
    return [(name, _text(name)) for name in SAMPLE_FILES if name[:4] in wanted]


def shift_share_sample(years: Sequence[str] | None = None) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(region files, reference files) for the shift-share sample."""
    files = sample_files(years)
    return [item for item in files if SHIFT_SHARE_COUNTY in item[0]], files


def sample_meta(shift_share: bool = False) -> dict[str, Any]:
    """What the pages and reports say about the sample (county names are given here, for the sample only)."""
    return {
        "label": SHIFT_SHARE_LABEL if shift_share else SAMPLE_LABEL,
        "source": SAMPLE_SOURCE,
        "source_url": SAMPLE_SOURCE_URL,
        "area": ("Delaware County, OH (39041)" if shift_share else SAMPLE_AREA),
        "area_slug": ("delaware-oh-vs-columbus-msa" if shift_share else SAMPLE_AREA_SLUG),
        "county_names": dict(SAMPLE_COUNTIES),
        "vintage": SAMPLE_VINTAGE,
        "why_region": SAMPLE_WHY,
        "why_region_url": SAMPLE_WHY_URL,
    }
