"""Checks shared by the served-site and offline-copy tests: a page's heading, and loads from other hosts."""

import re

# src/href/srcset/action pointing at another host; <a> links and canonical addresses load nothing.
FOREIGN_REFERENCE = re.compile(r"""(?:src|href|srcset|action)\s*=\s*["']?(?:https?:)?//""", re.I)
FOLLOWED_ONLY = re.compile(r"<a\s[^>]*>|<link rel=\"canonical\"[^>]*>")
FOREIGN_CSS = re.compile(r"@import[^;]*//[^;]*;|url\(\s*['\"]?(?:https?:)?//[^)]*\)")


def heading(page):
    """The page's h1 without the permalink mark."""
    return page.locator("article h1").inner_text().rstrip("¶").strip()


def foreign_html_loads(folder):
    """'file: reference' for every HTML page in folder that would load something from another host."""
    found = []
    for path in folder.rglob("*.html"):
        text = FOLLOWED_ONLY.sub("", path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(folder)}: {m.group(0)}" for m in FOREIGN_REFERENCE.finditer(text)]
    return found


def foreign_css_loads(folder):
    return [
        f"{path.relative_to(folder)}: {m}"
        for path in folder.rglob("*.css")
        for m in FOREIGN_CSS.findall(path.read_text(encoding="utf-8"))
    ]
