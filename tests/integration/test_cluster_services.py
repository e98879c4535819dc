"""Cluster services on a real SQLite file: clusters under the right level, one cluster per commune."""

from __future__ import annotations

from datetime import date

import pytest

from grassroots_app.domain.errors import InvalidInput, NotFound, RuleViolation
from grassroots_app.domain.model import Cluster, Level, Period, Tier, Unit
from grassroots_app.services import assignments, browse, clusters, units
from grassroots_app.services.assignments import get_target
from tests.integration.support import D0, Env

DAY = date(2024, 1, 1)


def members(env: Env, cluster: Cluster, on: date) -> list[str]:
    """Return the ids of a cluster's communes on a day."""
    return env.read(lambda uow: sorted(uow.clusters.members(cluster.id, on)))


def memberships(env: Env, commune: Unit) -> list[tuple[str, Period]]:
    """Return a commune's memberships as (cluster id, period)."""
    return env.read(lambda uow: sorted(
        ((cluster.id, period) for _id, cluster, period in uow.clusters.memberships_of(commune.id)),
        key=lambda row: row[1].start,
    ))


def test_three_level_clusters_sit_under_a_district(three_level: Env) -> None:
    province = three_level.unit("Tỉnh Bến Tre")
    district = three_level.unit("Huyện Chợ Lách", province)
    cluster = three_level.run(clusters.add_cluster, "  Cụm  1 ", district.id, D0)
    assert (cluster.name, cluster.parent_id, cluster.period) == ("Cụm 1", district.id, Period(D0))
    with pytest.raises(RuleViolation, match="belongs to a"):
        three_level.run(clusters.add_cluster, "Cụm 2", province.id, D0)


def test_two_level_clusters_sit_under_a_province(two_level: Env) -> None:
    province = two_level.unit("Tỉnh Vĩnh Long")
    commune = two_level.unit("Xã A", province)
    cluster = two_level.run(clusters.add_cluster, "Cụm Bắc", province.id, D0)
    assert two_level.read(lambda uow: uow.clusters.all(province.id)) == [cluster]
    with pytest.raises(RuleViolation):
        two_level.run(clusters.add_cluster, "Cụm Nam", commune.id, D0)


def test_duplicate_cluster_name_under_one_parent_is_refused(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    two_level.run(clusters.add_cluster, "Cụm Bắc", province.id, D0)
    with pytest.raises(RuleViolation):
        two_level.run(clusters.add_cluster, "CỤM BẮC", province.id, D0)


def test_cluster_before_its_parent_existed_is_refused(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A", on=DAY)
    with pytest.raises(RuleViolation, match="does not exist"):
        two_level.run(clusters.add_cluster, "Cụm 1", province.id, D0)


@pytest.fixture
def cluster_case(two_level: Env) -> tuple[Env, Unit, Unit, Cluster, Cluster]:
    """A province with communes A, B and clusters North, South."""
    province = two_level.unit("Tỉnh A")
    first, second = two_level.unit("Xã A", province), two_level.unit("Xã B", province)
    north = two_level.run(clusters.add_cluster, "Cụm Bắc", province.id, D0)
    south = two_level.run(clusters.add_cluster, "Cụm Nam", province.id, D0)
    return two_level, first, second, north, south


def test_members_are_dated(cluster_case: tuple[Env, Unit, Unit, Cluster, Cluster]) -> None:
    env, first, second, north, _south = cluster_case
    env.run(clusters.add_member, north.id, first.id, D0)
    env.run(clusters.add_member, north.id, second.id, DAY)
    assert members(env, north, date(2023, 12, 31)) == [first.id]
    assert members(env, north, DAY) == sorted([first.id, second.id])


def test_commune_in_two_clusters_at_once_is_refused(cluster_case: tuple[Env, Unit, Unit, Cluster, Cluster]) -> None:
    env, first, _second, north, south = cluster_case
    env.run(clusters.add_member, north.id, first.id, D0)
    with pytest.raises(RuleViolation, match="already belongs to the cluster 'Cụm Bắc' from 01/01/2020"):
        env.run(clusters.add_member, south.id, first.id, DAY)
    with pytest.raises(RuleViolation):
        env.run(clusters.add_member, north.id, first.id, DAY)
    assert members(env, south, DAY) == []


def test_remove_member_then_join_another_cluster(cluster_case: tuple[Env, Unit, Unit, Cluster, Cluster]) -> None:
    env, first, _second, north, south = cluster_case
    env.run(clusters.add_member, north.id, first.id, D0)
    env.run(clusters.remove_member, north.id, first.id, DAY)
    env.run(clusters.add_member, south.id, first.id, DAY)
    assert memberships(env, first) == [(north.id, Period(D0, DAY)), (south.id, Period(DAY))]
    assert members(env, north, DAY) == [] and members(env, south, DAY) == [first.id]


def test_remove_member_refuses_bad_dates_and_strangers(cluster_case: tuple[Env, Unit, Unit, Cluster, Cluster]) -> None:
    env, first, second, north, _south = cluster_case
    env.run(clusters.add_member, north.id, first.id, DAY)
    with pytest.raises(InvalidInput, match="pick a later date"):
        env.run(clusters.remove_member, north.id, first.id, DAY)
    with pytest.raises(NotFound):
        env.run(clusters.remove_member, north.id, second.id, date(2025, 1, 1))
    assert memberships(env, first) == [(north.id, Period(DAY))]


def test_only_communes_are_members(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    hamlet = two_level.unit("Ấp 1", two_level.unit("Xã A", province))
    cluster = two_level.run(clusters.add_cluster, "Cụm 1", province.id, D0)
    with pytest.raises(RuleViolation, match="Only communes"):
        two_level.run(clusters.add_member, cluster.id, hamlet.id, D0)


def test_closing_a_commune_ends_its_membership(cluster_case: tuple[Env, Unit, Unit, Cluster, Cluster]) -> None:
    env, first, _second, north, _south = cluster_case
    env.run(clusters.add_member, north.id, first.id, D0)
    env.run(units.close_unit, first.id, DAY)
    assert memberships(env, first) == [(north.id, Period(D0, DAY))]


def test_moving_a_commune_to_another_district_leaves_the_old_districts_cluster(three_level: Env) -> None:
    province = three_level.unit("Tỉnh A")
    old_district, new_district = three_level.unit("Huyện A", province), three_level.unit("Huyện B", province)
    commune = three_level.unit("Xã A", old_district)
    cluster = three_level.run(clusters.add_cluster, "Cụm 1", old_district.id, D0)
    three_level.run(clusters.add_member, cluster.id, commune.id, D0)
    three_level.run(units.move_unit, commune.id, new_district.id, DAY)
    assert memberships(three_level, commune) == [(cluster.id, Period(D0, DAY))]


def test_resolve_cluster_by_name_ignoring_diacritics(cluster_case: tuple[Env, Unit, Unit, Cluster, Cluster]) -> None:
    env, _first, _second, north, _south = cluster_case
    assert env.run(clusters.resolve_cluster, "cum bac") == north
    assert env.run(clusters.resolve_cluster, north.id) == north
    with pytest.raises(NotFound):
        env.run(clusters.resolve_cluster, "Cụm Đông")


def test_a_cluster_is_a_target_of_level_cluster(cluster_case: tuple[Env, Unit, Unit, Cluster, Cluster]) -> None:
    env, _first, _second, north, _south = cluster_case
    assert env.read(lambda uow: get_target(uow, north.id)).level is Level.CLUSTER


def test_closing_a_commune_before_it_joined_a_cluster_keeps_memberships_valid(
    cluster_case: tuple[Env, Unit, Unit, Cluster, Cluster],
) -> None:
    env, first, _second, north, _south = cluster_case
    env.run(clusters.add_member, north.id, first.id, date(2025, 1, 1))
    try:
        env.run(units.close_unit, first.id, DAY)
    except (RuleViolation, InvalidInput):
        pass
    bad = env.sql("SELECT COUNT(*) FROM cluster_member WHERE valid_to IS NOT NULL AND valid_to <= valid_from")
    assert bad == [(0,)]


def test_a_cluster_whose_only_holder_has_ended_or_not_begun_has_a_gap(two_level: Env) -> None:
    """An assignment fills the cluster's role only on the days it runs (browse.own_gaps, the unit panel's count)."""
    province = two_level.unit("Tỉnh A")
    cluster = two_level.run(clusters.add_cluster, "Cụm 1", province.id, D0)
    standing = two_level.cadre("Trần Văn An", Tier.PROVINCE, is_standing=True)
    held = two_level.assign(standing, cluster.id, date(2021, 1, 1))
    two_level.run(assignments.end_assignment, held.id, date(2022, 1, 1), "Chuyển công tác")

    def gaps(on: date) -> int:
        return two_level.read(lambda uow: browse.own_gaps(uow, cluster.id, Level.CLUSTER, on))

    assert [gaps(on) for on in (date(2020, 6, 1), date(2021, 1, 1), date(2021, 12, 31), date(2022, 1, 1))] == [
        1, 0, 0, 1]
