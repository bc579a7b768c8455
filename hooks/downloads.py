"""MkDocs hook: put the offline zip on the site and turn `<!-- offline-download -->` into its link.

`make bundle` writes dist/start-toolkit-offline-<version>.zip (version from package.json). When
that file exists, an online build publishes it as downloads/<name> and each marker becomes a
download button. Without it (a fresh clone) the marker becomes a note saying how to add it, so
`mkdocs build --strict` passes and no link ever points at a missing file. In the offline build
itself the marker says which version the reader has open.
"""

import importlib.util
import logging
import posixpath
from pathlib import Path

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
MARKER = "<!-- offline-download -->"
log = logging.getLogger("mkdocs.hooks.download")

# scripts/project.py names the zip and reads the version, for this hook and scripts/build_bundle.py.
_spec = importlib.util.spec_from_file_location("project", ROOT / "scripts" / "project.py")
assert _spec and _spec.loader
project = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(project)
version, zip_path = project.version, project.zip_path


def offline_build(config):
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def on_files(files, config):
    if offline_build(config):
        return files
    path = zip_path()
    if path.is_file():
        files.append(File.generated(config, f"downloads/{path.name}", abs_src_path=str(path)))
    else:
        log.info("no %s yet: the offline page says how to add the download (make bundle)", path.name)
    return files


def replacement(page, config, files):
    if offline_build(config):
        return (
            f'!!! note "You have the offline copy open"\n\n'
            f"    This is version {version()} of the offline copy, read from your own disk.\n"
        )
    path = zip_path()
    target = f"downloads/{path.name}"
    if files.get_file_from_path(target) is None:
        return (
            '!!! note "The download is not part of this build"\n\n'
            "    This copy of the site was built without the offline zip. Run `make bundle`, then\n"
            "    build the site again to offer it here.\n"
        )
    link = posixpath.relpath(target, posixpath.dirname(page.file.src_uri) or ".")
    size = path.stat().st_size / 1e6
    return (
        f'[Download the offline copy]({link}){{ .md-button .md-button--primary download="{path.name}" }}\n\n'
        f"Version {version()}, a zip file of {size:.0f} MB.\n"
    )


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, replacement(page, config, files))
