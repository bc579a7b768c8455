"""The site platform: a strict build, the home page, search, the nav and self-hosting, in Chromium."""

import re

import pytest
from playwright.sync_api import expect
from support import foreign_css_loads, foreign_html_loads, heading

CHAPTERS = [
    "Deciding on a Sector Approach",
    "Regional Needs Assessment",
    "Convening and Planning",
    "Managing the Partnership",
    "Marketing and Communication",
    "Sustainability",
    "Metrics and Evaluation",
    "Maintaining the Partnership",
    "Early and Mid-Term Products",
    "Building Partnership Capacity",
    "Learning From the Work",
    "Inventory of Tools",
]
WARNING = re.compile(r"(\x1b\[\d+m)?WARNING\b")


def test_the_strict_build_passes_without_warnings(site_build):
    warnings = [line for line in site_build.stderr.splitlines() if WARNING.match(line)]
    assert warnings == [], "the build warned (and --strict makes a warning fail it)"
    assert site_build.returncode == 0, site_build.stderr[-4000:]
    assert (site_build.site / "index.html").is_file()


def test_no_page_or_stylesheet_references_another_host(built_site):
    assert foreign_html_loads(built_site) + foreign_css_loads(built_site) == []


@pytest.mark.browser
def test_home_page_renders(page, site_url):
    page.goto(site_url)
    assert page.title() == "START Toolkit"
    assert heading(page) == "START Toolkit"
    assert page.locator("nav.md-nav--primary").count() == 1


@pytest.mark.browser
def test_search_lists_matching_pages_and_says_when_none_match(page, site_url):
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("intermediary")
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"^\d+ matching documents?$"), timeout=15000)
    found = int(meta.inner_text().split()[0])
    items = page.locator(".md-search-result__item")
    assert found >= 3 and items.count() >= 1
    assert "intermediar" in items.first.inner_text().lower()
    box.fill("")
    box.press_sequentially("qqzzxxnothing")
    expect(meta).to_have_text("No matching documents", timeout=15000)
    assert items.count() == 0


@pytest.mark.browser
def test_the_nav_reaches_every_chapter(page, site_url):
    for number, title in enumerate(CHAPTERS, start=1):
        page.goto(site_url)
        link = page.locator("nav.md-nav--primary a.md-nav__link, nav.md-nav--primary label.md-nav__link").filter(
            has_text=re.compile(rf"^\s*{number}\. {re.escape(title)}\s*$")
        )
        link.first.click()
        # The chapter's own title, whether Material swapped the page in or loaded it.
        expect(page.locator("article h1").first).to_have_text(re.compile(rf"^{re.escape(title)}"), timeout=15000)
        assert heading(page) == title, f"chapter {number}"
        assert page.url != site_url, f"the nav link for chapter {number} did not leave the home page"
