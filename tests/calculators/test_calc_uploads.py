"""uploads.py: what a page checks before reading a chosen file (size limits, format), as browser.call answers it."""

import base64
import json

import pytest
from start_calculators import browser
from start_calculators.uploads import QCEW_FILE_LIMIT, QCEW_TOTAL_LIMIT, TABLE_LIMIT, size_text

XLSX_HEAD = base64.b64encode(b"PK\x03\x04\x14\x00").decode()
CSV_HEAD = base64.b64encode(b"industry").decode()


def check(files, use, **extra):
    return json.loads(
        browser.call(json.dumps({"id": 7, "fn": "check_uploads", "args": {"files": files, "use": use, **extra}}))
    )


def test_a_table_within_the_limit_may_be_read():
    answer = check([{"name": "table.csv", "size": TABLE_LIMIT, "head": CSV_HEAD}], "table")
    assert answer == {"id": 7, "ok": True, "result": {"packages": []}}


def test_a_table_over_the_limit_is_refused_naming_file_size_and_limit_once():
    answer = check([{"name": "big.csv", "size": 52_400_000}], "table")
    assert answer["ok"] is False
    error = answer["error"]
    assert error["file"] == "big.csv" and error["kind"] == "file"
    assert error["message"].startswith("big.csv: expected a table of at most 1 MB, but this file is 52.4 MB.")
    assert error["message"].count("big.csv") == 1
    assert "one row per industry" in error["message"]


def test_a_workbook_asks_for_openpyxl_only_when_it_cannot_be_imported(monkeypatch):
    from start_calculators import uploads

    assert check([{"name": "t.xlsx", "size": 900, "head": XLSX_HEAD}], "table")["result"] == {"packages": []}
    monkeypatch.setattr(uploads, "openpyxl_available", lambda: False)
    named_by_bytes = {"name": "table", "size": 900, "head": XLSX_HEAD}
    assert check([named_by_bytes], "table")["result"] == {"packages": ["openpyxl"]}
    refused = check([named_by_bytes], "table", xlsx_loaded=True)
    assert refused["ok"] is False
    assert refused["error"]["message"].startswith("table: expected a CSV file: XLSX workbooks cannot be read here")
    assert "CSV UTF-8" in refused["error"]["message"]


def test_qcew_files_are_csv_area_files_within_the_limits():
    assert check([{"name": "2023.q1-q4 39049.csv", "size": 900_000, "head": CSV_HEAD}], "qcew")["ok"] is True
    workbook = check([{"name": "county.xlsx", "size": 900}], "qcew")["error"]
    assert workbook["message"].startswith("county.xlsx: expected a BLS QCEW CSV file, but this is an Excel workbook")
    single = check([{"name": "2023.annual.singlefile.csv", "size": 520_000_000}], "qcew")["error"]
    assert f"at most {size_text(QCEW_FILE_LIMIT)}, but this file is 520 MB" in single["message"]
    many = [{"name": f"{n}.csv", "size": QCEW_FILE_LIMIT} for n in range(QCEW_TOTAL_LIMIT // QCEW_FILE_LIMIT + 1)]
    total = check(many, "qcew")["error"]
    assert total["message"].startswith(f"County files: expected files of at most {size_text(QCEW_TOTAL_LIMIT)} in all")


def test_a_zip_archive_is_refused_with_what_to_do():
    error = check([{"name": "2019_annual_by_area.zip", "size": 90_000_000, "head": XLSX_HEAD}], "qcew")["error"]
    assert error["message"] == (
        "2019_annual_by_area.zip: expected a CSV file, but this is a zip archive. "
        "Unzip it first, then choose the CSV files it holds"
    )


@pytest.mark.parametrize(
    "args",
    [
        {"files": "x", "use": "table"},
        {"files": [{"name": "a.csv"}], "use": "table"},
        {"files": [{"name": "a.csv", "size": -1}], "use": "table"},
        {"files": [{"name": "a.csv", "size": True}], "use": "table"},
        {"files": [{"name": "a.csv", "size": 3, "head": "@@"}], "use": "table"},
        {"files": [], "use": "spreadsheet"},
        {"files": [7], "use": "qcew"},
    ],
)
def test_malformed_checks_get_an_answer_not_an_exception(args):
    answer = json.loads(browser.call(json.dumps({"id": 1, "fn": "check_uploads", "args": args})))
    assert answer["ok"] is False and answer["error"]["message"]


@pytest.mark.parametrize(
    ("size", "text"),
    [(97, "97 bytes"), (1000, "1 kB"), (812_400, "812 kB"), (1_000_000, "1 MB"), (52_449_999, "52.4 MB")],
)
def test_sizes_read_as_a_file_manager_says_them(size, text):
    assert size_text(size) == text
