"""Paths and counters shared by the calculator tests (a distinct name, so no other tests clash)."""

import functools
import os
from pathlib import Path

from hypothesis.errors import UnsatisfiedAssumption

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "calculators" / "src"
TEST_DATA = ROOT / "tests" / "data" / "qcew"
SAMPLE_DATA = SRC / "start_calculators" / "data" / "qcew"
FUZZ = os.environ.get("START_FUZZ", "") not in ("", "0")

EXAMPLES = {"total": 0, "by_test": {}}


def count_example(name):
    """Count one example that ran (call it after any `assume`; or decorate the test with `counted`)."""
    EXAMPLES["total"] += 1
    EXAMPLES["by_test"][name] = EXAMPLES["by_test"].get(name, 0) + 1


def counted(name):
    """Count each example a property test ran, under `name`; examples hypothesis rejected (an
    `assume` that failed, a filter inside the test) are not counted. Put it below `@given`."""

    def wrap(test):
        @functools.wraps(test)
        def run(*args, **kwargs):
            try:
                result = test(*args, **kwargs)
            except UnsatisfiedAssumption:
                raise
            except BaseException:
                count_example(name)  # a failing example ran too
                raise
            count_example(name)
            return result

        return run

    return wrap


def sample_paths():
    return sorted(SAMPLE_DATA.glob("2020-annual-*.csv"))


def us_paths():
    return sorted(TEST_DATA.glob("*US000*.csv"))
