"""Undo and redo (services.history) after another program changed the data: the rows are checked, the rules
are checked again on what they restore, and a refusal changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from grassroots_app.domain.errors import RuleViolation
from grassroots_app.domain.model import CadreStatus, Tier
from grassroots_app.persistence.journal import ChangeSet
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import assignments, cadres, clusters, units
from grassroots_app.services.history import replay_on
from tests.integration.support import D0, Env

LATER = date(2021, 6, 1)


def recorded(env: Env, service: Callable[..., Any], *args: Any) -> ChangeSet:
    """Run a service recording its row changes, as the window does; return them."""
    with UnitOfWork(env.db, record=True) as uow:
        service(uow, *args)
        return uow.change_set


def refused(env: Env, change_set: ChangeSet, words: str) -> None:
    """Check that replaying the change set is refused with words in the English message, changing nothing."""
    before = env.dump()
    with pytest.raises(RuleViolation) as refusal:
        replay_on(env.db, change_set)
    assert words in str(refusal.value)
    assert env.dump() == before


def test_undoing_an_end_refused_once_the_cadre_holds_the_role_again(two_level: Env) -> None:
    commune = two_level.unit("Xã A", two_level.unit("Tỉnh A"))
    hamlet = two_level.unit("Ấp 1", commune)
    cadre = two_level.cadre("Trần Văn Hùng", Tier.COMMUNE)
    made = two_level.assign(cadre, hamlet.id, D0)
    ended = recorded(two_level, assignments.end_assignment, made.id, LATER, "")
    two_level.assign(cadre, hamlet.id, LATER)  # another program
    refused(two_level, ended.inverted(), "already holds the role")


def test_redoing_an_assignment_refused_once_another_program_made_it(two_level: Env) -> None:
    hamlet = two_level.unit("Ấp 1", two_level.unit("Xã A", two_level.unit("Tỉnh A")))
    cadre = two_level.cadre("Trần Văn Hùng", Tier.COMMUNE)
    made = recorded(two_level, assignments.assign, assignments.NewAssignment(cadre.id, hamlet.id, D0))
    replay_on(two_level.db, made.inverted())
    two_level.assign(cadre, hamlet.id, LATER)
    refused(two_level, made, "already holds the role")


def test_undoing_a_move_refused_once_the_old_parent_closed(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    old, new = two_level.unit("Xã A", province), two_level.unit("Xã B", province)
    hamlet = two_level.unit("Ấp 1", old)
    moved = recorded(two_level, units.move_unit, hamlet.id, new.id, LATER)
    two_level.run(units.close_unit, old.id, date(2022, 1, 1))
    refused(two_level, moved.inverted(), "closed")


def test_redoing_a_close_refused_once_the_unit_has_a_new_child(two_level: Env) -> None:
    commune = two_level.unit("Xã A", two_level.unit("Tỉnh A"))
    closed = recorded(two_level, units.close_unit, commune.id, LATER)
    replay_on(two_level.db, closed.inverted())
    two_level.unit("Ấp Mới", commune)
    refused(two_level, closed, "still has 1 units under it")


def test_redoing_a_close_refused_once_someone_is_in_charge_of_the_unit(two_level: Env) -> None:
    hamlet = two_level.unit("Ấp 1", two_level.unit("Xã A", two_level.unit("Tỉnh A")))
    closed = recorded(two_level, units.close_unit, hamlet.id, LATER)
    replay_on(two_level.db, closed.inverted())
    two_level.assign(two_level.cadre("Trần Văn Hùng", Tier.COMMUNE), hamlet.id, D0)
    refused(two_level, closed, "runs past")


def test_undoing_an_added_unit_refused_once_it_has_a_child(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    added = recorded(two_level, units.add_unit, units.NewUnit("Xã A", province.id, D0))
    commune = two_level.read(lambda uow: uow.units.children(province.id))[0]
    two_level.unit("Ấp 1", commune)
    refused(two_level, added.inverted(), "changed since")


def test_undoing_a_rename_refused_once_a_sibling_took_the_name(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    commune = two_level.unit("Xã A", province)
    renamed = recorded(two_level, units.edit_unit, commune.id, "Xã Mới")
    two_level.unit("Xã A", province)
    refused(two_level, renamed.inverted(), "Xã A")


def test_undo_and_redo_still_work_when_nothing_moved_on(two_level: Env) -> None:
    hamlet = two_level.unit("Ấp 1", two_level.unit("Xã A", two_level.unit("Tỉnh A")))
    cadre = two_level.cadre("Trần Văn Hùng", Tier.COMMUNE)
    made = two_level.assign(cadre, hamlet.id, D0)
    before = two_level.dump()
    ended = recorded(two_level, assignments.end_assignment, made.id, LATER, "")
    after = two_level.dump()
    replay_on(two_level.db, ended.inverted())
    assert two_level.dump() == before
    replay_on(two_level.db, ended)
    assert two_level.dump() == after


def test_undoing_a_membership_end_refused_once_the_commune_joined_another_cluster(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    commune = two_level.unit("Xã A", province)
    first = two_level.run(clusters.add_cluster, "Cụm 1", province.id, D0)
    second = two_level.run(clusters.add_cluster, "Cụm 2", province.id, D0)
    two_level.run(clusters.add_member, first.id, commune.id, D0)
    left = recorded(two_level, clusters.remove_member, first.id, commune.id, LATER)
    two_level.run(clusters.add_member, second.id, commune.id, LATER)
    refused(two_level, left.inverted(), "already belongs to the cluster 'Cụm 2'")


def test_redoing_a_cluster_close_refused_once_a_commune_joined_it(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    commune = two_level.unit("Xã A", province)
    cluster = two_level.run(clusters.add_cluster, "Cụm 1", province.id, D0)
    closed = recorded(two_level, clusters.close_cluster, cluster.id, LATER)
    replay_on(two_level.db, closed.inverted())
    two_level.run(clusters.add_member, cluster.id, commune.id, D0)
    refused(two_level, closed, "joins or leaves 'Cụm 1'")


def test_redoing_a_departure_refused_once_the_cadre_was_put_in_charge_again(two_level: Env) -> None:
    hamlet = two_level.unit("Ấp 1", two_level.unit("Xã A", two_level.unit("Tỉnh A")))
    cadre = two_level.cadre("Trần Văn Hùng", Tier.COMMUNE)
    left = recorded(two_level, cadres.set_status, cadre.id, CadreStatus.LEFT, LATER)
    replay_on(two_level.db, left.inverted())
    two_level.assign(cadre, hamlet.id, D0)
    refused(two_level, left, "has left")
