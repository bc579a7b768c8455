"""The guide's text as a reader sees it, shared by the tests of its writing, names and links.

The pages are docs/ (with the generated inventory, if built) and tools/*.md; a test reads them through
these helpers so each counts the same words.
"""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ABOUT = ROOT / "docs" / "about.md"
GLOSSARY = ROOT / "docs" / "glossary.md"
ABBREVIATIONS = ROOT / "includes" / "abbreviations.md"
LIST_START = re.compile(r"\s*([-*+]|\d+[.)])\s")
BARE_URL = re.compile(r"\b(?:https?|ftp)://[^\s)>\]\"'|]+")


def relative(path):
    return path.relative_to(ROOT).as_posix()


def markdown_text(md):
    """The words a reader sees: front matter, link targets, HTML tags and code fences removed."""
    md = re.sub(r"\A---\n.*?\n---\n", "", md, flags=re.S)
    md = re.sub(r"```.*?```", " ", md, flags=re.S)
    md = re.sub(r"\]\([^)]*\)", "] ", md)
    md = re.sub(r"<[^>]+>", " ", md)
    md = re.sub(r"\{[:#.][^}]*\}", " ", md)
    return md


def reader_text(path):
    """What a reader sees, titles and summaries included: no link targets, URLs, tags or code."""
    md = path.read_text(encoding="utf-8")
    front = re.match(r"\A---\n(.*?)\n---\n", md, flags=re.S)
    head = ""
    if front:
        meta = yaml.safe_load(front.group(1)) or {}
        head = "\n\n".join(str(meta.get(key, "")) for key in ("title", "summary")) + "\n\n"
    text = markdown_text(md)
    text = re.sub(r"`[^`\n]*`", " ", text)
    text = BARE_URL.sub(" ", text)
    return head + text


def docs_markdown():
    """Every Markdown file a reader sees: docs/ (with the generated inventory, if built) and tools/."""
    files = sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "tools").glob("*.md"))
    return [path for path in files if path.name != "README.md"]


def guide_pages():
    """The reader's pages, without the generated inventory (it repeats tools/)."""
    return [path for path in docs_markdown() if not path.is_relative_to(ROOT / "docs" / "inventory")]
