"""Undo and redo: a recorded step replayed backwards or forwards, the rules checked again on what it restores.

Another program (the command line, another window) may have changed the data since the step was recorded.
A replay is refused, changing nothing, when a row it touches is no longer as the step left it, or when
what it puts back breaks a rule of the model in the data as it now is (an assignment overlapping one made
since, a unit or cluster under a parent closed since, a unit or cluster closed with something still under
it, a commune in two clusters at once, a name a sibling took meanwhile, a cadre marked as left while
in charge of something).
"""

from __future__ import annotations

from grassroots_app.persistence.contention import retry_when_busy
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.journal import ChangeSet
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import assignments, clusters, units


def replay(uow: UnitOfWork, change_set: ChangeSet) -> None:
    """Apply a step's row changes and commit them if the rules still hold for what they restore."""
    uow.replay(change_set)
    for unit_id in change_set.restored("unit") | change_set.restored("unit_link", "unit_id"):
        units.check_still_stands(uow, unit_id)
    for cluster_id in change_set.restored("cluster"):
        clusters.check_still_stands(uow, cluster_id)
    for commune_id in change_set.restored("cluster_member", "commune_id"):
        clusters.check_memberships_stand(uow, commune_id)
    for assignment_id in change_set.restored("assignment") | _held_by(uow, change_set.restored("cadre")):
        assignments.check_still_holds(uow, assignment_id)
    uow.commit()


def _held_by(uow: UnitOfWork, cadre_ids: set[str]) -> set[str]:
    """Return the ids of the open assignments of cadres (a restored status or tier must still allow them)."""
    held = (assignment for cadre_id in cadre_ids for assignment in uow.assignments.for_cadre(cadre_id))
    return {assignment.id for assignment in held if assignment.period.end is None}


def replay_on(database: Database, change_set: ChangeSet) -> None:
    """Replay a step in a transaction of its own, run again while another program keeps the database busy."""

    def run() -> None:
        with UnitOfWork(database, write=True) as uow:
            replay(uow, change_set)

    retry_when_busy(run)
