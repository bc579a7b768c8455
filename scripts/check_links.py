"""Check every internal link and anchor of a built site; list external links without fetching them.

Usage: python scripts/check_links.py [site-folder]   (default: site/). Exit 1 on a broken link.
"""

import sys
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}
SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:")


class PageParser(HTMLParser):
    """Collects a page's element ids and the URLs it links to or loads."""

    def __init__(self):
        super().__init__()
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        url = attrs.get(LINK_ATTRIBUTES.get(tag, ""))
        if url and not (tag == "link" and attrs.get("rel") == "canonical"):
            self.links.append(url)


def parse(path):
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def target_file(site, page, url):
    """The file a relative URL points to, or None when it leaves the site folder."""
    path = unquote(urlsplit(url).path)
    if path.startswith("/"):  # root-relative (the 404 page): the site is served at the root
        target = (site / path.lstrip("/")).resolve()
    else:
        target = (page.parent / path).resolve() if path else page
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    try:
        target.relative_to(site.resolve())
    except ValueError:
        return None
    return target


def check(site):
    """(broken, external): broken = [(page, url, why)], external = {url: [pages]}."""
    site = Path(site)
    pages = {path.resolve(): parse(path) for path in site.rglob("*.html")}
    broken, external = [], defaultdict(list)
    for page, parsed in sorted(pages.items()):
        where = page.relative_to(site.resolve()).as_posix()
        for url in parsed.links:
            if url.startswith(SKIP_SCHEMES):
                continue
            if urlsplit(url).scheme or url.startswith("//"):
                external[url].append(where)
                continue
            target = target_file(site, page, url)
            if target is None or not target.exists():
                broken.append((where, url, "no such file"))
                continue
            fragment = urldefrag(url).fragment
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(fragment) not in ids:
                    broken.append((where, url, f"no element with id '{fragment}'"))
    return broken, dict(external)


def report(broken, external):
    lines = [f"Broken internal links: {len(broken)}"]
    lines += [f"  {page}: {url} ({why})" for page, url, why in broken]
    lines.append(f"External links (listed, not fetched): {len(external)}")
    lines += [f"  {url}  <- {', '.join(sorted(set(pages))[:3])}" for url, pages in sorted(external.items())]
    return "\n".join(lines)


if __name__ == "__main__":
    found_broken, found_external = check(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
    print(report(found_broken, found_external))
    sys.exit(1 if found_broken else 0)
