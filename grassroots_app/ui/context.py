"""The one object the windows share: database, settings, undo stack, tasks, errors, language, date."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from grassroots_app.domain.changes import EVERY_TABLE, Changes
from grassroots_app.domain.errors import DomainError
from grassroots_app.services import workspace
from grassroots_app.services.history import replay_on
from grassroots_app.services.server import without_password
from grassroots_app.services.workspace import Database, Step
from grassroots_app.ui.commands import ServiceCommand, retranslate_steps
from grassroots_app.ui.errors import ErrorReporter
from grassroots_app.ui.i18n import LanguageSwitcher, tr
from grassroots_app.ui.lifetime import follow
from grassroots_app.ui.scope import Scope, read_scope
from grassroots_app.ui.settings import WindowSettings
from grassroots_app.ui.shared.prompter import Prompter
from grassroots_app.ui.tasks import TaskProgress, TaskRunner, WorkerPool, alive

T = TypeVar("T")
BACKUP_CHECK_MS = 3_600_000  # hourly: a window left open for days still makes each day's backup


class AppEvents(QObject):
    """What changed, for the views to refresh themselves."""

    data_changed = Signal(object)  # the Changes of an edit, an undo or a redo
    as_of_changed = Signal(object)
    database_changed = Signal()
    editing_changed = Signal(str)  # the name of the edit, undo or redo now running; empty once none runs or waits
    scope_changed = Signal()  # what the clerk may change was read again: the views offer their edits anew


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
        self.scope = read_scope(self.database)  # what the clerk may change: read again with the database, and on F5
        self._running: TaskProgress | None = None  # the edit, undo or redo running on a worker thread
        self._waiting: deque[Callable[[], None]] = deque()  # those asked for meanwhile, each started in turn
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

    def read_on_thread(
        self,
        query: Callable[..., T],
        args: tuple[Any, ...],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Run a light read use case on a worker thread of this process (its caches warm, no process to answer
        through: for a read the clerk waits on, mostly spent in SQLite, which lets the UI thread run); call back on
        the UI thread, unless parent has been deleted by then."""
        database = self.database
        self.tasks.run(lambda _progress: workspace.read(database, query, *args), on_success, on_failure,
                       parent=parent)

    def edit(
        self, label: str, use_case: Callable[..., T], *args: Any, on_done: Callable[[T], Any] | None = None,
        on_refused: Callable[[DomainError], Any] | None = None, parent: QWidget | None = None,
    ) -> None:
        """Run an edit use case as one transaction on a worker thread, after the edits asked for before it; then,
        on the UI thread, push it on the undo stack, announce what it changed and call on_done with its result. A
        refusal goes to on_refused (else a message). The callbacks are skipped once `parent` (the widget they
        serve) has been deleted; the undo step is recorded all the same."""
        database = self.database

        def recorded(outcome: tuple[T, Step]) -> None:
            result, step = outcome
            if step:
                self.undo.push(ServiceCommand(label, step, self.errors.report, self.announce))
                self.announce(step.changes)
            if on_done is not None and alive(parent):
                on_done(result)

        self._queue(lambda: self._start(label, lambda _progress: workspace.record_edit(database, use_case, *args),
                                        recorded, self._refusal_to(on_refused, parent)))

    def confirm_edit(
        self, parent: QWidget | None, title: str, question: str, label: str, use_case: Callable[..., T], *args: Any,
        on_done: Callable[[T], Any] | None = None, on_refused: Callable[[DomainError], Any] | None = None,
    ) -> None:
        """Try an edit without keeping it (on a worker thread); if the rules allow it, ask to confirm it, then make
        it like edit(). A refusal is shown (on_refused, else a message) without asking."""
        database = self.database

        def allowed(_none: None) -> None:
            if alive(parent) and self.prompter.confirm(parent, title, question):
                self.edit(label, use_case, *args, on_done=on_done, on_refused=on_refused, parent=parent)

        self._queue(lambda: self._start(label, lambda _progress: workspace.try_edit(database, use_case, *args),
                                        allowed, self._refusal_to(on_refused, parent)))

    def undo_last(self) -> None:
        """Undo the last step (once the edits asked for before are done): replay it backwards on a worker thread,
        then move the undo stack back; a refused step is shown and taken off."""
        self._queue(lambda: self._replay_step(backwards=True))

    def redo_next(self) -> None:
        """Redo the next step undone, like undo_last() forwards."""
        self._queue(lambda: self._replay_step(backwards=False))

    def _replay_step(self, backwards: bool) -> None:
        index = self.undo.index()
        position = index - 1 if backwards else index
        if not 0 <= position < self.undo.count():
            return
        command = self.undo.command(position)
        assert isinstance(command, ServiceCommand)
        change_set = command.step.backward if backwards else command.step.forward
        database = self.database
        move = self.undo.undo if backwards else self.undo.redo

        def settle(refusal: DomainError | None) -> None:
            if self.undo.index() == index and self.undo.command(position) is command:  # else another database
                command.replayed(refusal)
                move()

        label = f"{tr('Undo') if backwards else tr('Redo')} {command.text()}"  # as the Undo and Redo actions say
        self._start(label, lambda _progress: replay_on(database, change_set), lambda _none: settle(None), settle)

    def _refusal_to(
        self, on_refused: Callable[[DomainError], Any] | None, parent: QWidget | None
    ) -> Callable[[DomainError], None]:
        """Return where a refusal goes: to on_refused while its widget lives, else to a message."""

        def refused(error: DomainError) -> None:
            if on_refused is None:
                self.errors.report(error)
            elif alive(parent):
                on_refused(error)

        return refused

    @property
    def editing(self) -> bool:
        """Return whether an edit, undo or redo runs or waits its turn."""
        return self._running is not None or bool(self._waiting)

    def _queue(self, start: Callable[[], None]) -> None:
        """Start an edit now, or once the ones asked for before it are done (the window makes one at a time)."""
        self._waiting.append(start)
        self._start_next()

    def _start_next(self) -> None:
        while self._waiting and self._running is None:
            self._waiting.popleft()()

    def _start(
        self, label: str, work: Callable[[TaskProgress], T], on_success: Callable[[T], None],
        on_refused: Callable[[DomainError], None],
    ) -> None:
        """Run one edit's work on a worker thread with a busy cursor, its name announced for the status bar (no
        window: the keys typed meanwhile stay with the form that asked for it)."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.events.editing_changed.emit(label)

        def over(then: Callable[[], None]) -> None:
            self._running = None
            QApplication.restoreOverrideCursor()
            try:
                then()
            finally:
                self._start_next()
                if not self.editing:
                    self.events.editing_changed.emit("")

        def failed(error: BaseException) -> None:
            over(partial(on_refused, error) if isinstance(error, DomainError) else partial(self.errors.report, error))

        self._running = self.tasks.run(work, lambda result: over(partial(on_success, result)), failed,
                                       cancellable=False)

    def finish_edits(self) -> None:
        """Wait for the edits asked for, then carry out what follows each here (before leaving a report whose save
        must be stored first, another database or the window: blocks the UI thread for those edits, without an event
        loop)."""
        while self._running is not None:
            running = self._running
            running.answered.wait()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)  # its answer: a call queued for this thread
            if self._running is running:
                return  # not delivered here: leave it to the event loop

    def announce(self, changes: Changes) -> None:
        """Tell the views what an edit, an undo or a redo changed."""
        self.events.data_changed.emit(changes)

    def set_as_of(self, day: date) -> None:
        """Show the hierarchy and assignments as they were on another day."""
        if day != self.as_of:
            self.as_of = day
            self.events.as_of_changed.emit(day)

    def close(self) -> None:
        """Make the edits asked for, drop the reads nobody will use, wait for the rest of the background work, forget
        the undo history without notifying anyone, close the database."""
        self.backup_timer.stop()
        self.finish_edits()
        self.workers.abandon()
        self.tasks.wait()
        self.undo.clear()
        self.database.close()

    def switch_database(self, database: Database, scope: Scope | None = None) -> None:
        """Work on another database from now on (its scope read here unless given), once the edits asked for on this
        one are made; undo history does not carry over; the reads still running on this one are dropped."""
        self.finish_edits()
        self.workers.abandon()
        self.database.close()
        self.database = database
        self._read_scope(scope)
        self.undo.clear()
        self.settings.remember_database(without_password(database.url))
        self.events.database_changed.emit()

    def reload_everything(self) -> None:
        """Read again what the clerk may change, then have every view read the database again (others' changes)."""
        self.finish_edits()
        self._read_scope()
        self.announce(Changes.everything())

    def _read_scope(self, scope: Scope | None = None) -> None:
        """Take what the clerk may change (read here unless given), and tell the views that offer changes."""
        self.scope = read_scope(self.database) if scope is None else scope
        self.events.scope_changed.emit()


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


def on_scope(events: AppEvents, owner: QObject, slot: Callable[[], Any]) -> None:
    """Call a widget's slot that offers its edits by the clerk's scope: now, and each time the scope is read again
    (another database, F5), for as long as the widget lives."""
    follow(events.scope_changed, owner, slot)
    slot()
