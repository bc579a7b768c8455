"""Tool records (tools/*.md) -> editable Word documents (.docx), built from the same Markdown as the tool page.

The body is rendered with Python-Markdown and the site's own extensions (read from mkdocs.yml), and
the HTML is walked into python-docx by docx_writer.py. build_inventory.py calls write_documents()
in every build; a document is rewritten only when one of its inputs is newer than it.
"""

from __future__ import annotations

import datetime
import importlib.util
import io
import sys
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

import markdown
import yaml
from docx import Document
from docx.opc.phys_pkg import _ZipPkgWriter

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TOOLKIT = "START Toolkit"
# Calculators are interactive pages; every other kind of tool is a document a team can edit.
NOT_DOCUMENTS = frozenset({"calculator"})
# Fixed dates and zip times keep a document identical from build to build.
EPOCH = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
ZIP_TIME = (2020, 1, 1, 0, 0, 0)


class ToolLike(Protocol):
    slug: str
    title: str
    summary: str
    kind: str
    topics: list[str]
    body: str


def sibling(name: str) -> ModuleType:
    """A module beside this one, loaded by its path (tools/ is not a package)."""
    if f"tools_{name}" not in sys.modules:
        spec = importlib.util.spec_from_file_location(f"tools_{name}", HERE / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
    return sys.modules[f"tools_{name}"]


docx_writer = sibling("docx_writer")
assessment_forms = sibling("assessment_forms")


def is_document(kind: str) -> bool:
    return kind not in NOT_DOCUMENTS


def file_name(slug: str) -> str:
    return f"{slug}.docx"


# --- Markdown, as the site renders it ------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: `!ENV [NAME, default]` gives the default, `!relative` a path, other
    tags their text."""


def _tagged(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> Any:
    if suffix == "relative":  # MkDocs' `!relative $config_dir` (or $docs_dir): an absolute path here
        value = loader.construct_scalar(node)
        return str({"$config_dir": ROOT, "$docs_dir": ROOT / "docs"}.get(str(value), ROOT / str(value)))
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)[-1]
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return loader.construct_scalar(node)


_ConfigLoader.add_multi_constructor("!", _tagged)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


def site_extensions(config_path: Path = ROOT / "mkdocs.yml") -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The `markdown_extensions` of mkdocs.yml as (names, configs), adjusted for a document."""
    config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            ((name, options),) = entry.items()
            configs[name] = dict(options or {})
        else:
            name = entry
        names.append(name)
    configs.setdefault("toc", {})["permalink"] = False  # no pilcrow anchors in a document
    snippets = configs.get("pymdownx.snippets")
    if snippets is not None:  # MkDocs runs from the repository root; so do these paths
        base = snippets.get("base_path", ["."])
        snippets["base_path"] = [str(ROOT / p) for p in ([base] if isinstance(base, str) else base)]
    return names, configs


def site_markdown(config_path: Path = ROOT / "mkdocs.yml") -> markdown.Markdown:
    names, configs = site_extensions(config_path)
    return markdown.Markdown(extensions=names, extension_configs=configs)


def document_markdown(body: str) -> str:
    """The Markdown a tool's document is built from: its page body, any assessment as a questionnaire."""
    return str(assessment_forms.expand_for_document(body))


# --- The document ---------------------------------------------------------------------------------


def document_bytes(title: str, summary: str, html: str, *, kind: str = "", topics: Iterable[str] = ()) -> bytes:
    """A .docx: title and summary first, then the page body; properties name the tool and the toolkit."""
    doc = Document()
    props = doc.core_properties
    props.title = title
    props.subject = summary
    props.comments = summary
    props.author = props.last_modified_by = TOOLKIT
    props.category = kind
    props.keywords = "; ".join([TOOLKIT, *topics])
    props.created = props.modified = props.last_printed = EPOCH
    props.revision = 1
    doc.add_paragraph(title, style="Title")
    doc.add_paragraph(summary, style="Subtitle")
    docx_writer.write_html(doc, html)
    docx_writer.runs.add_footer(doc, f"{TOOLKIT} · {title}")
    out = io.BytesIO()
    with fixed_zip_times():
        doc.save(out)
    return out.getvalue()


@contextmanager
def fixed_zip_times() -> Iterator[None]:
    """python-docx stamps each zip member with the time of saving; a fixed time keeps an unchanged
    tool's document identical from build to build (no private API offers another way in)."""
    original = _ZipPkgWriter.write

    def write(self: _ZipPkgWriter, pack_uri: Any, blob: bytes) -> None:
        member = zipfile.ZipInfo(pack_uri.membername, date_time=ZIP_TIME)
        member.compress_type = zipfile.ZIP_DEFLATED
        self._zipf.writestr(member, blob)

    _ZipPkgWriter.write = write  # type: ignore[method-assign]
    try:
        yield
    finally:
        _ZipPkgWriter.write = original  # type: ignore[method-assign]


def tool_document(tool: ToolLike, md: markdown.Markdown | None = None) -> bytes:
    md = md or site_markdown()
    html = md.reset().convert(document_markdown(tool.body))
    return document_bytes(tool.title, tool.summary, html, kind=tool.kind, topics=tool.topics)


def inputs(tool: ToolLike, tools_dir: Path) -> list[Path]:
    """Every file a tool's document depends on, for the up-to-date check."""
    code = [HERE / f"{name}.py" for name in ("documents", "docx_writer", "docx_runs", "assessment_forms")]
    code.append(ROOT / "mkdocs.yml")
    specs = [tools_dir / "assessments" / f"{slug}.yml" for slug in assessment_forms.markers(tool.body)]
    return [tools_dir / f"{tool.slug}.md", *code, *specs]


def write_documents(tools: Iterable[ToolLike], tools_dir: Path, out_dir: Path) -> set[Path]:
    """Write `<slug>.docx` for every document tool into out_dir; return the paths (written or current)."""
    written = set()
    md = site_markdown()
    for tool in tools:
        if not is_document(tool.kind):
            continue
        target = out_dir / file_name(tool.slug)
        written.add(target)
        newest = max((p.stat().st_mtime for p in inputs(tool, tools_dir) if p.exists()), default=0.0)
        if target.exists() and target.stat().st_mtime >= newest:
            continue  # rewriting would re-trigger `mkdocs serve`
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(tool_document(tool, md))
    return written
