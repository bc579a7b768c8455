"""The inventory's filter box and topic chips narrow the list in Chromium; without JS it is a plain list."""

import pytest

pytestmark = pytest.mark.browser


def visible_titles(page):
    items = page.locator("[data-role=tool-list] li:visible")
    return [items.nth(i).inner_text() for i in range(items.count())]


def test_typing_and_topics_narrow_the_list(page, site_url):
    page.goto(site_url + "inventory/")
    everything = visible_titles(page)
    assert len(everything) > 40

    page.get_by_label("Filter the tools").fill("budget")
    narrowed = visible_titles(page)
    assert 0 < len(narrowed) < len(everything)
    assert all("budget" in title.lower() for title in narrowed)
    assert (
        page.locator("[data-role=filter-count]").inner_text() == f"Showing {len(narrowed)} of {len(everything)} tools."
    )

    page.get_by_label("Filter the tools").fill("")
    chip = page.get_by_role("button", name="Regional and industry data analysis")
    chip.click()
    assert chip.get_attribute("aria-pressed") == "true"
    by_topic = page.locator("[data-role=tool-list] li:visible")
    assert 0 < by_topic.count() < len(everything)
    for i in range(by_topic.count()):
        assert "Regional and industry data analysis" in by_topic.nth(i).get_attribute("data-topics")

    page.get_by_label("Filter the tools").fill("zzzz-no-such-tool")
    assert visible_titles(page) == []
    assert page.locator(".inventory-empty").is_visible()


def test_without_javascript_the_list_is_plain(new_context, site_url):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site_url + "inventory/")
    assert page.locator("[data-role=tool-list] li").count() > 40
    assert not page.locator("[data-role=inventory-filter]").is_visible()
