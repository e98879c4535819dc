"""Undoable edits: each wraps the row changes of one committed use case (git-cola's command objects)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from grassroots_app.persistence.database import Database
from grassroots_app.persistence.journal import ChangeSet, apply_change_set


class ServiceCommand(QUndoCommand):
    """An edit already committed once; undo and redo replay its row changes backwards and forwards."""

    def __init__(self, label: str, database: Database, change_set: ChangeSet) -> None:
        super().__init__(label)
        self.database = database
        self.change_set = change_set
        self._done = True

    def redo(self) -> None:
        """Apply the edit again (the first call, from push(), finds it already applied)."""
        if self._done:
            return
        apply_change_set(self.database, self.change_set)
        self._done = True

    def undo(self) -> None:
        """Take the edit back."""
        apply_change_set(self.database, self.change_set.inverted())
        self._done = False
