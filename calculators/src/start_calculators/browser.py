"""JSON-in/JSON-out entry points for the browser widgets (run in Pyodide by the page's worker).

call('{"id": 1, "fn": "lq_table", "args": {...}}') returns
'{"id": 1, "ok": true, "result": ...}' or '{"id": 1, "ok": false, "error": {message, file, row, column}}'.
A table result is {"columns": [{name, label, kind, format}], "rows": [[raw values]], "meta": {...}}.
Files are [{"name": "...", "text": "..."}]: the page reads uploads as text; Python parses them.
"""

import base64
import json

from .errors import InputError
from .growth import growth_rows, growth_table, read_growth_csv, single_growth
from .industry import growth_from_qcew, industry_table, lq_from_qcew, shift_share_from_qcew
from .lq import BAND_MEANINGS, lq_rows, lq_table, make_bands, read_lq_csv
from .output import to_csv as table_to_csv
from .ranking import rank_rows, rank_table, read_rank_csv
from .results import Table
from .sample import SAMPLE_LABEL, SAMPLE_SOURCE, SHIFT_SHARE_LABEL, sample_files, shift_share_sample
from .shift_share import read_shift_csv, shift_rows, shift_share_table
from .xlsx import to_xlsx as table_to_xlsx


def _files(items, what="files"):
    if not isinstance(items, list) or not items:
        raise InputError("expected a list of files ({name, text})", column=what)
    return [_file(item, what) for item in items]


def _file(item, what="file"):
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise InputError("expected a file as {name, text}", column=what)
    return str(item.get("name") or "upload.csv"), item["text"]


def _nation(args):
    return _file(args["nation"], "nation") if args.get("nation") else None


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


def lq_qcew_fn(args):
    return lq_from_qcew(
        _files(args.get("files")), _nation(args), args.get("base", "total"), args.get("level", "3"), _bands(args)
    )


def sample_region_fn(args):
    """as: "files" (the county texts), "lq" (computed LQs), "table" (the industry data table),
    "growth" (one-year growth) or "shift_share" (Delaware County against the five counties)."""
    kind = args.get("as", "files")
    label = {"label": SAMPLE_LABEL, "source": SAMPLE_SOURCE}
    if kind == "files":
        return label | {"files": [{"name": name, "text": text} for name, text in sample_files()]}
    if kind == "lq":
        result = lq_from_qcew(sample_files(), None, args.get("base", "total"), args.get("level", "3"), _bands(args))
    elif kind == "table":
        result = industry_table(
            sample_files(), None, args.get("base", "total"), args.get("level", "3"), bands=_bands(args)
        )
    elif kind == "shift_share":
        region, reference = shift_share_sample()
        result = shift_share_from_qcew(region, None, args.get("level", "3"), reference)
        label = {"label": SHIFT_SHARE_LABEL, "source": SAMPLE_SOURCE}
    elif kind == "growth":
        result = growth_from_qcew(sample_files(), level=args.get("level", "3"), min_size=args.get("min_size"))
    else:
        raise InputError("expected as: files, lq, table, growth or shift_share", column="as")
    result.meta |= label
    return result


def growth_fn(args):
    return single_growth(args.get("start"), args.get("end"), args.get("years"), args.get("min_size"))


def growth_table_fn(args):
    if args.get("files"):
        return growth_from_qcew(
            _files(args["files"]),
            _files(args["earlier"], "earlier") if args.get("earlier") else None,
            args.get("level", "3"),
            args.get("min_size"),
        )
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
        reference = _files(args["reference"], "reference") if args.get("reference") else None
        return shift_share_from_qcew(_files(args["files"]), _nation(args), args.get("level", "3"), reference)
    sheet = _sheet(args, read_shift_csv, shift_rows)
    return shift_share_table(sheet, args.get("nation_total_start"), args.get("nation_total_end"))


def industry_table_fn(args):
    projected = args.get("projected")
    if projected is not None and not isinstance(projected, dict):
        raise InputError("expected projected growth as {industry_code: percent}", column="projected")
    return industry_table(
        _files(args.get("files")),
        _nation(args),
        args.get("base", "total"),
        args.get("level", "3"),
        projected,
        _bands(args),
    )


def _table_arg(args):
    if not isinstance(args.get("table"), dict):
        raise InputError("expected a result table ({columns, rows})", column="table")
    return Table.from_dict(args["table"])


def to_csv_fn(args):
    """CSV text; text cells starting with = + - @ get a leading ' (formula-injection guard)."""
    return table_to_csv(_table_arg(args))


def to_xlsx_fn(args):
    """The XLSX file as base64 text."""
    data = table_to_xlsx(_table_arg(args), str(args.get("sheet") or "Results"))
    return base64.b64encode(data).decode("ascii")


def bands_fn(args):
    return {"bands": [[cut, name] for cut, name in _bands(args)], "meanings": BAND_MEANINGS}


FUNCTIONS = {
    "lq_table": lq_table_fn,
    "lq_qcew": lq_qcew_fn,
    "sample_region": sample_region_fn,
    "growth": growth_fn,
    "growth_table": growth_table_fn,
    "rank": rank_fn,
    "shift_share": shift_share_fn,
    "industry_table": industry_table_fn,
    "to_csv": to_csv_fn,
    "to_xlsx": to_xlsx_fn,
    "bands": bands_fn,
}


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
