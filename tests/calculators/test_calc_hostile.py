"""The hostile-input catalog (tests/data/hostile/manifest.json) through the command line and the page protocol.

Every case must end, within the manifest's bound, in a result (row count, notes, values) or in one
clear error naming its location once (file, row, column), saying what was expected and what to do.
"""

import base64
import csv
import io
import json
import math
import time

import pytest
from calc_support import ROOT
from start_calculators import browser
from start_calculators.cli import main

HOSTILE = ROOT / "tests" / "data" / "hostile"
MANIFEST = json.loads((HOSTILE / "manifest.json").read_text(encoding="utf-8"))
CASES = MANIFEST["cases"]
BOUND = MANIFEST["bound_seconds"]
FUNCTIONS = {"lq": "lq_table", "growth": "growth_table", "rank": "rank", "shift-share": "shift_share"}


def by_id(cases):
    return pytest.mark.parametrize("case", cases, ids=[case["id"] for case in cases])


def cli_args(case):
    path = str(HOSTILE / case["file"])
    args = ["lq", "--qcew", path] if case["calculator"] == "lq-qcew" else [case["calculator"], "--table", path]
    for name, value in case["options"].items():
        args += ["--" + name.replace("_", "-"), str(value)]
    return args


class Ran:
    """What a command-line run left: exit code, standard output and standard error."""

    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def run_in_process(args, monkeypatch):
    """The CLI's main() with its streams captured: the same code path as `python -m`, without a new interpreter."""
    out, err = io.BytesIO(), io.StringIO()
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(out, encoding="utf-8"))
    monkeypatch.setattr("sys.stderr", err)
    try:
        code = main(args)
    except SystemExit as done:
        code = done.code
    return Ran(code, out.getvalue().decode("utf-8"), err.getvalue())


def request(case):
    data = (HOSTILE / case["file"]).read_bytes()
    if case["calculator"] == "lq-qcew":
        args = {"files": [{"name": case["file"], "text": data.decode("utf-8")}]}
        return {"id": case["id"], "fn": "lq_qcew", "args": args}
    args = {"base64": base64.b64encode(data).decode("ascii"), "name": case["file"], **case["options"]}
    return {"id": case["id"], "fn": FUNCTIONS[case["calculator"]], "args": args}


def same(got, want):
    if want is None:
        return got in (None, "")
    return math.isclose(float(got), float(want), rel_tol=1e-9, abs_tol=1e-12)


def check_values(records, expect, key="industry"):
    assert len(records) == expect["rows"]
    # A CSV download guards text that a spreadsheet would run as a formula with a leading '.
    rows = {str(record[key]).removeprefix("'"): record for record in records}
    for item in expect["values"]:
        got = rows[item["industry"]][item["column"]]
        assert same(got, item["value"]), (item, got)


def test_a_case_runs_the_same_in_a_new_interpreter(run_cli, monkeypatch):
    for case in (CASES[0], next(case for case in CASES if not case["expect"]["ok"])):
        alone = run_cli(*cli_args(case))
        inside = run_in_process(cli_args(case), monkeypatch)
        assert (alone.returncode, alone.stdout, alone.stderr) == (inside.returncode, inside.stdout, inside.stderr)


def test_the_catalog_is_whole():
    assert len(CASES) >= 40
    for case in CASES:
        assert (HOSTILE / case["file"]).is_file(), case["file"]
        assert case["calculator"] in (*FUNCTIONS, "lq-qcew")
    assert {case["expect"]["ok"] for case in CASES} == {True, False}


@by_id(CASES)
def test_through_the_command_line(case, monkeypatch):
    started = time.monotonic()
    result = run_in_process(cli_args(case), monkeypatch)
    assert time.monotonic() - started < BOUND
    expect = case["expect"]
    if expect["ok"]:
        assert result.returncode == 0, result.stderr
        check_values(list(csv.DictReader(io.StringIO(result.stdout))), expect)
        notes = [line for line in result.stderr.splitlines() if line.startswith("note: ")]
        assert len(notes) == len(result.stderr.splitlines())
        for words in expect["notes"]:
            assert any(words in note for note in notes), (words, notes)
        return
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.count(case["file"]) == 1, line
    if expect["row"] is not None:
        assert f", row {expect['row']}" in line and line.count(", row ") == 1, line
    if expect["column"] is not None:
        assert line.count(f'column "{expect["column"]}"') == 1, line
    for words in expect["says"]:
        assert words in line, (words, line)
    assert "expected" in line or "cannot" in line
    if expect["hint"]:
        assert ". " in line.split(": ", 1)[1], line


@by_id(CASES)
def test_through_the_page_protocol(case):
    started = time.monotonic()
    response = json.loads(browser.call(json.dumps(request(case))))
    assert time.monotonic() - started < BOUND
    assert response["id"] == case["id"]
    expect = case["expect"]
    if expect["ok"]:
        assert response["ok"], response.get("error")
        table = response["result"]
        names = [column["name"] for column in table["columns"]]
        check_values([dict(zip(names, row, strict=True)) for row in table["rows"]], expect)
        notes = " | ".join(table["meta"].get("notes", []))
        for words in expect["notes"]:
            assert words in notes, (words, notes)
        return
    assert response["ok"] is False
    error = response["error"]
    assert error["message"].count(case["file"]) == 1 and error["file"] == case["file"]
    assert (error["row"], error["column"] if expect["column"] else None) == (expect["row"], expect["column"])
    if expect["column"] is not None:
        assert error["label"] and error["message"].count(f'column "{error["label"]}"') == 1
    for words in expect["says"]:
        assert words in error["message"], (words, error["message"])
    assert "unexpected" not in error["message"]
    if expect["hint"]:
        assert error["hint"] and error["message"].endswith(error["hint"][1:])
