"""The generated inventory of the real catalog: each view lists each tool the right number of times."""

import re
from collections import Counter

import pytest

import build_inventory as inventory

TOOL_LINK = re.compile(r"\]\(tools/([a-z0-9-]+)\.md\)")

# The content map's table of the 44 tools the original named, by the slug of their record here.
CONTENT_MAP_TOOLS = [
    "rules-of-thumb-for-engaging-employers",
    "example-partnerships-by-industry",
    "sector-strategy-organizations",
    "sector-strategy-reports",
    "state-sector-strategy-websites",
    "industry-data-table",
    "calculating-location-quotients",
    "qualitative-factors-for-choosing-a-target-industry",
    "occupations-in-the-target-industry",
    "sample-labor-market-analysis-with-onthemap",
    "industry-meeting-guide",
    "job-postings-sample-output",
    "labor-market-data-sources",
    "basic-typology-of-employer-challenges",
    "job-description-of-a-partnership-intermediary",
    "real-life-examples-of-partnership-intermediaries",
    "sample-membership-list",
    "sample-handout-what-a-partnership-can-do-for-you",
    "meeting-terms",
    "sample-agenda-for-first-partnership-meeting",
    "logic-model",
    "action-plan",
    "roadmap-to-a-regional-skills-alliance",
    "organizational-chart",
    "partnership-building-common-pitfalls-and-tips",
    "examples-of-funding-sources",
    "life-cycle-of-a-sector-initiative",
    "strategic-planning-kit",
    "decision-log",
    "communications-strategies",
    "budget-by-phase",
    "funding-strategies-for-sustainability",
    "sustainability-plan-outline",
    "one-page-history-of-the-initiative",
    "benchmarking-framework",
    "evaluation-templates",
    "plan-on-a-page",
    "member-satisfaction-survey",
    "why-industry-loses-interest",
    "stages-of-group-development",
    "group-decision-making",
    "managing-conflict",
    "partner-talking-points",
    "rules-of-thumb-for-shared-learning-tools",
    "participation-and-pooled-resources-tracker",
    "short-case-study-template",
]
CALCULATORS = [
    "location-quotient-calculator",
    "growth-calculator",
    "industry-ranking-calculator",
    "shift-share-calculator",
]


@pytest.fixture(scope="module")
def built():
    tools = inventory.build()
    return {tool.slug: tool for tool in tools}


def listed(view):
    return Counter(TOOL_LINK.findall((inventory.OUT / view).read_text(encoding="utf-8")))


def test_the_catalog_covers_the_content_map_and_the_calculators(built):
    missing = [slug for slug in CONTENT_MAP_TOOLS + CALCULATORS if slug not in built]
    assert missing == []
    assert all(built[slug].kind == "calculator" and built[slug].modules == [2] for slug in CALCULATORS)


def test_alphabetical_lists_every_tool_once_in_order(built):
    counts = listed("alphabetical.md")
    assert counts == Counter(list(built))
    order = TOOL_LINK.findall((inventory.OUT / "alphabetical.md").read_text(encoding="utf-8"))
    assert order == sorted(order, key=lambda slug: inventory.sort_key(built[slug].title))


def test_by_module_lists_each_tool_once_per_module(built):
    assert listed("by-module.md") == Counter({slug: len(tool.modules) for slug, tool in built.items()})


def test_by_topic_lists_each_tool_once_per_topic(built):
    assert listed("by-topic.md") == Counter({slug: len(tool.topics) for slug, tool in built.items()})


def test_the_index_lists_every_tool_once_with_its_topics(built):
    text = (inventory.OUT / "index.md").read_text(encoding="utf-8")
    assert listed("index.md") == Counter(list(built))
    assert f"**{len(built)} tools**" in text
    for tool in built.values():
        assert f'data-topics="{"|".join(tool.topics)}"' in text


def test_every_tool_is_linked_from_a_chapter(built):
    assert [slug for slug, tool in built.items() if not tool.used_in] == []
