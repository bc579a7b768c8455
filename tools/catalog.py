"""The tool catalog (tools/*.md) read and checked: records, topics, chapters, and the guide's links to tools.

build_inventory.py loads this module by its path (tools/ is not a package) and renders what
load_catalog() returns. Every problem is collected before the catalog is refused, so one run names
them all, each with its file and field.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

KINDS = (
    "guide",
    "checklist",
    "template",
    "worksheet",
    "workbook",
    "sample",
    "example",
    "glossary",
    "framework",
    "calculator",
    "survey",
    "reference",
)
FIELDS = {"title", "summary", "modules", "topics", "kind", "downloads"}
TOOL_LINK = re.compile(r"\]\((?:\.\./)+inventory/tools/([^)#\s]+?)\.md")


class CatalogError(Exception):
    """One or more problems in the catalog, each naming its file."""


@dataclass
class Tool:
    slug: str
    title: str
    summary: str
    modules: list
    topics: list
    kind: str
    downloads: list
    body: str
    used_in: list = field(default_factory=list)  # (page path under docs/, page title)


@dataclass(frozen=True)
class Layout:
    """Where the catalog and the guide live. Passed in rather than fixed here, so tests can point
    build_inventory.py (and through it this module) at a small catalog in a temporary folder."""

    root: Path
    tools: Path
    docs: Path
    out: Path  # the generated inventory, whose own links to tools are not the guide's


def split_front_matter(text, path):
    """The YAML mapping between the leading '---' lines, and the Markdown after it."""
    match = re.match(r"\A---\s*\n(.*?)\n---\s*\n?(.*)\Z", text, flags=re.S)
    if not match:
        raise CatalogError(f"{path}: expected YAML front matter between '---' lines at the top")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        raise CatalogError(f"{path}: front matter is not valid YAML: {error}") from None
    if not isinstance(meta, dict):
        raise CatalogError(f"{path}: front matter: expected a mapping of fields")
    return meta, match.group(2)


def load_topics(path):
    topics = yaml.safe_load(path.read_text(encoding="utf-8"))
    names = [entry.get("name") for entry in topics or [] if isinstance(entry, dict)]
    if not names or len(names) != len(topics) or not all(isinstance(n, str) for n in names):
        raise CatalogError(f"{path}: expected a list of entries with 'name' and 'description'")
    return {entry["name"]: entry.get("description", "") for entry in topics}


def check_tool(
    path: Path, meta: dict[str, Any], topics: dict[str, str], chapters: dict[int, Any], layout: Layout
) -> list[str]:
    """Every problem with one record's fields, as messages naming file and field."""
    where = path.relative_to(layout.root)
    problems = [
        f"field '{name}': unknown field (expected one of {sorted(FIELDS)})" for name in sorted(set(meta) - FIELDS)
    ]
    for name in ("title", "summary"):
        if not isinstance(meta.get(name), str) or not meta[name].strip():
            problems.append(f"field '{name}': expected a non-empty text")
    if meta.get("kind") not in KINDS:
        problems.append(f"field 'kind': expected one of {', '.join(KINDS)}; got {meta.get('kind')!r}")
    problems += check_modules(meta.get("modules"), chapters)
    problems += check_topics(meta.get("topics"), topics)
    problems += check_downloads(meta.get("downloads", []), layout.tools)
    return [f"{where}: {problem}" for problem in problems]


def check_modules(modules: Any, chapters: dict[int, Any]) -> list[str]:
    if not isinstance(modules, list) or not modules:
        return ["field 'modules': expected a list of chapter numbers 1-11"]
    problems = []
    for module in modules:
        if type(module) is not int or not 1 <= module <= 11:
            problems.append(f"field 'modules': expected chapter numbers 1-11; got {module!r}")
        elif module not in chapters:
            problems.append(f"field 'modules': chapter {module} has no folder docs/{module:02d}-*/")
    return problems


def check_topics(listed: Any, topics: dict[str, str]) -> list[str]:
    if not isinstance(listed, list) or not listed:
        return ["field 'topics': expected a list of topics from tools/topics.yml"]
    return [
        f"field 'topics': unknown topic {topic!r} (expected a name from tools/topics.yml; "
        "in a [list], quote names that contain commas)"
        for topic in listed
        if topic not in topics
    ]


def check_downloads(downloads: Any, tools_dir: Path) -> list[str]:
    if not isinstance(downloads, list) or not all(isinstance(d, str) for d in downloads):
        return ["field 'downloads': expected a list of file names"]
    return [
        f"field 'downloads': {name!r} is missing (expected tools/files/{name} "
        f"or a workbook spec tools/downloads/{Path(name).stem}.yml)"
        for name in downloads
        if not download_source(name, tools_dir)
    ]


def download_source(name: str, tools_dir: Path) -> Path | None:
    """The file a download is copied from, or the workbook spec it is generated from."""
    static = tools_dir / "files" / name
    spec = tools_dir / "downloads" / f"{Path(name).stem}.yml"
    if static.is_file():
        return static
    if Path(name).suffix in (".xlsx", ".csv") and spec.is_file():
        return spec
    return None


def load_chapters(docs):
    """Chapter number -> (folder, title) from docs/NN-*/index.md and its first heading."""
    chapters = {}
    for folder in sorted(docs.glob("[0-9][0-9]-*")):
        index = folder / "index.md"
        heading = re.search(r"^# (.+)$", index.read_text(encoding="utf-8"), re.M) if index.exists() else None
        chapters[int(folder.name[:2])] = (folder.name, heading.group(1).strip() if heading else folder.name)
    return chapters


def load_catalog(layout: Layout):
    """All tools, checked against the topics, the chapters and each other; links from pages counted."""
    topics = load_topics(layout.tools / "topics.yml")
    chapters = load_chapters(layout.docs)
    tools, problems = [], []
    for path in sorted(layout.tools.glob("*.md")):
        if path.name == "README.md":
            continue
        try:
            meta, body = split_front_matter(path.read_text(encoding="utf-8"), path.relative_to(layout.root))
        except CatalogError as error:
            problems.append(str(error))
            continue
        found = check_tool(path, meta, topics, chapters, layout)
        problems += found
        if not found:
            tools.append(
                Tool(
                    path.stem,
                    meta["title"].strip(),
                    meta["summary"].strip(),
                    meta["modules"],
                    meta["topics"],
                    meta["kind"],
                    meta.get("downloads", []),
                    body.strip(),
                )
            )
    problems += duplicates(tools)
    problems += count_links(tools, layout)
    if problems:
        raise CatalogError("the tool catalog has problems:\n  " + "\n  ".join(problems))
    return tools, topics, chapters


def duplicates(tools):
    problems = []
    for key in ("slug", "title"):
        seen: dict[str, str] = {}
        for tool in tools:
            value = getattr(tool, key).casefold()
            if value in seen:
                problems.append(f"tools/{tool.slug}.md: field '{key}': duplicate of tools/{seen[value]}.md")
            seen.setdefault(value, tool.slug)
    return problems


def count_links(tools, layout: Layout):
    """Fill each tool's `used_in` from the hand-written pages; a link to no tool is a problem."""
    by_slug = {tool.slug: tool for tool in tools}
    problems = []
    for page in sorted(layout.docs.rglob("*.md")):
        if layout.out in page.parents:
            continue
        text = page.read_text(encoding="utf-8")
        heading = re.search(r"^# (.+)$", text, re.M)
        where = page.relative_to(layout.docs).as_posix()
        for number, line in enumerate(text.splitlines(), start=1):
            for slug in TOOL_LINK.findall(line):
                tool = by_slug.get(slug)
                if tool is None and (layout.tools / f"{slug}.md").exists():
                    continue  # the record exists but is broken; its own problem is reported
                if tool is None:
                    problems.append(
                        f"docs/{where}, line {number}: links to tool '{slug}', but tools/{slug}.md does not exist"
                    )
                elif where not in [used for used, _ in tool.used_in]:
                    tool.used_in.append((where, heading.group(1).strip() if heading else where))
    return problems
