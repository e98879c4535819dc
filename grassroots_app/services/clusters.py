"""Use cases on clusters of communes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from grassroots_app.domain import hierarchy
from grassroots_app.domain.clusters import check_single_cluster
from grassroots_app.domain.errors import N_, InvalidInput, NotFound, RuleViolation
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Cluster, Level, Period, new_id
from grassroots_app.domain.text import fold
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import lookup, timeline
from grassroots_app.services.setup import require_settings
from grassroots_app.services.units import PATH_SEPARATOR, UnitFinder, get_unit, resolve_unit


def get_cluster(uow: UnitOfWork, cluster_id: str) -> Cluster:
    """Return the cluster or refuse an unknown id."""
    return lookup.by_id(uow.clusters.get(cluster_id), N_("No cluster has the id '{id}'."), cluster_id)


def resolve_cluster(uow: UnitOfWork, reference: str) -> Cluster:
    """Find a cluster as find_cluster does; refuse a reference that names none."""
    cluster = find_cluster(uow, reference)
    if cluster is None:
        raise NotFound(N_("No cluster is named '{name}'."), name=reference)
    return cluster


def find_cluster(uow: UnitOfWork, reference: str, find_unit: UnitFinder | None = None) -> Cluster | None:
    """Return the cluster a reference names, or None when none does.

    By id, by its name, or by the path of the unit it belongs to and its name ('Tỉnh A / Cụm Bắc'; the unit
    through `find_unit`, by default resolve_unit), ignoring case and diacritics; an open cluster before a
    closed one. A name several clusters bear is refused.
    """
    cluster = uow.clusters.get(reference.strip())
    if cluster is not None:
        return cluster
    found = _one_named(uow.clusters.all(), reference.strip(), reference)
    parent_path, separator, name = reference.rpartition(PATH_SEPARATOR)
    if found is not None or not separator or not parent_path.strip():
        return found
    try:
        parent = (find_unit or (lambda text: resolve_unit(uow, text)))(parent_path)
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


def add_cluster(uow: UnitOfWork, name: str, parent_id: str, valid_from: date) -> Cluster:
    """Create a cluster under a district (three-level) or a province (two-level)."""
    cluster = stage_cluster(uow, name, parent_id, valid_from)
    uow.commit()
    return cluster


def stage_cluster(
    uow: UnitOfWork, name: str, parent_id: str, valid_from: date, cluster_id: str | None = None
) -> Cluster:
    """Check and stage a new cluster in the caller's transaction (which commits it)."""
    settings = require_settings(uow)
    cleaned = hierarchy.clean_name(name)
    parent = get_unit(uow, parent_id)
    expected = hierarchy.cluster_parent_level(settings.preset)
    if parent.level is not expected:
        raise RuleViolation(
            N_("In the {preset} model a cluster belongs to a {expected}, not a {actual}."),
            preset=settings.preset, expected=expected, actual=parent.level,
        )
    hierarchy.check_open_on(parent.period, valid_from, parent.name)
    hierarchy.check_not_closed(parent.period, parent.name)
    hierarchy.check_sibling_name(cleaned, [c.name for c in uow.clusters.all(parent.id) if c.period.end is None])
    cluster = Cluster(cluster_id or new_id(), cleaned, parent.id, Period(valid_from))
    uow.clusters.add(cluster)
    return cluster


def rename_cluster(uow: UnitOfWork, cluster_id: str, name: str) -> Cluster:
    """Give a cluster a new name (unique among the open clusters of its unit)."""
    renamed = stage_rename(uow, cluster_id, name)
    uow.commit()
    return renamed


def stage_rename(uow: UnitOfWork, cluster_id: str, name: str) -> Cluster:
    """Check and stage a cluster's new name in the caller's transaction."""
    cluster = get_cluster(uow, cluster_id)
    cleaned = hierarchy.clean_name(name)
    others = [c.name for c in uow.clusters.all(cluster.parent_id) if c.period.end is None and c.id != cluster.id]
    hierarchy.check_sibling_name(cleaned, others)
    renamed = replace(cluster, name=cleaned)
    uow.clusters.update(renamed)
    return renamed


def add_member(uow: UnitOfWork, cluster_id: str, commune_id: str, valid_from: date) -> None:
    """Put a commune into a cluster from a day on; it may belong to one cluster at a time."""
    stage_member(uow, cluster_id, commune_id, valid_from)
    uow.commit()


def stage_member(uow: UnitOfWork, cluster_id: str, commune_id: str, valid_from: date) -> None:
    """Check and stage a commune's membership of a cluster in the caller's transaction."""
    cluster = get_cluster(uow, cluster_id)
    commune = get_unit(uow, commune_id)
    if commune.level is not Level.COMMUNE:
        raise RuleViolation(N_("Only communes belong to clusters; '{name}' is a {level}."),
                            name=commune.name, level=commune.level)
    for what in (cluster, commune):
        hierarchy.check_open_on(what.period, valid_from, what.name)
        hierarchy.check_not_closed(what.period, what.name)
    period = Period(valid_from)
    held = [(c.name, p) for _id, c, p in uow.clusters.memberships_of(commune.id)]
    check_single_cluster(commune.name, period, held)
    uow.clusters.add_member(cluster.id, commune.id, period)


def remove_member(uow: UnitOfWork, cluster_id: str, commune_id: str, on: date) -> None:
    """Take a commune out of a cluster from a day on."""
    stage_removal(uow, cluster_id, commune_id, on)
    uow.commit()


def stage_removal(uow: UnitOfWork, cluster_id: str, commune_id: str, on: date) -> None:
    """Check and stage a commune's leaving a cluster in the caller's transaction."""
    for membership_id, cluster, period in uow.clusters.memberships_of(commune_id):
        if cluster.id == cluster_id and period.end is None:
            if on <= period.start:
                raise InvalidInput(N_("The commune joined this cluster on {day}; pick a later date."),
                                   day=format_date(period.start))
            uow.clusters.end_member(membership_id, on)
            return
    raise NotFound(N_("This commune is not in that cluster."))


def _refuse_member_after(cluster: Cluster) -> None:
    raise RuleViolation(N_("A commune joins or leaves '{name}' after that date; change it first."), name=cluster.name)


def check_still_stands(uow: UnitOfWork, cluster_id: str) -> None:
    """Refuse a cluster as stored that the rules no longer allow (one an undo or redo put back or closed)."""
    cluster = uow.clusters.get(cluster_id)
    if cluster is None:
        return
    if cluster.period.end is not None:
        after = Period(cluster.period.end)
        if any(period.overlaps(after) for _id, period in uow.clusters.memberships(cluster.id)):
            _refuse_member_after(cluster)
        timeline.check_nothing_held_after(uow, cluster.id, cluster.name, cluster.period.end)
        return
    parent = get_unit(uow, cluster.parent_id)
    hierarchy.check_not_closed(parent.period, parent.name)
    others = [c.name for c in uow.clusters.all(cluster.parent_id) if c.period.end is None and c.id != cluster.id]
    hierarchy.check_sibling_name(cluster.name, others)


def check_memberships_stand(uow: UnitOfWork, commune_id: str) -> None:
    """Refuse a commune's memberships as stored when they overlap or an open one is in a closed cluster."""
    held = uow.clusters.memberships_of(commune_id)
    name = get_unit(uow, commune_id).name if held else ""
    for membership_id, cluster, period in held:
        check_single_cluster(name, period, [(c.name, p) for other, c, p in held if other != membership_id])
        if period.end is None:
            hierarchy.check_not_closed(cluster.period, cluster.name)


def change_members(
    uow: UnitOfWork, cluster_id: str, added: Sequence[str], removed: Sequence[str], on: date
) -> None:
    """Take communes out of a cluster and put others in from a day on, all or none."""
    for commune_id in set(added) & set(removed):
        raise InvalidInput(N_("'{name}' is named both to add to the cluster and to remove from it; name it once."),
                           name=get_unit(uow, commune_id).name)
    for commune_id in removed:
        stage_removal(uow, cluster_id, commune_id, on)
    for commune_id in added:
        stage_member(uow, cluster_id, commune_id, on)
    uow.commit()


def close_cluster(uow: UnitOfWork, cluster_id: str, on: date) -> Cluster:
    """Close a cluster on a day: its memberships and open assignments end with it."""
    cluster = get_cluster(uow, cluster_id)
    hierarchy.check_not_closed(cluster.period, cluster.name)
    if on <= cluster.period.start:
        raise InvalidInput(N_("'{name}' can only be closed after it began on {day}."),
                           name=cluster.name, day=format_date(cluster.period.start))
    for membership_id, period in uow.clusters.memberships(cluster.id):
        if period.start >= on or (period.end is not None and period.end > on):
            _refuse_member_after(cluster)
        if period.end is None:
            uow.clusters.end_member(membership_id, on)
    timeline.end_target_assignments(uow, cluster.id, cluster.name, on, "Giải thể cụm")
    closed = replace(cluster, period=Period(cluster.period.start, on))
    uow.clusters.update(closed)
    uow.commit()
    return closed


@dataclass(frozen=True)
class CommuneChoice:
    """A commune a cluster may gather, with the cluster it belongs to on the day (None: none)."""

    id: str
    name: str
    cluster_id: str | None
    cluster_name: str | None


def commune_choices(uow: UnitOfWork, cluster_id: str, on: date) -> list[CommuneChoice]:
    """Return the open communes under a cluster's unit on a day, by proper name, each with its cluster then."""
    cluster = get_cluster(uow, cluster_id)
    rows = [row for row in uow.browse.children(cluster.parent_id, on) if row.level is Level.COMMUNE]
    held = uow.browse.clusters_of([row.id for row in rows], on)
    names = {other.id: other.name for other in uow.clusters.all(cluster.parent_id)}
    return [CommuneChoice(row.id, row.name, held.get(row.id), names.get(held.get(row.id, ""))) for row in rows]


def list_clusters(uow: UnitOfWork) -> list[Cluster]:
    """Return every cluster, closed ones too."""
    return uow.clusters.all()


def members_on(uow: UnitOfWork, cluster_id: str, on: date) -> list[str]:
    """Return the ids of a cluster's communes on a day."""
    return uow.clusters.members(cluster_id, on)
