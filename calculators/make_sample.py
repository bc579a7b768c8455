"""Trim BLS QCEW county files into the package's sample: only the rows and columns the calculators read.

Run from the repository root, once, when the sample changes:

    python calculators/make_sample.py ../shared/data/qcew/columbus-msa

Each input file YYYY-annual-CCCCC.csv becomes a file of the same name in
calculators/src/start_calculators/data/qcew/, keeping BLS's column names (so the one QCEW reader reads
both), the all-industry total row and the private rows at every level the calculators offer.
"""

import csv
import io
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent / "src" / "start_calculators" / "data" / "qcew"
COLUMNS = (
    "area_fips",
    "own_code",
    "industry_code",
    "agglvl_code",
    "size_code",
    "year",
    "qtr",
    "disclosure_code",
    "annual_avg_estabs",
    "annual_avg_emplvl",
    "total_annual_wages",
    "lq_disclosure_code",
    "lq_annual_avg_estabs",
    "lq_annual_avg_emplvl",
    "lq_total_annual_wages",
    "oty_disclosure_code",
    "oty_annual_avg_emplvl_chg",
)
# All ownerships: the all-industry total (x0); private (own_code 5): the private total (x1) and
# NAICS sectors to 6-digit industries (x4 to x8).
KEEP = {("0", "0"), ("5", "1"), ("5", "4"), ("5", "5"), ("5", "6"), ("5", "7"), ("5", "8")}


def trim(text: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in csv.DictReader(io.StringIO(text)):
        if (row["own_code"], row["agglvl_code"][-1:]) in KEEP:
            writer.writerow([row[name] for name in COLUMNS])
    return out.getvalue()


def main(folder: str) -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    for old in TARGET.glob("*.csv"):
        old.unlink()
    for path in sorted(Path(folder).glob("*-annual-*.csv")):
        TARGET.joinpath(path.name).write_text(trim(path.read_text(encoding="utf-8")), encoding="utf-8")
        print(path.name)


if __name__ == "__main__":
    main(sys.argv[1])
