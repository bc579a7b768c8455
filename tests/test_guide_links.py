"""The guide's outside links and sources: well-formed https links, enough distinct sources, and history
notes kept on the About page, with no dead-end pointers in the chapters.
"""

import re
from urllib.parse import urlsplit

from guide_text import ABOUT, guide_pages, reader_text, relative

PROVENANCE = re.compile(
    r"\bthe (?:2010|original) (?:start )?(?:guide|toolkit|edition|text|version|site)\b|\bnot hosted\b"
    r"|\bnot reproduced\b|\bthe original (?:guide|toolkit) (?:pointed|linked)",
    re.IGNORECASE,
)
DEAD_ENDS = re.compile(r"\bnot hosted\b|\bnot reproduced\b|\bpointed to\b.{0,40}\bno longer\b", re.IGNORECASE)
MAX_PROVENANCE_OUTSIDE_ABOUT = 3

LINK_TARGET = re.compile(r"\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_TARGET = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")
HTML_TARGET = re.compile(r"\b(?:href|src)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
MIN_OUTSIDE_LINKS = 60


def outside_links(path):
    """(line number, URL) for every link with a scheme, however it is written (bare URLs are text, not links)."""
    md = path.read_text(encoding="utf-8")
    found = {}
    for pattern in (LINK_TARGET, REFERENCE_TARGET, AUTOLINK, HTML_TARGET):
        for match in pattern.finditer(md):
            url = match.group(1)
            if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I) and not url.lower().startswith(("mailto:", "tel:")):
                found.setdefault(match.start(), (md.count("\n", 0, match.start()) + 1, url))
    return sorted(set(found.values()))


def link_problem(url):
    """Why an outside link is not a well-formed https link, or None."""
    if not url.startswith("https://"):
        return "not https"
    parts = urlsplit(url)
    if not HOST.match(parts.hostname or ""):
        return "no valid host name"
    if re.search(r"[\s<>\"'`{}|\\^]", url) or url.count("(") != url.count(")"):
        return "characters that break the link"
    if url.endswith((".", ",", ";", ":")) or "…" in url:
        return "ends in punctuation or is cut short"
    if re.search(r"%(?![0-9A-Fa-f]{2})", url):
        return "a malformed %-escape"
    return None


def test_outside_links_are_well_formed_https():
    problems = []
    for path in guide_pages():
        problems += [
            f"{relative(path)}:{line}: {url} ({why})" for line, url in outside_links(path) if (why := link_problem(url))
        ]
        problems += [
            f"{relative(path)}: plain http:// text" for _ in re.finditer(r"\bhttp://", path.read_text("utf-8"))
        ]
    assert not problems, "outside links must be well-formed https:// links:\n" + "\n".join(sorted(set(problems)))


def test_enough_distinct_outside_sources():
    urls = {url.rstrip("/") for path in guide_pages() for _, url in outside_links(path) if url.startswith("https://")}
    assert len(urls) >= MIN_OUTSIDE_LINKS, (
        f"{len(urls)} distinct outside https links; the guide needs {MIN_OUTSIDE_LINKS}"
    )


def test_history_notes_live_on_the_about_page():
    assert ABOUT.exists(), "docs/about.md (About this edition) is missing"
    notes = [
        f"{relative(path)}: {m.group(0)}"
        for path in guide_pages()
        if path != ABOUT
        for m in PROVENANCE.finditer(reader_text(path))
    ]
    assert len(notes) <= MAX_PROVENANCE_OUTSIDE_ABOUT, "provenance notes outside the About page:\n" + "\n".join(notes)
    dead = [f"{relative(path)}: {m.group(0)}" for path in guide_pages() for m in DEAD_ENDS.finditer(reader_text(path))]
    assert not dead, "dead ends: link a current equivalent or drop the pointer:\n" + "\n".join(dead)
