"""The command line's options: help and examples, --version, conflicts, choices, flags in messages, -, outputs."""

import argparse
import csv
import io
import os
import pty
import subprocess
import sys

import openpyxl
import pytest
from calc_support import SRC
from start_calculators import __version__
from start_calculators.cli_parser import build_parser
from start_calculators.options import BANDS_HELP

LQ_TABLE = "industry,region_employment,nation_employment\nWidgets,5,10\nGadgets,7,20\n"
COMMANDS = ("lq", "growth", "rank", "shift-share", "table", "files", "trend", "lq-change", "counties")


def subcommands():
    parser = build_parser(__version__)
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action.choices


def one_line_error(result):
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert not result.stdout and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_every_command_and_option_has_help_and_examples():
    found = subcommands()
    assert set(found) == set(COMMANDS)
    for name, sub in found.items():
        assert sub.description and sub.epilog.startswith("examples:")
        assert f"start_calculators {name} " in sub.epilog
        for action in sub._actions:
            assert action.help, f"{name} {action.option_strings} has no help text"


def test_version(run_cli):
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"start_calculators {__version__}"


def test_help_shows_examples(run_cli):
    result = run_cli("rank", "--help")
    assert result.returncode == 0 and "examples:" in result.stdout and "--ties avg" in result.stdout


@pytest.mark.parametrize(
    "args, says",
    [
        (["lq", "--sample", "--qcew", "x.csv"], "--qcew: not allowed with --sample"),
        (["lq", "--table", "t.csv", "--sample"], "not allowed with"),
        (["lq"], "lq needs one input: --table FILE, --qcew FILE... or --sample"),
        (["lq", "--sample", "--region-total", "5"], "--region-total goes with --table, not --sample"),
        (["lq", "--table", "t.csv", "--region-total", "5"], "--table needs --region-total and --nation-total"),
        (["lq", "--table", "t.csv", "--region-total", "5", "--nation-total", "9", "--level", "4"], "--level goes with"),
        (["growth", "--start", "5", "--table", "t.csv"], "choose one input"),
        (["growth", "--start", "5"], "give both --start and --end"),
        (["growth", "--sample", "--from", "x.csv"], "--from goes with --qcew, not --sample"),
        (["rank", "--sample", "--key", "name"], "--key goes with --table"),
        (["shift-share", "--qcew", "a.csv", "--nation", "b.csv", "--reference", "c.csv"], "give one"),
        (["shift-share", "--sample", "--nation", "b.csv"], "--nation goes with --qcew, not --sample"),
        (["table", "--sample", "--qcew", "a.csv"], "not allowed with"),
        (["rank", "--sample", "--top", "5"], "--top goes with --highlight top"),
    ],
)
def test_conflicting_or_missing_inputs_exit_2(run_cli, args, says):
    line = one_line_error(run_cli(*args))
    assert says in line and line.startswith(f"start_calculators {args[0]}") and "(see --help)" in line


@pytest.mark.parametrize("level", ["7", "1", "three", "sectors", "03"])
def test_levels_outside_the_documented_choices_exit_2(run_cli, level):
    line = one_line_error(run_cli("lq", "--sample", "--level", level))
    assert "--level: invalid choice" in line and "'sector', '2', '3', '4', '5', '6'" in line


def test_level_2_is_the_sector_level_as_documented(run_cli):
    two = run_cli("lq", "--sample", "--level", "2")
    sector = run_cli("lq", "--sample", "--level", "SECTOR")
    assert two.returncode == 0 and two.stdout == sector.stdout
    assert "31-33" in two.stdout


def test_option_errors_name_the_flag(run_cli, write):
    path = write("t.csv", LQ_TABLE)
    line = one_line_error(run_cli("lq", "--table", path, "--region-total", "lots", "--nation-total", "100"))
    assert line.startswith('--region-total: expected a number, got "lots"') and "column" not in line
    line = one_line_error(run_cli("rank", "--sample", "--weight", "pay"))
    assert line.startswith('--weight: expected NAME=WEIGHT, like pay=2, got "pay"')
    line = one_line_error(run_cli("rank", "--sample", "--top", "2.5", "--highlight", "top"))
    assert line.startswith("--top: expected a whole number")


@pytest.mark.parametrize("bands", ["1,2", "2,1,3", "a,b,c", "0.5,1,2,3", "0,1,2"])
def test_the_bands_message_says_what_the_help_says(run_cli, bands):
    line = one_line_error(run_cli("lq", "--sample", "--bands", bands))
    assert line.startswith(f"--bands: expected {BANDS_HELP}")
    help_text = " ".join(run_cli("lq", "--help").stdout.split())
    assert " ".join(BANDS_HELP.split()) in help_text


def test_dash_reads_standard_input(run_cli):
    result = run_cli("lq", "--table", "-", "--region-total", "100", "--nation-total", "1000", stdin=LQ_TABLE)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.returncode == 0 and [row["industry"] for row in rows] == ["Widgets", "Gadgets"]
    bad = run_cli("lq", "--table", "-", "--region-total", "100", "--nation-total", "1000", stdin="industry\nA\n")
    assert one_line_error(bad).startswith('standard input, row 1, column "region_employment"')


def test_standard_input_can_be_read_only_once(run_cli):
    line = one_line_error(run_cli("growth", "--qcew", "-", "--from", "-", stdin="x"))
    assert "standard input (-) once" in line


def test_notes_go_to_standard_error(run_cli, write):
    path = write("eu.csv", "industry;region_employment;nation_employment\nA;1,5;10\n".encode("cp1252"))
    result = run_cli("lq", "--table", path, "--region-total", "100", "--nation-total", "1000")
    assert result.returncode == 0 and result.stdout.startswith("industry,")
    notes = result.stderr.splitlines()
    assert all(line.startswith("note: ") for line in notes)
    assert any("semicolons" in line for line in notes) and any("decimal comma" in line for line in notes)
    assert list(csv.DictReader(io.StringIO(result.stdout)))[0]["region_employment"] == "1.5"


def test_table_rows_past_the_region_total_exit_2(run_cli, write):
    path = write("t.csv", "industry,region_employment,nation_employment\nA,60,1\nB,50,1\n")
    line = one_line_error(run_cli("lq", "--table", path, "--region-total", "100", "--nation-total", "1000"))
    assert line.endswith(
        't.csv, row 3, column "region_employment": expected rows that add up to at most the stated total (100), '
        "but the rows up to here add up to 110. Check the total, and remove rows that overlap (a sector and its "
        "own subsectors)"
    )


def test_an_xlsx_ranking_table(run_cli, tmp_path):
    book = openpyxl.Workbook()
    for row in (["industry", "jobs"], ["A", 3], ["B", 3], ["C", 1]):
        book.active.append(row)
    book.save(tmp_path / "r.xlsx")
    rows = list(csv.DictReader(io.StringIO(run_cli("rank", "--table", tmp_path / "r.xlsx", "--ties", "avg").stdout)))
    assert [row["rank_jobs"] for row in rows] == ["1.5", "1.5", "3"]


def cli_env():
    return dict(os.environ, PYTHONPATH=str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def test_xlsx_is_refused_on_a_terminal_and_written_elsewhere(tmp_path):
    main, terminal = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "start_calculators", "lq", "--sample", "--format", "xlsx"],
            stdout=terminal,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(),
            timeout=120,
        )
    finally:
        os.close(terminal)
        os.close(main)
    assert done.returncode == 2 and "--output FILE.xlsx" in done.stderr
    piped = subprocess.run(
        [sys.executable, "-m", "start_calculators", "lq", "--sample", "--format", "xlsx"],
        capture_output=True,
        env=cli_env(),
        timeout=120,
    )
    assert piped.returncode == 0 and piped.stdout.startswith(b"PK\x03\x04")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full to simulate a full disk")
def test_a_full_disk_is_reported_alike_for_standard_output_and_output(run_cli):
    with open("/dev/full", "wb") as full:
        to_stdout = subprocess.run(
            [sys.executable, "-m", "start_calculators", "lq", "--sample"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(),
            timeout=120,
        )
    to_file = run_cli("lq", "--sample", "--output", "/dev/full")
    first = one_line_error(to_stdout)
    second = one_line_error(to_file)
    assert first.startswith("standard output: cannot write the result (No space left on device)")
    assert second.startswith("/dev/full: cannot write the result (No space left on device)")
    assert first.split(": ", 1)[1] == second.split(": ", 1)[1]


def test_a_missing_output_folder_is_one_line(run_cli, tmp_path):
    line = one_line_error(run_cli("lq", "--sample", "--output", tmp_path / "nope" / "out.csv"))
    assert "cannot write the result (No such file or directory)" in line


def test_a_closed_pipe_is_quiet(tmp_path):
    reader = subprocess.Popen(["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    done = subprocess.run(
        [sys.executable, "-m", "start_calculators", "trend", "--sample"],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
        timeout=120,
    )
    reader.stdin.close()
    reader.wait(timeout=60)
    assert done.returncode == 0 and done.stderr == ""


def test_shift_share_methods_need_qcew_files(run_cli, write):
    path = write("s.csv", "industry,region_start,region_end,nation_start,nation_end\nA,100,150,1000,1200\n")
    totals = ("--nation-total-start", "10000", "--nation-total-end", "11000")
    line = one_line_error(run_cli("shift-share", "--table", path, *totals, "--method", "dynamic"))
    assert "--method goes with --qcew or --sample, not --table" in line
