"""The one place that knows where resources live, in the source tree and in a frozen build.

Every file the application reads at run time is reached through a function here; the PyInstaller spec
(`packaging/grassroots.spec`) bundles each of these folders, and a test checks that it does.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Grassroots"  # names the per-user folders of data, settings and logs
ROOT_VARIABLE = "GRASSROOTS_RESOURCES"  # another folder laid out like the bundle (the self-check's tests)


def is_frozen() -> bool:
    """Return whether this is the one-folder build made by PyInstaller."""
    return hasattr(sys, "_MEIPASS")


def resource_root() -> Path:
    """Return the folder that holds `resources/` and `db/`: $GRASSROOTS_RESOURCES, the bundle or the source tree."""
    override = os.environ.get(ROOT_VARIABLE)
    if override:
        return Path(override)
    if is_frozen():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined] # noqa: SLF001 - set by PyInstaller's bootloader
    return Path(__file__).resolve().parent.parent


def migrations_dir() -> Path:
    """Return the Alembic environment folder."""
    return resource_root() / "db"


def fonts_dir() -> Path:
    """Return the folder of the bundled fonts embedded in the PDF reports."""
    return resource_root() / "resources" / "fonts"


def translations_dir() -> Path:
    """Return the folder of translation catalogs."""
    return resource_root() / "resources" / "translations"


def icons_dir() -> Path:
    """Return the folder of the application's icons."""
    return resource_root() / "resources" / "icons"


def app_icon() -> Path:
    """Return the application icon shown by the window (the executable's own icon is the `.ico` beside it)."""
    return icons_dir() / "grassroots.png"


def official_units_file() -> Path:
    """Return the official pre-July-2025 list of provinces, districts and communes (see its folder's README)."""
    return resource_root() / "resources" / "official" / "units-2025-01-04.csv.gz"


def demo_words_file() -> Path:
    """Return the names and wording the demo data is made of (people, places, posts, notes)."""
    return resource_root() / "resources" / "demo" / "words.json"
