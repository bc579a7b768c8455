"""JSON-in/JSON-out entry points for the browser widgets (run in Pyodide by the page's worker).

`call(request_json)` runs a request to the end; `await call_async(request_json, on_progress)` runs
it handing control back to the page every 40 ms with a progress report (see protocol.py for both,
and for the answer and error shapes). A table result is `{"columns": [{name, label, kind, format}],
"rows": [[raw values]], "meta": {...}}`; `meta.notes` lists how the input was read (separator,
decimal comma, encoding, skipped lines) for the page to show.

Your own tables: lq_table, growth, growth_table, rank, shift_share; a table is `csv` (text),
`base64` (a file's bytes: CSV in any encoding, or an XLSX workbook) or `rows` (grid rows, objects
keyed by column name), with `name`. Also bands, to_csv, to_xlsx, parse_paste (pasted text and the
grid's columns -> cells for the grid), capabilities (what this engine can read) and check_uploads
(uploads.py: a chosen file's size and format, checked before the page reads it).

QCEW files (browser_qcew.py), all taking files `[{"name", "text"}]` of one or several years (grouped
by the year in their rows) and optional national US000 files in `nation` (one file or a list):
- inspect_files {files}: a row per file (file, kind, area_fips, year, period, rows, status) and
  meta.summary ("10 counties × 4 years + national 2023"), meta.problems [{message, files}].
- lq_qcew {files, nation, base, level, bands, measure, year}: LQs of one year (default the latest)
  for employment, establishments or wages; the `lq` column holds the chosen measure.
- industry_table {files, nation, base, level, bands, projected, start_year, end_year}: tab I.
- growth_qcew (or growth_table with files) {files, earlier, level, min_size, start_year, end_year,
  measure}: change, percent change and compound annual rate over the span.
- trend {files, nation, industries, measure, base, level, bands}: the measure and LQ by year.
- lq_change {files, nation, start_year, end_year, measure, base, level, bands}: start and end LQs
  side by side, `crossing` "emerging"/"fading" (rule in meta.crossing_rule).
- counties {files, nation, industry, year, measure, base, level, bands}: each county's figure,
  share, LQ; suppressed counties marked, with what is hidden and an upper bound.
- shift_share_qcew (or shift_share with files) {files, nation | reference, level, method}: method
  classic, esteban-marquillas or dynamic.
- sample_region {as, ...}: the Columbus, OH MSA sample as files or any result above;
  sample_info {}: its label, source, counties and BLS links; bls_links {areas, years, nation};
  warm_sample {}: reads the sample into the cache of parsed files (the page asks when idle).
- about {meta | table}: {lines: [[label, value]], csv_name, xlsx_name}.
The region builder's inspect_region and county_view are in browser_region.py.
"""

import base64
import binascii
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from . import protocol
from .browser_qcew import QCEW_FUNCTIONS, growth_qcew_fn, shift_share_qcew_fn
from .browser_region import REGION_FUNCTIONS
from .errors import InputError
from .growth import GROWTH_INPUT, growth_rows, growth_table, single_growth
from .inputs import MAX_ROWS, Sheet, check_sum, iter_read_table
from .lq import BAND_MEANINGS, LQ_INPUT, lq_rows, lq_table
from .options import Bands
from .options import bands as parse_bands
from .output import to_csv as table_to_csv
from .paste import grid_columns, parse_paste
from .progress import Steps
from .ranking import iter_rank_table, rank_rows
from .results import Column, Table
from .shift_qcew import table_method
from .shift_share import SHIFT_INPUT, shift_rows, shift_share_table
from .uploads import UPLOAD_FUNCTIONS
from .xlsx import to_xlsx as table_to_xlsx
from .xlsx_reader import openpyxl_available

Args = dict[str, Any]


def _bytes(text: str, name: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise InputError("expected the file's bytes as base64 text", file=name) from None


def _sheet(args: Args, spec: dict[str, Any], read_rows: Callable[[object, str], Sheet]) -> Steps[Sheet]:
    """The user's table: CSV text ({csv, name}), a file's bytes ({base64, name}) or grid rows ({rows})."""
    name = args.get("name")
    if isinstance(args.get("csv"), str):
        return (yield from iter_read_table(args["csv"], str(name or "pasted table"), **spec))
    if isinstance(args.get("base64"), str):
        label = str(name or "upload")
        return (yield from iter_read_table(_bytes(args["base64"], label), label, **spec))
    return read_rows(args.get("rows"), str(name or "table"))


def _noted(table: Table, sheet: Sheet) -> Table:
    if sheet.notes:
        table.meta["notes"] = [*table.meta.get("notes", []), *sheet.notes]
    return table


def _bands(args: Args) -> Bands:
    return parse_bands(args.get("bands"))


def lq_table_fn(args: Args) -> Steps[Table]:
    sheet = yield from _sheet(args, LQ_INPUT, lq_rows)
    table = lq_table(sheet, args.get("region_total"), args.get("nation_total"), _bands(args))
    check_sum(sheet, "region_employment", args.get("region_total"), "region_total")
    check_sum(sheet, "nation_employment", args.get("nation_total"), "nation_total")
    return _noted(table, sheet)


def growth_fn(args: Args) -> Any:
    return single_growth(args.get("start"), args.get("end"), args.get("years"), args.get("min_size"))


def growth_table_fn(args: Args) -> Steps[Table]:
    if args.get("files"):
        return (yield from growth_qcew_fn(args))
    sheet = yield from _sheet(args, GROWTH_INPUT, growth_rows)
    return _noted(growth_table(sheet, args.get("years"), args.get("min_size")), sheet)


def _names(value: object, option: str) -> list[str]:
    if value is None or value == "":
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputError("expected a list of column names", column=option)
    return value


# What a ranked table does not inherit from the table it ranks: what described that table itself.
_NOT_CARRIED = frozenset({"calculator", "title", "sort_rule", "band_rule", "partial_columns", "notes"})


def _factor_label(col: Column, labels: dict[str, str]) -> Column:
    """rank_avg_annual_pay -> "Rank: Average annual pay", in the words of the ranked table's columns."""
    for prefix, words in (("rank_", "Rank: "), ("highlight_", "Top: ")):
        factor = col.name.removeprefix(prefix)
        if col.name.startswith(prefix) and factor in labels:
            return replace(col, label=words + labels[factor])
    return col


def rank_fn(args: Args) -> Steps[Table]:
    """rows, csv or base64 (CSV or XLSX), or a result table ({columns, rows}); key; factors;
    lower_is_better; weights; ties; highlight ("top", "median", "third") with top_n; missing
    ("exclude" or "last"). Rows of a QCEW table resting on partly suppressed data are marked. A result
    table's meta (region, years, level...) carries over to the ranking, for its reports."""
    key = str(args.get("key") or "industry")
    given: dict[str, Any] = {}
    labels: dict[str, str] = {}
    if isinstance(args.get("table"), dict):
        source = Table.from_dict(args["table"])
        given = {name: value for name, value in source.meta.items() if name not in _NOT_CARRIED}
        labels = {col.name: col.label for col in source.columns}
        sheet = rank_rows(source.records(), str(args.get("name") or "table"), key=key)
    else:
        spec = {"required": (key,), "key": key, "extra_ok": True}
        sheet = yield from _sheet(args, spec, lambda rows, name: rank_rows(rows, name, key=key))
    weights = args.get("weights") or {}
    if not isinstance(weights, dict):
        raise InputError("expected weights as {factor: weight}", column="weights")
    table = yield from iter_rank_table(
        sheet,
        key=key,
        factors=_names(args.get("factors"), "factors") or None,
        lower_is_better=tuple(_names(args.get("lower_is_better"), "lower_is_better")),
        weights=weights,
        ties=args.get("ties", "eq"),
        highlight=args.get("highlight") or None,
        top_n=args.get("top_n", 10),
        missing=args.get("missing", "exclude"),
    )
    table.meta = given | table.meta  # a report of the ranking still says which region and years it ranks
    table.columns = [_factor_label(col, labels) for col in table.columns]
    return _noted(table, sheet)


def shift_share_fn(args: Args) -> Steps[Table]:
    """A table (rows, csv or base64, with the nation's totals), or QCEW files with a national file
    (`nation`) or the files of a larger reference area (`reference`)."""
    if args.get("files"):
        return (yield from shift_share_qcew_fn(args))
    table_method(args.get("method"))
    sheet = yield from _sheet(args, SHIFT_INPUT, shift_rows)
    table = shift_share_table(sheet, args.get("nation_total_start"), args.get("nation_total_end"))
    check_sum(sheet, "nation_start", args.get("nation_total_start"), "nation_total_start")
    check_sum(sheet, "nation_end", args.get("nation_total_end"), "nation_total_end")
    return _noted(table, sheet)


def _table_arg(args: Args) -> Table:
    if not isinstance(args.get("table"), dict):
        raise InputError("expected a result table ({columns, rows})", column="table")
    return Table.from_dict(args["table"])


def to_csv_fn(args: Args) -> Any:
    """CSV text; text cells starting with = + - @ get a leading ' (formula-injection guard). Unless
    about is false, leading "# label: value" lines state the settings in the table's meta."""
    return table_to_csv(_table_arg(args), about=args.get("about", True) is not False)


def to_xlsx_fn(args: Args) -> str:
    """The XLSX file as base64 text."""
    data = table_to_xlsx(_table_arg(args), str(args.get("sheet") or "Results"))
    return base64.b64encode(data).decode("ascii")


def bands_fn(args: Args) -> Any:
    return {"bands": [[cut, name] for cut, name in _bands(args)], "meanings": BAND_MEANINGS}


def parse_paste_fn(args: Args) -> dict[str, Any]:
    """text: what was pasted; columns: the grid's columns (names or {name, label, numeric}).
    Returns {rows: [[cell text]], separator, header, columns, aligned, notes}: with `aligned`,
    the rows follow the grid's columns from the first one; otherwise fill from the pasted cell."""
    text = args.get("text")
    if not isinstance(text, str):
        raise InputError("expected the pasted text", column="text")
    return parse_paste(text, grid_columns(args.get("columns"))).to_dict()


def capabilities_fn(args: Args) -> dict[str, Any]:
    """What this engine can read: {xlsx: openpyxl importable, max_rows}."""
    return {"xlsx": openpyxl_available(), "max_rows": MAX_ROWS}


FUNCTIONS: dict[str, protocol.Entry] = {
    "lq_table": lq_table_fn,
    "growth": growth_fn,
    "growth_table": growth_table_fn,
    "rank": rank_fn,
    "shift_share": shift_share_fn,
    "to_csv": to_csv_fn,
    "to_xlsx": to_xlsx_fn,
    "bands": bands_fn,
    "parse_paste": parse_paste_fn,
    "capabilities": capabilities_fn,
}
FUNCTIONS |= QCEW_FUNCTIONS | REGION_FUNCTIONS
FUNCTIONS |= UPLOAD_FUNCTIONS  # uploads.py: size and format checks made before a file is read


def handle(request: object) -> dict[str, Any]:
    """A request object to an answer object, run to the end. Never raises."""
    steps = protocol.answer(FUNCTIONS, request)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            response: dict[str, Any] = done.value
            return response


def call(request_json: object) -> str:
    """JSON text in, JSON text out. Never raises."""
    return protocol.call(FUNCTIONS, request_json)


async def call_async(request_json: object, on_progress: Callable[[str], object] | None = None) -> str:
    """As call, handing control back to the page every 40 ms and reporting progress (JSON text)."""
    return await protocol.call_async(FUNCTIONS, request_json, on_progress)
