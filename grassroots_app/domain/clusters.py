"""Cluster rules: a commune belongs to at most one cluster at a time."""

from __future__ import annotations

from collections.abc import Iterable

from grassroots_app.domain.errors import N_, RuleViolation
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Period


def check_single_cluster(commune: str, period: Period, memberships: Iterable[tuple[str, Period]]) -> None:
    """Refuse a membership overlapping the commune's membership of any cluster (name, period)."""
    for cluster_name, other in memberships:
        if other.overlaps(period):
            raise RuleViolation(
                N_("'{commune}' already belongs to the cluster '{cluster}' from {start}."),
                commune=commune,
                cluster=cluster_name,
                start=format_date(other.start),
            )
