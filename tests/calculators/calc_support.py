"""Paths and counters shared by the calculator tests (a distinct name, so no other tests clash)."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "calculators" / "src"
TEST_DATA = ROOT / "tests" / "data" / "qcew"
SAMPLE_DATA = SRC / "start_calculators" / "data" / "qcew"
FUZZ = os.environ.get("START_FUZZ", "") not in ("", "0")

EXAMPLES = {"total": 0, "by_test": {}}


def count_example(name):
    """Called once per hypothesis example, so the session can report what really ran."""
    EXAMPLES["total"] += 1
    EXAMPLES["by_test"][name] = EXAMPLES["by_test"].get(name, 0) + 1


def sample_paths():
    return sorted(SAMPLE_DATA.glob("2020-annual-*.csv"))


def us_paths():
    return sorted(TEST_DATA.glob("*US000*.csv"))
