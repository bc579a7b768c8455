"""Helpers for the self-assessment browser tests (served site and offline copy): specs, answering, exports."""

import csv
import importlib.util
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLUGS = ["is-a-sector-approach-right-for-us", "partnership-self-assessment", "member-satisfaction-survey-form"]


def _forms():
    name = "tools_assessment_forms"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "assessment_forms.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def load_spec(slug):
    return _forms().load_spec(slug)


def root(page, slug):
    return page.locator(f"[data-assessment={slug}]")


def open_assessment(page, url, slug):
    """Open the page and wait until its script has mounted the form (the actions are shown then)."""
    page.goto(url)
    root(page, slug).locator("[data-role=actions]").wait_for(state="visible")


def option_id(slug, area, question, index):
    return f"#{slug}--{area.id}--{question.id}--{index}"


def entered_answers(spec):
    """A full set of answers for a spec: (control id, value to type or None to tick, CSV row expected)."""
    steps = []
    for a, area in enumerate(spec.areas):
        for q, question in enumerate(area.questions):
            if question.kind == "rating":
                index = (a + q) % len(spec.scale)
                value, label = spec.scale[index]
                steps.append(
                    (
                        option_id(spec.slug, area, question, index),
                        None,
                        [area.title, question.text, f"{value} · {label}", str(value)],
                    )
                )
            elif question.kind == "choice":
                index = q % len(question.choices)
                choice = question.choices[index]
                steps.append(
                    (option_id(spec.slug, area, question, index), None, [area.title, question.text, choice, ""])
                )
            else:
                typed = f'Answer {a}.{q}, with a comma and "quotes"'
                steps.append((f"#{spec.slug}--{area.id}--{question.id}", typed, [area.title, question.text, typed, ""]))
        if area.scored:
            note = f"=Notes on {area.id}"  # a leading '=' must not become a spreadsheet formula
            steps.append((f"#{spec.slug}--{area.id}--notes", note, [area.title, "Notes", "'" + note, ""]))
    return steps


def enter(page, steps):
    for selector, typed, _ in steps:
        if typed is None:
            page.locator(selector).check()
        else:
            page.locator(selector).fill(typed)


def download(page, slug, action):
    """Click an export button; return the downloaded file's bytes."""
    with page.expect_download() as info:
        root(page, slug).locator(f"[data-action={action}]").click()
    return Path(info.value.path()).read_bytes()


def csv_rows(data):
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
