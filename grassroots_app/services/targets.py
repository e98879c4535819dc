"""Finding the unit or cluster a clerk names, one way for the command line and the spreadsheet import."""

from __future__ import annotations

from grassroots_app.domain.errors import NotFound
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services.assignments import Target, cluster_target, unit_target
from grassroots_app.services.clusters import find_cluster
from grassroots_app.services.units import UnitFinder, resolve_unit


def resolve_target(uow: UnitOfWork, reference: str, find_unit: UnitFinder | None = None) -> Target:
    """Find the unit or cluster a reference names.

    A unit by id, official code or path of names (through `find_unit`: the import passes its index, the
    command line resolve_unit); else a cluster as find_cluster finds it. When none fits, the unit's refusal
    stands.
    """
    find = find_unit or (lambda text: resolve_unit(uow, text))
    try:
        return unit_target(find(reference))
    except NotFound:
        cluster = find_cluster(uow, reference, find)
        if cluster is None:
            raise
        return cluster_target(cluster)
