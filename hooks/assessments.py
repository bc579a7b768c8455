"""MkDocs hook: turn `<!-- assessment: <slug> -->` on a tool page into its form, and load the form's script.

The form comes from tools/assessments/<slug>.yml (tools/assessment_forms.py renders it); its links to
guide sections are resolved here, from the page, so they work online and in the offline copy alike.
The page loads assets/web/assessment.js (web/pages/assessment.js and web/assessments/, bundled by
hooks/web.py into one classic script, so it also runs from file://).
"""

import importlib.util
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
# hooks/web.py bundles web/pages/assessment.js (and web/assessments/) into this classic script.
SCRIPT = "assets/web/assessment.js"


def _load(name):
    """tools/<name>.py by its path, once per process (build_inventory.py loads the tools' renderers alike)."""
    if f"tools_{name}" not in sys.modules:
        spec = importlib.util.spec_from_file_location(f"tools_{name}", ROOT / "tools" / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look the module up there
        spec.loader.exec_module(module)
    return sys.modules[f"tools_{name}"]


forms = _load("assessment_forms")


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
