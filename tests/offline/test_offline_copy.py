"""The offline zip: opened from file:// in Chromium, reading, search, inventory and calculators work locally."""

import base64
import gzip
import hashlib
import json
import re
import shutil
import zipfile

import pytest
from project import ROOT
from support import SLOW, foreign_html_loads, heading, open_calculator, policy_problems, results

LIMIT_BYTES = 25 * 1000 * 1000
LOCAL_SCHEMES = {"file", "data", "blob"}
CHAPTER_8 = "08-maintaining-the-partnership/"


def assert_only_local_requests(page):
    foreign = [url for url in page.log.requests if url.split(":", 1)[0] not in LOCAL_SCHEMES]
    assert foreign == [], f"requests that left the disk: {foreign[:10]}"


def open_from_disk(page, copy, relative="index.html"):
    # Until the page's own scripts ran; from disk "load" would also wait for the engine's files.
    page.goto((copy / relative).as_uri(), wait_until="domcontentloaded", timeout=SLOW)


def test_the_zip_holds_one_folder_with_index_html_and_the_runtime_pack(offline_zip):
    assert offline_zip.stat().st_size <= LIMIT_BYTES, f"{offline_zip.stat().st_size / 1e6:.1f} MB"
    names = zipfile.ZipFile(offline_zip).namelist()
    tops = {name.split("/", 1)[0] for name in names}
    assert tops == {offline_zip.stem}
    top = offline_zip.stem + "/"
    for needed in [
        "index.html",
        "search/search_index.js",
        "assets/web/site.js",
        "assets/web/calculators.js",
        "assets/web/offline-worker.js",
        "assets/pyodide/offline/pack.js",
        "assets/pyodide/offline/worker.js",
        "assets/pyodide/offline/pyodide.js",
        "assets/pyodide/offline/pyodide-asm.js",
        "assets/pyodide/offline/pyodide.asm.wasm.js",
        "assets/pyodide/offline/python_stdlib.zip.js",
        "assets/pyodide/offline/engine.snapshot.gz.js",
    ]:
        assert top + needed in names, needed


def test_only_calculator_pages_of_the_copy_may_compile_webassembly(offline_copy):
    """From disk every page loads in full with its own policy, so chapter pages do without."""
    problems = policy_problems(offline_copy, lambda name, text: "data-calculator=" in text)
    assert problems == []
    assert (offline_copy / "calculators" / "growth.html").is_file()


def test_no_file_in_the_copy_loads_anything_from_another_host(offline_copy):
    assert foreign_html_loads(offline_copy) == []
    assert "unpkg.com" not in (offline_copy / "index.html").read_text(encoding="utf-8")


def packed(folder):
    """The pack's file list and lock (pack.js), and a function giving one packed file's bytes."""
    text = (folder / "pack.js").read_text(encoding="utf-8")
    pack = json.loads(re.search(r"offlinePack = (\{.*\});\s*$", text, re.S).group(1))

    def payload(name):
        script = (folder / pack["files"][name]["script"]).read_text(encoding="ascii")
        return base64.b64decode(re.search(r'\] = "([A-Za-z0-9+/=]+)";', script).group(1))

    return pack, payload


def test_the_packed_wheel_matches_the_sha256_in_the_packed_lock(offline_copy):
    pack, payload = packed(offline_copy / "assets" / "pyodide" / "offline")
    entry = pack["lock"]["packages"]["start-calculators"]
    assert hashlib.sha256(payload(entry["file_name"])).hexdigest() == entry["sha256"]


def test_the_packed_wasm_is_gzipped_and_unzips_to_the_runtimes_wasm(offline_copy):
    pack, payload = packed(offline_copy / "assets" / "pyodide" / "offline")
    assert pack["files"]["pyodide.asm.wasm"]["encoding"] == "gzip"
    wasm = gzip.decompress(payload("pyodide.asm.wasm"))
    assert wasm == (ROOT / "node_modules" / "pyodide" / "pyodide.asm.wasm").read_bytes()
    assert len(wasm) == pack["files"]["pyodide.asm.wasm"]["bytes"]


@pytest.mark.browser
def test_the_nav_reaches_a_chapter_from_disk(page, offline_copy):
    open_from_disk(page, offline_copy)
    link = page.locator("nav.md-nav--primary a.md-nav__link").filter(
        has_text=re.compile(r"^\s*8\. Maintaining the Partnership\s*$")
    )
    link.first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and CHAPTER_8 in page.url and page.url.endswith(".html")
    assert heading(page) == "Maintaining the Partnership"
    assert_only_local_requests(page)


@pytest.mark.browser
def test_search_finds_a_chapter_8_page_from_disk(page, offline_copy):
    open_from_disk(page, offline_copy)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("expectations")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    hits = page.locator(f".md-search-result__item a[href*='{CHAPTER_8}']")
    assert hits.count() > 0, page.locator(".md-search-result").inner_text()
    hits.first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file://") and CHAPTER_8 in page.url
    assert_only_local_requests(page)


@pytest.mark.browser
def test_the_inventory_filter_works_from_disk(page, offline_copy):
    open_from_disk(page, offline_copy, "inventory/index.html")
    items = page.locator("[data-role=tool-list] li:visible")
    everything = items.count()
    assert everything > 40
    page.get_by_label("Filter the tools").fill("budget")
    narrowed = [items.nth(i).inner_text() for i in range(items.count())]
    assert 0 < len(narrowed) < everything
    assert all("budget" in title.lower() for title in narrowed)
    assert_only_local_requests(page)


@pytest.mark.browser
def test_the_lq_calculator_from_disk_shows_the_served_sites_values(page, offline_copy, calculators):
    # From disk the engine runs in a worker made from a Blob (not the online worker's script), with
    # the same widget and status line, and starts Python from the packed snapshot.
    console = []
    page.on("console", lambda message: console.append(message.text))
    open_calculator(page, (offline_copy / "calculators" / "location-quotient.html").as_uri(), "location-quotient")
    offline = results(page, "industry_code")
    assert_only_local_requests(page)
    assert page.evaluate("StartToolkit.runtime.where") == "worker"
    assert not [url for url in page.log.requests if url.endswith("/assets/web/worker.js")], "no worker from disk"
    assert any(url.endswith("/offline/engine.snapshot.gz.js") for url in page.log.requests)
    assert not [text for text in console if "without its snapshot" in text], console

    calculators.open("location-quotient")
    served = results(calculators.page, "industry_code")
    assert len(offline) > 50 and offline == served


@pytest.mark.browser
def test_a_tampered_wheel_is_refused(page, offline_copy, tmp_path):
    """Integrity checks stay on from disk: one changed byte in the wheel stops the engine."""
    copy = tmp_path / "copy"
    shutil.copytree(offline_copy, copy)
    folder = copy / "assets" / "pyodide" / "offline"
    (payload,) = folder.glob("start_calculators-*.whl.js")
    text = payload.read_text(encoding="ascii")
    start = text.index('] = "') + len('] = "')
    middle = start + (len(text) - start) // 2
    swapped = "B" if text[middle] != "B" else "C"
    payload.write_text(text[:middle] + swapped + text[middle + 1 :], encoding="ascii")

    console = []  # Pyodide reports a failed package on the console (warning or error), then the import fails
    page.on("console", lambda message: console.append(message.text))
    open_from_disk(page, copy, "calculators/location-quotient.html")
    outcome = page.evaluate("StartToolkit.runtime.ready().then(() => 'ready', (error) => String(error))")
    assert outcome != "ready"
    assert any("integrity check failed" in text for text in console + [outcome]), console
    assert_only_local_requests(page)


@pytest.mark.browser
def test_a_missing_runtime_file_is_reported_not_awaited_forever(page, offline_copy, tmp_path):
    """Pyodide never settles when its wasm fails to load, so the pack's loader must fail first."""
    copy = tmp_path / "copy"
    shutil.copytree(offline_copy, copy)
    (copy / "assets" / "pyodide" / "offline" / "pyodide.asm.wasm.js").unlink()

    open_from_disk(page, copy, "calculators/location-quotient.html")
    page.wait_for_function("() => Boolean(window.StartToolkit?.runtime)")
    outcome = page.evaluate("StartToolkit.runtime.ready().then(() => 'ready', (error) => String(error))")
    assert "pyodide.asm.wasm.js" in outcome
    status = page.locator("[data-calculator=location-quotient] [data-role=status]")
    status.filter(has_text="did not start").wait_for(timeout=10000)
    assert_only_local_requests(page)
