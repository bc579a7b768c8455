"""build_inventory.py with tools/catalog.py: sorting, grouping, every validation error, the command line."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import build_inventory as inventory

ROOT = Path(inventory.__file__).resolve().parent
TOPICS = (
    "- name: Funding, budgets and sustainability\n  description: Money.\n"
    "- name: Strategic planning and governance\n  description: Plans.\n"
)


def record(
    title="A Tool",
    summary="What it is for.",
    modules="[1]",
    topics='["Funding, budgets and sustainability"]',
    kind="guide",
    extra="",
):
    lines = [
        f"title: {title}" if title is not None else "",
        f"summary: {summary}" if summary is not None else "",
        f"modules: {modules}",
        f"topics: {topics}",
        f"kind: {kind}",
        extra,
    ]
    return "---\n" + "\n".join(line for line in lines if line) + "\n---\n\nThe tool.\n"


@pytest.fixture
def catalog(tmp_path, monkeypatch):
    """A small catalog and two chapters in a temp folder, with build_inventory pointed at it."""
    tools, docs = tmp_path / "tools", tmp_path / "docs"
    (tools / "downloads").mkdir(parents=True)
    shutil.copytree(ROOT / "tools" / "templates", tools / "templates")
    shutil.copy(ROOT / "tools" / "workbooks.py", tools / "workbooks.py")  # the writer beside its specs
    (tools / "topics.yml").write_text(TOPICS)
    for number, name in ((1, "first-chapter"), (2, "second-chapter")):
        (docs / f"0{number}-{name}").mkdir(parents=True)
        (docs / f"0{number}-{name}" / "index.md").write_text(f"# Chapter {number} Title\n\nText.\n")
    monkeypatch.setattr(inventory, "TOOLS", tools)
    monkeypatch.setattr(inventory, "DOCS", docs)
    monkeypatch.setattr(inventory, "OUT", docs / "inventory")
    monkeypatch.setattr(inventory, "ROOT", tmp_path)
    return tmp_path


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def link_from_chapter(catalog, *slugs):
    links = "\n".join(f"- [x](../inventory/tools/{slug}.md)" for slug in slugs)
    write(catalog / "docs" / "01-first-chapter", "page.md", f"# A page\n\nSee:\n\n{links}\n")


def problems_of(catalog):
    with pytest.raises(inventory.CatalogError) as raised:
        inventory.load_catalog()
    return str(raised.value)


def test_sort_key_ignores_case_and_punctuation():
    titles = ["Partnership-Building: Common Pitfalls", "partner Talking Points", "Action Plan", "logic model"]
    assert sorted(titles, key=inventory.sort_key) == [
        "Action Plan",
        "logic model",
        "partner Talking Points",
        "Partnership-Building: Common Pitfalls",
    ]


def test_views_group_by_letter_module_and_topic(catalog):
    write(
        catalog / "tools",
        "b-tool.md",
        record(
            "beta tool",
            modules="[1, 2]",
            topics='["Funding, budgets and sustainability", "Strategic planning and governance"]',
        ),
    )
    write(catalog / "tools", "a-tool.md", record('"Alpha: Tool"', modules="[2]"))
    link_from_chapter(catalog, "a-tool", "b-tool")
    tools, topics, chapters = inventory.load_catalog()
    data = inventory.views(tools, topics, chapters)
    assert [t["title"] for t in data["tools"]] == ["Alpha: Tool", "beta tool"]
    assert [(letter, [t["slug"] for t in group]) for letter, group in data["letters"]] == [
        ("A", ["a-tool"]),
        ("B", ["b-tool"]),
    ]
    assert [(n, [t["slug"] for t in group]) for n, _, group in data["modules"]] == [
        (1, ["b-tool"]),
        (2, ["a-tool", "b-tool"]),
    ]
    assert [(name, [t["slug"] for t in group]) for name, _, _, group in data["topics"]] == [
        ("Funding, budgets and sustainability", ["a-tool", "b-tool"]),
        ("Strategic planning and governance", ["b-tool"]),
    ]
    assert data["counts"] == {"tools": 2, "modules": 2, "topics": 2}


def test_used_in_comes_from_the_chapters_links(catalog):
    write(catalog / "tools", "a-tool.md", record())
    link_from_chapter(catalog, "a-tool")
    tools, _, _ = inventory.load_catalog()
    assert tools[0].used_in == [("01-first-chapter/page.md", "A page")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (record(topics="[Unknown topic]"), "tools/bad.md: field 'topics': unknown topic 'Unknown topic'"),
        (
            record(topics="[Funding, budgets and sustainability]"),
            "tools/bad.md: field 'topics': unknown topic 'Funding'",
        ),
        (record(modules="[12]"), "tools/bad.md: field 'modules': expected chapter numbers 1-11; got 12"),
        (record(modules="[5]"), "tools/bad.md: field 'modules': chapter 5 has no folder docs/05-*/"),
        (record(modules="[]"), "tools/bad.md: field 'modules': expected a list of chapter numbers 1-11"),
        (record(kind="poster"), "tools/bad.md: field 'kind': expected one of guide, checklist"),
        (record(title=None), "tools/bad.md: field 'title': expected a non-empty text"),
        (record(summary=None), "tools/bad.md: field 'summary': expected a non-empty text"),
        (record(extra="colour: blue"), "tools/bad.md: field 'colour': unknown field"),
        (record(extra="downloads: [nowhere.xlsx]"), "tools/bad.md: field 'downloads': 'nowhere.xlsx' is missing"),
        ("no front matter here\n", "tools/bad.md: expected YAML front matter"),
        ("---\ntitle: [unclosed\n---\nbody\n", "tools/bad.md: front matter is not valid YAML"),
    ],
)
def test_a_bad_record_is_named_with_its_field(catalog, text, expected):
    write(catalog / "tools", "bad.md", text)
    assert expected in problems_of(catalog)


def test_duplicate_titles_and_slugs_are_refused(catalog):
    write(catalog / "tools", "one.md", record("Same Title"))
    write(catalog / "tools", "two.md", record("same title"))
    write(catalog / "tools", "Two.md", record("Another"))
    problems = problems_of(catalog)
    assert "tools/two.md: field 'title': duplicate of tools/one.md" in problems
    assert "tools/two.md: field 'slug': duplicate of tools/Two.md" in problems


def test_a_chapter_link_to_a_missing_tool_is_refused(catalog):
    write(catalog / "tools", "a-tool.md", record())
    link_from_chapter(catalog, "a-tool", "no-such-tool")
    assert (
        "docs/01-first-chapter/page.md, line 6: links to tool 'no-such-tool', but tools/no-such-tool.md does not exist"
    ) in problems_of(catalog)


def test_an_unlinked_tool_is_a_warning(catalog, caplog):
    write(catalog / "tools", "lonely.md", record())
    inventory.build()
    assert "tools/lonely.md: no chapter page links to this tool" in caplog.text
    assert (catalog / "docs" / "inventory" / "tools" / "lonely.md").is_file()


def test_downloads_are_generated_from_workbook_specs(catalog):
    write(
        catalog / "tools" / "downloads",
        "plan.yml",
        "title: Plan\ncsv: A\nsheets:\n  - tab: A\n    name: Items\n    about: Fill it.\n"
        "    columns: [Item, Cost]\n    rows:\n      - [Rent, 100]\n  - tab: B\n    name: Sum\n"
        "    columns: [Total]\n    rows:\n      - [\"=SUM('A Items'!B3:B9)\"]\n",
    )
    write(catalog / "tools", "a-tool.md", record(extra="downloads: [plan.xlsx, plan.csv]"))
    link_from_chapter(catalog, "a-tool")
    inventory.build()
    out = catalog / "docs" / "inventory" / "downloads"
    assert (out / "plan.csv").read_text() == "Item,Cost\nRent,100\n"
    from openpyxl import load_workbook

    book = load_workbook(out / "plan.xlsx")
    assert book.sheetnames == ["A Items", "B Sum"]
    assert book["A Items"]["A3"].value == "Rent" and book["B Sum"]["A3"].value == "=SUM('A Items'!B3:B9)"
    page = (catalog / "docs" / "inventory" / "tools" / "a-tool.md").read_text()
    assert "[plan.xlsx](../downloads/plan.xlsx)" in page


PLAN = "csv: A\nsheets:\n  - tab: A\n    columns: [Item, Cost]\n    rows:\n      - [Rent, 100]\n"


def test_downloads_are_rebuilt_when_the_workbook_writer_changes_and_only_then(catalog):
    spec = write(catalog / "tools" / "downloads", "plan.yml", PLAN)
    write(catalog / "tools", "a-tool.md", record(extra="downloads: [plan.csv]"))
    link_from_chapter(catalog, "a-tool")
    inventory.build()
    target = catalog / "docs" / "inventory" / "downloads" / "plan.csv"
    # A download newer than its spec, build_inventory.py and the writer is left as it is...
    now = time.time()
    target.write_text("stale")
    for path, when in ((spec, now - 60), (catalog / "tools" / "workbooks.py", now - 60), (target, now)):
        os.utime(path, (when, when))
    inventory.build()
    assert target.read_text() == "stale"
    # ...until the writer (tools/workbooks.py) changes.
    os.utime(catalog / "tools" / "workbooks.py", (now + 60, now + 60))
    inventory.build()
    assert target.read_text() == "Item,Cost\nRent,100\n"


def test_building_again_and_again_leaves_sys_path_alone(catalog):
    """`mkdocs serve` calls build() on every reload; nothing may pile up on the import path."""
    write(catalog / "tools" / "downloads", "plan.yml", PLAN)
    write(catalog / "tools", "a-tool.md", record(extra="downloads: [plan.csv]"))
    link_from_chapter(catalog, "a-tool")
    before = list(sys.path)
    for _ in range(3):
        inventory.build()
    assert sys.path == before


def test_a_formula_in_the_csv_sheet_is_refused(catalog):
    write(
        catalog / "tools" / "downloads",
        "plan.yml",
        'csv: A\nsheets:\n  - tab: A\n    columns: [Total]\n    rows:\n      - ["=1+1"]\n',
    )
    write(catalog / "tools", "a-tool.md", record(extra="downloads: [plan.csv]"))
    with pytest.raises(inventory.CatalogError, match="the CSV sheet may not hold formulas"):
        inventory.build()


def test_the_command_line_names_the_broken_file(tmp_path):
    for name in ("build_inventory.py", "tools", "docs"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("inventory"))
        else:
            shutil.copy(source, tmp_path / name)
    broken = tmp_path / "tools" / "decision-log.md"
    broken.write_text(broken.read_text().replace("topics: [", "topics: [Not a topic, ", 1))
    done = subprocess.run([sys.executable, "build_inventory.py"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode != 0
    assert "tools/decision-log.md: field 'topics': unknown topic 'Not a topic'" in done.stderr
