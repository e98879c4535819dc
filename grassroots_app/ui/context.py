"""The one object the windows share: database, settings, undo stack, tasks, errors, language, date."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from grassroots_app.domain.changes import EVERY_TABLE, Changes
from grassroots_app.domain.errors import DomainError
from grassroots_app.services import workspace
from grassroots_app.services.workspace import Database
from grassroots_app.ui.commands import ServiceCommand, retranslate_steps
from grassroots_app.ui.errors import ErrorReporter
from grassroots_app.ui.i18n import LanguageSwitcher
from grassroots_app.ui.lifetime import follow
from grassroots_app.ui.settings import WindowSettings
from grassroots_app.ui.shared.prompter import Prompter
from grassroots_app.ui.tasks import TaskRunner, WorkerPool

T = TypeVar("T")
BACKUP_CHECK_MS = 3_600_000  # hourly: a window left open for days still makes each day's backup


class AppEvents(QObject):
    """What changed, for the views to refresh themselves."""

    data_changed = Signal(object)  # the Changes of an edit, an undo or a redo
    as_of_changed = Signal(object)
    database_changed = Signal()


@dataclass
class AppContext:
    """Everything a window needs, passed in instead of globals (tests build their own)."""

    database: Database
    settings: WindowSettings
    errors: ErrorReporter
    prompter: Prompter = field(default_factory=Prompter)
    language: LanguageSwitcher = field(default_factory=LanguageSwitcher)
    events: AppEvents = field(default_factory=AppEvents)
    undo: QUndoStack = field(default_factory=QUndoStack)
    as_of: date = field(default_factory=date.today)
    back_up: bool = True  # make each day's backup in the background (tests turn it off)
    workers: WorkerPool = field(default_factory=WorkerPool)  # the processes of the heavy reads

    def __post_init__(self) -> None:
        self.tasks = TaskRunner(self.errors.report, self.workers)
        self.language.switched.append(lambda: retranslate_steps(self.undo))
        self.backup_timer = QTimer()
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.back_up_later)
        self.backup_timer.start()
        self.events.database_changed.connect(self.back_up_later)  # another database, or this one just set up
        self.back_up_later()

    def back_up_later(self) -> None:
        """Make today's backup of the database in the background unless it exists or the database is still empty
        (a failure is only logged)."""
        if not self.back_up:
            return
        database = self.database
        known = database.damage is not None
        self.tasks.run(lambda _progress: workspace.daily_backup(database),
                       lambda _path: self._warn_of_damage(database, known))

    def _warn_of_damage(self, database: Database, known: bool) -> None:
        """Say once that the daily backup found the database damaged (its writes are refused from now on)."""
        if database.damage is not None and not known:
            self.errors.report(database.damage)

    def read(self, query: Callable[..., T], *args: Any) -> T:
        """Run a read use case in its own unit of work and return its result."""
        return workspace.read(self.database, query, *args)

    def read_later(
        self,
        query: Callable[..., T],
        args: tuple[Any, ...],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        label: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Run a heavy read use case in a worker process (with a label: a progress dialog); call back on the
        UI thread, unless parent has been deleted by then."""
        self.tasks.read(self.database.url, query, args, on_success, on_failure, label, parent)

    def execute(self, label: str, use_case: Callable[..., T], *args: Any) -> T:
        """Run an edit as one transaction, push it on the undo stack and announce what it changed; a refusal
        raises DomainError."""
        result, step = workspace.record_edit(self.database, use_case, *args)
        if step:
            self.undo.push(ServiceCommand(label, self.database, step, self.errors.report, self.announce))
            self.announce(step.changes)
        return result

    def announce(self, changes: Changes) -> None:
        """Tell the views what an edit, an undo or a redo changed."""
        self.events.data_changed.emit(changes)

    def check(self, use_case: Callable[..., Any], *args: Any) -> None:
        """Try an edit without keeping it (before a confirmation is asked); a refusal raises DomainError."""
        workspace.try_edit(self.database, use_case, *args)

    def confirm_edit(
        self, parent: QWidget | None, title: str, question: str, use_case: Callable[..., Any], *args: Any,
        on_refused: Callable[[DomainError], None] | None = None,
    ) -> bool:
        """Ask to confirm an edit only if the rules allow it; a refusal is shown (on_refused, else a message)."""
        try:
            self.check(use_case, *args)
        except DomainError as error:
            (on_refused or self.errors.report)(error)
            return False
        return self.prompter.confirm(parent, title, question)

    def execute_or_report(self, label: str, use_case: Callable[..., T], *args: Any) -> T | None:
        """Run an edit like execute(); show a refusal in a message and return None."""
        try:
            return self.execute(label, use_case, *args)
        except DomainError as error:
            self.errors.report(error)
            return None

    def set_as_of(self, day: date) -> None:
        """Show the hierarchy and assignments as they were on another day."""
        if day != self.as_of:
            self.as_of = day
            self.events.as_of_changed.emit(day)

    def close(self) -> None:
        """Stop the background work, forget the undo history without notifying anyone, close the database."""
        self.backup_timer.stop()
        self.tasks.wait()
        self.undo.clear()
        self.database.close()

    def switch_database(self, database: Database) -> None:
        """Work on another database from now on; undo history does not carry over."""
        self.database.close()
        self.database = database
        self.undo.clear()
        self.settings.remember_database(database.url)
        self.events.database_changed.emit()


def on_change(events: AppEvents, owner: QObject, tables: frozenset[str], slot: Callable[[], Any]) -> None:
    """Call a widget's slot, for as long as the widget lives, after each edit, undo or redo that changed one of
    the tables it shows."""
    unknown = tables - EVERY_TABLE
    if unknown:
        raise ValueError(f"no such table: {sorted(unknown)}")  # a misspelt name would never refresh the view

    def changed(changes: Changes) -> None:
        if changes.touches(tables):
            slot()

    follow(events.data_changed, owner, changed)
