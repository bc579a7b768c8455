"""Property tests for the readers (separators, decimal marks, encodings, missing markers) and the protocol."""

import asyncio
import csv
import io
import json

from calc_support import EXAMPLES, counted
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from start_calculators import InputError, browser
from start_calculators.inputs import read_table
from start_calculators.numbers import parse_number
from start_calculators.paste import GridColumn, parse_paste

MARKERS = ["", "N/A", "NA", "(D)", "-", "*"]
# A number as (whole part, decimals): decimals are 0, 1 or 2 digits, so no value is ambiguous alone.
numbers = st.tuples(st.integers(0, 10**7), st.sampled_from(["", "5", "25", "75", "05"]))
cells = st.one_of(numbers, st.sampled_from(MARKERS))
names = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"), whitelist_characters=" éñü&-'"),
    min_size=1,
    max_size=12,
).filter(lambda text: text.strip() and text.strip()[0].isalpha())


def render(value, comma, grouped):
    """A (whole, decimals) pair as a spreadsheet in that convention writes it."""
    whole, decimals = value
    digits = f"{whole:,}" if grouped else str(whole)
    if comma:
        digits = digits.replace(",", ".")
    mark = "," if comma else "."
    return digits + (mark + decimals if decimals else "")


def expected(value):
    if isinstance(value, str):
        return None
    whole, decimals = value
    return float(f"{whole}.{decimals}") if decimals else whole


@given(
    st.lists(st.tuples(names, cells, cells), min_size=1, max_size=12, unique_by=lambda row: row[0].strip()),
    st.sampled_from([",", ";", "\t"]),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "text"]),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
@counted("reader_round_trip")
def test_tables_in_any_dialect_read_back_the_same_values(rows, separator, comma, grouped, encoding, newline, title):
    # Decimal commas in a comma-separated file are quoted, as spreadsheets write them; one value with
    # decimals settles which mark the table uses.
    assume(any(not isinstance(c, str) and c[1] for row in rows for c in row[1:]))
    assume(not (comma and grouped and separator == ","))
    if encoding == "cp1252":
        assume(all(name.encode("cp1252", errors="ignore").decode("cp1252") == name for name, _, _ in rows))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator=newline)
    writer.writerow(["industry", "region_employment", "nation_employment"])
    for name, a, b in rows:
        writer.writerow([name, *(c if isinstance(c, str) else render(c, comma, grouped) for c in (a, b))])
    text = ("Employment by industry" + newline + newline if title else "") + out.getvalue()
    data = text if encoding == "text" else text.encode(encoding)
    sheet = read_table(data, "t.csv", required=("industry", "region_employment", "nation_employment"), key="industry")
    assert [record.values["industry"] for record in sheet.records] == [name.strip() for name, _, _ in rows]
    for record, (_, a, b) in zip(sheet.records, rows, strict=True):
        got = [parse_number(record.values[c], blank_ok=True) for c in ("region_employment", "nation_employment")]
        assert got == [expected(a), expected(b)]


@given(st.binary(max_size=400), st.sampled_from(["utf-8", "cp1252", "utf-16"]))
@counted("reader_encodings")
def test_any_bytes_in_any_encoding_give_a_table_or_an_input_error(data, encoding):
    text = data.decode("latin-1")
    for attempt in (text, text.encode(encoding, errors="replace"), data):
        try:
            sheet = read_table(attempt, "x.csv", required=("industry",), key="industry", extra_ok=True)
        except InputError as error:
            assert error.file == "x.csv" and str(error)
            continue
        assert sheet.records


@given(
    st.lists(
        st.lists(st.one_of(names, numbers.map(lambda v: render(v, False, True))), min_size=1, max_size=4),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["tab", "csv"]),
)
@counted("paste_round_trip")
def test_pasted_blocks_come_back_cell_for_cell(grid, form):
    if form == "tab":
        text = "\n".join("\t".join(row) for row in grid)
        assume(all(len(row) > 1 for row in grid[:1]))  # a one-column block has no tab to split on
    else:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(grid)
        text = out.getvalue()
    pasted = parse_paste(text, [GridColumn("industry", "Industry"), GridColumn("jobs", "Jobs", True)])
    rows = grid[1:] if pasted.header is not None else grid
    trimmed = [[cell.strip() for cell in row] for row in rows]
    assert [row + [""] * (len(want) - len(row)) for row, want in zip(pasted.rows, trimmed, strict=True)] == trimmed


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=12,
)


@given(st.one_of(st.text(max_size=60), json_values.map(json.dumps), st.binary(max_size=40)))
@counted("protocol_malformed")
def test_any_message_gets_one_json_answer(message):
    for answer in (browser.call(message), asyncio.run(browser.call_async(message))):
        response = json.loads(answer)
        assert isinstance(response["ok"], bool)
        if not response["ok"]:
            assert response["error"]["message"] and "unexpected" not in response["error"]["message"]


@given(st.text(max_size=200), st.lists(st.text(max_size=6), max_size=4))
@counted("protocol_paste")
def test_parse_paste_answers_any_text(text, columns):
    response = json.loads(
        browser.call(json.dumps({"id": 1, "fn": "parse_paste", "args": {"text": text, "columns": columns}}))
    )
    assert response["id"] == 1
    if response["ok"]:
        assert all(isinstance(cell, str) for row in response["result"]["rows"] for cell in row)
    else:
        assert "unexpected" not in response["error"]["message"]


def test_the_counter_counts_only_examples_that_ran():
    ran = []

    @settings(max_examples=40, database=None)
    @given(st.integers(0, 1000))
    @counted("probe")
    def probe(number):
        assume(number % 3 == 0)
        ran.append(number)

    before = EXAMPLES["by_test"].get("probe", 0)
    probe()
    counted_now = EXAMPLES["by_test"]["probe"] - before
    assert counted_now == len(ran) > 0
    EXAMPLES["total"] -= counted_now  # the probe is not part of the suite's figure
    del EXAMPLES["by_test"]["probe"]
