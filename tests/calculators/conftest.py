"""Shared fixtures for the calculator tests, and the hypothesis profile chosen by START_FUZZ.

START_FUZZ unset: a small profile that keeps `make test` fast. START_FUZZ=1: enough examples that
the property suite runs 100,000 or more in total. The total actually run is printed at the end.
"""

import os
import subprocess
import sys

import pytest

# calc_support comes from tests/calculators, a path pytest.ini declares (`pythonpath`); the package
# itself is installed in .venv (requirements.txt: -e ./calculators).
from calc_support import EXAMPLES, FUZZ, SRC
from hypothesis import HealthCheck, settings

# Fourteen property tests (readers, protocol, calculators) share the budget: 14 x 9,000 = 126,000
# examples at most; only examples that ran are counted (see calc_support.counted).
settings.register_profile("small", max_examples=60, deadline=None, database=None)
settings.register_profile(
    "large",
    max_examples=9_000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
settings.load_profile("large" if FUZZ else "small")


def pytest_terminal_summary(terminalreporter):
    if EXAMPLES["by_test"]:
        profile = "large (START_FUZZ=1)" if FUZZ else "small"
        terminalreporter.write_line(
            f"hypothesis examples run: {EXAMPLES['total']:,} in {len(EXAMPLES['by_test'])} "
            f"property tests, profile {profile}"
        )


@pytest.fixture
def run_cli(tmp_path):
    """Run `python -m start_calculators ...` in a subprocess; returns the CompletedProcess."""

    def run(*args, stdin=None):
        env = dict(os.environ, PYTHONPATH=str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        return subprocess.run(
            [sys.executable, "-m", "start_calculators", *map(str, args)],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            input=stdin,
            timeout=120,
        )

    return run


@pytest.fixture
def write(tmp_path):
    """Write a file (text or bytes) into the test's folder and return its path."""

    def make(name, content):
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return path

    return make
