"""Fixtures for the window tests: offscreen Qt, a real demo database, scripted prompts."""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.name == "nt":  # Qt's offscreen platform reads fonts from one folder there: the system's, as a real window has
    os.environ.setdefault("QT_QPA_FONTDIR", str(Path(os.environ.get("WINDIR", "C:\\Windows")) / "Fonts"))


from grassroots_app.demo.build import DEMO_DATE, Scale, build_demo  # noqa: E402
from grassroots_app.domain.model import Preset  # noqa: E402
from grassroots_app.persistence.database import Database  # noqa: E402
from grassroots_app.ui.context import AppContext  # noqa: E402
from grassroots_app.ui.errors import ErrorReporter  # noqa: E402
from grassroots_app.ui.i18n import LanguageSwitcher  # noqa: E402
from grassroots_app.ui.lifetime import collect_on_ui_thread, give_collection_back  # noqa: E402
from grassroots_app.ui.main_window import MainWindow  # noqa: E402
from grassroots_app.ui.settings import WindowSettings  # noqa: E402
from grassroots_app.ui.shared.input_guards import install_input_guards  # noqa: E402
from tests.ui.support import WAIT_MS, WORKERS, ScriptedPrompter  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def input_guards(qapp: QApplication) -> None:
    """The application-wide guards the window installs at start (first field focused, wheel needs focus)."""
    install_input_guards(qapp)


@pytest.fixture(scope="session", autouse=True)
def no_credential_store() -> None:
    """No window test reads or writes the passwords of this computer's credential store: keyring has none (a test
    that needs one sets its own, and this one back)."""
    keyring.set_keyring(fail.Keyring())


@pytest.fixture(autouse=True)
def collection_on_ui_thread(qapp: QApplication) -> Iterator[None]:
    """Garbage collected on the UI thread only, as the window does; Python's own collection back after the test."""
    collector = collect_on_ui_thread(qapp)
    yield
    give_collection_back(collector)
    gc.collect()  # what the test left, here on the UI thread


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> dict[Preset, Path]:
    """Demo databases built once per test session, copied for each test."""
    built: dict[Preset, Path] = {}
    for preset in Preset:
        path = tmp_path_factory.mktemp("demo") / f"{preset.value}.sqlite"
        database = Database.open(str(path))
        build_demo(database, preset, 1, Scale.DISTRICT)
        database.close()
        built[preset] = path
    return built


def _context(location: str | Path, tmp_path: Path, settings: str = "settings.ini") -> AppContext:
    errors = ErrorReporter(tmp_path / "grassroots.log", show_dialogs=False)
    context = AppContext(
        database=Database.open(str(location), backup=False),  # an 8 MB daily backup per test costs time and disk
        back_up=False,
        settings=WindowSettings(tmp_path / settings),
        errors=errors,
        prompter=ScriptedPrompter(),
        language=LanguageSwitcher(),
        as_of=DEMO_DATE,
        workers=WORKERS,
    )
    return context


def _open(preset: Preset, templates: dict[Preset, Path], tmp_path: Path) -> Iterator[AppContext]:
    """Yield a Vietnamese context on a fresh copy of a demo database; close it afterwards."""
    path = tmp_path / f"demo-{preset.value}.sqlite"
    shutil.copy(templates[preset], path)
    context = _context(path, tmp_path)
    context.language.apply("vi")
    yield context
    context.close()


@pytest.fixture
def context(qapp: object, demo_template: dict[Preset, Path], tmp_path: Path) -> Iterator[AppContext]:
    """A context on a fresh copy of the two-level demo database, dated on the demo date."""
    yield from _open(Preset.TWO_LEVEL, demo_template, tmp_path)


@pytest.fixture
def context_three_level(qapp: object, demo_template: dict[Preset, Path], tmp_path: Path) -> Iterator[AppContext]:
    """A context on a fresh copy of the three-level demo database."""
    yield from _open(Preset.THREE_LEVEL, demo_template, tmp_path)


@pytest.fixture
def context_at(qapp: object, tmp_path: Path) -> Iterator[Callable[[str], AppContext]]:
    """Make Vietnamese contexts on databases at paths or URLs, each with its own settings; close them afterwards."""
    made: list[AppContext] = []

    def make(location: str) -> AppContext:
        context = _context(location, tmp_path, f"settings-{len(made)}.ini")
        context.language.apply("vi")
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture
def empty_context(qapp: object, tmp_path: Path) -> Iterator[AppContext]:
    """A Vietnamese context on a brand-new, empty database."""
    context = AppContext(
        database=Database.open(str(tmp_path / "new.sqlite")),
        settings=WindowSettings(tmp_path / "settings.ini"),
        workers=WORKERS,  # the tests' one set of worker processes: none left running
        errors=ErrorReporter(tmp_path / "grassroots.log", show_dialogs=False),
        prompter=ScriptedPrompter(),
    )
    context.language.apply("vi")
    yield context
    context.close()


@pytest.fixture
def window(qtbot: QtBot, context: AppContext) -> MainWindow:
    """The main window on a copy of the two-level demo database, in Vietnamese, its gap marks read."""
    shown = MainWindow(context)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.tree.model.marks is not None, timeout=WAIT_MS)
    return shown
