"""The widgets' message protocol: one answer to every request, progress on long ones, never an exception.

A request is JSON text `{"id": ..., "fn": "name", "args": {...}}`. The answer is
`{"id", "ok": true, "result"}` or `{"id", "ok": false, "error": {message, where, detail, hint, kind,
file, row, column, label, expected}}`; `message` is complete (location said once, then what to do).
An entry point returns its result, or is a generator that yields Progress and returns it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
import time
import traceback
from collections.abc import Callable, Generator, Mapping
from typing import Any

from .errors import InputError
from .progress import Progress, Steps
from .results import Table

Entry = Callable[[dict[str, Any]], Any]
# The page stays responsive when Python hands control back at least this often (seconds).
YIELD_EVERY = 0.04
# Requests that only prepare for later ones (warm_sample): they step aside while any other request
# is being answered, so what the reader asked for waits behind them for one slice at most.
BACKGROUND = frozenset({"warm_sample"})
STEP_ASIDE = 0.01  # seconds between looks at whether the other requests are done
_foreground = [0]  # requests other than background ones being answered now


def error_answer(request_id: object, message: str, hint: str | None = None) -> dict[str, Any]:
    """An ok:false answer for a problem that is not about one input: a bug, a bad message."""
    detail = message if hint is None else f"{message.rstrip('.')}. {hint}"
    error = {"message": detail, "where": "", "detail": message, "hint": hint, "kind": "input"}
    error |= {"file": None, "row": None, "column": None, "label": None, "expected": None}
    return {"id": request_id, "ok": False, "error": error}


def answer(functions: Mapping[str, Entry], request: object) -> Steps[dict[str, Any]]:
    """The answer to one request, as steps: yields Progress, returns the answer. Never raises."""
    request_id = request.get("id") if isinstance(request, dict) else None
    try:
        fn, args = _route(functions, request)
        result = fn(args)
        if isinstance(result, Generator):
            result = yield from result
        if isinstance(result, Table):
            result = result.to_dict()
        return {"id": request_id, "ok": True, "result": result}
    except InputError as error:
        return {"id": request_id, "ok": False, "error": error.to_dict("page")}
    except RecursionError:
        return error_answer(request_id, "The input is nested too deeply to read.")
    except KeyboardInterrupt:  # Pyodide's interrupt: the page stopped the work
        return error_answer(request_id, "The calculation was stopped.")
    except MemoryError:
        return error_answer(
            request_id, "The input is too large for the memory available here.", "Try a smaller file or fewer files."
        )
    except Exception as error:  # a bug, not bad input: say so plainly, keep the page alive
        traceback.print_exc(file=sys.stderr)  # the browser's console, for whoever debugs it
        return error_answer(
            request_id,
            f"The calculator hit an unexpected problem ({type(error).__name__}).",
            "Check the input and try again; if it happens again, please report it with the file you used.",
        )


def _route(functions: Mapping[str, Entry], request: object) -> tuple[Entry, dict[str, Any]]:
    if not isinstance(request, dict):
        raise InputError("expected a request object {id, fn, args}")
    name = request.get("fn")
    fn = functions.get(name) if isinstance(name, str) else None
    if fn is None:
        raise InputError(f"expected fn to be one of {', '.join(functions)}", column="fn")
    args = request.get("args")
    if args is None:
        args = {}
    if not isinstance(args, dict):
        raise InputError("expected args to be an object", column="args")
    return fn, args


def parse_request(request_json: object) -> tuple[object, dict[str, Any] | None]:
    """(request, None), or (None, an ok:false answer) when the text is not JSON."""
    if isinstance(request_json, (bytes, bytearray)):
        request_json = bytes(request_json).decode("utf-8", errors="replace")
    if not isinstance(request_json, str):
        return None, error_answer(None, "The request is not JSON text.")
    try:
        return json.loads(request_json), None
    except (ValueError, RecursionError):
        return None, error_answer(None, "The request is not valid JSON.")


def dump(response: dict[str, Any]) -> str:
    """The answer as JSON text; a result that cannot be sent becomes an ok:false answer."""
    try:
        return json.dumps(response, allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError) as error:
        request_id = response.get("id")
        if not isinstance(request_id, (str, int, float, type(None))):
            request_id = None
        message = f"The calculator produced a result it cannot send ({type(error).__name__})."
        return json.dumps(error_answer(request_id, message))


def call(functions: Mapping[str, Entry], request_json: object) -> str:
    """JSON text in, JSON text out, run to the end. Never raises."""
    request, failed = parse_request(request_json)
    if failed is not None:
        return dump(failed)
    steps = answer(functions, request)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            response: dict[str, Any] = done.value
            return dump(response)


async def call_async(
    functions: Mapping[str, Entry], request_json: object, on_progress: Callable[[str], object] | None = None
) -> str:
    """As call, but hands control back to the page (and reports progress) every YIELD_EVERY seconds.

    `on_progress` receives JSON text `{"id", "type": "progress", "file", "done", "total", "stage",
    "message"}`; `message` is ready to show ("Reading big.csv: 1.2 M of 3.4 M rows…").
    In Pyodide, `await asyncio.sleep(0)` lets the browser run its own tasks before Python goes on.
    """
    request, failed = parse_request(request_json)
    if failed is not None:
        return dump(failed)
    return await answer_async(functions, request, on_progress)


async def answer_async(
    functions: Mapping[str, Entry], request: object, on_progress: Callable[[str], object] | None = None
) -> str:
    """The JSON answer to a parsed request, run to the end, handing control back to the page (and
    reporting progress) every YIELD_EVERY seconds."""
    request_id = request.get("id") if isinstance(request, dict) else None
    background = isinstance(request, dict) and request.get("fn") in BACKGROUND
    if not background:
        _foreground[0] += 1
    try:
        steps = answer(functions, request)
        last = time.monotonic()
        while True:
            while background and _foreground[0]:
                await asyncio.sleep(STEP_ASIDE)
            try:
                progress = next(steps)
            except StopIteration as done:
                response: dict[str, Any] = done.value
                return dump(response)
            if time.monotonic() - last >= YIELD_EVERY:
                report(on_progress, request_id, progress)
                await asyncio.sleep(0)
                last = time.monotonic()
    finally:
        if not background:
            _foreground[0] -= 1


def report(on_progress: Callable[[str], object] | None, request_id: object, progress: Progress) -> None:
    """Tell the page how far a long read is; a failing callback never stops the work."""
    if on_progress is None:
        return
    stage = progress.stage[:1].upper() + progress.stage[1:]
    message = f"{stage} {progress.file}: {count(progress.done)}"
    message += f" of {count(progress.total)} rows…" if progress.total else " rows…"
    payload = {"type": "progress", "file": progress.file, "done": progress.done, "total": progress.total}
    payload |= {"stage": progress.stage}
    with contextlib.suppress(Exception):  # the page's callback is not ours to fail on
        on_progress(json.dumps({"id": request_id, **payload, "message": message}, ensure_ascii=False))


def count(number: int) -> str:
    """1234 -> "1,234"; 1234567 -> "1.2 M"."""
    return f"{number / 1_000_000:.1f} M" if number >= 1_000_000 else f"{number:,}"
