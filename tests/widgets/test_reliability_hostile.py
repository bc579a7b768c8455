"""The hostile-input catalog (tests/data/hostile/manifest.json) through each calculator in the browser.

Each case is uploaded as a reader would, after the calculator's own sample: it must end within the
catalog's bound in a result (rows, notes, values as the catalog says) or in Python's message shown
as it is (its location said once, no location added by the page), with the previous table kept and
no main-thread task over 200 ms.
"""

import base64
import json
import time

import pytest
from start_calculators import browser
from support import ROOT, SLOW, results

pytestmark = pytest.mark.browser

HOSTILE = ROOT / "tests" / "data" / "hostile"
MANIFEST = json.loads((HOSTILE / "manifest.json").read_text(encoding="utf-8"))
BOUND_MS = MANIFEST["bound_seconds"] * 1000
LONG_TASK_LIMIT = 200
# calculator -> (page, mode radio to choose or None, the file input's data-role, browser fn)
WAYS_IN = {
    "lq": ("location-quotient", "A table you enter", "upload-table", "lq_table"),
    "growth": ("growth", None, "upload", "growth_table"),
    "rank": ("ranking", None, "upload", "rank"),
    "shift-share": ("shift-share", "A table you enter", "upload-table", "shift_share"),
    "lq-qcew": ("location-quotient", None, "upload", "inspect_region"),
}
# County files go in through the region builder's drop zone, which says what is wrong with them in
# its summary (web/calculators/region/drop.js) and keeps the region in use.
REGION_INPUT = "[data-region-builder] input[type=file][data-role=upload]"
REGION_PROBLEMS = (
    "[data-region-builder] [data-role=files-summary][data-state=held] .region-problems, "
    "[data-region-builder] [data-role=files-summary][data-state=failed]"
)
# Options the catalog names, as the page's fields are labelled.
FIELDS = {
    "region_total": "Region total employment",
    "nation_total": "Nation total employment",
    "nation_total_start": "Nation total employment at the start",
    "nation_total_end": "Nation total employment at the end",
}
OUTCOME = """([errorSelector, expected, count]) => {
    const error = document.querySelector(errorSelector);
    if (error && !error.hidden && error.textContent.trim()) return 'error';
    const rows = [...document.querySelectorAll('table[data-role=results] tbody tr')];
    if (rows.length !== count || rows[0]?.firstElementChild?.dataset.col !== 'industry') return false;
    const byName = new Map(rows.map((row) => [row.querySelector('[data-col=industry]')?.dataset.value, row]));
    const found = expected.every(({ industry, column, value }) => {
        const cell = byName.get(industry)?.querySelector(`[data-col="${column}"]`);
        if (!cell) return false;
        return value === null ? cell.dataset.value === '' : Math.abs(Number(cell.dataset.value) - value) <= 1e-9;
    });
    return found ? 'result' : false;
}"""
# The sample's rows (keyed by a NAICS code or title), not a table of the reader's (keyed by industry).
SAMPLE_SHOWN = """() => {
    const first = document.querySelector('table[data-role=results] tbody tr > *');
    return Boolean(first) && first.dataset.col !== 'industry';
}"""
WATCH_LONG_TASKS = """() => {
    window.__caseLong = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__caseLong.push(e.duration); })
        .observe({ type: 'longtask' });
}"""


def table_now(page):
    """Every cell's raw value, row by row: what 'the previous table stays' compares."""
    return page.evaluate(
        """() => [...document.querySelectorAll('table[data-role=results] tbody tr')]
            .map((row) => [...row.children].map((cell) => cell.dataset.value))"""
    )


def python_answer(case):
    """What the page protocol answers for the case (calc-b's request shape), to compare messages."""
    data = (HOSTILE / case["file"]).read_bytes()
    fn = WAYS_IN[case["calculator"]][3]
    if case["calculator"] == "lq-qcew":
        args = {"files": [{"name": case["file"], "text": data.decode("utf-8")}]}
    else:
        args = {"base64": base64.b64encode(data).decode("ascii"), "name": case["file"], **case["options"]}
    answer = json.loads(browser.call(json.dumps({"id": case["id"], "fn": fn, "args": args})))
    if fn == "inspect_region" and answer["ok"]:  # the region's files: the problem the summary lists
        return {"ok": False, "error": answer["result"]["meta"]["problems"][0]}
    return answer


def prepare(calculators, case):
    """The case's calculator showing its sample (the 'previous table'), its options filled in."""
    name, mode, _, _ = WAYS_IN[case["calculator"]]
    page = calculators.page
    if f"/calculators/{name}/" in page.url:
        root = page.locator(f"[data-calculator={name}]")
        page.evaluate("localStorage.clear()")
        root.locator("[data-action=load-sample]").click()
        root.locator("[data-role=status]").filter(has_text="Ready").wait_for(timeout=SLOW)
        page.wait_for_function(SAMPLE_SHOWN, timeout=SLOW)
    else:
        root = calculators.open(name)
    if mode:
        root.get_by_label(mode).check()
    for option, value in case["options"].items():
        if option == "ties":
            root.get_by_label("Ties").select_option(value)
        else:
            root.get_by_label(FIELDS[option], exact=True).fill(str(value))
    if case["calculator"] == "rank":
        root.get_by_label("Ties").select_option(case["options"].get("ties", "eq"))
        root.get_by_label("Missing values", exact=False).select_option("exclude")  # the protocol's default
    return root


@pytest.mark.parametrize("case", MANIFEST["cases"], ids=[case["id"] for case in MANIFEST["cases"]])
def test_each_hostile_case_ends_in_a_result_or_a_clear_error(calculators, case):
    page = calculators.page
    root = prepare(calculators, case)
    name, _, role, _ = WAYS_IN[case["calculator"]]
    region = case["calculator"] == "lq-qcew"
    error_selector = REGION_PROBLEMS if region else f"[data-calculator={name}] [data-role=error]"
    file_input = page.locator(REGION_INPUT) if region else root.locator(f"input[type=file][data-role={role}]")
    before = table_now(page)
    assert before, "the sample shows first"
    page.evaluate(WATCH_LONG_TASKS)
    started = time.monotonic()
    file_input.set_input_files(HOSTILE / case["file"])
    expect = case["expect"]
    wanted = expect["values"] if expect["ok"] else [{"industry": "\u0000never", "column": "x", "value": 0}]
    rows = expect["rows"] if expect["ok"] else -1
    outcome = page.wait_for_function(OUTCOME, arg=[error_selector, wanted, rows], timeout=BOUND_MS).json_value()
    elapsed = time.monotonic() - started
    assert elapsed * 1000 < BOUND_MS
    answer = python_answer(case)
    if expect["ok"]:
        assert outcome == "result", page.locator(error_selector).inner_text()
        root.locator("[data-role=status]").filter(has_text="Ready").wait_for(timeout=BOUND_MS)
        assert len(results(page, "industry")) == expect["rows"]
        notes = root.locator("[data-role=notes]")
        shown = notes.inner_text() if notes.count() and notes.is_visible() else ""
        for words in expect["notes"]:
            assert words in shown, (words, shown)
    else:
        assert outcome == "error"
        message = answer["error"]["message"]
        text = page.locator(error_selector).inner_text()
        assert message in text, (message, text)
        assert text.count(case["file"]) == message.count(case["file"]) == 1, text  # said once, by Python
        for words in expect["says"] or []:
            assert words in text, (words, text)
        assert table_now(page) == before, "the previous table stays"
        assert file_input.input_value() == ""
    assert max(page.evaluate("window.__caseLong"), default=0) < LONG_TASK_LIMIT
