"""The site platform: a strict build, the home page, search, the nav and self-hosting, in Chromium."""

import re
from urllib.parse import urljoin

import pytest
from site_checks import foreign_css_loads, foreign_html_loads, heading

CHAPTERS = [
    "Deciding on a Sector Approach", "Regional Needs Assessment", "Convening and Planning",
    "Managing the Partnership", "Marketing and Communication", "Sustainability",
    "Metrics and Evaluation", "Maintaining the Partnership", "Early and Mid-Term Products",
    "Building Partnership Capacity", "Learning From the Work", "Inventory of Tools",
]


def test_the_strict_build_passes_without_warnings(site_build):
    assert (site_build.site / "index.html").is_file()
    warnings = [line for line in site_build.stderr.splitlines() if re.match(r"(\x1b\[\d+m)?WARNING\b", line)]
    assert warnings == []


def test_no_page_or_stylesheet_references_another_host(built_site):
    assert foreign_html_loads(built_site) + foreign_css_loads(built_site) == []


@pytest.mark.browser
def test_home_page_renders(page, site_url):
    page.goto(site_url)
    assert page.title() == "START Toolkit"
    assert heading(page) == "START Toolkit"
    assert page.locator("nav.md-nav--primary").count() == 1


@pytest.mark.browser
def test_search_lists_results(page, site_url):
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("intermediary")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert results.count() > 0
    assert "intermediary" in page.locator(".md-search-result").inner_text().lower()


@pytest.mark.browser
def test_the_nav_reaches_every_chapter(page, site_url):
    for number, title in enumerate(CHAPTERS, start=1):
        page.goto(site_url)
        link = page.locator("nav.md-nav--primary a.md-nav__link, nav.md-nav--primary label.md-nav__link").filter(
            has_text=re.compile(rf"^\s*{number}\. {re.escape(title)}\s*$"))
        link.first.click()
        page.wait_for_load_state()
        assert heading(page), f"chapter {number} has no heading"
        assert page.url != site_url, f"the nav link for chapter {number} did not leave the home page"


def site_pages(built_site):
    return sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html")
                  if not p.relative_to(built_site).as_posix().startswith("assets/"))


@pytest.mark.browser
def test_every_page_requests_only_its_own_origin(page, site_url, built_site):
    pages = site_pages(built_site)
    assert len(pages) > 100, "the crawl found too few pages"
    for path in pages:
        page.goto(urljoin(site_url, path.removesuffix("index.html")), wait_until="load")
    foreign = [url for url in page.log.requests if not url.startswith((site_url, "data:", "blob:"))]
    assert foreign == []
    assert len(page.log.requests) > len(pages)
