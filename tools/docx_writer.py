"""HTML from a tool page's Markdown -> python-docx paragraphs, lists, tables and notes (used by documents.py).

The runs inside each paragraph are docx_runs.py's.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import html as lxml_html

CHECKBOX, CHECKED = "☐", "☒"
# Room to write by hand: an empty row of a one-column "Your answer" box, and of any other table.
ANSWER_BOX, ANSWER_ROW = Cm(3.0), Cm(0.9)
BLOCK_TAGS = {"p", "ul", "ol", "table", "div", "dl", "pre", "blockquote", "details", "hr"}
SPACES = re.compile(r"\s+")
HEADING = re.compile(r"h[1-6]")
BLOCK_METHODS = {
    "ul": "list_",
    "ol": "list_",
    "table": "table",
    "details": "boxed",
    "dl": "definitions",
    "pre": "preformatted",
    "blockquote": "quote",
}
CONTAINERS = {"div", "section", "form", "fieldset", "nav"}
IGNORED = {"hr", "script", "style", "template"}
ALIGN = {"right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}


def _sibling(name: str) -> ModuleType:
    """A module beside this one, loaded by its path once (tools/ is not a package)."""
    if f"tools_{name}" not in sys.modules:
        spec = importlib.util.spec_from_file_location(f"tools_{name}", Path(__file__).with_name(f"{name}.py"))
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
    return sys.modules[f"tools_{name}"]


runs = _sibling("docx_runs")
Format, Inline, classes, is_element = runs.Format, runs.Inline, runs.classes, runs.is_element
tidy, prefix, set_numbering, left_bar, mark_header = (
    runs.tidy,
    runs.prefix,
    runs.set_numbering,
    runs.left_bar,
    runs.mark_header,
)


class Writer:
    """Walks block elements into a container: the document itself or a table cell."""

    def __init__(self, doc: DocxDocument) -> None:
        self.doc = doc
        self.style_ids: dict[str, str] = {}

    def style_id(self, name: str) -> str:
        """Style ids looked up once: python-docx's lookup by name is slow, and documents use few styles."""
        if name not in self.style_ids:
            self.style_ids[name] = self.doc.styles[name].style_id
        return self.style_ids[name]

    # --- blocks ------------------------------------------------------------------------------

    def blocks(self, parent: Any, container: Any) -> None:
        if (parent.text or "").strip():
            self.paragraph(container).add_run(SPACES.sub(" ", parent.text.strip()))
        for child in parent:
            if is_element(child):
                self.block(child, container)
            if (child.tail or "").strip():
                self.paragraph(container).add_run(SPACES.sub(" ", child.tail.strip()))

    def block(self, node: Any, container: Any) -> None:
        tag = node.tag
        special = {"admonition": self.boxed, "footnote": self.notes}
        if HEADING.fullmatch(tag):
            # The page's own title is the document's Title, so the body's h2 is Heading 1.
            self.inline_paragraph(container, node, style=f"Heading {max(1, int(tag[1]) - 1)}")
        elif tag == "div" and classes(node) & special.keys():
            special[min(classes(node) & special.keys())](node, container)
        elif tag in BLOCK_METHODS:
            getattr(self, BLOCK_METHODS[tag])(node, container)
        elif tag in CONTAINERS:
            self.blocks(node, container)
        elif tag not in IGNORED:
            self.inline_paragraph(container, node)

    def preformatted(self, node: Any, container: Any) -> None:
        self.inline_paragraph(container, node, fmt=Format(mono=True), keep_lines=True)

    def quote(self, node: Any, container: Any) -> None:
        self.inline_paragraph(container, node, style="Quote")

    def paragraph(self, container: Any, style: str | None = None) -> Paragraph:
        """A new paragraph, or the empty one a fresh table cell starts with."""
        paragraphs = container.paragraphs if isinstance(container, _Cell) else []
        reuse = len(paragraphs) == 1 and not paragraphs[0].text
        paragraph: Paragraph = paragraphs[0] if reuse else container.add_paragraph()
        if style:
            paragraph._p.style = self.style_id(style)
        return paragraph

    def inline_paragraph(self, container: Any, node: Any, style: str | None = None, **options: Any) -> Paragraph:
        paragraph = self.paragraph(container, style)
        Inline(paragraph, options.get("keep_lines", False)).children(node, options.get("fmt", Format()))
        tidy(paragraph)
        return paragraph

    def list_(self, node: Any, container: Any, depth: int = 0) -> None:
        ordered = node.tag == "ol"
        level = min(depth + 1, 3)
        style = (
            f"List Number{'' if level == 1 else f' {level}'}"
            if ordered
            else f"List Bullet{'' if level == 1 else f' {level}'}"
        )
        number = self.restart_numbering(style) if ordered else None
        for item in node:
            if is_element(item) and item.tag == "li":
                self.item(item, container, style, depth, number)

    def item(self, node: Any, container: Any, style: str, depth: int, number: int | None) -> None:
        task = "task-list-item" in classes(node)
        paragraph = self.paragraph(container, "List Paragraph" if task else style)
        if task:
            paragraph.paragraph_format.left_indent = Cm(0.63 * (depth + 1))
        elif number is not None:
            set_numbering(paragraph, number)
        inline = Inline(paragraph)
        inline.text(node.text, Format())
        for child in (c for c in node if is_element(c)):
            if child.tag in ("ul", "ol"):
                self.list_(child, container, depth + 1)
            elif child.tag in BLOCK_TAGS and paragraph.text.strip():
                self.inline_paragraph(container, child, style="List Continue")  # a second paragraph
            else:
                inline.node(child, Format()) if child.tag not in BLOCK_TAGS else inline.children(child, Format())
            inline.text(child.tail, Format())
        tidy(paragraph)
        if task:
            box = node.find(".//input")
            prefix(paragraph, CHECKED if box is not None and box.get("checked") is not None else CHECKBOX)

    def restart_numbering(self, style: str) -> int:
        """A fresh numbering instance for the style, so each ordered list starts at 1."""
        numbering = self.doc.part.numbering_part.element
        num_id = self.doc.styles.element.get_by_id(self.style_id(style)).pPr.numPr.numId.val
        abstract = numbering.num_having_numId(num_id).abstractNumId.val
        num = numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(num.numId)

    def table(self, node: Any, container: Any) -> Table:
        rows = [row for row in node.iter("tr")]
        cells = [[cell for cell in row if is_element(cell) and cell.tag in ("th", "td")] for row in rows]
        width = max((len(row) for row in cells), default=1)
        table = self.new_table(container, len(rows), width)
        made = list(table.rows)  # table.rows[r] and table.cell() rescan the whole table on every call
        for r, (row, row_cells) in enumerate(zip(rows, cells, strict=True)):
            targets = [_Cell(tc, table) for tc in made[r]._tr.tc_lst]
            for c, cell in enumerate(row_cells):
                paragraph = targets[c].paragraphs[0]
                Inline(paragraph).children(cell, Format(bold=cell.tag == "th"))
                tidy(paragraph)
                paragraph.alignment = ALIGN.get(cell.get("align") or "")
            if row.getparent().tag == "thead":
                mark_header(made[r])
            elif not "".join(cell.text_content() for cell in row_cells).strip():
                made[r].height = ANSWER_BOX if width == 1 else ANSWER_ROW
        return table

    def new_table(self, container: Any, rows: int, cols: int) -> Table:
        table: Table = container.add_table(rows=rows, cols=cols)
        table._tbl.tblPr.style = self.style_id("Table Grid")
        return table

    def boxed(self, node: Any, container: Any) -> None:
        """An admonition or details block: its title in bold, then its content, with a bar down the left."""
        parent = container._tc if isinstance(container, _Cell) else self.doc.element.body
        before = len(parent)
        for child in (c for c in node if is_element(c)):
            if "admonition-title" in classes(child) or child.tag == "summary":
                self.inline_paragraph(container, child, fmt=Format(bold=True))
            else:
                self.block(child, container)
        for added in parent[before:]:
            if added.tag == qn("w:p"):
                left_bar(added)

    def notes(self, node: Any, container: Any) -> None:
        """Footnotes: 'Notes' in bold (not a heading: the page has none) and one numbered paragraph each."""
        self.paragraph(container).add_run("Notes").bold = True
        for number, item in enumerate(node.iter("li"), start=1):
            paragraph = self.paragraph(container)
            Inline(paragraph).children(item, Format())
            tidy(paragraph)
            prefix(paragraph, f"{number}.")

    def definitions(self, node: Any, container: Any) -> None:
        for child in node:
            if is_element(child) and child.tag == "dt":
                self.inline_paragraph(container, child, fmt=Format(bold=True))
            elif is_element(child) and child.tag == "dd":
                self.inline_paragraph(container, child).paragraph_format.left_indent = Cm(1)


def write_html(doc: DocxDocument, html: str) -> None:
    if html.strip():
        Writer(doc).blocks(lxml_html.fragment_fromstring(html, create_parent="div"), doc)
