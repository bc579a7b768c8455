"""MkDocs hook: bundle the browser code (web/) into the site, and set up the page model.

Each entry point web/pages/<kind>.js becomes one classic script, site/assets/web/<kind>.js, bundled
by esbuild: classic, so pages opened from file:// (the offline copy) can run them. Source maps are
not shipped. A page loads its bundle through its front matter (`scripts: [assets/web/<kind>.js]`);
every page loads site.js (overrides/partials/javascripts/base.html).

The online build uses Material's instant navigation (pages swap without a reload, so the
calculators' engine keeps running); the offline build keeps full page loads.
"""

import logging
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "web"
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
# Browsers the bundles are written for: what supports the class fields, ??= and top-level
# features the sources use (Chromium is what the tests drive).
TARGET = "es2022"
log = logging.getLogger("mkdocs.hooks.web")


def entry_points() -> list[Path]:
    return sorted((WEB / "pages").glob("*.js"))


def sources() -> list[Path]:
    return [path for path in WEB.rglob("*.js") if path.is_file()]


def bundle(out_dir: Path) -> list[Path]:
    """Bundle every entry point into out_dir unless the bundles are newer than every source."""
    outputs = [out_dir / path.name for path in entry_points()]
    newest = max(path.stat().st_mtime for path in [*sources(), Path(__file__)])
    if all(out.exists() and out.stat().st_mtime >= newest for out in outputs):
        return outputs
    if not ESBUILD.exists():
        raise PluginError("node_modules/.bin/esbuild is missing: run `make setup` (npm ci)")
    command = [
        str(ESBUILD),
        *map(str, entry_points()),
        "--bundle",
        "--format=iife",
        f"--target={TARGET}",
        "--minify",
        "--legal-comments=none",
        f"--outdir={out_dir}",
        "--log-level=warning",
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise PluginError(f"esbuild could not bundle web/:\n{done.stderr[-4000:]}")
    if done.stderr.strip():
        log.warning("esbuild: %s", done.stderr.strip())
    return outputs


def offline_build(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def on_config(config, **kwargs):
    """Instant navigation online only; no CDN polyfill (site.js carries its own iframe-worker shim)."""
    if offline_build(config):
        # From disk every page is loaded in full (Material would not swap pages there anyway).
        config.theme["features"] = [f for f in config.theme["features"] if not f.startswith("navigation.instant")]
    # The offline plugin adds a CDN copy of iframe-worker unless a polyfill by that name is
    # listed; the site loads nothing from other hosts, and site.js has the shim it needs.
    polyfills = config.extra.get("polyfills", [])
    config.extra["polyfills"] = [url for url in polyfills if "iframe-worker" not in url]
    return config


def on_post_build(config, **kwargs):
    bundle(Path(config["site_dir"]) / "assets" / "web")
