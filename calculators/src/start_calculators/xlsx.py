"""A tiny XLSX writer (zipfile + XML): numbers as numbers, text as inline strings, an About sheet."""

import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

from .about import about_lines
from .results import Table

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_BOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _content_types(sheets: int) -> str:
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_SHEET_TYPE}"/>' for n in range(1, sheets + 1)
    )
    return (
        f'{_HEAD}<Types xmlns="{_TYPES}">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_BOOK_TYPE}"/>{overrides}</Types>'
    )


def _root_rels() -> str:
    return (
        f'{_HEAD}<Relationships xmlns="{_RELS}">'
        f'<Relationship Id="rId1" Type="{_DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )


def _workbook(names: Sequence[str]) -> str:
    sheets = "".join(f'<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>' for n, name in enumerate(names, start=1))
    return f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets>{sheets}</sheets></workbook>'


def _workbook_rels(sheets: int) -> str:
    links = "".join(
        f'<Relationship Id="rId{n}" Type="{_DOC}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, sheets + 1)
    )
    return f'{_HEAD}<Relationships xmlns="{_RELS}">{links}</Relationships>'


def escape(text: str) -> str:
    """XML text escaping (xml.sax.saxutils would import urllib, http and ssl: slow in the browser)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# XML 1.0 cannot carry most control characters, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BAD_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _cell(ref: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    text = escape(_NOT_XML.sub("", str(value)))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _sheet(rows: Sequence[Sequence[Any]]) -> str:
    parts = [f'{_HEAD}<worksheet xmlns="{_MAIN}"><sheetData>']
    for number, values in enumerate(rows, start=1):
        cells = "".join(_cell(f"{_column_letter(i)}{number}", v) for i, v in enumerate(values))
        parts.append(f'<row r="{number}">{cells}</row>')
    parts.append("</sheetData></worksheet>")
    return "".join(parts)


def _sheet_name(name: object) -> str:
    return escape(_BAD_SHEET_NAME.sub(" ", _NOT_XML.sub("", str(name)))[:31].strip() or "Results")


def to_xlsx(table: Table, sheet_name: str = "Results") -> bytes:
    """The table as XLSX bytes: a sheet with a header row of column names and one row per result row,
    then, when the table's meta says how it was made, an "About" sheet of label/value pairs."""
    about = about_lines(table.meta)
    sheets = [(_sheet_name(sheet_name), _sheet([table.names, *table.rows]))]
    if about:
        name = "About" if sheets[0][0] != "About" else "About this table"
        sheets.append((name, _sheet([("Setting", "Value"), *about])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _content_types(len(sheets)))
        archive.writestr("_rels/.rels", _root_rels())
        archive.writestr("xl/workbook.xml", _workbook([name for name, _ in sheets]))
        archive.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
        for number, (_, xml) in enumerate(sheets, start=1):
            archive.writestr(f"xl/worksheets/sheet{number}.xml", xml)
    return buffer.getvalue()
