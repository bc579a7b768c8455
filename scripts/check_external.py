"""Fetch every outside link of a built site and list the broken ones (needs a network; not part of `make test`).

Usage: python scripts/check_external.py [site-folder] [--timeout SECONDS] [--workers N]
Each URL is asked for once (HEAD, then GET when the server refuses HEAD). Exit 0 when every link
answers, 1 when any is broken or unreachable, 2 when the site folder is missing.
"""

import argparse
import socket
import ssl
import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.client import HTTPException
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urldefrag
from urllib.request import Request, urlopen

from check_links import check  # the one place that collects a built site's links (scripts/check_links.py)

USER_AGENT = "START-Toolkit-link-check/1.0 (checks the outside links of a static site)"
# Servers that refuse or do not implement HEAD: ask again with GET.
RETRY_WITH_GET = {403, 405, 501}


@dataclass(frozen=True)
class Result:
    """The outcome for one URL: an HTTP status, or the reason no answer came."""

    url: str
    status: int | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is not None and self.status < 400


def ask(url: str, method: str, timeout: float) -> int:
    """The final HTTP status of one request (redirects followed); raises on network failure."""
    request = Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urlopen(request, timeout=timeout) as response:  # noqa: S310 - https links of our own site
            return int(response.status)
    except HTTPError as error:
        return int(error.code)


def fetch(url: str, timeout: float) -> Result:
    """HEAD first; GET when the server will not answer HEAD; network failures become a reason."""
    try:
        status = ask(url, "HEAD", timeout)
        if status in RETRY_WITH_GET:
            status = ask(url, "GET", timeout)
        return Result(url, status)
    except URLError as error:
        return Result(url, None, f"connection failed: {reason(error.reason)}")
    except TimeoutError:
        return Result(url, None, f"no answer within {timeout:g} s")
    except (ssl.SSLError, HTTPException, OSError, ValueError) as error:
        return Result(url, None, f"{type(error).__name__}: {error}")


def reason(why: object) -> str:
    if isinstance(why, socket.gaierror):
        return f"host name not resolved ({why.strerror})"
    if isinstance(why, TimeoutError):
        return "timed out"
    return str(why)


def outside_urls(site: Path) -> dict[str, list[str]]:
    """Each outside http(s) URL without its #fragment, with the pages that link to it."""
    _, external = check(site)
    urls: dict[str, list[str]] = {}
    for url, pages in external.items():
        if url.startswith(("http://", "https://")):
            urls.setdefault(urldefrag(url).url, []).extend(pages)
    return urls


def report(results: Iterable[Result], pages: dict[str, list[str]]) -> tuple[str, bool]:
    """The printed report, and whether every link answered."""
    results = sorted(results, key=lambda result: result.url)
    broken = [result for result in results if result.status is not None and not result.ok]
    unreachable = [result for result in results if result.status is None]
    lines = [f"Outside links checked: {len(results)}; ok {len(results) - len(broken) - len(unreachable)}"]
    if results and len(unreachable) == len(results):
        lines.append(
            "No link could be reached at all: this machine is probably offline. Run it where a network exists."
        )
    lines.append(f"Broken (the server answered with an error): {len(broken)}")
    lines += [
        f"  {result.status}  {result.url}  <- {', '.join(sorted(set(pages[result.url]))[:3])}" for result in broken
    ]
    lines.append(f"Unreachable (no answer; check the network before the link): {len(unreachable)}")
    lines += [f"  {result.url}  ({result.error})" for result in unreachable]
    return "\n".join(lines), not broken and not unreachable


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="a built site folder (default: site)")
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for each answer (default: 15)")
    parser.add_argument("--workers", type=int, default=8, help="requests at a time (default: 8)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"{args.site} is not a built site (no index.html): run `make site` first", file=sys.stderr)
        return 2
    pages = outside_urls(args.site)
    with ThreadPoolExecutor(max_workers=max(1, args.workers)) as pool:
        results = list(pool.map(lambda url: fetch(url, args.timeout), sorted(pages)))
    text, all_ok = report(results, pages)
    print(text)
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
