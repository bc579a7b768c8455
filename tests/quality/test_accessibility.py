"""axe-core (self-hosted from node_modules, injected by the test) finds no serious or critical problem."""

from pathlib import Path

import pytest
from support import CALCULATORS, SCHEMES, choose_palette

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "",  # home
    "03-convening-and-planning/step-2-identify-partners/",  # a chapter page
    "inventory/",
    "inventory/alphabetical/",
    "inventory/by-module/",
    "inventory/by-topic/",
    "inventory/tools/budget-by-phase/",  # a tool page with downloads
    "inventory/tools/is-a-sector-approach-right-for-us/",  # the three self-assessments
    "inventory/tools/partnership-self-assessment/",
    "inventory/tools/member-satisfaction-survey-form/",
    "print/",  # the printable edition
]


def serious_violations(page):
    """Run axe in the page; evaluate() is not subject to the page's CSP, unlike a <script> tag."""
    # Colors fade after a palette switch; contrast is measured once every transition has ended.
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => `${v.id} (${v.impact}): ${v.help} -> ` +
                v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
    }""")
    return violations


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_have_no_serious_accessibility_problems(page, site_url, path, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + path)
    assert serious_violations(page) == []


@pytest.mark.parametrize("name", CALCULATORS)
def test_calculators_have_no_serious_accessibility_problems_after_the_sample(calculators, name):
    calculators.open(name)
    page = calculators.page
    try:
        for scheme in SCHEMES:
            choose_palette(page, scheme)
            assert serious_violations(page) == [], scheme
    finally:
        choose_palette(page, "light")
