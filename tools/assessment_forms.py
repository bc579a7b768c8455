"""Assessment specs (tools/assessments/*.yml) -> an accessible HTML form for the site, a questionnaire for the .docx.

A tool record places an assessment with the marker `<!-- assessment: <slug> -->` in its body.
hooks/assessments.py swaps the marker for form_html() on the page; documents.py swaps it for
questionnaire_markdown() in the Word version. The page's script (web/assessments/) only reads
the rendered form, so the YAML stays the one definition of questions, scales and reading links.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
SPECS = HERE / "assessments"
DOCS = HERE.parent / "docs"
MARKER = re.compile(r"<!--\s*assessment:\s*([a-z0-9-]+)\s*-->")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class SpecError(Exception):
    """An assessment spec that cannot be rendered, naming the file and the field."""


@dataclass
class Question:
    id: str
    text: str
    kind: str  # "rating" (the spec's scale), "choice" (one of `choices`) or "text" (a written answer)
    choices: list[str] = field(default_factory=list)


@dataclass
class Area:
    id: str
    title: str
    scored: bool
    about: str
    questions: list[Question]
    read: list[tuple[str, str]]  # (title, page under docs/)


@dataclass
class Spec:
    slug: str
    scale: list[tuple[int, str]]
    unsure: str
    areas: list[Area]


def markers(body: str) -> list[str]:
    return MARKER.findall(body)


def text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SpecError(f"{where}: expected a non-empty text; got {value!r}")
    return value.strip()


def ident(value: Any, where: str) -> str:
    if not isinstance(value, str) or not SLUG.fullmatch(value):
        raise SpecError(f"{where}: expected an id of lower-case words joined by hyphens; got {value!r}")
    return value


def load_question(raw: Any, where: str) -> Question:
    if not isinstance(raw, dict):
        raise SpecError(f"{where}: expected a mapping with 'id' and 'text'")
    kind = raw.get("type", "choice" if "choices" in raw else "rating")
    if kind not in ("rating", "choice", "text"):
        raise SpecError(f"{where}: field 'type': expected rating, choice or text; got {kind!r}")
    choices = [text(c, f"{where}: field 'choices'") for c in raw.get("choices") or []]
    if kind == "choice" and len(choices) < 2:
        raise SpecError(f"{where}: field 'choices': expected at least two choices")
    return Question(
        ident(raw.get("id"), f"{where}: field 'id'"), text(raw.get("text"), f"{where}: field 'text'"), kind, choices
    )


def page_exists(page: str, docs: Path) -> bool:
    """A chapter page under docs/, or a tool page the inventory generates from tools/<slug>.md."""
    tool = re.fullmatch(r"inventory/tools/([a-z0-9-]+)\.md", page)
    return (docs.parent / "tools" / f"{tool.group(1)}.md").is_file() if tool else (docs / page).is_file()


def load_area(raw: Any, where: str, docs: Path) -> Area:
    if not isinstance(raw, dict) or not isinstance(raw.get("questions"), list) or not raw["questions"]:
        raise SpecError(f"{where}: expected a mapping with 'id', 'title' and a non-empty 'questions' list")
    area_id = ident(raw.get("id"), f"{where}: field 'id'")
    questions = [load_question(q, f"{where}, question {n}") for n, q in enumerate(raw["questions"], start=1)]
    scored = bool(raw.get("scored", True))
    if scored and any(q.kind != "rating" for q in questions):
        raise SpecError(f"{where}: a scored area holds rating questions only (set 'scored: false')")
    read = []
    for entry in raw.get("read") or []:
        if not isinstance(entry, dict) or not page_exists(str(entry.get("page")), docs):
            raise SpecError(f"{where}: field 'read': expected title and page (a file under docs/); got {entry!r}")
        read.append((text(entry.get("title"), f"{where}: field 'read'"), str(entry["page"])))
    if scored and not read:
        raise SpecError(f"{where}: field 'read': a scored area names at least one guide section to read next")
    return Area(
        area_id, text(raw.get("title"), f"{where}: field 'title'"), scored, raw.get("about", ""), questions, read
    )


def load_spec(slug: str, specs: Path = SPECS, docs: Path = DOCS) -> Spec:
    path = specs / f"{slug}.yml"
    if not path.is_file():
        raise SpecError(f"assessment {slug!r}: no spec {path}")
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    where = f"tools/assessments/{path.name}"
    if not isinstance(raw, dict) or not isinstance(raw.get("areas"), list) or not isinstance(raw.get("scale"), list):
        raise SpecError(f"{where}: expected a mapping with 'scale' and 'areas' lists")
    scale = [(int(s["value"]), text(s.get("label"), f"{where}: field 'scale'")) for s in raw["scale"]]
    if len(scale) < 2 or [v for v, _ in scale] != sorted({v for v, _ in scale}):
        raise SpecError(f"{where}: field 'scale': expected two or more values in rising order")
    areas = [load_area(a, f"{where}, area {n}", docs) for n, a in enumerate(raw["areas"], start=1)]
    ids = [a.id for a in areas]
    if len(set(ids)) != len(ids) or not any(a.scored for a in areas):
        raise SpecError(f"{where}: field 'areas': expected unique ids and at least one scored area")
    return Spec(slug, scale, text(raw.get("unsure", "Don't know"), f"{where}: field 'unsure'"), areas)


# --- The page: an HTML form ---------------------------------------------------------------------


def radio(name: str, dom_id: str, value: str, label: str) -> str:
    return (
        f'<span class="assessment-choice"><input type="radio" id="{dom_id}" name="{name}" value="{escape(value)}">'
        f'<label for="{dom_id}">{escape(label)}</label></span>'
    )


def question_html(spec: Spec, area: Area, question: Question) -> str:
    name = f"{area.id}.{question.id}"
    dom = f"{spec.slug}--{area.id}--{question.id}"
    if question.kind == "text":
        return (
            f'<div class="assessment-question" data-question="{name}" data-kind="text">'
            f'<label for="{dom}">{escape(question.text)}</label>'
            f'<textarea id="{dom}" name="{name}" rows="3"></textarea></div>'
        )
    if question.kind == "rating":
        options = [(str(v), f"{v} · {label}") for v, label in spec.scale] + [("", spec.unsure)]
    else:
        options = [(choice, choice) for choice in question.choices]
    radios = "".join(radio(name, f"{dom}--{n}", value, label) for n, (value, label) in enumerate(options))
    return (
        f'<fieldset class="assessment-question" data-question="{name}" data-kind="{question.kind}">'
        f'<legend>{escape(question.text)}</legend><div class="assessment-options">{radios}</div></fieldset>'
    )


def area_html(spec: Spec, area: Area) -> str:
    notes = f"{spec.slug}--{area.id}--notes"
    parts = [
        f'<fieldset class="assessment-area" data-area="{area.id}" data-scored="{str(area.scored).lower()}">',
        f'<legend><h2 id="{spec.slug}--{area.id}">{escape(area.title)}</h2></legend>',
        f'<p class="assessment-about">{escape(area.about)}</p>' if area.about else "",
        *[question_html(spec, area, q) for q in area.questions],
    ]
    if area.scored:
        parts.append(
            f'<div class="assessment-notes"><label for="{notes}">Notes on {escape(area.title.lower())}</label>'
            f'<textarea id="{notes}" name="{area.id}.notes" rows="2"></textarea></div>'
        )
    return "".join(parts) + "</fieldset>"


def summary_html(spec: Spec, link: Callable[[str], str]) -> str:
    low, high = spec.scale[0][0], spec.scale[-1][0]
    rows = "".join(
        f'<tr data-area="{a.id}"><th scope="row">{escape(a.title)}</th><td data-role="answered">0 of '
        f'{len(a.questions)}</td><td data-role="average">not answered</td><td><meter min="{low}" max="{high}" '
        f'value="{low}" aria-label="{escape(a.title)} score" data-role="meter"></meter></td></tr>'
        for a in spec.areas
        if a.scored
    )
    reading = "".join(
        f'<li data-area="{a.id}" hidden><a href="{escape(link(page))}">{escape(title)}</a> '
        f'<span class="assessment-for">(for {escape(a.title.lower())})</span></li>'
        for a in spec.areas
        if a.scored
        for title, page in a.read
    )
    return (
        f'<section class="assessment-summary" data-role="summary" aria-labelledby="{spec.slug}--summary">'
        f'<h2 id="{spec.slug}--summary">Your summary</h2>'
        f'<p data-role="overall" aria-live="polite">No answers yet. The summary fills in as you answer.</p>'
        f'<div class="assessment-table-wrap"><table><caption>Scores by area, from {low} (lowest) to {high} '
        "(highest)</caption>"
        '<thead><tr><th scope="col">Area</th><th scope="col">Answered</th><th scope="col">Average</th>'
        f'<th scope="col">Score</th></tr></thead><tbody>{rows}</tbody></table></div>'
        '<h3>Weakest areas</h3><p data-role="weakest">None yet.</p>'
        f'<h3>Read next</h3><ul data-role="read-next">{reading}</ul>'
        '<p data-role="read-next-empty">Links to the guide sections for your weakest areas appear here.</p>'
        "</section>"
    )


ACTIONS = (
    '<div class="assessment-actions" data-role="actions" hidden>'
    '<button type="button" class="md-button md-button--primary" data-action="download-docx">'
    "Download Word (.docx)</button>"
    '<button type="button" class="md-button" data-action="download-csv">Download CSV</button>'
    '<button type="button" class="md-button" data-action="print">Print</button>'
    '<button type="button" class="md-button" data-action="clear">Clear answers</button>'
    '<p role="status" data-role="status"></p></div>'
)


def form_html(spec: Spec, title: str, link: Callable[[str], str]) -> str:
    """The whole assessment as one HTML block; `link` turns a page under docs/ into a URL from this page."""
    areas = "".join(area_html(spec, area) for area in spec.areas)
    return (
        f'<div class="assessment" data-assessment="{spec.slug}" data-title="{escape(title)}" '
        f'data-scale-min="{spec.scale[0][0]}" data-scale-max="{spec.scale[-1][0]}">'
        '<p class="assessment-saved">Your answers stay in this browser on this device until you clear them; '
        "nothing is sent anywhere.</p>"
        f'<form class="assessment-form" aria-label="{escape(title)}">{areas}</form>'
        f"{ACTIONS}{summary_html(spec, link)}</div>"
    )


def expand_for_page(body: str, title: str, link: Callable[[str], str]) -> tuple[str, list[str]]:
    """The body with every marker replaced by its form; also the slugs it placed."""
    found = markers(body)
    return MARKER.sub(lambda m: "\n" + form_html(load_spec(m.group(1)), title, link) + "\n", body), found


# --- The Word version: a printable questionnaire --------------------------------------------------


def cell(value: str) -> str:
    return value.replace("|", "\\|")


def area_markdown(spec: Spec, area: Area) -> str:
    lines = [f"## {area.title}", ""]
    if area.about:
        lines += [area.about, ""]
    ratings = [q for q in area.questions if q.kind == "rating"]
    if ratings:
        head = ["Question", *[f"{v} {label}" for v, label in spec.scale], spec.unsure]
        lines += ["| " + " | ".join(map(cell, head)) + " |", "|" + "---|" * len(head)]
        lines += ["| " + cell(q.text) + " |" + " |" * (len(head) - 1) for q in ratings] + [""]
    for question in (q for q in area.questions if q.kind != "rating"):
        if question.kind == "choice":
            lines += [question.text, "", *[f"- [ ] {c}" for c in question.choices], ""]
        else:
            lines += [f"| {cell(question.text)} |", "|---|", "| |", ""]
    if area.scored:
        lines += [f"| Notes on {cell(area.title.lower())} |", "|---|", "| |", ""]
    return "\n".join(lines)


def questionnaire_markdown(spec: Spec) -> str:
    low, high = spec.scale[0][0], spec.scale[-1][0]
    reading = [f"- **{a.title}:** " + "; ".join(f"[{t}](../../{p})" for t, p in a.read) for a in spec.areas if a.scored]
    scoring = (
        f"Average the ratings in each area, leaving out questions marked {spec.unsure.lower()}. Scores run "
        f"from {low} (lowest) to {high} (highest). The two areas with the lowest averages are where to act "
        "first; the guide sections below help with each."
    )
    body = "\n".join(area_markdown(spec, a) for a in spec.areas)
    return f"{body}\n## Reading your results\n\n{scoring}\n\n" + "\n".join(reading) + "\n"


def expand_for_document(body: str) -> str:
    return MARKER.sub(lambda m: "\n" + questionnaire_markdown(load_spec(m.group(1))) + "\n", body)
