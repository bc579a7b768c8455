"""What a page checks before it reads a file the reader chose: its size against the limit of its use, and its format."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from .decoding import XLSX_MAGIC
from .errors import InputError
from .xlsx_reader import openpyxl_available

MB = 1_000_000
# The most a page reads, in bytes. A table holds a row per industry (6-digit NAICS has about a
# thousand: a few hundred kB), and the browser ranks about a thousand rows a second; a far bigger
# file is another kind of file, and would keep the page busy for minutes.
TABLE_LIMIT = 1 * MB
# A BLS QCEW area file (one county or the nation, one year) is a few MB; BLS's files of every
# area at once (hundreds of MB) are not what the calculators read.
QCEW_FILE_LIMIT = 25 * MB
QCEW_TOTAL_LIMIT = 150 * MB
USES = ("table", "qcew")
XLSX_NAMES = (".xlsx", ".xlsm")
OPENPYXL = "openpyxl"


@dataclass(frozen=True)
class Upload:
    """A chosen file as the page describes it before reading it: name, size in bytes, first bytes."""

    name: str
    size: int
    head: bytes = b""

    @property
    def is_zip_archive(self) -> bool:
        return self.name.lower().endswith(".zip")

    @property
    def is_xlsx(self) -> bool:
        return not self.is_zip_archive and (self.name.lower().endswith(XLSX_NAMES) or self.head[:4] == XLSX_MAGIC)


def size_text(size: int) -> str:
    """Bytes in the words of a file manager: 52.4 MB, 812 kB, 97 bytes."""
    if size >= MB:
        return f"{size / MB:.1f}".removesuffix(".0") + " MB"
    return f"{size / 1000:.0f} kB" if size >= 1000 else f"{size} bytes"


def _upload(item: object) -> Upload:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise InputError("expected each file as {name, size, head}", column="files")
    size = item.get("size")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise InputError("expected the file's size in bytes", file=item["name"])
    try:
        head = base64.b64decode(str(item.get("head") or ""), validate=True)
    except (binascii.Error, ValueError):
        raise InputError("expected the file's first bytes as base64 text", file=item["name"]) from None
    return Upload(item["name"], size, head)


def _check_table(upload: Upload, xlsx_loaded: bool) -> list[str]:
    if upload.size > TABLE_LIMIT:
        raise InputError(
            f"expected a table of at most {size_text(TABLE_LIMIT)}, but this file is {size_text(upload.size)}",
            file=upload.name,
            expected=f"at most {size_text(TABLE_LIMIT)}",
            hint="a table holds one row per industry, so check that this is the right file "
            "(BLS QCEW files go in the region's file box instead)",
        )
    if not upload.is_xlsx or openpyxl_available():
        return []
    if not xlsx_loaded:
        return [OPENPYXL]  # the page loads it, then asks again
    raise InputError(
        "expected a CSV file: XLSX workbooks cannot be read here, because the part that reads them did not load",
        file=upload.name,
        expected="a CSV file",
        hint='save the sheet as CSV (in Excel: "CSV UTF-8") and choose that file, or reload the page and try again',
    )


def _check_qcew(upload: Upload) -> None:
    if upload.is_xlsx:
        raise InputError(
            "expected a BLS QCEW CSV file, but this is an Excel workbook",
            file=upload.name,
            expected="a CSV file",
            hint="use the CSV files BLS publishes for each area and year, as they are",
        )
    if upload.size > QCEW_FILE_LIMIT:
        raise InputError(
            f"expected a BLS QCEW area file of at most {size_text(QCEW_FILE_LIMIT)}, "
            f"but this file is {size_text(upload.size)}",
            file=upload.name,
            expected=f"at most {size_text(QCEW_FILE_LIMIT)}",
            hint="use the file of each county (and the national US000 file) for each year, "
            "not BLS's files of every area at once",
        )


def check_uploads(files: object, use: object, xlsx_loaded: bool = False) -> dict[str, Any]:
    """Checks files before they are read; raises InputError naming the file, the limit and what to do.

    files: [{name, size, head}] (head: the first bytes as base64, optional); use: "table" (a table
    of one row per industry, CSV or XLSX) or "qcew" (BLS QCEW CSV files). Returns {"packages": the
    Pyodide packages to load before reading (openpyxl for a workbook)}; once loaded, the page asks
    again with xlsx_loaded true, and a workbook is refused if openpyxl still cannot be imported.
    """
    if use not in USES:
        raise InputError.bad_value(" or ".join(USES), use, column="use")
    if not isinstance(files, list):
        raise InputError("expected a list of files", column="files")
    uploads = [_upload(item) for item in files]
    packages: list[str] = []
    for upload in uploads:
        if upload.is_zip_archive:
            raise InputError(
                "expected a CSV file, but this is a zip archive",
                file=upload.name,
                expected="a CSV file",
                hint="unzip it first, then choose the CSV files it holds",
            )
        if use == "table":
            packages += [name for name in _check_table(upload, xlsx_loaded) if name not in packages]
        else:
            _check_qcew(upload)
    total = sum(upload.size for upload in uploads)
    if use == "qcew" and total > QCEW_TOTAL_LIMIT:
        raise InputError(
            f"expected files of at most {size_text(QCEW_TOTAL_LIMIT)} in all, but these are {size_text(total)}",
            column="files",
            expected=f"at most {size_text(QCEW_TOTAL_LIMIT)}",
            hint="choose fewer years or counties at a time",
        )
    return {"packages": packages}


def check_uploads_fn(args: dict[str, Any]) -> dict[str, Any]:
    """Browser entry point: {files: [{name, size, head}], use, xlsx_loaded} -> {packages}."""
    return check_uploads(args.get("files"), args.get("use"), args.get("xlsx_loaded") is True)


UPLOAD_FUNCTIONS = {"check_uploads": check_uploads_fn}
