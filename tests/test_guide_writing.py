"""The guide's writing: its own prose, lists announced by their colons, US spelling, no placeholder text.

Run as a script to see the overlap per chapter: `python tests/test_guide_writing.py`.
"""

import os
import re
import sys
from pathlib import Path

import pytest
from guide_text import ABBREVIATIONS, LIST_START, ROOT, docs_markdown, guide_pages, markdown_text, reader_text, relative

# The read-only source material; START_SHARED points at it from a clone elsewhere.
SOURCE = Path(os.environ.get("START_SHARED", ROOT.parent / "shared")) / "source" / "start-toolkit.txt"
# Lines 40-122 of the scrape are reference lists (names, titles, citations) that must stay exact.
REFERENCE_LINES = range(40, 123)
NGRAM = 10
MAX_OVERLAP = 0.01
ANNOUNCED = re.compile(r"\s*([-*+]\s|\d+[.)]\s|\||!!!|\?\?\?|:\s|<table|<dl)")

# UK forms and their inflections; the US form is what the guide uses (BRIEF: US spelling everywhere).
UK_STEMS = "organis|apologis|authoris|categoris|characteris|criticis|customis|emphasis|familiaris|finalis|formalis|"
UK_STEMS += "incentivis|itemis|maximis|minimis|mobilis|modernis|normalis|optimis|prioritis|realis|recognis|"
UK_STEMS += "specialis|standardis|summaris|utilis|visualis"
UK_WORDS = re.compile(
    rf"\b(?:(?:{UK_STEMS})(?:e|ed|es|ing|ation|ations|er|ers)|analys(?:e|ed|ing|er|ers)"
    r"|labour\w*|programmes?|centre[sd]?|catalogue[sd]?|behaviour\w*|favour\w*|colour\w*|honour\w*"
    r"|neighbour\w*|licences?|judgements?|counsell\w+|modell\w+|travell\w+|labell\w+|enrolment\w*|fulfil"
    r"|enrol|enrols|instalments?|skilful|defence|offence|practis(?:e|ed|es|ing)|ageing|whilst|learnt|grey"
    r"|metres?|manoeuvr\w*|sceptic\w*|paediatric\w*)\b",
    re.IGNORECASE,
)
# Proper names spelled the UK way by their owners stay as they are.
UK_PROPER_NAMES = ("Catalogue of Workforce Information Sources",)
PLACEHOLDERS = re.compile(r"\bTODO\b|\bTBD\b|\bFIXME\b|(?i:\bcoming soon\b|\blorem ipsum\b)")


def words(text):
    """Lower-case words, with curly quotes folded so 'don’t' and "don't" match."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text)


def ngrams(tokens, n=NGRAM):
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def source_ngrams():
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    kept = [line for number, line in enumerate(lines, start=1) if number not in REFERENCE_LINES]
    grams = []
    for line in kept:  # each scraped line is a paragraph; never join across them
        grams.extend(ngrams(words(line)))
    return grams


def overlap_share(paths):
    docs = set()
    for path in paths:
        docs.update(ngrams(words(markdown_text(path.read_text(encoding="utf-8")))))
    grams = source_ngrams()
    copied = [gram for gram in grams if gram in docs]
    return len(copied) / len(grams), copied


def dangling_colons(path):
    """Paragraphs that end in ':' with no list, table, definition or admonition after them."""
    lines = markdown_text_lines(path)
    problems = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped.endswith(":") or stripped.startswith(("#", "|", ":", "!!!", "???")):
            continue
        if index + 1 < len(lines) and lines[index + 1].strip():
            if LIST_START.match(lines[index + 1]):  # Python-Markdown needs a blank line first
                problems.append(f"{path.relative_to(ROOT)}:{index + 2}: a list needs a blank line before it")
            continue  # the paragraph goes on
        following = next((rest for rest in lines[index + 1 :] if rest.strip()), "")
        if not ANNOUNCED.match(following):
            problems.append(f"{path.relative_to(ROOT)}:{index + 1}: {stripped[-70:]}")
    return problems


def markdown_text_lines(path):
    """The file's lines, with front matter and fenced code blanked so line numbers stay true."""
    lines = path.read_text(encoding="utf-8").splitlines()
    in_fence = False
    in_front = lines[:1] == ["---"]
    out = []
    for number, line in enumerate(lines):
        if in_front:
            out.append("")
            if number > 0 and line == "---":
                in_front = False
            continue
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            out.append("")
            continue
        out.append("" if in_fence else line)
    return out


needs_source = pytest.mark.skipif(
    not SOURCE.exists(), reason=f"the source scrape {SOURCE} is absent; overlap cannot be measured"
)


@needs_source
def test_the_guide_is_in_its_own_words():
    share, copied = overlap_share(docs_markdown())
    examples = "\n".join(" ".join(gram) for gram in copied[:20])
    assert share < MAX_OVERLAP, f"{share:.2%} of the source's 10-word runs are copied, e.g.:\n{examples}"


def test_every_colon_is_followed_by_what_it_announces():
    pages = docs_markdown()
    assert len(pages) > 60, "the chapters are missing"
    problems = [problem for path in pages for problem in dangling_colons(path)]
    assert not problems, "paragraphs end in ':' with nothing after them:\n" + "\n".join(problems)


def test_us_spelling():
    problems = []
    for path in guide_pages() + [ABBREVIATIONS]:
        text = re.sub(r"\s+", " ", reader_text(path))  # a proper name may wrap across lines
        for name in UK_PROPER_NAMES:
            text = text.replace(name, " ")
        problems += [f"{relative(path)}: {match.group(0)}" for match in UK_WORDS.finditer(text)]
    assert not problems, "UK spellings (the guide uses US spelling):\n" + "\n".join(problems)


def test_no_placeholder_text():
    found = [
        f"{relative(path)}: {m.group(0)}" for path in guide_pages() for m in PLACEHOLDERS.finditer(reader_text(path))
    ]
    assert not found, "placeholder text:\n" + "\n".join(found)


if __name__ == "__main__":
    # Per-chapter report for writers: share of the source's runs found in each folder.
    folders = sys.argv[1:] or sorted(p.name for p in (ROOT / "docs").iterdir() if p.is_dir())
    for folder in folders:
        paths = sorted((ROOT / "docs" / folder).rglob("*.md"))
        share, copied = overlap_share(paths)
        print(f"{folder}: {share:.3%} of all source runs copied ({len(copied)} runs)")
        for gram in copied[:15]:
            print("   ", " ".join(gram))
        for path in paths:
            for problem in dangling_colons(path):
                print("  dangling colon:", problem)
    share, _ = overlap_share(docs_markdown())
    print(f"whole guide: {share:.3%} (limit {MAX_OVERLAP:.0%})")
