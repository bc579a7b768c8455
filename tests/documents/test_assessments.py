"""The self-assessments: forms rendered from YAML; answers kept, summarized, exported as CSV and .docx."""

import io
import re

import pytest
from assessment_pages import (
    SLUGS,
    csv_rows,
    download,
    enter,
    entered_answers,
    load_spec,
    open_assessment,
    option_id,
    root,
)
from docx import Document
from support import follow_link

import build_inventory as inventory


def url(site_url, slug):
    return f"{site_url}inventory/tools/{slug}/"


@pytest.mark.parametrize("slug", SLUGS)
def test_the_form_is_rendered_from_its_spec(built_site, slug):
    spec = load_spec(slug)
    text = (built_site / "inventory" / "tools" / slug / "index.html").read_text(encoding="utf-8")
    assert f'data-assessment="{slug}"' in text and "<!-- assessment" not in text
    assert text.count('class="assessment-area"') == len(spec.areas)
    questions = sum(len(area.questions) for area in spec.areas)
    assert text.count('class="assessment-question"') == questions
    for area in spec.areas:
        assert f">{area.title}</h2></legend>" in text
        for question in area.questions:
            if question.kind != "text":  # a rating or choice is a fieldset whose legend is the question
                assert f"<legend>{question.text}</legend>" in text.replace("&#x27;", "'")
    # Every control has a label tied to it.
    ids = re.findall(r'<(?:input|textarea) [^>]*id="([^"]+)"', text)
    assert ids and all(f'for="{dom_id}"' in text for dom_id in ids)
    assert '<script src="../../../assets/web/assessment.js" defer>' in text
    assert (built_site / "assets" / "web" / "assessment.js").is_file()


def test_a_spec_error_names_the_file_and_field(tmp_path):
    forms = inventory.documents.assessment_forms
    (tmp_path / "bad.yml").write_text("scale: [{value: 1, label: a}, {value: 2, label: b}]\nareas:\n  - id: x\n")
    with pytest.raises(forms.SpecError, match=r"bad.yml, area 1: expected a mapping with 'id', 'title'"):
        forms.load_spec("bad", specs=tmp_path)


@pytest.mark.browser
@pytest.mark.parametrize("slug", SLUGS)
def test_answers_survive_a_reload_and_clear_removes_them(page, site_url, slug):
    spec = load_spec(slug)
    steps = entered_answers(spec)[:4]
    open_assessment(page, url(site_url, slug), slug)
    enter(page, steps)
    page.reload()
    open_assessment(page, url(site_url, slug), slug)
    for selector, typed, _ in steps:
        control = page.locator(selector)
        assert control.input_value() == typed if typed is not None else control.is_checked(), selector
    root(page, slug).locator("[data-action=clear]").click()
    page.reload()
    open_assessment(page, url(site_url, slug), slug)
    selector = steps[0][0]
    assert not page.locator(selector).is_checked()
    assert page.evaluate(f"localStorage.getItem('start-toolkit:assessment:{slug}')") is None


@pytest.mark.browser
@pytest.mark.parametrize("slug", SLUGS)
def test_the_summary_changes_with_the_answers(page, site_url, slug):
    spec = load_spec(slug)
    low, high = spec.scale[0], spec.scale[-1]
    first, second = [area for area in spec.areas if area.scored][:2]
    summary = root(page, slug).locator("[data-role=summary]")
    open_assessment(page, url(site_url, slug), slug)
    row = summary.locator(f"tr[data-area={first.id}]")
    assert row.locator("[data-role=average]").inner_text() == "not answered"
    for question in first.questions:
        page.locator(option_id(slug, first, question, 0)).check()
    for question in second.questions:
        page.locator(option_id(slug, second, question, len(spec.scale) - 1)).check()
    assert row.locator("[data-role=answered]").inner_text() == f"{len(first.questions)} of {len(first.questions)}"
    assert row.locator("[data-role=average]").inner_text() == f"{low[0]:.1f}"
    assert summary.locator(f"tr[data-area={second.id}] [data-role=average]").inner_text() == f"{high[0]:.1f}"
    assert summary.locator("[data-role=weakest]").inner_text() == f"{first.title} ({low[0]:.1f})"
    shown = summary.locator("[data-role=read-next] li:visible a")
    assert [shown.nth(i).inner_text() for i in range(shown.count())] == [title for title, _ in first.read]
    for question in first.questions:  # now both areas are at the top of the scale
        page.locator(option_id(slug, first, question, len(spec.scale) - 1)).check()
    assert summary.locator("[data-role=weakest]").inner_text().startswith("None")
    assert summary.locator("[data-role=read-next] li:visible").count() == 0


@pytest.mark.browser
@pytest.mark.parametrize("slug", SLUGS)
def test_csv_export_matches_what_was_entered(page, site_url, slug):
    steps = entered_answers(load_spec(slug))
    open_assessment(page, url(site_url, slug), slug)
    enter(page, steps)
    rows = csv_rows(download(page, slug, "download-csv"))
    assert rows == [["Area", "Question", "Answer", "Score"], *[expected for _, _, expected in steps]]


@pytest.mark.browser
@pytest.mark.parametrize("slug", SLUGS)
def test_docx_export_opens_and_holds_the_answers_and_summary(page, site_url, slug):
    spec = load_spec(slug)
    steps = entered_answers(spec)
    open_assessment(page, url(site_url, slug), slug)
    enter(page, steps)
    doc = Document(io.BytesIO(download(page, slug, "download-docx")))
    assert doc.core_properties.author == "START Toolkit"
    assert doc.paragraphs[0].style.name == "Title" and doc.paragraphs[0].text == doc.core_properties.title
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Summary", *[area.title for area in spec.areas]]
    summary, *areas = doc.tables
    assert [c.text for c in summary.rows[0].cells] == ["Area", "Answered", "Average"]
    assert len(summary.rows) == 1 + sum(area.scored for area in spec.areas)
    answered = [[c.text for c in r.cells] for table in areas for r in table.rows[1:]]
    assert answered == [expected[1:3] for _, _, expected in steps if expected[1] != "Notes"]
    notes = [p.text for p in doc.paragraphs if p.text.startswith("Notes: ")]
    assert notes == [f"Notes: {expected[2][1:]}" for _, _, expected in steps if expected[1] == "Notes"]


@pytest.mark.browser
def test_a_form_reached_by_instant_navigation_starts(page, site_url):
    """Online, Material swaps pages without a reload; the form's script must still mount it."""
    slug = SLUGS[1]
    page.goto(site_url + "inventory/")
    follow_link(page, url(site_url, slug))
    root(page, slug).locator("[data-role=actions]").wait_for(state="visible")
    enter(page, entered_answers(load_spec(slug))[:2])
    assert "Overall average" in root(page, slug).locator("[data-role=overall]").inner_text()
