"""The Central Ohio sample region shipped in the package: five counties, BLS QCEW 2020 annual."""

from pathlib import Path

SAMPLE_FILES = (
    "2020-annual-39041-delaware-oh.csv",
    "2020-annual-39045-fairfield-oh.csv",
    "2020-annual-39047-fayette-oh.csv",
    "2020-annual-39049-franklin-oh.csv",
    "2020-annual-39073-hocking-oh.csv",
)
SAMPLE_LABEL = (
    "Central Ohio sample: Delaware, Fairfield, Fayette, Franklin and Hocking counties, BLS QCEW 2020 annual averages"
)
SAMPLE_SOURCE = "US Bureau of Labor Statistics, Quarterly Census of Employment and Wages (public domain)"


def sample_files():
    """[(name, text)] for the five county files."""
    folder = Path(__file__).parent / "data" / "qcew"  # a plain file read: importlib.resources is slow to import
    return [(name, folder.joinpath(name).read_text(encoding="utf-8")) for name in SAMPLE_FILES]


# The shift-share sample: one county measured against the five-county region it belongs to,
# because the package ships no national file for 2020.
SHIFT_SHARE_REGION = "2020-annual-39041-delaware-oh.csv"
SHIFT_SHARE_LABEL = (
    "Shift-share sample: Delaware County, Ohio, against the five-county Central Ohio region "
    "(Delaware, Fairfield, Fayette, Franklin and Hocking), BLS QCEW 2019 to 2020"
)


def shift_share_sample():
    """(region files, reference files) for the shift-share sample."""
    files = sample_files()
    return [item for item in files if item[0] == SHIFT_SHARE_REGION], files
