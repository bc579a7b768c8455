"""Tool catalog (tools/*.md) -> chapter 12 (docs/inventory/): A-Z, by module, by topic, one page per tool.

Run it alone (`python build_inventory.py`) or let MkDocs run it: hooks/inventory.py calls build()
before every build and every `mkdocs serve` reload. A wrong
catalog stops the build with a message naming the file, the field and what was expected.
"""

import importlib.util
import logging
import re
import string
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import jinja2
import pandas as pd
import yaml
from markdown.extensions.toc import slugify

ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / "tools"
DOCS = ROOT / "docs"
OUT = DOCS / "inventory"
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
log = logging.getLogger("mkdocs.hooks.build_inventory")


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


# --- Reading -------------------------------------------------------------------------------


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


def check_tool(path: Path, meta: dict[str, Any], topics: dict[str, str], chapters: dict[int, Any]) -> list[str]:
    """Every problem with one record's fields, as messages naming file and field."""
    where = path.relative_to(ROOT)
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
    problems += check_downloads(meta.get("downloads", []))
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


def check_downloads(downloads: Any) -> list[str]:
    if not isinstance(downloads, list) or not all(isinstance(d, str) for d in downloads):
        return ["field 'downloads': expected a list of file names"]
    return [
        f"field 'downloads': {name!r} is missing (expected tools/files/{name} "
        f"or a workbook spec tools/downloads/{Path(name).stem}.yml)"
        for name in downloads
        if not download_source(name)
    ]


def download_source(name):
    """The file a download is copied from, or the workbook spec it is generated from."""
    static = TOOLS / "files" / name
    spec = TOOLS / "downloads" / f"{Path(name).stem}.yml"
    if static.is_file():
        return static
    if Path(name).suffix in (".xlsx", ".csv") and spec.is_file():
        return spec
    return None


def offered(tool):
    """The files a tool page offers: its downloads, then its Word version when the tool is a document."""
    return [*tool.downloads, *([documents.file_name(tool.slug)] if documents.is_document(tool.kind) else [])]


def formats(tool):
    """The file formats a tool comes in, e.g. ['DOCX', 'XLSX', 'CSV'], for the inventory's list."""
    return list(dict.fromkeys(Path(name).suffix.lstrip(".").upper() for name in offered(tool)))


def load_chapters():
    """Chapter number -> (folder, title) from docs/NN-*/index.md and its first heading."""
    chapters = {}
    for folder in sorted(DOCS.glob("[0-9][0-9]-*")):
        index = folder / "index.md"
        heading = re.search(r"^# (.+)$", index.read_text(encoding="utf-8"), re.M) if index.exists() else None
        chapters[int(folder.name[:2])] = (folder.name, heading.group(1).strip() if heading else folder.name)
    return chapters


def load_catalog():
    """All tools, checked against the topics, the chapters and each other; links from pages counted."""
    topics = load_topics(TOOLS / "topics.yml")
    chapters = load_chapters()
    tools, problems = [], []
    for path in sorted(TOOLS.glob("*.md")):
        if path.name == "README.md":
            continue
        try:
            meta, body = split_front_matter(path.read_text(encoding="utf-8"), path.relative_to(ROOT))
        except CatalogError as error:
            problems.append(str(error))
            continue
        found = check_tool(path, meta, topics, chapters)
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
    problems += count_links(tools)
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


def count_links(tools):
    """Fill each tool's `used_in` from the hand-written pages; a link to no tool is a problem."""
    by_slug = {tool.slug: tool for tool in tools}
    problems = []
    for page in sorted(DOCS.rglob("*.md")):
        if OUT in page.parents:
            continue
        text = page.read_text(encoding="utf-8")
        heading = re.search(r"^# (.+)$", text, re.M)
        where = page.relative_to(DOCS).as_posix()
        for number, line in enumerate(text.splitlines(), start=1):
            for slug in TOOL_LINK.findall(line):
                tool = by_slug.get(slug)
                if tool is None and (TOOLS / f"{slug}.md").exists():
                    continue  # the record exists but is broken; its own problem is reported
                if tool is None:
                    problems.append(
                        f"docs/{where}, line {number}: links to tool '{slug}', but tools/{slug}.md does not exist"
                    )
                elif where not in [used for used, _ in tool.used_in]:
                    tool.used_in.append((where, heading.group(1).strip() if heading else where))
    return problems


# --- Views ---------------------------------------------------------------------------------


def sort_key(title):
    """A-Z ignoring case and punctuation: 'Partnership-Building: ...' files as 'partnershipbuilding'."""
    return "".join(c for c in title.casefold() if c.isalnum() or c == " ").strip()


def tool_frame(tools):
    frame = pd.DataFrame([vars(tool) for tool in tools])
    frame["sort_key"] = frame["title"].map(sort_key)
    frame["letter"] = frame["sort_key"].str[0].str.upper()
    frame["formats"] = [formats(tool) for tool in tools]
    return frame.sort_values("sort_key", kind="stable").reset_index(drop=True)


def views(tools, topics, chapters):
    """The data each template renders, grouped and sorted with pandas."""
    frame = tool_frame(tools)
    by_module = frame.explode("modules").sort_values(["modules", "sort_key"], kind="stable")
    by_topic = frame.explode("topics")
    by_topic["topic_key"] = by_topic["topics"].map(sort_key)
    by_topic = by_topic.sort_values(["topic_key", "sort_key"], kind="stable")
    return {
        "tools": frame.to_dict("records"),
        "letters": [(letter, group.to_dict("records")) for letter, group in frame.groupby("letter", sort=True)],
        "alphabet": string.ascii_uppercase,
        "modules": [
            (int(m), chapters[int(m)], group.to_dict("records")) for m, group in by_module.groupby("modules", sort=True)
        ],
        "topics": [
            (name, topics[name], slugify(name, "-"), group.to_dict("records"))
            for name, group in by_topic.groupby("topics", sort=False)
        ],
        "topic_names": sorted(topics, key=sort_key),
        "chapters": chapters,
        "counts": {
            "tools": len(frame),
            "modules": by_module["modules"].nunique(),
            "topics": by_topic["topics"].nunique(),
        },
    }


# --- Writing -------------------------------------------------------------------------------


def render_all(tools, topics, chapters):
    """Path under docs/inventory/ -> page text, for every generated page."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TOOLS / "templates"),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["slugify"] = lambda text: slugify(text, "-")
    data = views(tools, topics, chapters)
    pages = {
        f"{name}.md": env.get_template(f"{name}.md.j2").render(**data)
        for name in ("index", "alphabetical", "by-module", "by-topic")
    }
    for tool in tools:
        pages[f"tools/{tool.slug}.md"] = env.get_template("tool.md.j2").render(
            tool=tool, facts=facts(tool, chapters), **data
        )
    return pages


def facts(tool, chapters):
    """(label, Markdown) pairs for a tool page's facts block; links are relative to docs/inventory/tools/."""
    rows = [
        ("Kind", tool.kind.capitalize()),
        ("Chapters", " · ".join(f"[{m}. {chapters[m][1]}](../../{chapters[m][0]}/index.md)" for m in tool.modules)),
        ("Topics", " · ".join(f"[{t}](../by-topic.md#{slugify(t, '-')})" for t in tool.topics)),
    ]
    if offered(tool):
        rows.append(("Downloads", " · ".join(f"[{name}](../downloads/{name})" for name in offered(tool))))
    if tool.used_in:
        rows.append(("Used in", " · ".join(f"[{title}](../../{page})" for page, title in tool.used_in)))
    return rows


def write_if_changed(path, content):
    """Write only real changes, so `mkdocs serve` does not reload itself forever."""
    if isinstance(content, str):
        content = content.encode("utf-8")
    if path.exists() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


def load_renderer(name: str) -> ModuleType:
    """A renderer that lives beside the data it renders (tools/<name>.py), loaded by its path once."""
    module = sys.modules.get(f"tools_{name}")
    if module is None:
        spec = importlib.util.spec_from_file_location(f"tools_{name}", TOOLS / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return module


# tools/documents.py: a tool's Markdown -> its Word version (.docx).
documents = load_renderer("documents")


def build_downloads(tools: list[Tool]) -> set[Path]:
    """Copy or generate every download into docs/inventory/downloads/; return their paths."""
    workbooks = load_renderer("workbooks")
    # A download is stale when its source, or the code that writes it, changed since.
    code = max(Path(__file__).stat().st_mtime, (TOOLS / "workbooks.py").stat().st_mtime)
    written = set()
    for tool in tools:
        for name in tool.downloads:
            source, target = download_source(name), OUT / "downloads" / name
            assert source is not None  # load_catalog checked every download has one
            written.add(target)
            if target.exists() and target.stat().st_mtime >= max(source.stat().st_mtime, code):
                continue  # up to date; regenerating would change zip timestamps and re-trigger serve
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.suffix == ".yml":
                try:
                    workbooks.write_workbook(source, target)
                except workbooks.SpecError as error:
                    raise CatalogError(str(error)) from None
            else:
                target.write_bytes(source.read_bytes())
    return written


def build():
    """Check the catalog and (re)write docs/inventory/; return the tools."""
    tools, topics, chapters = load_catalog()
    pages = render_all(tools, topics, chapters)
    keep = {OUT / name for name in pages} | build_downloads(tools)
    keep |= documents.write_documents(tools, TOOLS, OUT / "downloads")
    for name, text in pages.items():
        write_if_changed(OUT / name, text)
    for stale in [p for p in OUT.rglob("*") if p.is_file() and p not in keep]:
        stale.unlink()  # a tool or download that was removed from the catalog
    for tool in tools:
        if not tool.used_in:
            log.warning("tools/%s.md: no chapter page links to this tool", tool.slug)
    return tools


if __name__ == "__main__":
    logging.basicConfig(format="%(levelname)s: %(message)s")
    try:
        built = build()
    except CatalogError as error:
        sys.exit(f"build_inventory: {error}")
    print(f"build_inventory: {len(built)} tools -> {OUT.relative_to(ROOT)}/")
