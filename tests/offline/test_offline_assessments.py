"""The self-assessments and the printable edition in the offline copy, opened from file:// (no Python, no network)."""

import re

import pytest
from assessment_pages import SLUGS, csv_rows, download, enter, entered_answers, load_spec, open_assessment, root

LOCAL_SCHEMES = {"file", "data", "blob"}


@pytest.mark.browser
@pytest.mark.parametrize("slug", SLUGS)
def test_an_assessment_works_from_disk(page, offline_copy, slug):
    url = (offline_copy / "inventory" / "tools" / f"{slug}.html").as_uri()
    steps = entered_answers(load_spec(slug))
    open_assessment(page, url, slug)
    overall = root(page, slug).locator("[data-role=overall]")
    before = overall.inner_text()
    enter(page, steps)
    assert overall.inner_text() != before and "Overall average" in overall.inner_text()
    assert csv_rows(download(page, slug, "download-csv"))[1:] == [expected for _, _, expected in steps]
    page.reload()
    open_assessment(page, url, slug)
    selector, typed, _ = steps[0]
    assert page.locator(selector).is_checked() if typed is None else page.locator(selector).input_value() == typed
    assert not any(request.startswith("http") for request in page.log.requests), "the page went online"
    assert all(request.split(":", 1)[0] in LOCAL_SCHEMES for request in page.log.requests)


def test_the_offline_copy_holds_the_printable_edition(offline_copy):
    text = (offline_copy / "print.html").read_text(encoding="utf-8")
    for folder in sorted(path.name for path in offline_copy.glob("[0-9][0-9]-*") if path.is_dir()):
        assert f'id="print-{folder}-index"' in text, folder
    targets = re.findall(r'href="([^"#:]+\.html)', text)
    assert targets and all((offline_copy / target).is_file() for target in targets)
