"""MkDocs hook: regenerate chapter 12 (docs/inventory/) from the tool catalog before each build."""

import importlib.util
from pathlib import Path

from mkdocs.exceptions import PluginError

# build_inventory.py stays at the top of the repository (it is also a command); load it by path.
_spec = importlib.util.spec_from_file_location(
    "build_inventory", Path(__file__).resolve().parent.parent / "build_inventory.py"
)
assert _spec and _spec.loader
build_inventory = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_inventory)


def on_pre_build(config, **kwargs):
    """Rewrite the inventory pages before MkDocs collects the files; a bad catalog stops the build."""
    try:
        build_inventory.build()
    except build_inventory.CatalogError as error:
        raise PluginError(str(error)) from None
