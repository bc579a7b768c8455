"""The instant sample: hooks/prerender.py writes each calculator's sample results into its page.

The table is in the HTML the server sends (no script needed); the engine answers the same
numbers; and the two table renderers (Python at build, JavaScript in the page) write the same
cells, in the same order, with the same text.
"""

import html
import importlib.util
import json
import re
import urllib.request
from pathlib import Path

import pytest
from support import CALCULATORS, INLINE_SCRIPT, SLOW, wait_for_results

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("prerender_hook", ROOT / "hooks" / "prerender.py")
assert _spec and _spec.loader
prerender = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(prerender)

# Every cell of the page's main results table: its tag, data-col, data-value, classes and text,
# and each row's classes; the header's column names and labels.
CELLS = """() => {
    const table = document.querySelector('table[data-role=results]');
    const rows = [...table.tBodies[0].rows].map((tr) => [
        tr.className, tr.hasAttribute('data-partial'),
        ...[...tr.cells].map((c) => [c.tagName, c.dataset.col, c.dataset.value, c.className, c.textContent]),
    ]);
    const head = [...table.tHead.rows[0].cells].map((th) => [th.dataset.col, th.textContent.trim()]);
    return { caption: table.caption.textContent, head, rows };
}"""


def served(site_url, name):
    with urllib.request.urlopen(f"{site_url}calculators/{name}/") as response:
        return response.read().decode("utf-8")


def sample_json(text):
    """The results the page carries in its output panel's data-sample attribute."""
    found = re.search(r"data-sample='([^']*)'", text)
    assert found, "no data-sample on the page"
    return json.loads(html.unescape(found.group(1)))


# --- Without a browser: the numbers as the page writes them -------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.1 + 0.2, "0.30000000000000004"),
        (1.5e-7, "1.5e-7"),
        (1e21, "1e+21"),
        (-0.0, "0"),
        (3.0, "3"),
        (123456.75, "123456.75"),
        (0.000001, "0.000001"),
        (-2.5e-8, "-2.5e-8"),
        (1234, "1234"),
        (1.25e22, "1.25e+22"),
    ],
)
def test_raw_values_are_written_as_javascript_writes_numbers(value, expected):
    assert prerender.js_number(value) == expected


@pytest.mark.parametrize(
    ("value", "form", "expected"),
    [
        (1.005, "decimal2", "1.01"),
        (-0.04, "decimal1", "-0.0"),
        (-1234.5, "currency", "-$1,235"),
        (2.5, "rank", "2.5"),
        (3.0, "rank", "3"),
        (7.25, "percent1", "7.3%"),
        (1234567.891, "integer", "1,234,568"),
        (0.5, "integer", "1"),
        (None, "integer", "—"),
        (0.123456, "decimal4", "0.1235"),
        (12.0, "unknown", "12.00"),
    ],
)
def test_display_follows_the_pages_number_formats(value, form, expected):
    assert prerender.display(value, {"kind": "number", "format": form}) == expected


def test_every_calculator_page_of_the_build_holds_its_sample_table(built_site):
    for name in CALCULATORS:
        text = (built_site / "calculators" / name / "index.html").read_text(encoding="utf-8")
        views = sample_json(text)
        rows = len(views["main"]["result"]["rows"])
        table = re.search(r'<table class="calc-results" data-role="results">.*?</table>', text, re.S)
        assert table, name
        assert table.group(0).count("<tr") == rows + 1, name  # the header row and one per industry
        assert "Columbus, OH" in text, name
        # No inline script (only Material's own JSON configuration): the data rides in an attribute.
        assert not INLINE_SCRIPT.search(text), name


# --- In Chromium --------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("name", CALCULATORS)
def test_the_sample_shows_with_javascript_off(new_context, site_url, name):
    """What a reader without scripts, a printer or a search engine gets: the sample's table, its
    source line and its settings, straight from the HTML."""
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"{site_url}calculators/{name}/")
    table = page.locator("table[data-role=results]")
    assert table.is_visible()
    expected = len(sample_json(served(site_url, name))["main"]["result"]["rows"])
    assert table.locator("tbody tr").count() == expected
    assert "Columbus" in page.locator("[data-role=source]").first.inner_text()
    about = page.locator("[data-role=about]").first.inner_text()
    for label in ("Area", "Counties (FIPS)", "Years", "Vintage", "Industry level"):
        assert label in about, (name, label)


@pytest.mark.browser
@pytest.mark.parametrize("name", CALCULATORS)
def test_the_page_adopts_the_table_and_the_engine_agrees(calculators, site_url, new_context, name):
    text = served(site_url, name)
    views = sample_json(text)
    still = new_context(java_script_enabled=False).new_page()
    still.goto(f"{site_url}calculators/{name}/")
    written = still.evaluate(CELLS)

    root = calculators.open(name)
    page = calculators.page
    output = root.locator("[data-role=output]")
    assert output.get_attribute("data-shown") == "prerendered"
    assert page.evaluate(CELLS) == written, "the widget did not keep the table it was given"

    # Sort by the first column, then back to the sample: the page's own renderer draws it now.
    root.locator("table[data-role=results] thead button").first.click()
    root.locator("[data-action=load-sample]").click()
    page.wait_for_function(
        "(n) => document.querySelectorAll('table[data-role=results] tbody tr').length === n",
        arg=len(views["main"]["result"]["rows"]),
        timeout=SLOW,
    )
    drawn = page.evaluate(CELLS)
    assert drawn["head"] == written["head"]
    assert drawn["caption"] == written["caption"]
    for mine, theirs in zip(drawn["rows"], written["rows"], strict=True):
        assert mine == theirs

    # The engine in the page computes the very numbers the build wrote.
    for view, (fn, args) in prerender.VIEWS[name].items():
        reply = page.evaluate("([fn, args]) => StartToolkit.runtime.call(fn, args)", [fn, args])
        assert reply["ok"], reply
        assert reply["result"] == views[view]["result"], view
    if name == "ranking":
        args = prerender.rank_args(views["input"]["result"])
        reply = page.evaluate("(args) => StartToolkit.runtime.call('rank', args)", args)
        assert reply["result"] == views["main"]["result"]


@pytest.mark.browser
def test_the_sample_is_in_the_page_before_any_script_runs(new_context, site_url):
    """A MutationObserver installed before the page's scripts sees the first results row while the
    HTML is still being parsed: the parser put it there, not a script (widgets mount once the
    document is parsed)."""
    context = new_context()
    context.add_init_script("""
        new MutationObserver((_, observer) => {
            if (document.querySelector('table[data-role=results] tbody tr')) {
                window.__rowWhileParsing = document.readyState === 'loading';
                observer.disconnect();
            }
        }).observe(document, { childList: true, subtree: true });
    """)
    page = context.new_page()
    page.goto(f"{site_url}calculators/location-quotient/")
    wait_for_results(page, "location-quotient")
    assert page.evaluate("window.__rowWhileParsing") is True
