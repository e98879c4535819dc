"""Shared test configuration: the repository root importable (``from tests.… import …``), backups kept apart."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from concurrent.futures import process
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def under_wine() -> bool:
    """Return whether this is Windows as Wine emulates it (ntdll exports wine_get_version)."""
    if os.name != "nt":
        return False
    import ctypes  # noqa: PLC0415 - Windows only

    return hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")


def _wake_with_a_byte(wakeup: process._ThreadWakeup) -> None:
    if not wakeup._closed:
        wakeup._writer.send_bytes(b"\0")


if under_wine():
    # Wine 8.0's message pipes lose zero-length messages: PeekNamedPipe reports one, ReadFile then blocks.
    # ProcessPoolExecutor wakes its manager thread with such a message, so the window's worker reads hung
    # under the Windows check. Windows itself delivers them; its programs run unchanged.
    process._ThreadWakeup.wakeup = _wake_with_a_byte


@pytest.fixture(scope="session", autouse=True)
def backup_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep the automatic backups of every test out of the user's data folder (GRASSROOTS_BACKUP_DIR)."""
    folder = tmp_path_factory.mktemp("backups")
    previous = os.environ.get("GRASSROOTS_BACKUP_DIR")
    os.environ["GRASSROOTS_BACKUP_DIR"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["GRASSROOTS_BACKUP_DIR"]
    else:
        os.environ["GRASSROOTS_BACKUP_DIR"] = previous


@pytest.fixture(scope="session", autouse=True)
def log_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep the log of unexpected errors of every test out of the user's log folder (GRASSROOTS_LOG_DIR)."""
    folder = tmp_path_factory.mktemp("log")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GRASSROOTS_LOG_DIR", str(folder))
        yield folder
