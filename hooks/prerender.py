"""MkDocs hook: the sample's results written into each calculator page at build time.

Each calculator page holds `<div class="start-calculator" data-calculator="NAME">`. This hook runs
that calculator on the sample with the same Python package and the same entry points the page's
engine uses (start_calculators.browser), with the widget's default settings, and writes into that
element what the widget would draw: the source line, the settings behind the result (Python's
about lines), the suppression summary, the sorting rule and the results table, as real HTML with
the same `data-col`/`data-value` cells. So the sample shows with no wait, without JavaScript, in
print and in search. The results themselves ride along as JSON in the panel's `data-sample`
attribute (not a <script>: instant navigation would run it as code); the widget adopts the table
and draws the charts from them, and the engine takes over for anything the reader changes.

The table renderer here and web/calculators/table.js must agree cell by cell (a browser test
compares them); `display` follows the page's Intl.NumberFormat("en-US") formats.
"""

import html
import json
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from start_calculators import browser
from start_calculators.sample import SAMPLE_YEARS

ROOT_DIV = re.compile(r'<div class="start-calculator" data-calculator="(?P<name>[a-z-]+)"[^>]*>')
# The ranking's default factors, as web/calculators/ranking.js picks them.
RANK_FACTORS = ("employment", "avg_annual_pay", "growth_percent", "projected_growth", "lq")
RANK_NOT_FACTORS = ("lq_low", "lq_high", "suppressed_counties", "avg_weekly_wage", "prior_employment", "establishments")
RANK_SETTINGS = {"ties": "eq", "highlight": "top", "top_n": "10", "missing": "last", "lower_is_better": []}

# Per calculator: its views of the sample, {name: (entry point, args)}, and the main table's first
# sort, as each widget asks for them (web/calculators/<name>.js).
VIEWS: dict[str, dict[str, tuple[str, dict[str, Any]]]] = {
    "location-quotient": {
        "main": ("sample_region", {"as": "lq", "base": "total", "level": "3", "measure": "employment"}),
        "lq_change": (
            "sample_region",
            {"as": "lq_change", "years": list(SAMPLE_YEARS), "base": "total", "level": "3", "measure": "employment"},
        ),
    },
    "growth": {
        "main": ("sample_region", {"as": "growth", "min_size": "250", "years": list(SAMPLE_YEARS)}),
        "trend": ("sample_region", {"as": "trend", "base": "total", "level": "3"}),
    },
    "ranking": {"input": ("sample_region", {"as": "table", "years": list(SAMPLE_YEARS)})},
    "shift-share": {"main": ("sample_region", {"as": "shift_share", "level": "sector", "method": "classic"})},
}
SORTS: dict[str, dict[str, Any]] = {
    "location-quotient": {"name": "lq", "descending": True},
    "ranking": {"name": "rank", "descending": False},
}
CAPTION = "Results"
# The about lines the source line and the suppression summary already say.
SAID_APART = {"Data set", "Source", "Suppression"}


# --- Numbers as the page writes them ------------------------------------------------------------


def js_number(value: float | int) -> str:
    """String(value) in JavaScript: shortest round-trip digits, exponent only below 1e-6 or from 1e21."""
    if isinstance(value, int) or (value.is_integer() and abs(value) < 1e21):
        return str(int(value))
    sign, digits, exponent = Decimal(repr(value)).as_tuple()
    text = "".join(map(str, digits)).rstrip("0") or "0"
    k = len(text)
    n = int(exponent) + len(digits)  # where the decimal point falls after the first digit of text
    if k <= n <= 21:
        body = text + "0" * (n - k)
    elif 0 < n <= 21:
        body = f"{text[:n]}.{text[n:]}"
    elif -6 < n <= 0:
        body = "0." + "0" * -n + text
    else:
        mantissa = text[0] + (f".{text[1:]}" if k > 1 else "")
        body = f"{mantissa}e{'+' if n - 1 >= 0 else '-'}{abs(n - 1)}"
    return ("-" if sign else "") + body


def raw(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return js_number(value)
    return str(value)


DIGITS = {"integer": 0, "decimal1": 1, "decimal2": 2, "decimal4": 4, "percent1": 1, "currency": 0}


def fixed(value: float | int, digits: int) -> str:
    """Intl.NumberFormat("en-US") with exactly `digits` decimals: the shortest decimal form rounded
    half away from zero (ICU's halfExpand), thousands separated by commas, "-0" kept."""
    number = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
    rounded = number.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return f"{rounded:,.{digits}f}"


def display(value: Any, column: dict[str, str]) -> str:
    """What a table cell shows (web/calculators/kit/format.js)."""
    if value is None or value == "":
        return "—"
    if column.get("kind") == "flag":
        return "Yes" if value else "No"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return raw(value)
    form = column.get("format", "decimal2")
    if form == "rank":
        return fixed(value, 0 if float(value).is_integer() else 1)
    if form == "currency":
        text = fixed(value, 0)
        return f"-${text[1:]}" if text.startswith("-") else f"${text}"
    text = fixed(value, DIGITS.get(form, 2))
    return f"{text}%" if form == "percent1" else text


# --- The panel, as web/calculators/report/output.js and table.js draw it ------------------------


def attrs(**values: str | None) -> str:
    return "".join(
        f' {name.rstrip("_").replace("_", "-")}="{html.escape(value, quote=True)}"'
        for name, value in values.items()
        if value is not None
    )


def sorted_rows(result: dict[str, Any], sort: dict[str, Any] | None) -> list[list[Any]]:
    """The rows in the widget's first order: by one numeric column, missing values last, stable."""
    rows = list(result["rows"])
    names = [column["name"] for column in result["columns"]]
    if not sort or sort["name"] not in names:
        return rows
    index = names.index(sort["name"])
    sign = -1 if sort.get("descending") else 1
    return sorted(rows, key=lambda row: (row[index] is None, 0 if row[index] is None else sign * row[index]))


def partial_test(columns: list[dict[str, str]]) -> Any:
    names = [column["name"] for column in columns]
    published = names.index("fully_published") if "fully_published" in names else -1
    partial = names.index("partial_data") if "partial_data" in names else -1
    return lambda row: (published >= 0 and row[published] is False) or (partial >= 0 and row[partial] is True)


def table_html(result: dict[str, Any], sort: dict[str, Any] | None) -> str:
    columns, meta = result["columns"], result.get("meta") or {}
    title = str(meta.get("title") or CAPTION)
    names = [column["name"] for column in columns]
    highlight = names.index("highlight") if "highlight" in names else -1
    marks = set(meta.get("partial_columns") or [])
    partial = partial_test(columns)
    head = "".join(
        f"<th{attrs(scope='col', data_col=c['name'])}"
        + (
            attrs(aria_sort="descending" if sort.get("descending") else "ascending")
            if sort and sort["name"] == c["name"]
            else ""
        )
        + f">{html.escape(c['label'])}</th>"
        for c in columns
    )
    body = []
    for row in sorted_rows(result, sort):
        rests = partial(row)
        cells = []
        for index, (value, column) in enumerate(zip(row, columns, strict=True)):
            classes = " ".join(
                name
                for name, on in (
                    ("calc-number", column["kind"] == "number"),
                    ("calc-partial", rests and column["name"] in marks),
                )
                if on
            )
            tag = "th" if index == 0 else "td"
            cell_attrs = attrs(scope="row" if index == 0 else None, class_=classes or None)
            cell_attrs += attrs(data_col=column["name"], data_value=raw(value))
            cells.append(f"<{tag}{cell_attrs}>{html.escape(display(value, column))}</{tag}>")
        row_class = attrs(class_="calc-highlight") if highlight >= 0 and row[highlight] else ""
        mark = ' data-partial=""' if rests else ""
        body.append(f"<tr{row_class}{mark}>{''.join(cells)}</tr>")
    table = (
        f'<table class="calc-results" data-role="results"><caption>{html.escape(title)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )
    return f'<div class="calc-table-wrap" tabindex="0" role="region"{attrs(aria_label=title)}>{table}</div>'


def panel_html(views: dict[str, dict[str, Any]], sort: dict[str, Any] | None) -> str:
    main = views["main"]
    meta, lines = main["result"].get("meta") or {}, main["about"]["lines"]
    source = f"Showing: {html.escape(str(meta.get('label') or 'the sample'))}."
    if meta.get("source"):
        link = (
            f"<a{attrs(href=meta.get('source_url'))}>{html.escape(meta['source'])}</a>"
            if meta.get("source_url")
            else html.escape(meta["source"])
        )
        source += f" Source: {link}."
    about = "".join(
        f"<div><dt>{html.escape(label)}</dt><dd>{html.escape(value)}</dd></div>"
        for label, value in lines
        if label not in SAID_APART
    )
    parts = [
        f'<p class="calc-source" data-role="source">{source}</p>',
        f'<dl class="calc-about" data-role="about">{about}</dl>',
    ]
    if meta.get("suppression_summary"):
        parts.append(
            f'<p class="calc-suppression" data-role="suppression">{html.escape(meta["suppression_summary"])} '
            '<a href="#suppressed-figures">Here is what that means</a>.</p>'
        )
    if meta.get("sort_rule"):
        rule = " ".join(text for text in (meta.get("sort_rule"), meta.get("band_rule")) if text)
        parts.append(f'<p class="calc-hint" data-role="sort-rule">{html.escape(rule)}</p>')
    parts.append(table_html(main["result"], sort))
    # In single quotes, only & and ' need escaping: a third of the size of escaping every ".
    data = json.dumps(views, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    data = data.replace("&", "&amp;").replace("'", "&#39;")
    return f'<div class="calc-output" data-role="output" data-sample=\'{data}\'>{"".join(parts)}</div>'


# --- Running the sample ----------------------------------------------------------------------


def call(fn: str, args: dict[str, Any]) -> Any:
    """An entry point's result, as the page's engine would answer; a failure stops the build."""
    answer = browser.handle({"id": 0, "fn": fn, "args": args})
    if not answer["ok"]:
        raise RuntimeError(f"the sample's {fn} {args} failed: {answer['error']['message']}")
    return json.loads(json.dumps(answer["result"], allow_nan=False))  # what JSON makes of it


def rank_args(table: dict[str, Any]) -> dict[str, Any]:
    """The ranking widget's first request for a table (web/calculators/ranking.js)."""
    numeric = [c["name"] for c in table["columns"] if c["kind"] == "number" and c["name"] not in RANK_NOT_FACTORS]
    factors = [name for name in numeric if name in RANK_FACTORS]
    return {
        "factors": factors,
        "weights": dict.fromkeys(factors, "1"),
        **RANK_SETTINGS,
        "table": {"columns": table["columns"], "rows": table["rows"], "meta": table["meta"]},
        "key": "industry_title",
    }


@cache
def sample_views(name: str) -> dict[str, dict[str, Any]]:
    """{view: {result, about}} of one calculator's sample (cached: the sample never changes in a build)."""
    views = {view: call(fn, dict(args)) for view, (fn, args) in VIEWS[name].items()}
    if name == "ranking":
        views["main"] = call("rank", rank_args(views["input"]))
    return {
        view: {"result": result, "about": call("about", {"meta": result["meta"]})} for view, result in views.items()
    }


def on_page_content(html_text: str, page: Any, **kwargs: Any) -> str:
    found = ROOT_DIV.search(html_text)
    if not found or found["name"] not in VIEWS:
        return html_text
    panel = panel_html(sample_views(found["name"]), SORTS.get(found["name"]))
    return html_text[: found.end()] + panel + html_text[found.end() :]
