"""Bytes to text for uploaded tables: UTF-8, UTF-16 and Windows-1252 (with a note), binary files refused."""

from __future__ import annotations

import codecs
from typing import TypeGuard

from .errors import InputError

# Files people upload instead of CSV text, by their first bytes, with what to do about each.
_SIGNATURES = (
    (b"PK\x03\x04", "an Excel workbook (XLSX) or another zip file", "save the sheet as CSV (CSV UTF-8) and use that"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (XLS)", "save the sheet as CSV (CSV UTF-8) and use that"),
    (b"%PDF", "a PDF document", "export the table from its source as CSV"),
    (b"\x89PNG", "a PNG image", "use the table itself, saved as CSV"),
    (b"\xff\xd8\xff", "a JPEG image", "use the table itself, saved as CSV"),
    (b"GIF8", "a GIF image", "use the table itself, saved as CSV"),
)
XLSX_MAGIC = b"PK\x03\x04"
# Text files hold no control characters other than tab, line breaks, form feed and DOS's end mark.
_CONTROLS = {code: None for code in range(32) if code not in (9, 10, 12, 13, 26)}
_SAMPLE = 65536


def is_xlsx(data: object) -> TypeGuard[bytes | bytearray | memoryview]:
    """True for the bytes of a zip file (an XLSX workbook is one)."""
    return isinstance(data, (bytes, bytearray, memoryview)) and bytes(data[:4]) == XLSX_MAGIC


def decode_text(data: object, name: str, notes: list[str] | None = None) -> str:
    """Bytes or text to text, without a byte-order mark.

    UTF-8 (with or without a BOM) and UTF-16 with a BOM (Excel's "Unicode text") are read as they
    are; other bytes are read as Windows-1252, the encoding of CSV files from Excel on Windows, and a
    note saying so is appended to `notes`. Binary files are an InputError saying what they look like.
    """
    if isinstance(data, str):
        text = data
    elif isinstance(data, (bytes, bytearray, memoryview)):
        text = _decode_bytes(bytes(data), name, notes)
    else:
        raise InputError(f"expected file contents, got {type(data).__name__}", file=name)
    text = text.removeprefix("\ufeff")
    if _looks_binary(text[:_SAMPLE]):
        raise _binary(name)
    return text


def _decode_bytes(raw: bytes, name: str, notes: list[str] | None) -> str:
    for signature, what, hint in _SIGNATURES:
        if raw.startswith(signature):
            raise InputError(f"expected a CSV text file, got {what}", file=name, expected="CSV text", hint=hint)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _note(raw, "utf-16", name, notes, 'UTF-16 (Excel\'s "Unicode text")')
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    wide = _utf16_without_bom(raw[:_SAMPLE])
    if wide:
        return _note(raw, wide, name, notes, "UTF-16")
    if _looks_binary(raw[:_SAMPLE].decode("latin-1")):
        raise _binary(name)
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:  # five byte values cp1252 leaves undefined; Latin-1 reads them all
        text = raw.decode("latin-1")
    if notes is not None:
        notes.append(
            f"{name}: not UTF-8 text, so it was read as Windows-1252 (Latin-1), as Excel on Windows writes it; "
            'check accented letters, or save it as "CSV UTF-8" next time.'
        )
    return text


def _note(raw: bytes, encoding: str, name: str, notes: list[str] | None, what: str) -> str:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        raise _binary(name) from None
    if notes is not None:
        notes.append(f"{name}: read as {what} text.")
    return text


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text without a BOM: almost every other byte is zero (plain Latin letters and digits)."""
    if len(raw) < 4:
        return None
    even, odd = raw[0::2], raw[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _looks_binary(sample: str) -> bool:
    """NUL characters, or control characters in more than 1 of 1000 characters."""
    if "\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(_CONTROLS))
    return controls > max(1, len(sample) // 1000)


def _binary(name: str) -> InputError:
    return InputError(
        "expected a text (CSV) file, but this looks like binary data",
        file=name,
        expected="CSV text",
        hint="save the table as CSV (comma-separated values) and use that file",
    )
