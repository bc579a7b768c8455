"""The guide's names and terms in 2026: older program names only as history, Tuckman's stages in order,
a glossary, and a tooltip for every abbreviation.
"""

import re

import markdown
import yaml
from guide_text import (
    ABBREVIATIONS,
    ABOUT,
    GLOSSARY,
    LIST_START,
    ROOT,
    guide_pages,
    markdown_text,
    reader_text,
    relative,
)

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

GLOSSARY_ENTRY = re.compile(r"^(?P<term>[^\s:#|>!-][^\n]*)\n:\s{3}(?P<text>.+?)(?=\n\S|\n*\Z)", re.M | re.S)
MIN_GLOSSARY_ENTRIES = 40


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


def test_tuckman_stages_in_order_wherever_they_are_listed():
    pages = [path for path in guide_pages() if path != ABOUT]
    listing = [path for path in pages if len({w.lower() for w in STAGE_WORD.findall(path.read_text("utf-8"))}) >= 4]
    assert listing, "no page lists the stages of group development"
    problems = [problem for path in listing for problem in stage_order_problems(path)]
    assert not problems, "stages must run forming, storming, norming, performing (adjourning):\n" + "\n".join(problems)


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
