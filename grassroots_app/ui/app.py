"""Start the window: `grassroots-app` or `python -m grassroots_app`."""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import cast

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from grassroots_app.applog import start_logging, trace_crashes
from grassroots_app.console import utf8_streams
from grassroots_app.domain.errors import DomainError
from grassroots_app.paths import APP_NAME, app_icon
from grassroots_app.services.server import ServerAddress, address_of, without_password
from grassroots_app.services.workspace import Database
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.errors import ErrorReporter
from grassroots_app.ui.i18n import LanguageSwitcher, tr
from grassroots_app.ui.lifetime import collect_on_ui_thread
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.settings import WindowSettings
from grassroots_app.ui.shared.input_guards import install_input_guards


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """Read the start options."""
    parser = argparse.ArgumentParser(prog="grassroots-app")
    parser.add_argument("--db", help="database file or SQLAlchemy URL (default: the last one opened)")
    parser.add_argument("--settings", type=Path, help="settings file (default: the per-user config folder)")
    parser.add_argument("--self-check", action="store_true",
                        help="check the installation on a scratch database without a window; exit 0 when all is well")
    return parser.parse_args(argv)


def open_at_start(chosen: str | None, last: str | None, errors: ErrorReporter) -> Database:
    """Open the database named on the command line, else the last file, else the default one (created if needed).

    The last file refused (moved away, damaged, write-protected and old…) is reported, and the default one opened
    instead; a database named on the command line is never replaced by another. A server worked on last is not
    opened here: the window connects to it once shown (`server_to_resume`).
    """
    if chosen is None and last is not None and address_of(last) is None:
        try:
            return Database.open(last, daily=False, create=False)  # backed up in the background
        except DomainError as error:
            errors.report(error)
    return Database.open(chosen, daily=False, create=chosen is None)


def server_to_resume(chosen: str | None, last: str | None) -> ServerAddress | None:
    """Return the server to connect to once the window is shown: the last database, when nothing else is named."""
    return address_of(last) if chosen is None and last is not None else None


def build_window(arguments: argparse.Namespace) -> MainWindow:
    """Open the database and the settings, then the main window in the remembered language."""
    log_file = start_logging()
    errors = ErrorReporter(log_file)
    sys.excepthook = errors.excepthook
    settings = WindowSettings(arguments.settings)
    language = LanguageSwitcher()
    language.apply(settings.language)  # before opening: a refusal of the database is read in this language
    resume = server_to_resume(arguments.db, settings.last_database)
    database = open_at_start(arguments.db, settings.last_database, errors)
    if resume is None:  # else the server stays the last database until another one is opened
        settings.remember_database(without_password(database.url))  # a password is never written in the settings
    return MainWindow(AppContext(database, settings, errors, language=language), resume)


def set_manners(app: QApplication) -> None:
    """Install what every window of the application relies on: the input guards, collection on the UI thread."""
    install_input_guards(app)
    collect_on_ui_thread(app)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the application until its window is closed."""
    utf8_streams()
    trace_crashes()
    multiprocessing.freeze_support()  # the worker processes of a frozen (installed) build start here
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    if arguments.self_check:
        from grassroots_app.ui.files.self_check import run_self_check  # noqa: PLC0415 - only the check needs it

        return run_self_check()
    app = cast(QApplication | None, QApplication.instance()) or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setWindowIcon(QIcon(str(app_icon())))
    set_manners(app)
    try:
        window = build_window(arguments)
    except Exception as error:  # noqa: BLE001 - nothing else can show it: no window yet
        shown = error.render(tr) if isinstance(error, DomainError) else error
        QMessageBox.critical(None, APP_NAME, tr("Grassroots could not start:\n{error}").format(error=shown))
        return 1
    window.show()
    QTimer.singleShot(0, window.start)
    status = app.exec()
    window.context.close()
    return status
