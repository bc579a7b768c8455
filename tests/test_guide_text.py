"""The guide's words: its own prose, lists kept, US spelling, current names, sound outside links, a glossary.

Run as a script to see the overlap per chapter: `python tests/test_guide_text.py`.
"""

import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
# The read-only source material; START_SHARED points at it from a clone elsewhere.
SOURCE = Path(os.environ.get("START_SHARED", ROOT.parent / "shared")) / "source" / "start-toolkit.txt"
# Lines 40-122 of the scrape are reference lists (names, titles, citations) that must stay exact.
REFERENCE_LINES = range(40, 123)
NGRAM = 10
MAX_OVERLAP = 0.01


def words(text):
    """Lower-case words, with curly quotes folded so 'don’t' and "don't" match."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text)


def markdown_text(md):
    """The words a reader sees: front matter, link targets, HTML tags and code fences removed."""
    md = re.sub(r"\A---\n.*?\n---\n", "", md, flags=re.S)
    md = re.sub(r"```.*?```", " ", md, flags=re.S)
    md = re.sub(r"\]\([^)]*\)", "] ", md)
    md = re.sub(r"<[^>]+>", " ", md)
    md = re.sub(r"\{[:#.][^}]*\}", " ", md)
    return md


def ngrams(tokens, n=NGRAM):
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def source_ngrams():
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    kept = [line for number, line in enumerate(lines, start=1) if number not in REFERENCE_LINES]
    grams = []
    for line in kept:  # each scraped line is a paragraph; never join across them
        grams.extend(ngrams(words(line)))
    return grams


def docs_markdown():
    """Every Markdown file a reader sees: docs/ (with the generated inventory, if built) and tools/."""
    files = sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "tools").glob("*.md"))
    return [path for path in files if path.name != "README.md"]


def overlap_share(paths):
    docs = set()
    for path in paths:
        docs.update(ngrams(words(markdown_text(path.read_text(encoding="utf-8")))))
    grams = source_ngrams()
    copied = [gram for gram in grams if gram in docs]
    return len(copied) / len(grams), copied


LIST_START = re.compile(r"\s*([-*+]|\d+[.)])\s")
ANNOUNCED = re.compile(r"\s*([-*+]\s|\d+[.)]\s|\||!!!|\?\?\?|:\s|<table|<dl)")


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


# ---------------------------------------------------------------------------------------------
# The guide as a reader meets it in 2026 (issue 11): US spelling, Tuckman's order, today's names,
# history kept on the About page, outside links that are real https links, and a glossary.

ABOUT = ROOT / "docs" / "about.md"
GLOSSARY = ROOT / "docs" / "glossary.md"
ABBREVIATIONS = ROOT / "includes" / "abbreviations.md"

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

STAGES = ("forming", "storming", "norming", "performing", "adjourning")
STAGE_WORD = re.compile(r"\b(" + "|".join(STAGES) + r")\b", re.IGNORECASE)
# A stage used as a label: a heading, a bold term, a list item, a table's first cell, a definition term.
STAGE_LABEL = re.compile(
    r"^\s*(?:#+\s+|[-*+]\s+|\d+[.)]\s+|\|\s*)?(?:stage\s+\d+\W+)?(?:\*\*)?(" + "|".join(STAGES) + r")\b",
    re.IGNORECASE,
)

# History words that mark a sentence naming WIA, one-stops, WIRED or Food Stamps as history.
HISTORY_MARKERS = re.compile(
    r"\b(?:replac\w*|renamed|formerly|former|predecessor|earlier|until|before|history|historical|older?"
    r"|previous\w*|prior|superseded|succeeded|no longer|was|were|used to|then|1998|200\d|2010|2012|2014|2015)\b",
    re.IGNORECASE,
)
OLD_NAMES = re.compile(
    r"\bWIA\b|Workforce Investment Act|\bone-stops?\b|(?-i:\bWIRED\b)|Food Stamp"
    r"|workforce investment boards?|\bLWIBs?\b",
    re.IGNORECASE,
)
WIA = re.compile(r"\bWIA\b|Workforce Investment Act")
MAX_WIA_OUTSIDE_ABOUT = 4
MAX_WIA_ANYWHERE = 10

PROVENANCE = re.compile(
    r"\bthe (?:2010|original) (?:start )?(?:guide|toolkit|edition|text|version|site)\b|\bnot hosted\b"
    r"|\bnot reproduced\b|\bthe original (?:guide|toolkit) (?:pointed|linked)",
    re.IGNORECASE,
)
DEAD_ENDS = re.compile(r"\bnot hosted\b|\bnot reproduced\b|\bpointed to\b.{0,40}\bno longer\b", re.IGNORECASE)
MAX_PROVENANCE_OUTSIDE_ABOUT = 3
PLACEHOLDERS = re.compile(r"\bTODO\b|\bTBD\b|\bFIXME\b|(?i:\bcoming soon\b|\blorem ipsum\b)")

LINK_TARGET = re.compile(r"\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_TARGET = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")
HTML_TARGET = re.compile(r"\b(?:href|src)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
BARE_URL = re.compile(r"\b(?:https?|ftp)://[^\s)>\]\"'|]+")
HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
MIN_OUTSIDE_LINKS = 60

GLOSSARY_ENTRY = re.compile(r"^(?P<term>[^\s:#|>!-][^\n]*)\n:\s{3}(?P<text>.+?)(?=\n\S|\n*\Z)", re.M | re.S)
MIN_GLOSSARY_ENTRIES = 40


def relative(path):
    return path.relative_to(ROOT).as_posix()


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


def blocks(text):
    return [block for block in re.split(r"\n\s*\n", text) if block.strip()]


def sentences(text):
    """Sentences: list items and table rows stand alone; a definition term and its definition count as one."""
    for block in blocks(text):
        units = []
        for line in block.splitlines():
            if not units or LIST_START.match(line) or line.lstrip().startswith("|"):
                units.append(line)
            else:
                units[-1] += " " + line
        for unit in units:
            yield from (part for part in re.split(r"(?<=[.!?])\s+(?=[A-Z*\[(])", " ".join(unit.split())) if part)


def guide_pages():
    """The reader's pages, without the generated inventory (it repeats tools/)."""
    return [path for path in docs_markdown() if not path.is_relative_to(ROOT / "docs" / "inventory")]


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


def stage_order_problems(path):
    """Lists of Tuckman's stages that are out of order: in a paragraph, list or table, or as labels."""
    text = markdown_text(path.read_text(encoding="utf-8"))
    problems = []
    for block in blocks(text):
        seen = []
        for word in (match.group(1).lower() for match in STAGE_WORD.finditer(block)):
            if word not in seen:
                seen.append(word)
        if len(seen) >= 3 and seen != sorted(seen, key=STAGES.index):
            problems.append(f"{relative(path)}: {', '.join(seen)}")
    labels = [match.group(1).lower() for line in text.splitlines() if (match := STAGE_LABEL.match(line))]
    for first, second in zip(labels, labels[1:], strict=False):
        if STAGES.index(second) < STAGES.index(first) and second != "forming":
            problems.append(f"{relative(path)}: stage labels in the order {', '.join(labels)}")
            break
    return problems


def glossary_entries():
    text = GLOSSARY.read_text(encoding="utf-8")
    return [(m.group("term").strip(), " ".join(m.group("text").split())) for m in GLOSSARY_ENTRY.finditer(text)]


def abbreviations():
    lines = ABBREVIATIONS.read_text(encoding="utf-8").splitlines()
    return dict(re.findall(r"^\*\[(.+?)\]:\s*(.+)$", "\n".join(lines), re.M))


def test_us_spelling():
    problems = []
    for path in guide_pages() + [ABBREVIATIONS]:
        text = re.sub(r"\s+", " ", reader_text(path))  # a proper name may wrap across lines
        for name in UK_PROPER_NAMES:
            text = text.replace(name, " ")
        problems += [f"{relative(path)}: {match.group(0)}" for match in UK_WORDS.finditer(text)]
    assert not problems, "UK spellings (the guide uses US spelling):\n" + "\n".join(problems)


def test_tuckman_stages_in_order_wherever_they_are_listed():
    pages = [path for path in guide_pages() if path != ABOUT]
    listing = [path for path in pages if len({w.lower() for w in STAGE_WORD.findall(path.read_text("utf-8"))}) >= 4]
    assert listing, "no page lists the stages of group development"
    problems = [problem for path in listing for problem in stage_order_problems(path)]
    assert not problems, "stages must run forming, storming, norming, performing (adjourning):\n" + "\n".join(problems)


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


def test_glossary_has_enough_defined_terms():
    entries = glossary_entries()
    assert len(entries) >= MIN_GLOSSARY_ENTRIES, f"{len(entries)} glossary entries; at least {MIN_GLOSSARY_ENTRIES}"
    terms = [term for term, _ in entries]
    assert len(set(terms)) == len(terms), "a glossary term appears twice"
    assert terms == sorted(terms, key=lambda t: re.sub(r"[^a-z0-9 ]", "", t.casefold())), "terms out of A-Z order"
    short = [term for term, text in entries if len(text.split()) < 6 or not text.rstrip(").").strip()]
    assert not short, f"entries without a real definition: {short}"


def test_every_abbreviation_has_a_glossary_entry_and_a_tooltip():
    abbrs = abbreviations()
    assert len(abbrs) >= 30, "the abbreviations file is missing or nearly empty"
    terms = " ".join(term.replace("\\", "") for term, _ in glossary_entries())
    missing = [
        abbr for abbr in abbrs if not re.search(rf"(?<![\w&]){re.escape(abbr.removesuffix('s'))}s?(?![\w&])", terms)
    ]
    assert not missing, f"abbreviations with no glossary entry: {missing}"
    # mkdocs' own YAML tags (!ENV, !relative) mean nothing here: drop them and read the rest.
    config = yaml.safe_load(re.sub(r"!(ENV|relative)\b", "", (ROOT / "mkdocs.yml").read_text("utf-8")))
    extensions = {next(iter(e)) if isinstance(e, dict) else e: e for e in config["markdown_extensions"]}
    assert "abbr" in extensions and "content.tooltips" in config["theme"]["features"]
    snippets = extensions["pymdownx.snippets"]["pymdownx.snippets"]
    assert snippets["auto_append"] == [ABBREVIATIONS.relative_to(ROOT).as_posix()]
    html = markdown.markdown(
        "Compare the LQ with QCEW data.\n\n" + ABBREVIATIONS.read_text("utf-8"), extensions=["abbr"]
    )
    assert f'<abbr title="{abbrs["LQ"]}">LQ</abbr>' in html and "*[" not in html


def test_old_program_names_only_as_history():
    problems, outside, anywhere = [], 0, 0
    for path in guide_pages():
        text = reader_text(path)
        anywhere += len(WIA.findall(text))
        if path == ABOUT:
            continue
        outside += len(WIA.findall(text))
        problems += [
            f"{relative(path)}: {s[:110]}"
            for s in sentences(text)
            if OLD_NAMES.search(s) and not HISTORY_MARKERS.search(s)
        ]
    assert not problems, "WIA, one-stop, WIRED or Food Stamp outside a historical sentence:\n" + "\n".join(problems)
    assert outside <= MAX_WIA_OUTSIDE_ABOUT, f"WIA is named {outside} times outside the About page"
    assert anywhere <= MAX_WIA_ANYWHERE, f"WIA is named {anywhere} times in the guide"


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
