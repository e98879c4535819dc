"""The cluster commands of `grassroots`: add, list, close a cluster, show or change its communes."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from grassroots_app.cli.common import (
    add_command,
    add_group,
    day_option,
    emit,
    lazy_services,
    print_dated,
    today_note,
    tr,
)
from grassroots_app.domain.errors import N_
from grassroots_app.domain.formats import format_date

if TYPE_CHECKING:
    from grassroots_app.services import clusters, session, units
    from grassroots_app.services.session import Database
else:
    clusters, session, units = lazy_services("clusters", "session", "units")


def cmd_clusters_add(args: argparse.Namespace, db: Database) -> None:
    """Create a cluster."""
    with session.UnitOfWork(db, write=True) as uow:
        parent = units.resolve_unit(uow, args.under)
        cluster = clusters.add_cluster(uow, args.name, parent.id, day_option(args, "valid_from"))
    emit(args, {"id": cluster.id, "name": cluster.name, "valid_from": cluster.period.start.isoformat()},
         [tr("Created the cluster '{name}', id {id}.").format(name=cluster.name, id=cluster.id),
          *today_note(args, "valid_from", "--from")])


def cmd_clusters_close(args: argparse.Namespace, db: Database) -> None:
    """Close a cluster on a day."""
    with session.UnitOfWork(db, write=True) as uow:
        closed = clusters.close_cluster(uow, clusters.resolve_cluster(uow, args.cluster).id, day_option(args))
    print_dated(args, tr("Closed '{name}' on {day}.").format(name=closed.name, day=format_date(day_option(args))))


def cmd_clusters_list(args: argparse.Namespace, db: Database) -> None:
    """List the clusters."""
    with session.UnitOfWork(db) as uow:
        rows = clusters.list_clusters(uow)
        paths = units.unit_paths(uow, [c.parent_id for c in rows], date.today())
    data = [{"id": c.id, "name": c.name, "parent": paths.get(c.parent_id, ""),
             "valid_from": c.period.start.isoformat()} for c in rows]
    emit(args, data, [f"{c.name:<30} {paths.get(c.parent_id, '')}  {c.id}" for c in rows] or [tr("No clusters.")])


def cmd_clusters_members(args: argparse.Namespace, db: Database) -> None:
    """Show, add or remove the communes of a cluster."""
    on = day_option(args)
    with session.UnitOfWork(db, write=bool(args.add or args.remove)) as uow:
        cluster = clusters.resolve_cluster(uow, args.cluster)
        added = [units.resolve_unit(uow, reference).id for reference in args.add or []]
        removed = [units.resolve_unit(uow, reference).id for reference in args.remove or []]
        if added or removed:
            clusters.change_members(uow, cluster.id, added, removed, on)
    with session.UnitOfWork(db) as uow:
        members = clusters.members_on(uow, cluster.id, on)
        paths = units.unit_paths(uow, members, on)
    data = {"cluster": cluster.name, "on": on.isoformat(),
            "members": [{"id": m, "path": paths.get(m, "")} for m in members]}
    changed = today_note(args, "on", "--on") if added or removed else []
    emit(args, data, [*changed, *([paths.get(m, m) for m in members] or [tr("No communes.")])])


def add_parsers(sub: Any) -> None:
    """Add `clusters add|list|close|members`."""
    group = add_group(sub, "clusters", N_("clusters of communes"))
    add = add_command(group, "add", N_("create a cluster"), cmd_clusters_add, json_flag=True)
    add.add_argument("name")
    add.add_argument("--under", required=True)
    add.add_argument("--from", dest="valid_from")
    add_command(group, "list", N_("list the clusters"), cmd_clusters_list, json_flag=True)
    close = add_command(group, "close", N_("close a cluster"), cmd_clusters_close)
    close.add_argument("cluster")
    close.add_argument("--on")
    members = add_command(group, "members", N_("show, add or remove communes"), cmd_clusters_members, json_flag=True)
    members.add_argument("cluster")
    members.add_argument("--add", nargs="+")
    members.add_argument("--remove", nargs="+")
    members.add_argument("--on")
