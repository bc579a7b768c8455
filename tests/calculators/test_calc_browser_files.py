"""browser_files.py: requests whose files travel as bytes beside the JSON give the answers browser.call gives."""

import asyncio
import json

import pytest
from calc_support import SAMPLE_DATA, counted
from hypothesis import given
from hypothesis import strategies as st
from start_calculators import browser, browser_files

TABLE = "industry,start,end,years\nWidgets,1000,1210,2\nCafés,50,100,3\n"


class Buffer:
    """What Pyodide hands over for a JavaScript Uint8Array: an object with to_bytes()."""

    def __init__(self, data: bytes):
        self.data = data

    def to_bytes(self) -> bytes:
        return self.data


def ask(request, buffers=(), progress=None):
    return json.loads(asyncio.run(browser_files.call_async(json.dumps(request), buffers, progress)))


def plain(request):
    return json.loads(browser.call(json.dumps(request)))


@pytest.mark.parametrize("kind", ["base64", "text"])
def test_a_table_file_as_bytes_answers_as_its_text_would(kind):
    data = TABLE.encode("cp1252")  # what Excel on Windows writes: not UTF-8
    placeholder = {"$file": 0, "as": kind, "name": "t.csv"}
    key = "base64" if kind == "base64" else "csv"
    answer = ask({"id": 3, "fn": "growth_table", "args": {key: placeholder, "name": "t.csv"}}, [Buffer(data)])
    assert answer["ok"], answer
    expected = plain({"id": 3, "fn": "growth_table", "args": {"csv": TABLE, "name": "t.csv"}})
    assert answer["result"]["rows"] == expected["result"]["rows"]
    if kind == "base64":  # Python saw the bytes, so it can say how it read them
        assert any("Windows-1252" in note for note in answer["result"]["meta"]["notes"])


def test_qcew_files_and_long_texts_as_bytes_match_the_plain_request():
    paths = sorted(SAMPLE_DATA.glob("2023-annual-*.csv"))[:3]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    files = [
        {"name": path.name, "text": {"$file": i, "as": "text" if i % 2 else "utf-8", "name": path.name}}
        for i, path in enumerate(paths)
    ]
    buffers = [text.encode("utf-8") for text in texts]  # plain bytes are taken too
    answer = ask({"id": "q", "fn": "lq_qcew", "args": {"files": files, "level": "sector"}}, buffers)
    plain_files = [{"name": path.name, "text": text} for path, text in zip(paths, texts, strict=True)]
    expected = plain({"id": "q", "fn": "lq_qcew", "args": {"files": plain_files, "level": "sector"}})
    assert answer == expected


def test_progress_is_reported_while_a_long_file_is_read(monkeypatch):
    monkeypatch.setattr(browser_files.protocol, "YIELD_EVERY", 0)
    rows = "".join(f"Industry {n},{n + 1},{n + 2},1\n" for n in range(12_000))
    reports = []
    request = {"id": 5, "fn": "growth_table", "args": {"base64": {"$file": 0, "as": "base64"}, "name": "big.csv"}}
    answer = ask(request, [("industry,start,end,years\n" + rows).encode()], reports.append)
    assert answer["ok"] and len(answer["result"]["rows"]) == 12_000
    progress = [json.loads(report) for report in reports]
    assert progress and all(report["id"] == 5 and report["type"] == "progress" for report in progress)
    assert progress[-1]["message"].startswith("Reading big.csv: ")


@pytest.mark.parametrize(
    ("request_json", "buffers"),
    [
        ('{"id": 1, "fn": "growth_table", "args": {"csv": {"$file": 4, "as": "text"}}}', [b"x"]),
        ('{"id": 1, "fn": "growth_table", "args": {"csv": {"$file": 0, "as": "pdf"}}}', [b"x"]),
        ('{"id": 1, "fn": "growth_table", "args": {"csv": {"$file": true, "as": "text"}}}', [b"x"]),
        ('{"id": 1, "fn": "growth_table", "args": {"csv": {"$file": 0, "as": "text"}}}', [42]),
        ('{"id": 1, "fn": "growth_table", "args": {"csv": {"$file": 0, "as": "text", "name": "x.csv"}}}', [b"%PDF-1"]),
        ("not json", []),
        (b"\xff\xfe", []),
        ('{"id": 1, "fn": "no_such_thing"}', []),
    ],
)
def test_a_bad_placeholder_or_request_gets_an_answer_not_an_exception(request_json, buffers):
    answer = json.loads(asyncio.run(browser_files.call_async(request_json, buffers)))
    assert answer["ok"] is False and answer["error"]["message"]


# JSON-ish values with file placeholders (good and bad) anywhere, as a broken or hostile page might send.
placeholders = st.fixed_dictionaries(
    {"$file": st.one_of(st.integers(-2, 4), st.text(max_size=3), st.none())},
    optional={"as": st.sampled_from(["text", "utf-8", "base64", "pdf", 3]), "name": st.text(max_size=8)},
)
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4), placeholders
    ),
    max_leaves=12,
)
FNS = ["growth_table", "lq_table", "rank", "shift_share", "lq_qcew", "parse_paste", "nope", None]


@given(
    st.one_of(st.none(), st.integers(), st.text(max_size=5)),
    st.sampled_from(FNS),
    json_values,
    st.lists(st.one_of(st.binary(max_size=200), st.integers(), st.none()), max_size=3),
)
@counted("page_files_malformed")
def test_any_request_and_buffers_get_one_json_answer(request_id, fn, args, buffers):
    """The page's entry point answers whatever arrives: one JSON answer with its id, never an exception."""
    text = json.dumps({"id": request_id, "fn": fn, "args": args})
    answer = json.loads(
        asyncio.run(browser_files.call_async(text, [Buffer(b) if isinstance(b, bytes) else b for b in buffers]))
    )
    assert isinstance(answer["ok"], bool) and answer["id"] == request_id
    assert answer["ok"] or answer["error"]["message"]
