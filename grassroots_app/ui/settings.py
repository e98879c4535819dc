"""Typed window settings in an INI file whose path tests can move, with versioned upgrades."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from grassroots_app.i18n import DEFAULT_LANGUAGE, LANGUAGES
from grassroots_app.paths import APP_NAME
from grassroots_app.services.server import ServerAddress

VERSION = 1
MAX_RECENT = 8


def default_settings_path() -> Path:
    """Return the settings file in the per-user config folder."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "grassroots.ini"


def _upgrade_to_1(store: QSettings) -> None:
    """Version 1: the first versioned layout; nothing to carry over."""


UPGRADES: dict[int, Callable[[QSettings], None]] = {1: _upgrade_to_1}


class WindowSettings:
    """What the window remembers between runs."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_settings_path()
        self.store = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._upgrade()

    def _upgrade(self) -> None:
        current = int(str(self.store.value("settings_version", 0)))
        for version in range(current + 1, VERSION + 1):
            UPGRADES[version](self.store)
        self.store.setValue("settings_version", VERSION)

    @property
    def language(self) -> str:
        """Return the interface language (Vietnamese by default)."""
        value = str(self.store.value("language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("language", value)

    @property
    def recent_databases(self) -> list[str]:
        """Return the databases opened lately, the last one first."""
        value = self.store.value("recent_databases", [])
        items = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else []
        return [str(item) for item in items if item]

    def remember_database(self, location: str) -> None:
        """Put a database at the head of the recent list."""
        items = [location, *[item for item in self.recent_databases if item != location]]
        self.store.setValue("recent_databases", items[:MAX_RECENT])

    @property
    def last_database(self) -> str | None:
        """Return the database opened last, if any."""
        recent = self.recent_databases
        return recent[0] if recent else None

    @property
    def server(self) -> ServerAddress | None:
        """Return the shared server connected to last (never its password), if any."""
        host = str(self.store.value("server/host", ""))
        if not host:
            return None
        port = str(self.store.value("server/port", ""))
        return ServerAddress(host, str(self.store.value("server/database", "")), str(self.store.value("server/login", "")),
                             int(port) if port.isdigit() else ServerAddress.port,
                             str(self.store.value("server/ssl_mode", ServerAddress.ssl_mode)),
                             str(self.store.value("server/root_certificate", "")))

    @server.setter
    def server(self, address: ServerAddress) -> None:
        for name in ("host", "database", "login", "port", "ssl_mode", "root_certificate"):
            self.store.setValue(f"server/{name}", getattr(address, name))

    def folder(self, kind: str) -> Path | None:
        """Return the folder a kind of file was last chosen in, while it still exists."""
        value = self.store.value(f"folders/{kind}")
        return Path(str(value)) if value and Path(str(value)).is_dir() else None

    def set_folder(self, kind: str, folder: Path) -> None:
        """Remember the folder a kind of file was chosen in."""
        self.store.setValue(f"folders/{kind}", str(folder))

    def flag(self, name: str, default: bool = False) -> bool:
        """Return a remembered on/off choice."""
        return str(self.store.value(name, default)).lower() in {"true", "1"}

    def set_flag(self, name: str, value: bool) -> None:
        """Remember an on/off choice."""
        self.store.setValue(name, value)

    def blob(self, name: str) -> QByteArray | None:
        """Return a remembered window geometry or state."""
        value = self.store.value(name)
        return value if isinstance(value, QByteArray) else None

    def set_blob(self, name: str, value: QByteArray) -> None:
        """Remember a window geometry or state."""
        self.store.setValue(name, value)

    def sync(self) -> None:
        """Write everything to disk now."""
        self.store.sync()
