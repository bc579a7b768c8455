"""The region builder's map data: cut per state from us-atlas at build time, small, with names and FIPS codes."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("regions_hook", ROOT / "hooks" / "regions.py")
regions = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regions)


def payload(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith(regions.CALLBACK + "(") and text.rstrip().endswith(");")
    return json.loads(text[len(regions.CALLBACK) + 1 : text.rstrip().rindex(")")])


@pytest.fixture(scope="module")
def cache():
    regions.write_cache()
    return regions.CACHE


def test_every_state_has_its_counties_with_names_and_fips(cache):
    index = payload(cache / "states.js")
    states = {state["state"]: state for state in index["states"]}
    atlas = json.loads(regions.ATLAS.read_text(encoding="utf-8"))
    assert len(states) == len(atlas["objects"]["states"]["geometries"]) == 51  # 50 states and DC
    assert sum(len(s["counties"]) for s in states.values()) == len(atlas["objects"]["counties"]["geometries"])
    ohio = dict(states["39"]["counties"])
    assert states["39"]["name"] == "Ohio" and len(ohio) == 88
    assert ohio["39049"] == "Franklin" and ohio["39041"] == "Delaware"
    for code, state in states.items():
        fips = [c[0] for c in state["counties"]]
        names = [c[1] for c in state["counties"]]
        assert all(len(f) == 5 and f.startswith(code) for f in fips), code
        assert len(set(names)) == len(names), f"{state['name']} has two places of one name"
    assert dict(states["51"]["counties"])["51760"] == "Richmond (city)"


def test_the_bls_link_pattern_gives_an_area_slice_and_comes_from_the_package(cache):
    from start_calculators.qcew import BLS_OLDER_FILES_URL, bls_area_url

    links = payload(cache / "states.js")["links"]
    url = links["areaFile"].format(year=2023, area="39049")
    assert url == "https://data.bls.gov/cew/data/api/2023/a/area/39049.csv" == bls_area_url(2023, "39049")
    assert links["nation"] == "US000" and links["olderFiles"] == BLS_OLDER_FILES_URL


def test_each_state_file_draws_its_counties_and_stays_small(cache):
    ohio = payload(cache / "39.js")
    assert ohio["kind"] == "shapes" and len(ohio["counties"]) == 88
    franklin = next(c for c in ohio["counties"] if c["fips"] == "39049")
    assert franklin["d"].startswith("M") and franklin["d"].endswith("z")
    x, y, width, height = map(float, ohio["viewBox"].split())
    assert width > 0 and height > 0
    sizes = {path.name: path.stat().st_size for path in cache.glob("[0-9][0-9].js")}
    assert len(sizes) == 51
    assert max(sizes.values()) < 60_000, sizes  # Texas, the largest, is about 40 kB
