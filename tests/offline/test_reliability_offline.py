"""Never hang, never silent, from disk: the offline copy runs Python in a worker made from a Blob, or,
where workers are refused, on the page's main thread; either way a big upload leaves the page
responsive. A table too big is refused; XLSX loads its reader on demand."""

import re

import openpyxl
import pytest
from support import big_upload_stays_responsive, open_calculator, results

pytestmark = pytest.mark.browser

# What Python reports while it reads a file: "Reading 2023-annual-39049.csv: 8,000 of 22,985 rows…".
PROGRESS = re.compile(r"Reading 2023-annual-\d{5}\.csv: [\d,.]+( M)? of [\d,.]+( M)? rows…")
LONG_TASK_LIMIT = 200  # ms, as online


def calculator_from_disk(page, copy, name):
    return open_calculator(page, (copy / "calculators" / f"{name}.html").as_uri(), name)


# Before any page script: a browser that refuses every worker (site.js keeps this as the native one).
REFUSE_WORKERS = """window.Worker = class {
  constructor() { throw new DOMException("workers are refused here", "SecurityError"); }
};"""


@pytest.mark.parametrize("where", ["worker", "page"])
def test_from_disk_a_big_upload_shows_progress_and_keeps_the_page_responsive(page, offline_copy, tmp_path, where):
    if where == "page":
        page.add_init_script(REFUSE_WORKERS)
    calculator_from_disk(page, offline_copy, "location-quotient")
    assert page.evaluate("StartToolkit.runtime.where") == where
    long_tasks, statuses = big_upload_stays_responsive(page, tmp_path)
    assert any(PROGRESS.match(status) for status in statuses), statuses
    assert max(long_tasks, default=0) < LONG_TASK_LIMIT, long_tasks


def test_from_disk_xlsx_loads_its_reader_when_a_workbook_arrives_and_a_big_table_is_refused(
    page, offline_copy, tmp_path
):
    root = calculator_from_disk(page, offline_copy, "ranking")
    assert not [url for url in page.log.requests if "openpyxl" in url]
    workbook = openpyxl.Workbook()
    for row in [["industry", "jobs", "pay"], ["A", 5, 100], ["B", 9, 80]]:
        workbook.active.append(row)
    path = tmp_path / "factors.xlsx"
    workbook.save(path)
    root.locator("input[type=file][data-role=upload]").set_input_files(path)
    page.locator("[data-role=source]").filter(has_text="factors.xlsx").wait_for(timeout=90_000)
    assert set(results(page, "industry")) == {"A", "B"}
    assert [url for url in page.log.requests if url.endswith("openpyxl-3.1.5-py2.py3-none-any.whl.js")]
    big = tmp_path / "huge.csv"
    big.write_text("industry,jobs\n" + "Widgets,1\n" * 200_000, encoding="utf-8")
    root.locator("input[type=file][data-role=upload]").set_input_files(big)
    error = root.locator("[data-role=error]")
    error.wait_for(state="visible", timeout=90_000)
    assert "huge.csv: expected a table of at most 1 MB, but this file is 2 MB" in error.inner_text()
    assert set(results(page, "industry")) == {"A", "B"}
