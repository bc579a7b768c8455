"""MkDocs hook: turn `<!-- assessment: <slug> -->` on a tool page into its form, and bundle the form's script.

The form comes from tools/assessments/<slug>.yml (tools/assessment_forms.py renders it); its links to
guide sections are resolved here, from the page, so they work online and in the offline copy alike.
The page loads assets/web/assessment.js: web/pages/assessment.js and the modules it imports
(web/assessments/), bundled by esbuild into one classic script so it also runs from file://.
"""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
ENTRY = ROOT / "web" / "pages" / "assessment.js"
MODULES = ROOT / "web" / "assessments"
SCRIPT = "assets/web/assessment.js"
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look the module up there
    spec.loader.exec_module(module)
    return module


forms = _load("start_assessment_forms", ROOT / "tools" / "assessment_forms.py")


def on_page_markdown(markdown, page, config, files):
    if not forms.markers(markdown):
        return markdown

    def link(target):
        file = files.get_file_from_path(target)
        if file is None:
            raise PluginError(f"{page.file.src_uri}: an assessment links to {target}, which is not a page of the site")
        return file.url_relative_to(page.file)

    heading = re.search(r"^# (.+)$", markdown, re.M)
    try:
        expanded, _ = forms.expand_for_page(markdown, heading.group(1).strip() if heading else page.file.name, link)
    except forms.SpecError as error:
        raise PluginError(str(error)) from None
    page.meta["scripts"] = [*page.meta.get("scripts", []), SCRIPT]
    return expanded


def newest(paths):
    return max((p.stat().st_mtime for p in paths), default=0.0)


def on_post_build(config, **kwargs):
    """Bundle the form's script unless the bundle in the site is newer than every source file."""
    target = Path(config["site_dir"]) / SCRIPT
    sources = [ENTRY, *MODULES.rglob("*.js")]
    if target.exists() and target.stat().st_mtime >= newest(sources):
        return
    if not ESBUILD.exists():
        raise PluginError(f"{ESBUILD} is missing: run `make setup` (npm ci)")
    command = [ESBUILD, ENTRY, "--bundle", "--format=iife", "--target=es2020", f"--outfile={target}"]
    done = subprocess.run([*map(str, command), "--log-level=warning"], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise PluginError(f"esbuild could not bundle {ENTRY.relative_to(ROOT)}:\n{done.stderr[-2000:]}")
