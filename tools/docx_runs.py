"""Runs inside one paragraph of a tool's .docx, and the small WordprocessingML touches python-docx lacks.

Used by docx_writer.py: text with bold, italic, code and superscript, outside links, line breaks;
checkbox and note marks; list numbering, a bar beside notes, repeating header rows, the footer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

LINK_COLOR = RGBColor(0x05, 0x63, 0xC1)
SKIPPED_LINKS = {"headerlink", "footnote-backref"}
SPACES = re.compile(r"\s+")


def classes(node: Any) -> set[str]:
    return set((node.get("class") or "").split())


def is_element(node: Any) -> bool:
    return isinstance(node.tag, str)  # comments and processing instructions are not


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
        if self.keep_lines:
            style(self.paragraph.add_run(text), fmt)  # python-docx turns newlines into breaks
        else:
            style(add_run(self.paragraph, SPACES.sub(" ", text)), fmt)

    def link(self, text: str, url: str, fmt: Format) -> None:
        """A clickable outside link (relative links to other pages of the site stay plain text)."""
        r_id = self.paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        hyperlink = OxmlElement("w:hyperlink")
        hyperlink.set(qn("r:id"), r_id)
        run = add_run(self.paragraph, SPACES.sub(" ", text))
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


def add_run(paragraph: Paragraph, text: str) -> Run:
    """paragraph.add_run(text) without python-docx's character-by-character scan (no tabs or newlines here)."""
    r = paragraph._p.add_r()
    r.add_t(text)
    return Run(r, paragraph)


def texts(paragraph: Paragraph) -> list[Any]:
    """The paragraph's <w:t> elements, in order (reading them is much faster than run.text)."""
    return list(paragraph._p.iter(qn("w:t")))


def set_text(element: Any, text: str) -> None:
    element.text = text
    element.set(qn("xml:space"), "preserve")


def tidy(paragraph: Paragraph) -> None:
    """Trim the spaces Markdown leaves at the start and end of a paragraph (they may span several runs)."""
    found = texts(paragraph)
    for element in found:
        if (element.text or "").strip(" "):
            set_text(element, element.text.lstrip(" "))
            break
        set_text(element, "")
    for element in reversed(found):
        if (element.text or "").strip(" "):
            set_text(element, element.text.rstrip(" "))
            break
        set_text(element, "")


def prefix(paragraph: Paragraph, mark: str) -> None:
    """Put a mark (a checkbox, a note number) and a space before the paragraph's text."""
    found = texts(paragraph)
    if found:
        set_text(found[0], f"{mark} {found[0].text or ''}")
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


def add_footer(doc: DocxDocument, text: str) -> None:
    """'START Toolkit · Title · page N' at the foot of every page."""
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.add_run(f"{text} · page ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)
