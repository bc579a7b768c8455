"""Workbook specs (tools/downloads/*.yml) -> .xlsx (every sheet, openpyxl) or .csv (the `csv:` sheet)."""

import csv
import datetime
import io

import yaml
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

# Fixed document dates keep the files identical from build to build.
EPOCH = datetime.datetime(2020, 1, 1)


class SpecError(Exception):
    """A workbook spec that cannot be rendered, naming the file and the field."""


def load_spec(path):
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(spec, dict) or not isinstance(spec.get("sheets"), list) or not spec["sheets"]:
        raise SpecError(f"{path}: expected a mapping with a non-empty 'sheets' list")
    tabs = [sheet.get("tab") for sheet in spec["sheets"]]
    if spec.get("csv") not in tabs:
        raise SpecError(f"{path}: field 'csv': expected one of the tabs {tabs}; got {spec.get('csv')!r}")
    for sheet in spec["sheets"]:
        if not isinstance(sheet.get("columns"), list) or not sheet["columns"]:
            raise SpecError(f"{path}: sheet {sheet.get('tab')!r}: field 'columns': expected a list of headers")
        if len(sheet_title(sheet)) > 31:
            raise SpecError(f"{path}: sheet {sheet.get('tab')!r}: title {sheet_title(sheet)!r} is over 31 characters")
    return spec


def sheet_title(sheet):
    return f"{sheet['tab']} {sheet.get('name', '')}".strip()


def write_workbook(spec_path, target):
    spec = load_spec(spec_path)
    if target.suffix == ".csv":
        target.write_text(csv_text(spec, spec_path), encoding="utf-8")
    else:
        target.write_bytes(xlsx_bytes(spec))


def csv_text(spec, spec_path):
    sheet = next(s for s in spec["sheets"] if s["tab"] == spec["csv"])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(sheet["columns"])
    for row in sheet.get("rows") or []:
        if any(isinstance(cell, str) and cell.startswith("=") for cell in row):
            raise SpecError(f"{spec_path}: sheet {sheet['tab']!r}: the CSV sheet may not hold formulas")
        writer.writerow(row)
    return out.getvalue()


def xlsx_bytes(spec):
    book = Workbook()
    book.remove(book.active)
    book.properties.title = spec.get("title", "")
    book.properties.creator = "START Toolkit"
    book.properties.created = book.properties.modified = EPOCH
    for sheet in spec["sheets"]:
        page = book.create_sheet(sheet_title(sheet))
        page.append([sheet.get("about", "")])
        page["A1"].alignment = Alignment(wrap_text=False)
        page.append(sheet["columns"])
        for cell in page[2]:
            cell.font = Font(bold=True)
        for row in sheet.get("rows") or []:
            page.append(row)
        for index, header in enumerate(sheet["columns"], start=1):
            page.column_dimensions[get_column_letter(index)].width = max(12, min(40, len(str(header)) + 4))
        page.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
