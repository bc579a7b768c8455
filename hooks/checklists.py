"""MkDocs hook: name every checklist checkbox after its item, so screen readers (and axe) know what it ticks.

pymdownx.tasklist draws `- [ ] text` as a disabled checkbox inside an empty <label>, with the text
after it; the checkbox then has no accessible name. Its item's text, up to any nested list, becomes
its aria-label.
"""

import html
import re

TASK = re.compile(
    r'(<li class="task-list-item">\s*(?:<p>)?<label class="task-list-control">)<input type="checkbox"([^>]*?)\s*/?>'
    r"(.*?</label>)(.*?)(?=<li\b|</li>|<ul\b|<ol\b)",
    re.S,
)
TAG = re.compile(r"<[^>]+>")


def named(match):
    start, attributes, label, text = match.groups()
    if "aria-label" in attributes:
        return match.group(0)
    name = " ".join(html.unescape(TAG.sub("", text)).split())[:200] or "Checklist item"
    return f'{start}<input type="checkbox"{attributes} aria-label="{html.escape(name, quote=True)}">{label}{text}'


def on_page_content(content, page, config, files):
    return TASK.sub(named, content) if "task-list-control" in content else content
