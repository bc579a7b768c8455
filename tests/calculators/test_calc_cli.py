"""The command line, run as a subprocess: output columns, formats, and bad input (exit 2)."""

import csv
import io
import json

import openpyxl
import pytest
from calc_support import sample_paths, us_paths
from sample_support import msa_paths

LQ_TABLE = 'industry,region_employment,nation_employment\nWidgets,"1,714",879213\nGadgets,500,20000\n'


def header(result):
    assert result.returncode == 0, result.stderr
    return next(csv.reader(io.StringIO(result.stdout)))


def records(result):
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_lq_table(run_cli, write):
    result = run_cli(
        "lq", "--table", write("t.csv", LQ_TABLE), "--region-total", "79,006", "--nation-total", "15593224"
    )
    assert {"industry", "lq", "band", "status"} <= set(header(result))
    first = records(result)[0]
    assert round(float(first["lq"]), 7) == 0.3847623 and first["band"] == "low" and first["status"] == "ok"


QCEW_COLUMNS = {"industry_code", "industry_title", "region_employment", "lq", "lq_low", "lq_high", "status"}


def test_lq_qcew_and_sample_agree(run_cli):
    from_files = run_cli("lq", "--qcew", *msa_paths("2023"))
    assert set(header(from_files)) >= QCEW_COLUMNS
    sample = run_cli("lq", "--sample")
    assert sample.stdout == from_files.stdout
    rows = records(sample)
    assert {row["status"] for row in rows} >= {"ok", "partial", "suppressed"}
    assert all(row["lq"] == "" for row in rows if row["status"] == "suppressed")


def test_lq_qcew_private_base_and_sector_level(run_cli):
    rows = records(run_cli("lq", "--sample", "--base", "private", "--level", "sector"))
    assert {row["industry_code"] for row in rows} >= {"23", "31-33", "44-45", "62"}


def test_growth_values(run_cli):
    rows = records(run_cli("growth", "--start", "50", "--end", "100", "--years", "5", "--min-size", "500"))
    assert {"percent_change", "annualized_percent"} <= set(rows[0])
    assert float(rows[0]["percent_change"]) == pytest.approx(100)
    assert float(rows[0]["annualized_percent"]) == pytest.approx((2**0.2 - 1) * 100)
    assert rows[0]["small_industry"] == "true"


def test_growth_table_and_qcew(run_cli, write):
    table = records(run_cli("growth", "--table", write("g.csv", "industry,start,end\nA,200,250\n")))
    assert float(table[0]["percent_change"]) == pytest.approx(25)
    assert {"percent_change", "annualized_percent"} <= set(header(run_cli("growth", "--qcew", *sample_paths())))
    first, second = us_paths()
    between = records(run_cli("growth", "--qcew", second, "--from", first, "--level", "sector"))
    assert {row["years"] for row in between} == {"5"}


def test_rank_options(run_cli, write):
    path = write("r.csv", "industry,jobs,pay,growth\nA,100,50,1\nB,300,40,-2\nC,200,60,3\n")
    result = run_cli(
        "rank",
        "--table",
        path,
        "--weight",
        "pay=2",
        "--ties",
        "avg",
        "--lower-is-better",
        "growth",
        "--factors",
        "jobs,pay,growth",
        "--highlight",
        "third",
    )
    names = header(result)
    assert names[0] == "industry"
    assert {"rank_jobs", "rank_pay", "rank_growth", "score", "rank"} <= set(names)
    rows = {row["industry"]: row for row in records(result)}
    # jobs: B1 C2 A3; pay: C1 A2 B3; growth (lower better): B1 A2 C3 -> B (1+6+1)/4 = 2.
    assert float(rows["B"]["score"]) == pytest.approx(2.0)


def test_rank_sample(run_cli):
    names = header(run_cli("rank", "--sample"))
    assert names[:2] == ["industry_code", "industry_title"] and "score" in names


def test_shift_share_table(run_cli, write):
    path = write("s.csv", "industry,region_start,region_end,nation_start,nation_end\nA,100,150,1000,1200\n")
    rows = records(
        run_cli("shift-share", "--table", path, "--nation-total-start", "10,000", "--nation-total-end", "11000")
    )
    assert {"industry", "national_effect", "industry_mix_effect", "competitive_effect", "total_change"} <= set(rows[0])
    assert float(rows[0]["competitive_effect"]) == pytest.approx(30)


def test_shift_share_sample_and_reference_files_agree(run_cli):
    sample = records(run_cli("shift-share", "--sample"))
    delaware = [str(p) for p in msa_paths() if "39041" in p.name]
    explicit = run_cli("shift-share", "--qcew", *delaware, "--reference", *map(str, msa_paths()), "--level", "sector")
    assert sample == records(explicit)
    assert sum(row["status"] == "ok" for row in sample) >= 8


def test_industry_table(run_cli):
    names = header(run_cli("table", "--qcew", *sample_paths()))
    assert names[:8] == [
        "industry_code",
        "industry_title",
        "employment",
        "establishments",
        "avg_annual_pay",
        "avg_weekly_wage",
        "prior_employment",
        "growth_percent",
    ]
    assert "lq" in names


def test_json_and_xlsx_formats(run_cli, tmp_path):
    data = json.loads(run_cli("lq", "--sample", "--format", "json").stdout)
    assert data[0]["industry_code"] and isinstance(data[0]["region_employment"], int)
    target = tmp_path / "out.xlsx"
    result = run_cli("lq", "--sample", "--format", "xlsx", "--output", target)
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(target).active
    cells = list(sheet.iter_rows(values_only=True))
    assert cells[0][0] == "industry_code"
    assert cells[1][0] == data[0]["industry_code"] and cells[1][2] == data[0]["region_employment"]
    assert isinstance(cells[1][6], float) and cells[1][6] == data[0]["lq"]


HEAD = "industry,region_employment,nation_employment\n"
TOTALS = ("--region-total", "1000", "--nation-total", "100000")


@pytest.mark.parametrize(
    "content, row, column",
    [
        ("", None, None),  # empty file
        (HEAD, 2, None),  # only a header
        ("industry,region_employment\nA,5\n", 1, "nation_employment"),  # a missing column
        (HEAD.strip() + ",extra\nA,5,6,7\n", 1, "extra"),  # an extra column
        (HEAD + "A,5,6,7\n", 2, None),  # an extra field in a row
        (HEAD + "A,five,6\n", 2, "region_employment"),  # text
        (HEAD + "A,5,6\nB,x7,7\n", 3, "region_employment"),  # text that is not a missing marker
        (HEAD + "A,NaN,6\n", 2, "region_employment"),  # NaN
        (HEAD + "A,5,inf\n", 2, "nation_employment"),  # infinite
        (HEAD + "A,-5,6\n", 2, "region_employment"),  # negative
        (HEAD + "A,5,6\nA,7,8\n", 3, "industry"),  # a duplicate industry
        (HEAD + "A,5000,6\n", 2, "region_employment"),  # above the region total
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", None, None),  # binary garbage
    ],
)
def test_bad_table_input_exits_2_with_one_line(run_cli, write, content, row, column):
    path = write("bad.csv", content)
    result = run_cli("lq", "--table", path, *TOTALS)
    check_one_line_error(result, "bad.csv", row, column)


def check_one_line_error(result, file, row, column):
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert file in lines[0]
    if row is not None:
        assert f"row {row}" in lines[0]
    if column is not None:
        assert f'column "{column}"' in lines[0]
    assert "expected" in lines[0]


def test_bad_total_argument(run_cli, write):
    result = run_cli("lq", "--table", write("t.csv", LQ_TABLE), "--region-total", "(D)", "--nation-total", "5")
    assert result.returncode == 2 and result.stderr.startswith("--region-total: expected")


@pytest.mark.parametrize(
    "content, row, column",
    [
        (HEAD + "A,5,6\n", 1, None),  # a non-QCEW file
        (b"\x00\x01\x02garbage\xff" * 20, None, None),  # binary garbage
        ("", None, None),  # empty
    ],
)
def test_bad_qcew_input_exits_2(run_cli, write, content, row, column):
    result = run_cli("lq", "--qcew", write("county.csv", content))
    check_one_line_error(result, "county.csv", row, column)


def test_qcew_with_only_a_header_and_with_a_short_row(run_cli, write):
    text = sample_paths()[0].read_text(encoding="utf-8")
    lines = text.splitlines()
    check_one_line_error(run_cli("lq", "--qcew", write("h.csv", lines[0] + "\n")), "h.csv", None, None)
    short = "\n".join([lines[0], lines[1], lines[2].rsplit(",", 3)[0]]) + "\n"
    check_one_line_error(run_cli("lq", "--qcew", write("s.csv", short)), "s.csv", 3, None)


def test_qcew_national_file_of_another_year_exits_2(run_cli, write):
    first, second = us_paths()
    other = write("other.csv", second.read_text(encoding="utf-8").replace('"US000"', '"99001"'))
    check_one_line_error(run_cli("lq", "--qcew", first, other), first.name, 2, "year")


def test_missing_file_and_usage_errors_are_one_line(run_cli):
    result = run_cli("lq", "--table", "nope.csv", *TOTALS)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "nope.csv" in result.stderr
    usage = run_cli("rank", "--ties", "sometimes")
    assert usage.returncode == 2 and len(usage.stderr.strip().splitlines()) == 1


# --- Several years, three measures, shift-share methods, reports (calc-a) ---------------------------


def test_lq_measures_and_years(run_cli):
    files = [str(p) for p in msa_paths()]
    for measure in ("establishments", "wages"):
        names = header(run_cli("lq", "--qcew", *files, "--measure", measure))
        assert f"region_{measure}" in names and "lq" in names and "fully_published" in names
    older = records(run_cli("lq", "--qcew", *files, "--year", "2021"))
    assert older == records(run_cli("lq", "--qcew", *map(str, msa_paths("2021"))))
    bad = run_cli("lq", "--qcew", *files, "--measure", "payroll")
    assert bad.returncode == 2 and "--measure" in bad.stderr


def test_growth_over_a_span_and_the_sample(run_cli):
    files = [str(p) for p in msa_paths()]
    rows = records(run_cli("growth", "--qcew", *files, "--from-year", "2021", "--to-year", "2023"))
    assert {row["years"] for row in rows} == {"2"} and "change" in rows[0]
    assert records(run_cli("growth", "--sample")) == records(
        run_cli("growth", "--qcew", *map(str, msa_paths("2020", "2023")))
    )


@pytest.mark.parametrize("method", ["classic", "esteban-marquillas", "dynamic"])
def test_shift_share_methods(run_cli, method):
    rows = records(run_cli("shift-share", "--sample", "--method", method))
    ok = [row for row in rows if row["status"] == "ok"]
    assert len(ok) >= 8
    for row in ok:
        parts = sum(float(row[name] or 0) for name in ("national_effect", "industry_mix_effect", "competitive_effect"))
        parts += float(row.get("allocation_effect") or 0)
        assert parts == pytest.approx(float(row["total_change"]), abs=1e-6)
    assert ("homothetic_employment" in rows[0]) == (method == "esteban-marquillas")


def test_files_trend_lq_change_and_counties_commands(run_cli):
    found = run_cli("files", "--sample")
    assert found.returncode == 0 and "found: 10 counties × 4 years" in found.stderr
    assert len(records(found)) == 40
    trend = records(run_cli("trend", "--sample", "--industries", "622,541"))
    assert [(r["industry_code"], r["year"]) for r in trend][:2] == [("622", "2020"), ("622", "2021")]
    change = records(run_cli("lq-change", "--sample", "--measure", "establishments"))
    assert {"lq_start", "lq_end", "crossing"} <= set(change[0])
    counties = records(run_cli("counties", "--sample"))
    assert len(counties) == 10 and "suppressed" in {row["status"] for row in counties}


def test_about_lines_on_request_and_an_about_sheet(run_cli, tmp_path):
    text = run_cli("lq", "--sample", "--about").stdout
    assert text.startswith("# Result: Location quotients\n") and "# Area: Columbus, OH Metropolitan" in text
    assert "# Vintage: downloaded from BLS in June 2024" in text
    target = tmp_path / "lq.xlsx"
    assert run_cli("lq", "--sample", "--format", "xlsx", "--output", target).returncode == 0
    assert openpyxl.load_workbook(target).sheetnames == ["Results", "About"]
