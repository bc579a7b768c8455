"""The Word versions of the tools: one per document tool, opened with python-docx and checked against the Markdown."""

import os
import re
import time

import pytest
from docx import Document

import build_inventory as inventory

documents = inventory.documents
FENCE = re.compile(r"^\s*(```|~~~).*?^\s*\1", re.S | re.M)
HEADING = re.compile(r"^(#{1,6})\s+(.+?)(?:\s+\{[^}]*\})?\s*#*\s*$", re.M)
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TASK = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s", re.M)


def plain(markdown_text):
    """Inline Markdown to the words a reader sees: links, emphasis and code marks dropped."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?", r"\1", markdown_text)
    text = re.sub(r"\*\*|(?<!\w)\*|\*(?!\w)|`", "", text)
    return " ".join(text.replace("\\|", "|").split())


def expected_headings(markdown_text):
    """(level in the document, text): the page's title is the document's Title, so '##' is Heading 1."""
    body = FENCE.sub("", markdown_text)
    return [(max(1, len(hashes) - 1), plain(text)) for hashes, text in HEADING.findall(body)]


def expected_tables(markdown_text):
    """Each Markdown table as (its header cells, its number of rows including the header)."""
    tables, rows = [], []
    for line in FENCE.sub("", markdown_text).splitlines() + [""]:
        if TABLE_ROW.match(line):
            rows.append(line)
            continue
        if len(rows) >= 2:
            cells = re.split(r"(?<!\\)\|", rows[0].strip().strip("|"))
            tables.append(([plain(cell) for cell in cells], len(rows) - 1))
        rows = []
    return tables


def document_headings(doc):
    found = []
    for paragraph in doc.paragraphs:
        name = paragraph.style.name
        if name.startswith("Heading "):
            found.append((int(name.split()[1]), " ".join(paragraph.text.split())))
    return found


@pytest.fixture(scope="module")
def catalog():
    tools, _, _ = inventory.load_catalog()
    return [tool for tool in tools if documents.is_document(tool.kind)]


def test_at_least_thirty_tools_are_documents_and_no_calculator_is(catalog):
    assert len(catalog) >= 30
    assert all(tool.kind != "calculator" for tool in catalog)


def test_every_document_opens_and_matches_its_page(catalog, built_site):
    problems = []
    for tool in catalog:
        path = built_site / "inventory" / "downloads" / documents.file_name(tool.slug)
        if not path.is_file():
            problems.append(f"{tool.slug}: no {path.name} in the built site")
            continue
        doc = Document(str(path))
        source = documents.document_markdown(tool.body)
        titled = [p.text for p in doc.paragraphs if p.style.name == "Title"]
        if titled != [tool.title]:
            problems.append(f"{tool.slug}: Title paragraphs {titled}")
        if document_headings(doc) != expected_headings(source):
            problems.append(f"{tool.slug}: headings {document_headings(doc)} != {expected_headings(source)}")
        tables = [([" ".join(c.text.split()) for c in t.rows[0].cells], len(t.rows)) for t in doc.tables]
        if tables != expected_tables(source):
            problems.append(f"{tool.slug}: tables {tables} != {expected_tables(source)}")
        boxes = [p.text for p in doc.paragraphs if p.text.startswith(documents.docx_writer.CHECKBOX + " ")]
        if len(boxes) != len(TASK.findall(FENCE.sub("", source))):
            problems.append(f"{tool.slug}: {len(boxes)} checklist items, the page has {len(TASK.findall(source))}")
    assert problems == []


def test_properties_name_the_tool_and_the_toolkit(catalog, built_site):
    for tool in catalog:
        props = Document(str(built_site / "inventory" / "downloads" / f"{tool.slug}.docx")).core_properties
        assert (props.title, props.subject, props.comments) == (tool.title, tool.summary, tool.summary)
        assert props.author == documents.TOOLKIT and props.keywords.startswith(documents.TOOLKIT)


def test_every_tool_page_offers_its_document_and_the_inventory_lists_formats(catalog, built_site):
    for tool in catalog:
        page = (built_site / "inventory" / "tools" / tool.slug / "index.html").read_text(encoding="utf-8")
        assert f'href="../../downloads/{tool.slug}.docx"' in page, tool.slug
    listing = (built_site / "inventory" / "index.html").read_text(encoding="utf-8")
    assert "(template · DOCX)" in listing and "(workbook · XLSX, CSV, DOCX)" in listing
    assert "(calculator)" in listing


def test_blank_rows_leave_room_to_write_and_lists_keep_their_marks(tmp_path):
    html = documents.site_markdown().convert(
        "## Plan\n\n| Step | Owner |\n|---|---|\n| Call | Ana |\n| | |\n\n1. one\n2. two\n\n"
        "Then:\n\n- [ ] ask\n- [x] done\n\n| Your answer |\n|---|\n| |\n"
    )
    path = tmp_path / "t.docx"
    path.write_bytes(documents.document_bytes("T", "S", html))
    doc = Document(str(path))
    first, box = doc.tables
    assert first.rows[0]._tr.trPr.xpath("./w:tblHeader"), "the header row does not repeat"
    assert first.rows[1].height is None and first.rows[2].height.twips == documents.docx_writer.ANSWER_ROW.twips
    assert box.rows[1].height.twips == documents.docx_writer.ANSWER_BOX.twips
    texts = [(p.style.name, p.text) for p in doc.paragraphs]
    assert (
        ("List Number", "one") in texts
        and ("List Paragraph", "☐ ask") in texts
        and ("List Paragraph", "☒ done") in texts
    )


def test_a_document_is_rebuilt_only_when_its_source_changes(catalog, tmp_path):
    tool = next(t for t in catalog if t.slug == "action-plan")
    out = tmp_path / "downloads"
    (target,) = documents.write_documents([tool], inventory.TOOLS, out)
    first = target.read_bytes()
    os.utime(target, (time.time() + 60, time.time() + 60))  # newer than every input
    stamp = target.stat().st_mtime_ns
    documents.write_documents([tool], inventory.TOOLS, out)
    assert target.stat().st_mtime_ns == stamp, "an up-to-date document was rewritten"
    os.utime(target, (0, 0))  # older than its source
    documents.write_documents([tool], inventory.TOOLS, out)
    assert target.stat().st_mtime_ns != 0 and target.read_bytes() == first, "not rebuilt, or not reproducible"
