"""Finding the unit or cluster a clerk names, one way for the command line and the spreadsheet import."""

from __future__ import annotations

from collections.abc import Callable

from grassroots_app.domain.errors import N_, InvalidInput, NotFound
from grassroots_app.domain.model import Cluster, Unit
from grassroots_app.domain.text import fold
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services.assignments import Target, cluster_target, unit_target
from grassroots_app.services.units import PATH_SEPARATOR, resolve_unit

UnitFinder = Callable[[str], Unit]  # finds a unit by id, official code or path of names; NotFound when none


def resolve_target(uow: UnitOfWork, reference: str, find_unit: UnitFinder | None = None) -> Target:
    """Find the unit or cluster a reference names.

    A unit by id, official code or path of names (through `find_unit`: the import passes its index, the
    command line resolve_unit); else a cluster by id, by its name, or by the path of the unit it belongs to
    and its name ('Tỉnh A / Cụm Bắc'), an open cluster before a closed one. When none fits, the unit's
    refusal stands; a name several clusters bear is refused.
    """
    find = find_unit or (lambda text: resolve_unit(uow, text))
    try:
        return unit_target(find(reference))
    except NotFound:
        cluster = uow.clusters.get(reference.strip()) or _named_cluster(uow, reference, find)
        if cluster is None:
            raise
        return cluster_target(cluster)


def _named_cluster(uow: UnitOfWork, reference: str, find: UnitFinder) -> Cluster | None:
    """Return the cluster a name designates, alone or after its unit's path (None: no cluster bears it)."""
    found = _one_named(uow.clusters.all(), reference.strip(), reference)
    parent_path, separator, name = reference.rpartition(PATH_SEPARATOR)
    if found is not None or not separator or not parent_path.strip():
        return found
    try:
        parent = find(parent_path)
    except NotFound:
        return None
    return _one_named(uow.clusters.all(parent.id), name.strip(), reference)


def _one_named(clusters: list[Cluster], name: str, reference: str) -> Cluster | None:
    """Return the one cluster bearing a name (the open ones first); refuse several."""
    named = [cluster for cluster in clusters if fold(cluster.name) == fold(name)]
    candidates = [cluster for cluster in named if cluster.period.end is None] or named
    if len(candidates) > 1:
        raise InvalidInput(N_("Several clusters are named '{name}'; use the id."), name=reference)
    return candidates[0] if candidates else None
