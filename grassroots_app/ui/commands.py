"""Undoable edits: each wraps the row changes of one committed use case (git-cola's command objects).

Undo and redo are use cases of their own (services.history): another program may have changed the data
since, so each is checked again and may be refused. A refused step changes nothing, is shown in a message
and is taken off the undo stack (Qt's obsolete command): it can never be replayed as recorded, and leaving
it there would block every step below it. A step refused because the database stayed busy goes the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

from grassroots_app.domain.changes import Changes
from grassroots_app.domain.errors import N_, DomainError, RuleViolation
from grassroots_app.services.workspace import Step
from grassroots_app.ui.i18n import Translated, tr

Refused = Callable[[DomainError], None]
Changed = Callable[[Changes], None]
UNDO_REFUSED = N_("“{step}” cannot be undone. {reason} It was taken off the list of steps to undo.")
REDO_REFUSED = N_("“{step}” cannot be redone. {reason} It was taken off the list of steps to redo.")


class ServiceCommand(QUndoCommand):
    """An edit already committed once. Its undo and redo are replayed first, on a worker thread (the window's
    context does it); the stack's undo() and redo() then only settle what that replay did and announce it."""

    def __init__(self, label: str, step: Step, on_refused: Refused, on_changed: Changed) -> None:
        super().__init__(label)
        self.label = label
        self.step = step
        self.on_refused = on_refused
        self.on_changed = on_changed
        self._replay: _Replay | None = None  # the outcome of the replay the stack's next call settles

    def retranslate(self) -> None:
        """Name the step in the language now in use."""
        if isinstance(self.label, Translated):
            self.setText(self.label.again())

    def replayed(self, refusal: DomainError | None) -> None:
        """Note that the step was just replayed (refusal None) or refused, for the stack's undo() or redo() to follow."""
        self._replay = _Replay(refusal)

    def redo(self) -> None:
        """Settle the step replayed forwards (the first call, from push(), finds the edit made: nothing to do)."""
        if self._replay is not None:
            self._settle(REDO_REFUSED)

    def undo(self) -> None:
        """Settle the step replayed backwards."""
        self._settle(UNDO_REFUSED)

    def _settle(self, refusal: str) -> None:
        """Announce what the replay changed; a refused one is reported and marks the step obsolete.

        A refusal announces every table changed: whatever changed since, here or in another program, is shown.
        """
        replay, self._replay = self._replay, None
        error = replay.refusal if replay is not None else None
        if error is None:
            self.on_changed(self.step.changes)
            return
        self.setObsolete(True)
        refused = RuleViolation(refusal, step=self.text(), reason=error.render(tr))
        QTimer.singleShot(0, partial(self.on_refused, refused))  # shown once the stack has finished
        self.on_changed(Changes.everything())


@dataclass(frozen=True)
class _Replay:
    refusal: DomainError | None


def retranslate_steps(stack: QUndoStack) -> None:
    """Name every step of an undo stack in the language now in use."""
    for index in range(stack.count()):
        command = stack.command(index)
        if isinstance(command, ServiceCommand):
            command.retranslate()
    stack.undoTextChanged.emit(stack.undoText())  # the Undo and Redo actions show the new names
    stack.redoTextChanged.emit(stack.redoText())
