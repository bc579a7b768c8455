"""Never hang, never silent (issue 14, in the browser): the engine answers every message and a dead one is
replaced, big or odd inputs are refused or read with progress and notes, failures show on the page.

Most tests share the warm calculator page (`calculators`); tests that need a fresh engine, a spy
installed before the page's own scripts, or a broken chart library load their own page.
"""

import json
import random
import re

import openpyxl
import pytest
from conftest import assert_clean
from support import (
    SLOW,
    PageLog,
    big_upload_stays_responsive,
    cli,
    follow_link,
    open_calculator,
    results,
    wait_for_results,
)

pytestmark = pytest.mark.browser

# What Python reports while it reads a file: "Reading 2023-annual-39049.csv: 8,000 of 22,985 rows…".
PROGRESS = re.compile(r"Reading 2023-annual-\d{5}\.csv: [\d,.]+( M)? of [\d,.]+( M)? rows…")
LONG_TASK_LIMIT = 200  # ms: the page answers a click or a key within this while it works

# Installed before the page's scripts: keeps each Worker the page makes (the tests post to it, or kill it).
KEEP_WORKERS = """
  const Real = Worker;
  window.__workers = [];
  window.Worker = class extends Real {
    constructor(url, options) { super(url, options); this.__url = String(url); window.__workers.push(this); }
  };
"""
# Counts the bytes the page itself reads from files (File and Blob reads on the main thread).
COUNT_READS = """
  window.__bytesRead = 0;
  for (const name of ['arrayBuffer', 'text', 'bytes']) {
    const real = Blob.prototype[name];
    if (!real) continue;
    Blob.prototype[name] = function (...args) {
      window.__bytesRead += this.size;
      return real.apply(this, args);
    };
  }
"""


def error_text(root):
    error = root.locator("[data-role=error]")
    error.wait_for(state="visible", timeout=SLOW)
    return error.inner_text()


@pytest.fixture(scope="module")
def spied(browser, site_url):
    """One page for the tests that watch the page's workers and file reads (installed before its
    scripts run), checked like every page when the module ends."""
    context = browser.new_context()
    page = context.new_page()
    log = PageLog.of(page)
    page.add_init_script(KEEP_WORKERS)
    page.add_init_script(COUNT_READS)
    open_calculator(page, f"{site_url}calculators/growth/", "growth")
    yield page
    context.close()
    assert_clean(log)


def go(page, site_url, name):
    """The calculator `name` on the spied page, reached by a link as a reader would, nothing remembered."""
    page.evaluate("localStorage.clear()")
    if f"/calculators/{name}/" in page.url:
        follow_link(page, site_url + "calculators/")
    follow_link(page, f"{site_url}calculators/{name}/")
    return wait_for_results(page, name)


# --- The engine --------------------------------------------------------------------------------


def test_online_the_engine_runs_in_a_worker(calculators):
    calculators.open("growth")
    assert calculators.page.evaluate("StartToolkit.runtime.where") == "worker"


def test_the_worker_answers_every_message_even_malformed_ones(spied, site_url):
    page = spied
    go(page, site_url, "growth")
    rng = random.Random(14)
    atoms = [None, True, 0, -1.5, 1e308, "", "x", "rank", "$file", "\u0000", [], {}]

    def junk(depth=0):
        """Random nested JSON; never an "id" at the top, where the answer's id comes from."""
        if depth > 2 or rng.random() < 0.4:
            return rng.choice(atoms)
        if rng.random() < 0.5:
            return [junk(depth + 1) for _ in range(rng.randint(0, 3))]
        keys = ["fn", "args", "files", "type", "$file", "csv", "rows", "base64", "text", "name", *(["id"] * depth)]
        return {rng.choice(keys): junk(depth + 1) for _ in range(rng.randint(0, 4))}

    with_ids = [
        {"type": "call", "id": "m1", "fn": 7},
        {"type": "call", "id": "m2", "fn": "no_such_function"},
        {"type": "call", "id": "m3", "fn": "rank", "args": "not an object"},
        {"type": "call", "id": "m4", "fn": "rank", "args": {"csv": 5}},
        {"type": "call", "id": "m5", "fn": "growth_table", "args": {"csv": {"$file": 0}}, "files": ["not a file"]},
        {"type": "call", "id": "m6", "fn": "lq_table", "args": {"rows": [[1, 2], [3]], "region_total": "x"}},
        {"type": "call", "id": "m7", "fn": "growth_table", "args": {"csv": {"$file": 9, "as": "text"}}},
        {"type": "load", "id": "m8", "packages": ["no-such-package"]},
        *(
            {"type": "call", "id": f"r{n}", "fn": rng.choice(["rank", "growth", "lq_table", "x"]), "args": junk()}
            for n in range(30)
        ),
    ]
    without_ids = [42, "text", None, [], {}, {"type": "call"}, *(junk() for _ in range(10))]
    answers = page.evaluate(
        """async ([withIds, withoutIds]) => {
            const worker = window.__workers.find((w) => w.__url.includes('/assets/web/worker.js'));
            const seen = [];
            worker.addEventListener('message', ({ data }) => {
                if (data.type === 'reply' || data.type === 'loaded') seen.push(data);
            });
            for (const message of [...withIds, ...withoutIds]) worker.postMessage(message);
            const wanted = withIds.length + withoutIds.length;
            for (let waited = 0; seen.length < wanted && waited < 60000; waited += 100) {
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            return seen;
        }""",
        [with_ids, without_ids],
    )
    assert len(answers) == len(with_ids) + len(without_ids)
    by_id = {answer["id"]: answer for answer in answers if answer["id"] is not None}
    assert set(by_id) == {message["id"] for message in with_ids}
    for message in with_ids:
        answer = by_id[message["id"]]
        if message["type"] == "load":
            assert answer["type"] == "loaded" and answer["failed"], answer
            continue
        reply = json.loads(answer["json"])
        assert reply["id"] == message["id"]
        if message["id"].startswith("m"):
            assert reply["ok"] is False and reply["error"]["message"], reply
    assert sum(answer["id"] is None for answer in answers) == len(without_ids)
    # And the engine still answers the page's own calls.
    reply = page.evaluate("StartToolkit.runtime.call('growth', {start: 50, end: 100, years: 5})")
    assert reply["ok"] is True
    names = [column["name"] for column in reply["result"]["columns"]]
    assert reply["result"]["rows"][0][names.index("percent_change")] == pytest.approx(100.0)


def test_a_killed_worker_settles_pending_calls_and_try_again_recovers(spied, site_url):
    page = spied
    root = go(page, site_url, "growth")
    before = results(page, "industry_code")
    page.evaluate("StartToolkit.runtime.silenceLimit = 3000")  # the test does not wait the default 90 s
    reply = page.evaluate(
        """async () => {
            const pending = StartToolkit.runtime.call('sample_region', {as: 'growth'});
            const engines = window.__workers.filter((w) => w.__url.includes('/assets/web/worker.js'));
            for (const worker of engines) worker.terminate();
            return pending;
        }"""
    )
    assert reply["ok"] is False and reply["error"]["kind"] == "engine"
    assert "stopped" in reply["error"]["message"] and "Try again" in reply["error"]["message"]
    status = root.locator("[data-role=status]")
    assert status.get_attribute("data-stage") == "failed"
    assert "The calculator engine stopped" in status.inner_text()
    # A calculation asked for now fails at once, on the page, and the table stays.
    root.locator("[data-action=calculate-single]").click()
    assert "The calculation did not finish" in error_text(root)
    assert results(page, "industry_code") == before
    root.locator("[data-role=status] [data-action=retry]").click()
    status.filter(has_text="Ready").wait_for(timeout=SLOW)
    root.locator("[data-role=error]").wait_for(state="hidden", timeout=SLOW)  # the widget ran again
    assert results(page, "industry_code") == before
    assert page.evaluate("StartToolkit.runtime.where") == "worker"
    assert page.evaluate("window.__workers.filter((w) => w.__url.includes('/assets/web/worker.js')).length") >= 2
    again = page.evaluate("StartToolkit.runtime.call('growth', {start: 50, end: 100, years: 5})")
    assert again["ok"] is True


def test_an_uncaught_error_fails_the_browser_test_that_met_it(page, site_url):
    """The check every browser test ends with (conftest.assert_clean) catches an uncaught error."""
    page.goto(site_url)
    log = PageLog.of(page)
    with page.expect_event("pageerror"):
        page.evaluate("setTimeout(() => { throw new Error('nobody caught this'); }, 0)")
    with page.expect_event("pageerror"):
        page.evaluate("setTimeout(() => Promise.reject(new Error('nor this')), 0)")
    uncaught = log.uncaught()
    assert any("nobody caught this" in error for error in uncaught), uncaught
    assert any("nor this" in error for error in uncaught), uncaught
    with pytest.raises(AssertionError, match="uncaught errors on the page"):
        assert_clean(log)
    log.errors.clear()  # made on purpose: the fixture's own check must pass


# --- Big and odd inputs ------------------------------------------------------------------------


def test_a_table_too_big_is_refused_before_it_is_read(spied, site_url, tmp_path):
    page = spied
    root = go(page, site_url, "ranking")
    before = results(page, "industry_title")
    big = tmp_path / "everything.csv"
    with big.open("w", encoding="utf-8") as out:
        out.write("industry,employment,avg_annual_pay\n")
        line = "".join(f"Industry {n},{n * 7 % 9999},{40000 + n}\n" for n in range(20_000))
        while out.tell() < 50_000_000:
            out.write(line)
    page.evaluate("window.__bytesRead = 0")
    root.locator("input[type=file][data-role=upload]").set_input_files(big)
    message = error_text(root)
    assert "everything.csv: expected a table of at most 1 MB, but this file is 50" in message
    assert "one row per industry" in message and message.count("everything.csv") == 1
    assert page.evaluate("window.__bytesRead") <= 8  # its first bytes, to tell CSV from a workbook
    assert results(page, "industry_title") == before
    assert root.locator("input[type=file][data-role=upload]").input_value() == ""


def test_a_big_upload_shows_progress_and_keeps_the_page_responsive(calculators, tmp_path):
    calculators.open("location-quotient")
    long_tasks, statuses = big_upload_stays_responsive(calculators.page, tmp_path)
    assert any(PROGRESS.match(status) for status in statuses), statuses
    assert max(long_tasks, default=0) < LONG_TASK_LIMIT, long_tasks


def test_an_xlsx_ranking_table_loads_openpyxl_only_when_it_arrives(calculators, tmp_path):
    root = calculators.open("ranking")
    page = calculators.page
    assert not [url for url in page.log.requests if "openpyxl" in url]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Industry table, Columbus"])  # a title row above the header, as people make them
    for row in [["industry", "jobs", "pay"], ["A", 5, 100], ["B", 9, 80], ["C", 9, 120]]:
        sheet.append(row)
    path = tmp_path / "factors.xlsx"
    workbook.save(path)
    root.get_by_label("Ties").select_option("avg")
    root.locator("input[type=file][data-role=upload]").set_input_files(path)
    page.locator("[data-role=source]").filter(has_text="factors.xlsx").wait_for(timeout=SLOW)
    wheels = {url.rsplit("/", 1)[-1] for url in page.log.requests if url.endswith(".whl")}
    assert {"openpyxl-3.1.5-py2.py3-none-any.whl", "et_xmlfile-2.0.0-py3-none-any.whl"} <= wheels
    shown = results(page, "industry")
    expected = cli("rank", "--table", path, "--ties", "avg", "--missing", "last")
    assert {r["industry"]: r["score"] for r in expected} == {k: float(v["score"]) for k, v in shown.items()}
    assert shown["B"]["rank_jobs"] == "1.5"  # RANK.AVG halves


def test_a_latin1_semicolon_table_is_read_and_the_page_says_how(calculators, tmp_path):
    root = calculators.open("growth")
    page = calculators.page
    path = tmp_path / "excel-export.csv"
    path.write_bytes("industry;start;end;years\nCafés;1.000,5;1.210,25;2\nSuppressed;(D);100;1\n".encode("cp1252"))
    root.locator("input[type=file][data-role=upload]").set_input_files(path)
    root.locator("table[data-role=results] tbody th[data-col=industry]").filter(has_text="Cafés").wait_for(timeout=SLOW)
    notes = root.locator("[data-role=notes]").inner_text()
    assert "Windows-1252" in notes and "semicolons" in notes and "decimal comma" in notes
    expected = {r["industry"]: r for r in cli("growth", "--table", path)}
    shown = results(page, "industry")
    assert float(shown["Cafés"]["percent_change"]) == pytest.approx(expected["Cafés"]["percent_change"])
    assert shown["Suppressed"]["percent_change"] == "" and expected["Suppressed"]["percent_change"] is None


def test_a_paste_is_split_by_python_header_row_and_quoted_thousands(calculators):
    root = calculators.open("location-quotient")
    page = calculators.page
    root.get_by_label("A table you enter").check()
    text = 'Industry,Region employment,Nation employment\n"Worked example","1,714","879,213"\nAnother,10,100\n'
    root.locator(".calc-grid input").first.evaluate(
        """(cell, text) => {
            const data = new DataTransfer();
            data.setData('text/plain', text);
            cell.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        text,
    )
    note = root.locator("[data-role=paste-notes]")
    note.filter(has_text="Pasted 2 rows").wait_for(timeout=SLOW)
    assert "header" in note.inner_text()
    cells = [cell.input_value() for cell in root.locator(".calc-grid input").all()[:6]]
    assert cells == ["Worked example", "1,714", "879,213", "Another", "10", "100"]
    root.locator("[data-role=region-total]").fill("79,006")
    root.locator("[data-role=nation-total]").fill("15,593,224")
    root.locator("[data-action=calculate]").click()
    root.locator("table[data-role=results] tbody th[data-col=industry]").filter(has_text="Another").wait_for(
        timeout=SLOW
    )
    assert float(results(page, "industry")["Worked example"]["lq"]) == pytest.approx(0.3847623, abs=5e-8)


def test_half_ranks_show_as_one_and_a_half(calculators):
    root = calculators.open("ranking")
    page = calculators.page
    root.get_by_label("Ties").select_option("avg")
    root.locator("[data-action=calculate]").click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('td[data-col^=rank_]')].some((c) => c.dataset.value.endsWith('.5'))",
        timeout=SLOW,
    )
    halves = page.evaluate(
        "() => [...document.querySelectorAll('td[data-col^=rank]')].filter((c) => c.dataset.value.endsWith('.5'))"
        ".map((c) => [c.dataset.value, c.textContent])"
    )
    assert halves and all(text == value for value, text in halves), halves[:5]


def test_a_long_result_shows_in_steps_of_200_rows(calculators, tmp_path):
    root = calculators.open("ranking")
    page = calculators.page
    path = tmp_path / "many.csv"
    path.write_text("industry,jobs\n" + "".join(f"Industry {n},{n}\n" for n in range(450)), encoding="utf-8")
    root.locator("input[type=file][data-role=upload]").set_input_files(path)
    page.locator("[data-role=source]").filter(has_text="many.csv").wait_for(timeout=SLOW)
    rows = root.locator("table[data-role=results] tbody tr")
    more = root.locator("[data-action=more-rows]")
    assert rows.count() == 200 and more.inner_text() == "Show 200 more rows (200 of 450 shown)"
    more.click()
    assert rows.count() == 400 and more.inner_text() == "Show 50 more rows (400 of 450 shown)"
    more.click()
    assert rows.count() == 450 and more.is_hidden()


# --- Failures of the page's own parts ----------------------------------------------------------


def test_a_failed_chart_and_a_failed_download_say_so_on_the_page(page, site_url):
    # The charts measure their labels on a canvas; make that fail for the page's first drawing.
    page.add_init_script(
        "CanvasRenderingContext2D.prototype.measureText = () => { throw new Error('drawing is blocked here'); };"
    )
    root = open_calculator(page, f"{site_url}calculators/location-quotient/", "location-quotient")
    message = error_text(root)
    assert message.startswith("The chart could not be drawn (drawing is blocked here)") and "results table" in message
    page.evaluate("() => { URL.createObjectURL = () => { throw new Error('downloads are blocked here'); }; }")
    root.locator("[data-role=output] [data-action=download-csv]").click()
    root.locator("[data-role=error]").filter(has_text="The CSV file could not be saved").wait_for(timeout=SLOW)
    assert "downloads are blocked here" in error_text(root) and "Try the download again" in error_text(root)
