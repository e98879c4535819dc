"""Undo and redo: a recorded step replayed backwards or forwards, the rules checked again on what it restores.

Another program (the command line, another window) may have changed the data since the step was recorded.
A replay is refused, changing nothing, when a row it touches is no longer as the step left it, or when
what it puts back breaks a rule of the model in the data as it now is (an assignment overlapping one made
since, a unit under a parent closed since, a unit closed with units or assignments under it).
"""

from __future__ import annotations

from grassroots_app.persistence.contention import retry_when_busy
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.journal import ChangeSet
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import assignments, units


def replay(uow: UnitOfWork, change_set: ChangeSet) -> None:
    """Apply a step's row changes and commit them if the rules still hold for what they restore."""
    uow.replay(change_set)
    for unit_id in change_set.restored("unit") | change_set.restored("unit_link", "unit_id"):
        units.check_still_stands(uow, unit_id)
    for assignment_id in change_set.restored("assignment"):
        assignments.check_still_holds(uow, assignment_id)
    uow.commit()


def replay_on(database: Database, change_set: ChangeSet) -> None:
    """Replay a step in a transaction of its own, run again while another program keeps the database busy."""

    def run() -> None:
        with UnitOfWork(database, write=True) as uow:
            replay(uow, change_set)

    retry_when_busy(run)
