"""MkDocs hook: the region builder's map data, cut per state from the us-atlas npm package at build time.

node_modules/us-atlas/counties-albers-10m.json (Census 2017 cartographic boundaries as TopoJSON,
already projected) -> site/assets/regions/states.js (every state: FIPS code, name, counties) and
site/assets/regions/<state FIPS>.js (that state's county shapes as SVG paths). Names and FIPS codes
come from the package, never typed by hand. The files are classic scripts that hand their data to
the page's one namespace, so they load from file:// too, and only pages with a region builder
load them. Decoding takes a second or two, so the output is cached in .cache/regions/.
"""

import json
import shutil
from pathlib import Path

from start_calculators import qcew
from start_calculators.qcew import BLS_OLDER_FILES_URL, BLS_OPEN_DATA_URL, NATION_AREA, bls_area_url

ROOT = Path(__file__).resolve().parent.parent
ATLAS = ROOT / "node_modules" / "us-atlas" / "counties-albers-10m.json"
CACHE = ROOT / ".cache" / "regions"  # git-ignored
# How a data file hands itself to the page (see web/calculators/region/).
CALLBACK = "self.StartToolkit.regionData"
# The BLS links the page shows for the reader's own browser to follow come from the calculators'
# package, so the pattern has one source: {year} and {area} are left for the page to fill in.
LINKS = {
    "areaFile": bls_area_url("{year}", "{area}"),
    "openData": BLS_OPEN_DATA_URL,
    "olderFiles": BLS_OLDER_FILES_URL,
    "nation": NATION_AREA,
}
QCEW_MODULE = Path(qcew.__file__)


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs: delta-encoded, quantized integers -> absolute projected coordinates."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """A closed ring from arc indexes; ~i means arc i reversed, and shared end points appear once."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def svg_path(rings: list[list[tuple[float, float]]]) -> str:
    """Relative SVG path data with one decimal: small, and exact enough for a state map."""
    parts = []
    for points in rings:
        x0, y0 = round(points[0][0], 1), round(points[0][1], 1)
        steps, px, py = [], x0, y0
        for x, y in points[1:]:
            x, y = round(x, 1), round(y, 1)
            dx, dy = round(x - px, 1), round(y - py, 1)
            if dx or dy:
                steps.append(f"{dx:g} {dy:g}".replace(" -", "-"))
                px, py = x, y
        parts.append(f"M{x0:g} {y0:g}l" + " ".join(steps) + "z")
    return "".join(parts)


def county_rings(geometry: dict, arcs: list) -> list[list[tuple[float, float]]]:
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    return [ring_points(ring, arcs) for polygon in polygons for ring in polygon]


def display_names(counties: list[dict]) -> None:
    """Two places of one name in a state (Richmond County and Richmond city, VA): mark the city.

    County-equivalent codes from 510 up are independent cities (Virginia, Baltimore, St. Louis)."""
    seen: dict[str, int] = {}
    for county in counties:
        seen[county["name"]] = seen.get(county["name"], 0) + 1
    for county in counties:
        if seen[county["name"]] > 1 and int(county["fips"][2:]) >= 510:
            county["name"] += " (city)"


def build(topology: dict) -> dict[str, dict]:
    """State FIPS -> {state, name, viewBox, counties: [{fips, name, d}]}."""
    arcs = decode_arcs(topology)
    states = {
        g["id"]: {"state": g["id"], "name": g["properties"]["name"], "counties": []}
        for g in topology["objects"]["states"]["geometries"]
    }
    points: dict[str, list[tuple[float, float]]] = {}  # every point of a state, for its bounding box
    for geometry in topology["objects"]["counties"]["geometries"]:
        fips, name = geometry["id"], geometry["properties"]["name"]
        rings = county_rings(geometry, arcs)
        points.setdefault(fips[:2], []).extend(point for ring in rings for point in ring)
        states[fips[:2]]["counties"].append({"fips": fips, "name": name, "d": svg_path(rings)})
    for code, state in states.items():
        state["counties"].sort(key=lambda county: (county["name"], county["fips"]))
        display_names(state["counties"])
        xs, ys = zip(*points[code], strict=True)
        x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
        pad = max(x1 - x0, y1 - y0) * 0.02
        state["viewBox"] = f"{x0 - pad:.1f} {y0 - pad:.1f} {x1 - x0 + 2 * pad:.1f} {y1 - y0 + 2 * pad:.1f}"
    return states


def script(payload: dict) -> str:
    return f"{CALLBACK}({json.dumps(payload, separators=(',', ':'), ensure_ascii=False)});\n"


def write_cache() -> None:
    """Regenerate .cache/regions/ when the atlas, this hook or the link pattern is newer than the cache."""
    stamp = CACHE / "states.js"
    newest = max(path.stat().st_mtime for path in (ATLAS, Path(__file__), QCEW_MODULE))
    if stamp.exists() and stamp.stat().st_mtime >= newest:
        return
    states = build(json.loads(ATLAS.read_text(encoding="utf-8")))
    shutil.rmtree(CACHE, ignore_errors=True)
    CACHE.mkdir(parents=True)
    for code, state in states.items():
        (CACHE / f"{code}.js").write_text(script({"kind": "shapes", **state}), encoding="utf-8")
    index = [
        {"state": s["state"], "name": s["name"], "counties": [[c["fips"], c["name"]] for c in s["counties"]]}
        for s in sorted(states.values(), key=lambda s: s["name"])
    ]
    stamp.write_text(script({"kind": "states", "links": LINKS, "states": index}), encoding="utf-8")


def on_pre_build(config, **kwargs):
    """Fail early, naming the fix, when the npm package is missing."""
    if not ATLAS.exists():
        from mkdocs.exceptions import PluginError

        raise PluginError(f"{ATLAS.relative_to(ROOT)} is missing: run `make setup` (npm ci)")
    write_cache()


def on_post_build(config, **kwargs):
    target = Path(config["site_dir"]) / "assets" / "regions"
    target.mkdir(parents=True, exist_ok=True)
    for source in CACHE.glob("*.js"):
        shutil.copyfile(source, target / source.name)
