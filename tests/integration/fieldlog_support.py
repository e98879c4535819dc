"""Helpers for the field log's integration tests: a small province, and a check that a refusal wrote nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from grassroots_app.domain.errors import DomainError
from grassroots_app.domain.model import Cadre, Cluster, Tier, Unit
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import clusters
from grassroots_app.services.history import replay_on
from tests.integration.support import D0, Env


@dataclass(frozen=True)
class Place:
    """A province with two communes (the first in a cluster), their hamlets, a group, and three cadres."""

    province: Unit
    long_ho: Unit
    phu_quoi: Unit
    ap_1: Unit
    ap_2: Unit
    phu_quoi_ap_1: Unit
    group: Unit
    cluster: Cluster
    hung: Cadre  # provincial committee member, in charge of Xã Long Hồ
    mai: Cadre  # commune committee member, in charge of Ấp 1 of Long Hồ
    binh: Cadre  # party member, in charge of the group


def build_place(env: Env) -> Place:
    """Build the place on a two-level database."""
    province = env.unit("Tỉnh Vĩnh Long")
    long_ho, phu_quoi = env.unit("Xã Long Hồ", province), env.unit("Xã Phú Quới", province)
    ap_1, ap_2 = env.unit("Ấp 1", long_ho), env.unit("Ấp 2", long_ho)
    group = env.unit("Tổ nhân dân tự quản số 1", ap_1)
    cluster = env.run(clusters.add_cluster, "Cụm Bắc", province.id, D0)
    env.run(clusters.add_member, cluster.id, long_ho.id, D0)
    hung = env.cadre("Trần Văn Hùng", Tier.PROVINCE, is_committee=True)
    mai = env.cadre("Lê Thị Mai", Tier.COMMUNE, is_committee=True)
    binh = env.cadre("Phạm Văn Bình", Tier.COMMUNE, is_party_member=True)
    env.assign(hung, long_ho.id, D0)
    env.assign(mai, ap_1.id, D0)
    env.assign(binh, group.id, D0)
    return Place(province, long_ho, phu_quoi, ap_1, ap_2, env.unit("Ấp 1", phu_quoi), group, cluster, hung, mai, binh)


def refused(
    env: Env, error: type[DomainError], match: str, service: Callable[..., Any], *args: Any, **kwargs: Any
) -> None:
    """Check that a service call is refused with the error and message, and that the file is unchanged."""
    before = env.dump()
    with pytest.raises(error, match=match):
        env.run(service, *args, **kwargs)
    assert env.dump() == before


def undone_and_redone(env: Env, service: Callable[..., Any], *args: Any) -> None:
    """Run a service recording its row changes, as the window does; check that undo and redo restore the file."""
    before = env.dump()
    with UnitOfWork(env.db, record=True) as uow:
        service(uow, *args)
        change_set = uow.change_set
    after = env.dump()
    assert change_set and after != before
    replay_on(env.db, change_set.inverted())
    assert env.dump() == before
    replay_on(env.db, change_set)
    assert env.dump() == after
