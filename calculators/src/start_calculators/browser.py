"""JSON-in/JSON-out entry points for the browser widgets (run in Pyodide by the page's worker).

call('{"id": 1, "fn": "lq_table", "args": {...}}') returns
'{"id": 1, "ok": true, "result": ...}' or '{"id": 1, "ok": false, "error": {message, file, row, column}}'.
A table result is {"columns": [{name, label, kind, format}], "rows": [[raw values]], "meta": {...}}.
Files are [{"name": "...", "text": "..."}]: the page reads uploads as text; Python parses them.
An entry point may be a generator (yielding progress while it reads files); `call` runs it to the end.

Your own tables: lq_table, growth, growth_table, rank, shift_share (rows or csv), bands, to_csv, to_xlsx.
QCEW files (browser_qcew.py), all taking files of one or several years (grouped by the year in their
rows) and optional national US000 files in `nation` (one file or a list, one per year):
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
  sample_info {}: its label, source, counties and BLS links; bls_links {areas, years, nation}.
- about {meta | table}: {lines: [[label, value]], csv_name, xlsx_name}.
"""

import base64
import inspect
import json

from .browser_qcew import QCEW_FUNCTIONS, growth_qcew_fn, shift_share_qcew_fn
from .errors import InputError
from .growth import growth_rows, growth_table, read_growth_csv, single_growth
from .lq import BAND_MEANINGS, lq_rows, lq_table, make_bands, read_lq_csv
from .output import to_csv as table_to_csv
from .progress import finish
from .ranking import rank_rows, rank_table, read_rank_csv
from .results import Table
from .shift_share import read_shift_csv, shift_rows, shift_share_table
from .xlsx import to_xlsx as table_to_xlsx


def _sheet(args, read_text, read_rows):
    """The user's table: pasted or uploaded CSV text ({csv, name}) or grid rows ({rows})."""
    if isinstance(args.get("csv"), str):
        return read_text(args["csv"], str(args.get("name") or "pasted table"))
    return read_rows(args.get("rows"), str(args.get("name") or "table"))


def _bands(args):
    return make_bands(args.get("bands")) if args.get("bands") else make_bands()


def lq_table_fn(args):
    sheet = _sheet(args, read_lq_csv, lq_rows)
    return lq_table(sheet, args.get("region_total"), args.get("nation_total"), _bands(args))


def growth_fn(args):
    return single_growth(args.get("start"), args.get("end"), args.get("years"), args.get("min_size"))


def growth_table_fn(args):
    if args.get("files"):
        return growth_qcew_fn(args)
    sheet = _sheet(args, read_growth_csv, growth_rows)
    return growth_table(sheet, args.get("years"), args.get("min_size"))


def rank_fn(args):
    """rows/csv, or a result table ({columns, rows}); key; factors; lower_is_better; weights;
    ties; highlight ("top", "median", "third") with top_n; missing ("exclude" or "last")."""
    key = str(args.get("key") or "industry")
    if isinstance(args.get("table"), dict):
        records = Table.from_dict(args["table"]).records()
        sheet = rank_rows(records, str(args.get("name") or "table"), key=key)
    elif isinstance(args.get("csv"), str):
        sheet = read_rank_csv(args["csv"], str(args.get("name") or "pasted table"), key=key)
    else:
        sheet = rank_rows(args.get("rows"), str(args.get("name") or "table"), key=key)
    weights = args.get("weights") or {}
    if not isinstance(weights, dict):
        raise InputError("expected weights as {factor: weight}", column="weights")
    return rank_table(
        sheet,
        key=key,
        factors=args.get("factors") or None,
        lower_is_better=tuple(args.get("lower_is_better") or ()),
        weights=weights,
        ties=args.get("ties", "eq"),
        highlight=args.get("highlight") or None,
        top_n=args.get("top_n", 10),
        missing=args.get("missing", "exclude"),
    )


def shift_share_fn(args):
    """A table (rows or csv, with the nation's totals), or QCEW files with a national file
    (`nation`) or the files of a larger reference area (`reference`)."""
    if args.get("files"):
        return shift_share_qcew_fn(args)
    sheet = _sheet(args, read_shift_csv, shift_rows)
    return shift_share_table(sheet, args.get("nation_total_start"), args.get("nation_total_end"))


def _table_arg(args):
    if not isinstance(args.get("table"), dict):
        raise InputError("expected a result table ({columns, rows})", column="table")
    return Table.from_dict(args["table"])


def to_csv_fn(args):
    """CSV text; text cells starting with = + - @ get a leading ' (formula-injection guard). Unless
    about is false, leading "# label: value" lines state the settings in the table's meta."""
    return table_to_csv(_table_arg(args), about=args.get("about", True) is not False)


def to_xlsx_fn(args):
    """The XLSX file as base64 text."""
    data = table_to_xlsx(_table_arg(args), str(args.get("sheet") or "Results"))
    return base64.b64encode(data).decode("ascii")


def bands_fn(args):
    return {"bands": [[cut, name] for cut, name in _bands(args)], "meanings": BAND_MEANINGS}


FUNCTIONS = {
    "lq_table": lq_table_fn,
    "growth": growth_fn,
    "growth_table": growth_table_fn,
    "rank": rank_fn,
    "shift_share": shift_share_fn,
    "to_csv": to_csv_fn,
    "to_xlsx": to_xlsx_fn,
    "bands": bands_fn,
}
FUNCTIONS |= QCEW_FUNCTIONS


def _error(message, file=None, row=None, column=None, expected=None):
    return {"message": message, "file": file, "row": row, "column": column, "expected": expected}


def handle(request):
    """A request dict to a response dict. Never raises."""
    request_id = request.get("id") if isinstance(request, dict) else None
    try:
        if not isinstance(request, dict):
            raise InputError("expected a request object {id, fn, args}")
        fn = FUNCTIONS.get(request.get("fn"))
        if fn is None:
            raise InputError(f"expected fn to be one of {', '.join(FUNCTIONS)}", column="fn")
        args = request.get("args") or {}
        if not isinstance(args, dict):
            raise InputError("expected args to be an object", column="args")
        result = fn(args)
        if inspect.isgenerator(result):  # a reader that reports progress: run it to the end
            result = finish(result)
        if isinstance(result, Table):
            result = result.to_dict()
        return {"id": request_id, "ok": True, "result": result}
    except InputError as error:
        return {"id": request_id, "ok": False, "error": error.to_dict()}
    except RecursionError:
        return {"id": request_id, "ok": False, "error": _error("The input is nested too deeply to read.")}
    except Exception as error:  # a bug, not bad input: say so plainly, keep the page alive
        message = f"The calculator hit an unexpected problem ({type(error).__name__}). Please check the input."
        return {"id": request_id, "ok": False, "error": _error(message)}


def call(request_json):
    """JSON text in, JSON text out. Never raises."""
    try:
        request = json.loads(request_json)
    except (TypeError, ValueError, RecursionError):
        return json.dumps({"id": None, "ok": False, "error": _error("The request is not valid JSON.")})
    response = handle(request)
    try:
        return json.dumps(response, allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError) as error:
        message = f"The calculator produced a result it cannot send ({type(error).__name__})."
        return json.dumps({"id": response.get("id"), "ok": False, "error": _error(message)})
