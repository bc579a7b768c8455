"""Tool catalog (tools/*.md) -> chapter 12 (docs/inventory/): A-Z, by module, by topic, one page per tool.

Run it alone (`python build_inventory.py`) or let MkDocs run it: hooks/inventory.py calls build()
before every build and every `mkdocs serve` reload. tools/catalog.py reads and checks the records;
this module groups them into views, renders the pages and writes the downloads. A wrong catalog
stops the build with a message naming the file, the field and what was expected.
"""

import importlib.util
import logging
import string
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import jinja2
import pandas as pd
from markdown.extensions.toc import slugify

ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / "tools"
DOCS = ROOT / "docs"
OUT = DOCS / "inventory"
log = logging.getLogger("mkdocs.hooks.build_inventory")


def load_tool_module(name: str) -> ModuleType:
    """tools/<name>.py (tools/ is not a package), loaded by its path once per process."""
    module = sys.modules.get(f"tools_{name}")
    if module is None:
        spec = importlib.util.spec_from_file_location(f"tools_{name}", TOOLS / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
    return module


# tools/catalog.py: reads and checks the records; tools/documents.py: a tool's Word version (.docx).
catalog = load_tool_module("catalog")
documents = load_tool_module("documents")
# The error the hook and the command line report; the build raises it for broken downloads too.
CatalogError = catalog.CatalogError


def load_catalog():
    """The checked tools, topics and chapters, read from the paths above at call time (tests move them)."""
    return catalog.load_catalog(catalog.Layout(root=ROOT, tools=TOOLS, docs=DOCS, out=OUT))


def offered(tool):
    """The files a tool page offers: its downloads, then its Word version when the tool is a document."""
    return [*tool.downloads, *([documents.file_name(tool.slug)] if documents.is_document(tool.kind) else [])]


def formats(tool):
    """The file formats a tool comes in, e.g. ['DOCX', 'XLSX', 'CSV'], for the inventory's list."""
    return list(dict.fromkeys(Path(name).suffix.lstrip(".").upper() for name in offered(tool)))


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


def build_downloads(tools: list[Any]) -> set[Path]:
    """Copy or generate every download into docs/inventory/downloads/; return their paths."""
    workbooks = load_tool_module("workbooks")
    # A download is stale when its source, or the code that writes it, changed since.
    code = max(Path(__file__).stat().st_mtime, (TOOLS / "workbooks.py").stat().st_mtime)
    written = set()
    for tool in tools:
        for name in tool.downloads:
            source, target = catalog.download_source(name, TOOLS), OUT / "downloads" / name
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
