"""Paths and raw-row helpers for the tests of the Columbus MSA sample (read with the csv module, not the package)."""

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "calculators" / "src" / "start_calculators" / "data" / "qcew"
TEST_DATA = ROOT / "tests" / "data" / "qcew"
COUNTIES = ("39041", "39045", "39049", "39073", "39089", "39097", "39117", "39127", "39129", "39159")
YEARS = ("2020", "2021", "2022", "2023")


def msa_paths(*years: str) -> list[Path]:
    """The sample's county files of the years given (all four when none)."""
    return sorted(path for year in (years or YEARS) for path in SAMPLE.glob(f"{year}-annual-*.csv"))


def files_of(paths):
    return [(path.name, path.read_bytes()) for path in paths]


def raw_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def private_rows(path, agglvl_end):
    return [r for r in raw_rows(path) if r["own_code"] == "5" and r["agglvl_code"].endswith(agglvl_end)]


def by_code(table):
    return {record["industry_code"]: record for record in table.records()}


def us_quarter_paths():
    return sorted(TEST_DATA.glob("*-q1-US000.csv"))
