"""Quality gates on the built site: links, Content-Security-Policy, phones (390 px) and print."""

import check_links
import pytest
from support import CALCULATORS, CSP, follow_link, html_pages, policy_problems, wait_for_results


def test_no_internal_link_or_anchor_is_broken(built_site, tmp_path):
    broken, external = check_links.check(built_site)
    report = tmp_path / "link-report.txt"
    report.write_text(check_links.report(broken, external))
    print(f"link report: {report} ({len(external)} external links listed, none fetched)")
    assert broken == []


def test_the_link_checker_finds_a_broken_link_and_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="here">x</h2><a href="../b/">b</a><a href="#here">ok</a>'
        '<a href="#gone">x</a><a href="https://example.org/">out</a>'
    )
    broken, external = check_links.check(tmp_path)
    assert broken == [("a/index.html", "../b/", "no such file"), ("a/index.html", "#gone", "no element with id 'gone'")]
    assert external == {"https://example.org/": ["a/index.html"]}


def test_every_page_carries_one_same_origin_policy_and_no_inline_code(built_site):
    """Online, pages swap without a reload, so every page has the same policy, WebAssembly included."""
    assert len(html_pages(built_site)) > 100
    assert policy_problems(built_site, lambda name, text: True) == []
    policies = {CSP.search(path.read_text(encoding="utf-8")).group(1) for path in html_pages(built_site)}
    assert len(policies) == 1, policies


PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
PHONE_PAGES = [
    "",
    "02-regional-needs-assessment/target-industry-identification/",
    "inventory/",
    "inventory/tools/budget-by-phase/",
    "inventory/tools/member-satisfaction-survey-form/",
    "print/",
]


def horizontal_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.browser
@pytest.mark.parametrize("path", PHONE_PAGES)
def test_a_390px_phone_never_scrolls_the_page_sideways(new_context, site_url, path):
    page = new_context(**PHONE).new_page()
    page.goto(site_url + path)
    assert horizontal_overflow(page) <= 0


@pytest.mark.browser
def test_a_390px_phone_never_scrolls_a_calculator_sideways(new_context, site_url):
    """One phone visits the four calculators in turn (one engine start), each with its results and chart."""
    page = new_context(**PHONE).new_page()
    page.goto(site_url + "calculators/")
    for name in CALCULATORS:
        follow_link(page, f"{site_url}calculators/{name}/")
        wait_for_results(page, name)
        # Charts draw once Chart.js has loaded; the box is sized then (the growth page has none).
        for box in page.locator(".calc-chart__box").all():
            box.locator("xpath=self::*[@data-size]").wait_for(timeout=30_000)
        # The wide results table scrolls inside its own container instead.
        wrap = page.locator(".calc-table-wrap:has(table[data-role=results])")
        assert wrap.evaluate(
            "node => node.scrollWidth > node.clientWidth && getComputedStyle(node).overflowX === 'auto'"
        ), name
        assert horizontal_overflow(page) <= 0, name


@pytest.mark.browser
@pytest.mark.parametrize("path", ["04-managing-the-partnership/funding/", "inventory/tools/decision-log/"])
def test_pages_print_without_navigation_and_with_link_targets(page, site_url, path, tmp_path):
    page.goto(site_url + path)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), f"{selector} shows in print"
    shown = page.evaluate("""() => {
        const link = document.querySelector('article a[href]:not([href^="#"]):not(.headerlink)');
        return [link.getAttribute('href'), getComputedStyle(link, '::after').content];
    }""")
    assert shown[0] in shown[1], "a link's address is not printed after it"
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf))
    assert pdf.stat().st_size > 10_000
