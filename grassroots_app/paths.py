"""The one place that knows where resources live, in the source tree and in a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """Return the folder that holds `resources/` and `db/`."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
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
