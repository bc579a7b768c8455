"""MkDocs hook: the printable edition, one page (docs/print.md) holding every chapter in order, and its PDF.

Once every page is rendered (on_env), the chapters' HTML is copied into the print page after a table
of contents: headings move down one level, ids get a per-page prefix so they stay unique, and links
are rewritten for their new place (to an anchor when the target is in the edition, else relative to
the print page). No script is involved, so it fits the Content-Security-Policy. `make pdf`
(scripts/build_pdf.py) renders the page to dist/start-toolkit-<version>.pdf with Chromium; when that
file exists, the build publishes it at downloads/ and `<!-- print-download -->` becomes its link.
"""

import html
import importlib.util
import logging
import posixpath
import re
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
PRINT_PAGE = "print.md"
CONTENT_MARKER = "<!-- print-edition -->"
DOWNLOAD_MARKER = "<!-- print-download -->"
CHAPTER = re.compile(r"^(\d\d)-[^/]+/")
# Pages after the chapters, when the guide has them.
APPENDIX = ("glossary.md", "about.md")
ATTRIBUTE = re.compile(r"""(\s(id|href|src)=)(["'])(.*?)\3""", re.S)
HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")
log = logging.getLogger("mkdocs.hooks.print")
state = {"nav": None}


# scripts/project.py names the PDF, for this hook and scripts/build_pdf.py.
_spec = importlib.util.spec_from_file_location("project", ROOT / "scripts" / "project.py")
assert _spec and _spec.loader
project = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(project)
pdf_name, pdf_path = project.pdf_name, project.pdf_path


# --- The PDF download -------------------------------------------------------------------------


def on_files(files, config):
    if pdf_path().is_file():
        files.append(File.generated(config, f"downloads/{pdf_name()}", abs_src_path=str(pdf_path())))
    return files


def on_page_markdown(markdown, page, config, files):
    if DOWNLOAD_MARKER not in markdown:
        return markdown
    target = files.get_file_from_path(f"downloads/{pdf_name()}")
    if target is None:
        block = (
            '!!! note "The PDF is not part of this build"\n\n'
            "    Run `make pdf`, then build the site again, to offer the PDF here. Your browser's print\n"
            '    command can also save this page as a PDF ("Save as PDF").\n'
        )
    else:
        size = pdf_path().stat().st_size / 1e6
        block = (
            f"[Download the PDF]({get_relative_url(target.url, page.url)}){{ .md-button .md-button--primary "
            f'download="{pdf_name()}" }}\n\nA PDF file of {size:.1f} MB, made from this page.\n'
        )
    return markdown.replace(DOWNLOAD_MARKER, f'<div class="print-download" markdown>\n\n{block}\n</div>')


# --- The edition ------------------------------------------------------------------------------


def on_nav(nav, config, files):
    state["nav"] = nav
    return nav


def edition_pages(nav):
    """The chapters' pages in reading order, then the appendix pages the guide has."""
    pages = [page for page in nav.pages if CHAPTER.match(page.file.src_uri)]
    extra = {page.file.src_uri: page for page in nav.pages if page.file.src_uri in APPENDIX}
    return pages + [extra[name] for name in APPENDIX if name in extra]


def anchor(page):
    return "print-" + re.sub(r"[^a-z0-9]+", "-", page.file.src_uri.removesuffix(".md").lower()).strip("-")


def site_path(url):
    """A page or file URL as a comparable site path: no leading or trailing slash."""
    return url.strip("/")


def page_dir(url):
    return "/" + (url if url.endswith("/") or not url else posixpath.dirname(url) + "/")


class Rewriter:
    """Moves one page's HTML into the print page: prefixed ids, rewritten links, headings one level down."""

    def __init__(self, page, anchors, print_page):
        self.page, self.anchors, self.print_page = page, anchors, print_page
        self.prefix = anchors[site_path(page.url)]

    def local(self, fragment):
        return f"{self.prefix}--{fragment}"

    def target(self, value):
        if value.startswith("#"):
            return "#" + self.local(value[1:])
        if re.match(r"^[a-z][a-z0-9+.-]*:|^//", value, re.I):
            return value  # another site, mail or data: unchanged
        path, _, fragment = value.partition("#")
        resolved = posixpath.normpath(posixpath.join(page_dir(self.page.url), path)) if path else "/" + self.page.url
        if path.endswith("/") and not resolved.endswith("/"):
            resolved += "/"
        key = site_path(resolved)
        if key in self.anchors:
            return "#" + (f"{self.anchors[key]}--{fragment}" if fragment else self.anchors[key])
        relative = get_relative_url(key + ("/" if resolved.endswith("/") and key else ""), self.print_page.url)
        return relative + (f"#{fragment}" if fragment else "")

    def attribute(self, match):
        lead, name, quote, value = match.groups()
        value = html.unescape(value)
        new = self.local(value) if name == "id" else self.target(value)
        return f"{lead}{quote}{html.escape(new, quote=True)}{quote}"

    def rewrite(self, content):
        content = ATTRIBUTE.sub(self.attribute, content)
        return HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}", content)


def contents(pages, anchors):
    """The table of contents: chapters, each with its pages."""
    items, current = [], None
    for page in pages:
        title = html.escape(page.title or page.file.name)
        number = CHAPTER.match(page.file.src_uri)
        if number and page.file.src_uri.endswith("/index.md"):
            title = f"{int(number.group(1))}. {title}"
        link = f'<a href="#{anchors[site_path(page.url)]}">{title}</a>'
        if page.file.src_uri.endswith("/index.md") or current is None or not CHAPTER.match(page.file.src_uri):
            if current is not None:
                items.append("</ol></li>")
            items.append(f"<li>{link}<ol>")
            current = page
        else:
            items.append(f"<li>{link}</li>")
    items.append("</ol></li>")
    return (
        '<nav class="print-toc" aria-labelledby="print-contents"><h2 id="print-contents">Contents</h2>'
        f'<ol class="print-toc__chapters">{"".join(items)}</ol></nav>'
    )


def edition_html(pages, print_page):
    anchors = {site_path(page.url): anchor(page) for page in pages}
    parts = [contents(pages, anchors)]
    for page in pages:
        body = Rewriter(page, anchors, print_page).rewrite(page.content or "")
        starts_chapter = page.file.src_uri.endswith("/index.md") or not CHAPTER.match(page.file.src_uri)
        kind = "print-page print-page--chapter" if starts_chapter else "print-page"
        number = CHAPTER.match(page.file.src_uri)
        if number and starts_chapter:
            body = f'<p class="print-chapter-number">Chapter {int(number.group(1))}</p>{body}'
        parts.append(f'<section class="{kind}" id="{anchors[site_path(page.url)]}">{body}</section>')
    return '<div class="print-edition">' + "".join(parts) + "</div>"


def on_env(env, config, files):
    """Every page is rendered by now and none is written yet: fill the print page."""
    target = files.get_file_from_path(PRINT_PAGE)
    if target is None or target.page is None or state["nav"] is None:
        return env
    page = target.page
    if CONTENT_MARKER not in (page.content or ""):
        log.warning("%s: the marker %s is missing, so the printable edition is empty", PRINT_PAGE, CONTENT_MARKER)
        return env
    pages = edition_pages(state["nav"])
    page.content = page.content.replace(CONTENT_MARKER, edition_html(pages, page))
    return env
