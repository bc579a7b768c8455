"""Browser requests whose files travel as bytes beside the JSON, not inside it: the page's engine entry point.

Copying a JavaScript string into Python costs about a second per 7 MB in Pyodide, and parsing it as
JSON more; bytes cross almost for free. So the page sends a small JSON request in which each file
(or long text) is a placeholder `{"$file": i, "as": ..., "name": ...}`, and the contents as a list
of byte buffers (Pyodide passes each as a buffer with `to_bytes()`). `as` says what the entry point
expects in its place: "text" (a file decoded as decode_text reads tables: UTF-8, UTF-16 or
Windows-1252; binary files refused), "utf-8" (text the page already had, encoded), or "base64"
(the file's bytes as base64 text, what the table readers take). Then the request runs as
browser.call_async runs it: one answer, progress on long reads, never an exception.
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Callable, Sequence
from typing import Any

from . import protocol
from .browser import FUNCTIONS
from .decoding import decode_text
from .errors import InputError

KINDS = ("text", "utf-8", "base64")


def _bytes(buffer: object) -> bytes:
    """A Pyodide buffer (its to_bytes() copies it out), or bytes-like already."""
    if isinstance(buffer, (bytes, bytearray, memoryview)):
        return bytes(buffer)
    to_bytes = None if isinstance(buffer, int) else getattr(buffer, "to_bytes", None)  # int.to_bytes is not it
    if callable(to_bytes):
        data = to_bytes()
        if isinstance(data, (bytes, bytearray, memoryview)):
            return bytes(data)
    raise InputError("expected the file's contents as bytes", column="files")


def _content(placeholder: dict[str, Any], buffers: Sequence[object]) -> str:
    index, kind, name = placeholder.get("$file"), placeholder.get("as"), str(placeholder.get("name") or "upload")
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(buffers) or kind not in KINDS:
        raise InputError("expected a file placeholder {$file, as, name} naming a file sent with the request")
    data = _bytes(buffers[index])
    if kind == "base64":
        return base64.b64encode(data).decode("ascii")
    if kind == "utf-8":
        return data.decode("utf-8", errors="replace")
    return decode_text(data, name)


async def attach(value: object, buffers: Sequence[object]) -> object:
    """The request with every placeholder replaced by its content, handing control back to the
    page after each file (decoding a big one takes a while)."""
    if isinstance(value, dict):
        if "$file" in value:
            content = _content(value, buffers)
            await asyncio.sleep(0)
            return content
        return {key: await attach(item, buffers) for key, item in value.items()}
    if isinstance(value, list):
        return [await attach(item, buffers) for item in value]
    return value


async def call_async(
    request_json: object, buffers: Sequence[object] = (), on_progress: Callable[[str], object] | None = None
) -> str:
    """As browser.call_async, with the request's files in `buffers`. Never raises."""
    request, failed = protocol.parse_request(request_json)
    if failed is not None:
        return protocol.dump(failed)
    request_id = request.get("id") if isinstance(request, dict) else None
    try:
        request = await attach(request, list(buffers))
    except InputError as error:
        return protocol.dump({"id": request_id, "ok": False, "error": error.to_dict("page")})
    return await protocol.answer_async(FUNCTIONS, request, on_progress)
