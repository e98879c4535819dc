"""Undoable edits: each wraps the row changes of one committed use case (git-cola's command objects).

Undo and redo are use cases of their own (services.history): another program may have changed the data
since, so each is checked again and may be refused. A refused step changes nothing, is shown in a message
and is taken off the undo stack (Qt's obsolete command): it can never be replayed as recorded, and leaving
it there would block every step below it. A step refused because the database stayed busy goes the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

from grassroots_app.domain.changes import Changes
from grassroots_app.domain.errors import N_, DomainError, RuleViolation
from grassroots_app.services.history import replay_on
from grassroots_app.services.workspace import ChangeSet, Database, Step
from grassroots_app.ui.i18n import Translated, tr

Refused = Callable[[DomainError], None]
Changed = Callable[[Changes], None]
UNDO_REFUSED = N_("“{step}” cannot be undone. {reason} It was taken off the list of steps to undo.")
REDO_REFUSED = N_("“{step}” cannot be redone. {reason} It was taken off the list of steps to redo.")


class ServiceCommand(QUndoCommand):
    """An edit already committed once; undo and redo replay its row changes backwards and forwards and announce
    what they changed."""

    def __init__(
        self, label: str, database: Database, step: Step, on_refused: Refused, on_changed: Changed
    ) -> None:
        super().__init__(label)
        self.label = label
        self.database = database
        self.step = step
        self.on_refused = on_refused
        self.on_changed = on_changed
        self._done = True

    def retranslate(self) -> None:
        """Name the step in the language now in use."""
        if isinstance(self.label, Translated):
            self.setText(self.label.again())

    def redo(self) -> None:
        """Apply the edit again (the first call, from push(), finds it already applied)."""
        if not self._done and self._replay(self.step.forward, REDO_REFUSED):
            self._done = True

    def undo(self) -> None:
        """Take the edit back."""
        if self._replay(self.step.backward, UNDO_REFUSED):
            self._done = False

    def _replay(self, change_set: ChangeSet, refusal: str) -> bool:
        """Replay row changes; on a refusal report it, mark the step obsolete and return False.

        A refusal announces every table changed: whatever changed since, here or in another program, is shown.
        """
        try:
            replay_on(self.database, change_set)
        except DomainError as error:
            self.setObsolete(True)
            refused = RuleViolation(refusal, step=self.text(), reason=error.render(tr))
            QTimer.singleShot(0, partial(self.on_refused, refused))  # shown once the stack has finished
            self.on_changed(Changes.everything())
            return False
        self.on_changed(self.step.changes)
        return True


def retranslate_steps(stack: QUndoStack) -> None:
    """Name every step of an undo stack in the language now in use."""
    for index in range(stack.count()):
        command = stack.command(index)
        if isinstance(command, ServiceCommand):
            command.retranslate()
    stack.undoTextChanged.emit(stack.undoText())  # the Undo and Redo actions show the new names
    stack.redoTextChanged.emit(stack.redoText())
