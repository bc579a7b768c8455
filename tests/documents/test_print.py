"""The printable edition: one page with every chapter in order, and the PDF Chromium prints from it."""

import importlib.util
import re
from collections import Counter
from pathlib import Path

import build_pdf
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def chapters():
    """(number, title, page paths) for docs/NN-*/, pages in the order of mkdocs.yml's nav."""
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    found = []
    for folder in sorted((ROOT / "docs").glob("[0-9][0-9]-*")):
        title = re.search(r"^# (.+)$", (folder / "index.md").read_text(encoding="utf-8"), re.M).group(1).strip()
        pages = re.findall(rf"^\s*- ({folder.name}/[^\s]+\.md)\s*$", nav, re.M)
        found.append((int(folder.name[:2]), title, pages))
    return found


def section_id(path):
    return "print-" + re.sub(r"[^a-z0-9]+", "-", path.removesuffix(".md").lower()).strip("-")


def test_the_printable_page_holds_every_chapter_in_order(built_site):
    text = (built_site / "print" / "index.html").read_text(encoding="utf-8")
    assert "<!-- print-edition -->" not in text
    positions = []
    for number, title, pages in chapters():
        assert pages, f"chapter {number} has no pages in the nav"
        for path in pages:
            assert re.search(rf'<section class="print-page[^"]*" id="{section_id(path)}">', text), path
            positions.append(text.index(f'id="{section_id(path)}"'))
            assert f'href="#{section_id(path)}"' in text, f"{path} is missing from the contents"
        assert re.search(rf"<h2[^>]*>{re.escape(title)}", text), f"chapter {number}'s title is not a heading"
    assert positions == sorted(positions), "the chapters are out of order"
    ids = Counter(re.findall(r'\sid="([^"]+)"', text))
    assert [name for name, count in ids.items() if count > 1] == []
    assert "<h1" not in text.split('class="print-edition"', 1)[1], "a chapter heading was not moved down a level"


def test_the_printable_page_is_left_out_of_the_search_index(built_site):
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"print/' not in index.replace(" ", "")


@pytest.mark.browser
def test_the_pdf_opens_and_has_a_page_for_every_chapter(browser, site_url, tmp_path):
    pdf = tmp_path / "edition.pdf"
    build_pdf.print_page(browser, site_url + "print/", pdf)
    reader = PdfReader(pdf)
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    listed = chapters()
    assert len(reader.pages) > len(listed)
    for number, title, _ in listed:
        opening = f"CHAPTER {number} {title}"
        assert any(text.startswith(opening) for text in texts), f"no page starts with {opening!r}"


def test_a_built_pdf_is_offered_on_the_print_page(tmp_path, monkeypatch):
    hook = load("start_print_hook", ROOT / "hooks" / "print.py")
    pdf = tmp_path / hook.pdf_name()
    pdf.write_bytes(b"%PDF-1.7\n" + b"0" * 2_000_000)
    monkeypatch.setattr(hook, "pdf_path", lambda: pdf)
    config = load_config(str(ROOT / "mkdocs.yml"))
    monkeypatch.setattr(config.plugins, "_current_plugin", None, raising=False)  # set by MkDocs during a build
    files = hook.on_files(Files([]), config)
    assert files.get_file_from_path(f"downloads/{hook.pdf_name()}") is not None

    class Page:
        url = "print/"

    markdown = hook.on_page_markdown("Intro\n\n<!-- print-download -->\n", Page(), config, files)
    assert f"[Download the PDF](../downloads/{hook.pdf_name()})" in markdown and "2.0 MB" in markdown
    monkeypatch.setattr(hook, "pdf_path", lambda: tmp_path / "absent.pdf")
    assert "make pdf" in hook.on_page_markdown(
        "<!-- print-download -->", Page(), config, hook.on_files(Files([]), config)
    )
