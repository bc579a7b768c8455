"""HTML from a tool page's Markdown -> python-docx paragraphs, lists, tables and notes (used by documents.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import html as lxml_html

CHECKBOX, CHECKED = "☐", "☒"
LINK_COLOR = RGBColor(0x05, 0x63, 0xC1)
# Room to write by hand: an empty row of a one-column "Your answer" box, and of any other table.
ANSWER_BOX, ANSWER_ROW = Cm(3.0), Cm(0.9)
BLOCK_TAGS = {"p", "ul", "ol", "table", "div", "dl", "pre", "blockquote", "details", "hr"}
SKIPPED_LINKS = {"headerlink", "footnote-backref"}
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


@dataclass(frozen=True)
class Format:
    bold: bool = False
    italic: bool = False
    mono: bool = False
    sup: bool = False


INLINE_FORMATS = {
    "strong": {"bold": True},
    "b": {"bold": True},
    "em": {"italic": True},
    "i": {"italic": True},
    "code": {"mono": True},
    "kbd": {"mono": True},
    "sup": {"sup": True},
}


def classes(node: Any) -> set[str]:
    return set((node.get("class") or "").split())


def is_element(node: Any) -> bool:
    return isinstance(node.tag, str)  # comments and processing instructions are not


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
        for r, (row, row_cells) in enumerate(zip(rows, cells, strict=True)):
            # _Cell from the row's own <w:tc>s: table.cell() rescans the whole table on every call.
            targets = [_Cell(tc, table) for tc in table.rows[r]._tr.tc_lst]
            for c, cell in enumerate(row_cells):
                paragraph = targets[c].paragraphs[0]
                Inline(paragraph).children(cell, Format(bold=cell.tag == "th"))
                tidy(paragraph)
                paragraph.alignment = ALIGN.get(cell.get("align") or "")
            if row.getparent().tag == "thead":
                mark_header(table.rows[r])
            elif not "".join(cell.text_content() for cell in row_cells).strip():
                table.rows[r].height = ANSWER_BOX if width == 1 else ANSWER_ROW
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


class Inline:
    """Runs inside one paragraph: text with bold, italic, code and superscript, links, line breaks."""

    def __init__(self, paragraph: Paragraph, keep_lines: bool = False) -> None:
        self.paragraph, self.keep_lines = paragraph, keep_lines

    def children(self, node: Any, fmt: Format) -> None:
        self.text(node.text, fmt)
        for child in node:
            if is_element(child):
                self.node(child, fmt)
            self.text(child.tail, fmt)

    def node(self, node: Any, fmt: Format) -> None:
        tag = node.tag
        if tag == "br":
            self.paragraph.add_run().add_break()
        elif tag == "a" and classes(node) & SKIPPED_LINKS:
            return
        elif tag == "a" and (node.get("href") or "").startswith("https://"):
            self.link(node.text_content(), node.get("href"), fmt)
        elif tag == "img":
            self.text(node.get("alt"), fmt)
        elif tag not in ("input", "script", "style"):
            self.children(node, replace(fmt, **INLINE_FORMATS.get(tag, {})))

    def text(self, text: str | None, fmt: Format) -> None:
        if not text:
            return
        if not self.keep_lines:
            text = SPACES.sub(" ", text)
        style(self.paragraph.add_run(text), fmt)

    def link(self, text: str, url: str, fmt: Format) -> None:
        """A clickable outside link (relative links to other pages of the site stay plain text)."""
        r_id = self.paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        hyperlink = OxmlElement("w:hyperlink")
        hyperlink.set(qn("r:id"), r_id)
        run = self.paragraph.add_run(SPACES.sub(" ", text))
        style(run, fmt)
        run.font.color.rgb = LINK_COLOR
        run.font.underline = True
        hyperlink.append(run._r)
        self.paragraph._p.append(hyperlink)


def style(run: Any, fmt: Format) -> None:
    if fmt.bold:
        run.bold = True
    if fmt.italic:
        run.italic = True
    if fmt.mono:
        run.font.name = "Consolas"
        run.font.size = Pt(10)
    if fmt.sup:
        run.font.superscript = True


def tidy(paragraph: Paragraph) -> None:
    """Trim the spaces Markdown leaves at the start and end of a paragraph."""
    runs = [run for run in paragraph.runs if run.text]
    for run in runs:  # leading spaces may span several runs
        if run.text.strip(" "):
            run.text = run.text.lstrip(" ") if run.text.startswith(" ") else run.text
            break
        run.text = ""
    for run in reversed(runs):
        if run.text.strip(" "):
            run.text = run.text.rstrip(" ") if run.text.endswith(" ") else run.text
            break
        run.text = ""


def prefix(paragraph: Paragraph, mark: str) -> None:
    """Put a mark (a checkbox, a note number) and a space before the paragraph's text."""
    runs = paragraph.runs
    if runs:
        runs[0].text = f"{mark} {runs[0].text}"
    else:
        paragraph.add_run(mark)


def set_numbering(paragraph: Paragraph, num_id: int) -> None:
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = 0
    numbering.get_or_add_numId().val = num_id


def left_bar(paragraph: Any) -> None:
    """A border on the left of a paragraph, as the site draws notes and tips."""
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for name, value in (("val", "single"), ("sz", "18"), ("space", "8"), ("color", "3F51B5")):
        left.set(qn(f"w:{name}"), value)
    borders.append(left)
    paragraph.get_or_add_pPr().insert_element_before(
        borders, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr", "w:sectPr"
    )


def mark_header(row: Any) -> None:
    """A header row Word repeats at the top of each page."""
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def write_html(doc: DocxDocument, html: str) -> None:
    if html.strip():
        Writer(doc).blocks(lxml_html.fragment_fromstring(html, create_parent="div"), doc)


def add_footer(doc: DocxDocument, text: str) -> None:
    """'START Toolkit · Title · page N' at the foot of every page."""
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.add_run(f"{text} · page ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)
