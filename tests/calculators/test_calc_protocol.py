"""The widgets' protocol: every request answered, progress from call_async, paste, base64 inputs, notes."""

import asyncio
import base64
import io
import json
import time

import openpyxl
import pytest
from start_calculators import browser, protocol
from start_calculators.progress import Progress
from start_calculators.sheets import PROGRESS_EVERY


def ask(fn, **args):
    response = json.loads(browser.call(json.dumps({"id": "p1", "fn": fn, "args": args})))
    assert response["id"] == "p1"
    return response


def ask_async(fn, on_progress=None, **args):
    text = asyncio.run(browser.call_async(json.dumps({"id": 9, "fn": fn, "args": args}), on_progress))
    return json.loads(text)


def test_call_async_answers_like_call():
    args = {
        "csv": "industry,region_employment,nation_employment\nA,10,100\n",
        "region_total": 100,
        "nation_total": 1000,
    }
    sync = ask("lq_table", **args)
    later = ask_async("lq_table", **args)
    assert later["id"] == 9 and later["ok"] and later["result"] == sync["result"]


def test_call_async_hands_control_back_and_reports_progress(monkeypatch):
    def slow(args):
        for done in range(1, 6):
            deadline = time.monotonic() + 0.02
            while time.monotonic() < deadline:  # work, not a sleep: the driver must interleave
                pass
            yield Progress("big.csv", done * 1000, 5000)
        return {"done": True}

    monkeypatch.setitem(browser.FUNCTIONS, "slow", slow)
    monkeypatch.setattr(protocol, "YIELD_EVERY", 0.01)
    reports, ticks = [], []

    async def main():
        async def ticker():
            while True:
                ticks.append(time.monotonic())
                await asyncio.sleep(0)

        other = asyncio.ensure_future(ticker())
        answer = await browser.call_async(json.dumps({"id": 1, "fn": "slow"}), reports.append)
        other.cancel()
        return json.loads(answer)

    answer = asyncio.run(main())
    assert answer == {"id": 1, "ok": True, "result": {"done": True}}
    assert len(ticks) >= 3, "the event loop never ran while Python worked"
    first = json.loads(reports[0])
    assert first["type"] == "progress" and first["id"] == 1 and first["file"] == "big.csv"
    assert first["message"].startswith("Reading big.csv:") and "of 5,000 rows" in first["message"]


def test_a_failing_progress_callback_does_not_stop_the_work(monkeypatch):
    def steps(args):
        yield Progress("x.csv", 1, 2)
        return 5

    def broken(_):
        raise RuntimeError("page gone")

    monkeypatch.setitem(browser.FUNCTIONS, "steps", steps)
    monkeypatch.setattr(protocol, "YIELD_EVERY", 0)
    assert ask_async("steps", broken) == {"id": 9, "ok": True, "result": 5}


@pytest.mark.parametrize(
    "request_text",
    [
        "not json",
        "",
        "[]",
        "null",
        "42",
        '"text"',
        '{"fn": "nope"}',
        '{"fn": 5}',
        '{"id": 3}',
        '{"fn": "lq_table", "args": 5}',
        '{"fn": "lq_table", "args": []}',
        "[" * 100_000,
    ],
)
def test_malformed_messages_get_ok_false_from_both_drivers(request_text):
    for answer in (browser.call(request_text), asyncio.run(browser.call_async(request_text))):
        response = json.loads(answer)
        assert response["ok"] is False and response["error"]["message"]
        assert set(response["error"]) >= {"message", "file", "row", "column", "kind", "hint"}


def test_non_text_requests_are_answered():
    assert json.loads(browser.call(None))["ok"] is False
    assert json.loads(browser.call(b'{"id": 1, "fn": "capabilities"}'))["ok"] is True


def test_an_exception_inside_a_generator_entry_point_is_answered(monkeypatch):
    def broken(args):
        yield Progress("x.csv", 1, 2)
        raise KeyError("boom")

    monkeypatch.setitem(browser.FUNCTIONS, "broken", broken)
    for response in (ask("broken"), ask_async("broken")):
        assert response["ok"] is False and "unexpected problem (KeyError)" in response["error"]["message"]
        assert "boom" not in response["error"]["message"]


def test_a_result_that_cannot_be_sent_is_answered(monkeypatch):
    monkeypatch.setitem(browser.FUNCTIONS, "nan", lambda args: {"value": float("nan")})
    response = ask("nan")
    assert response["ok"] is False and "cannot send" in response["error"]["message"]


def test_errors_carry_location_once_with_label_and_hint():
    response = ask(
        "lq_table",
        csv="industry,region_employment,nation_employment\nA,lots,100\n",
        name="x.csv",
        region_total=100,
        nation_total=1000,
    )
    error = response["error"]
    assert error["message"].count("x.csv") == 1 and error["message"].count("row 2") == 1
    assert error["where"] == 'x.csv, row 2, column "Region employment"'
    assert (error["kind"], error["column"], error["label"]) == ("cell", "region_employment", "Region employment")
    assert error["hint"] and error["message"].endswith(error["hint"][1:])


def test_option_errors_use_the_field_label_on_the_page():
    response = ask(
        "lq_table", rows=[{"industry": "A", "region_employment": 1, "nation_employment": 2}], region_total="x"
    )
    error = response["error"]
    assert error["kind"] == "option" and error["column"] == "region_total"
    assert error["message"].startswith("Region total employment: expected")


def test_a_table_uploaded_as_bytes_is_decoded_with_a_note():
    data = "industry;region_employment;nation_employment\nCafés;1,5;10\n".encode("cp1252")
    table = ask("lq_table", base64=base64.b64encode(data).decode(), name="eu.csv", region_total=100, nation_total=1000)[
        "result"
    ]
    assert table["rows"][0][0] == "Cafés" and table["rows"][0][1] == 1.5
    notes = " ".join(table["meta"]["notes"])
    assert "Windows-1252" in notes and "semicolons" in notes and "decimal comma" in notes


def test_rank_accepts_an_xlsx_upload():
    book = openpyxl.Workbook()
    for row in (["industry", "jobs", "pay"], ["A", 5, 1], ["B", 5, 2], ["C", 1, 3]):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    result = ask("rank", base64=base64.b64encode(buffer.getvalue()).decode(), name="r.xlsx", ties="avg")["result"]
    names = [column["name"] for column in result["columns"]]
    formats = {column["name"]: column["format"] for column in result["columns"]}
    rows = [dict(zip(names, row, strict=True)) for row in result["rows"]]
    assert [row["rank_jobs"] for row in rows] == [1.5, 1.5, 3]
    assert formats["rank_jobs"] == "rank" and formats["rank"] == "rank"


def test_rank_marks_rows_resting_on_partly_suppressed_data():
    table = {
        "columns": ["industry", "employment", "lq", "status"],
        "rows": [["A", 100, 1.2, "ok"], ["B", 50, 0.8, "partial"], ["C", 70, 1.0, "ok"]],
    }
    result = ask("rank", table=table)["result"]
    names = [column["name"] for column in result["columns"]]
    rows = [dict(zip(names, row, strict=True)) for row in result["rows"]]
    assert [row["partial_data"] for row in rows] == [False, True, False]
    assert "partly suppressed" in rows[1]["note"] and result["meta"]["partial_rows"] == 1
    flagged = {"columns": ["industry", "jobs", "fully_published"], "rows": [["A", 1, True], ["B", 2, False]]}
    rows = ask("rank", table=flagged)["result"]["rows"]
    assert [row[-3] for row in rows] == [False, True]


def test_lq_table_rows_past_the_region_total_are_refused():
    rows = [{"industry": n, "region_employment": 60, "nation_employment": 1} for n in "AB"]
    error = ask("lq_table", rows=rows, region_total=100, nation_total=1000)["error"]
    assert (error["row"], error["column"]) == (2, "region_employment") and "at most the stated total" in error[
        "message"
    ]


def test_bands_message_agrees_with_the_help():
    for bad in ("0.8,1.2", "2,1,3", "a,b,c", [1, 2]):
        error = ask("bands", bands=bad)["error"]
        assert "three band limits in increasing order" in error["message"]
    assert ask("bands", bands="0.8,1.2,2.5")["result"]["bands"][0] == [0.8, "average"]


def test_parse_paste_keeps_quoted_numbers_and_skips_a_header():
    columns = [
        {"name": "industry", "label": "Industry"},
        {"name": "region_employment", "label": "Region employment", "numeric": True},
        {"name": "nation_employment", "label": "Nation employment", "numeric": True},
    ]
    result = ask(
        "parse_paste", text='Industry,Region employment,Nation employment\nWidgets,"1,714",879213\n', columns=columns
    )
    pasted = result["result"]
    assert pasted["rows"] == [["Widgets", "1,714", "879213"]]
    assert pasted["header"] and pasted["aligned"] and pasted["separator"] == "comma"
    reordered = ask("parse_paste", text="nation_employment\tindustry\n5\tA\n", columns=columns)["result"]
    assert reordered["rows"] == [["A", "", "5"]] and reordered["columns"] == [c["name"] for c in columns]
    plain = ask("parse_paste", text="A\t1\t2\nB\t3\t4", columns=columns)["result"]
    assert plain["header"] is None and plain["rows"] == [["A", "1", "2"], ["B", "3", "4"]]


def test_parse_paste_header_without_known_names_and_missing_markers():
    result = ask("parse_paste", text="Sector\tJobs\tPay\nMining\t5\t6\n")["result"]
    assert result["header"] == ["Sector", "Jobs", "Pay"] and not result["aligned"]
    kept = ask("parse_paste", text="Mining\tN/A\tN/A\nFarming\t5\t6\n")["result"]
    assert kept["header"] is None and len(kept["rows"]) == 2


def test_capabilities():
    result = ask("capabilities")["result"]
    assert result["xlsx"] is True and result["max_rows"] >= 100_000


def test_a_big_ranking_upload_reports_reading_and_ranking(monkeypatch):
    monkeypatch.setattr(protocol, "YIELD_EVERY", 0)
    text = "industry,jobs,pay\n" + "".join(f"i{n},{n},{n % 97}\n" for n in range(12_000))
    reports = []
    response = ask_async("rank", reports.append, csv=text, name="big.csv")
    assert response["ok"] and len(response["result"]["rows"]) == 12_000
    stages = {json.loads(report)["stage"] for report in reports}
    assert "reading" in stages and any(stage.startswith("ranking") for stage in stages)
    messages = [json.loads(report)["message"] for report in reports]
    assert f"Ranking (jobs) big.csv: {3 * PROGRESS_EVERY:,} of 12,000 rows…" in messages


def test_a_shift_share_table_offers_the_classic_split_only():
    rows = [{"industry": "A", "region_start": 100, "region_end": 150, "nation_start": 1000, "nation_end": 1200}]
    args = {"rows": rows, "nation_total_start": 10000, "nation_total_end": 11000}
    assert ask("shift_share", **args, method="classic")["ok"]
    error = ask("shift_share", **args, method="dynamic")["error"]
    assert error["column"] == "method" and error["message"].startswith("Method: ")


def test_background_work_steps_aside_while_another_request_is_answered():
    """A background request (warm_sample) takes no step while another request is being answered."""
    seen = []  # for each background step: how many other requests were being answered

    def warming(args):
        for step in range(30):
            seen.append(protocol._foreground[0])
            time.sleep(protocol.YIELD_EVERY / 4)  # it hands control back every few steps
            yield Progress("sample", step)
        return {"steps": 30}

    def reader(args):
        for step in range(4):
            time.sleep(protocol.YIELD_EVERY)  # long steps: it hands control back after each
            yield Progress("upload", step)
        return {"steps": 4}

    functions = {"warm_sample": warming, "reader": reader}
    finished = []

    async def run(fn):
        answer = json.loads(await protocol.answer_async(functions, {"id": fn, "fn": fn, "args": {}}))
        assert answer["ok"], answer
        finished.append(fn)

    async def both():
        warm = asyncio.ensure_future(run("warm_sample"))
        await asyncio.sleep(0)  # the background work has begun
        await run("reader")
        await warm

    asyncio.run(both())
    assert finished == ["reader", "warm_sample"]
    assert len(seen) == 30 and set(seen) == {0}
    assert protocol._foreground == [0]
