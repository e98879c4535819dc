"""Listing assignments (by day or all, by cadre, unit or cluster) and correcting one, on a real SQLite file."""

from __future__ import annotations

from datetime import date

import pytest

from grassroots_app.domain.errors import DomainError
from grassroots_app.domain.model import Decision, Period, Tier
from grassroots_app.services import assignments, clusters, roster
from grassroots_app.services.roster import AssignmentFilter
from tests.integration.support import Env

D0 = date(2025, 7, 1)
TODAY = date(2026, 12, 6)


@pytest.fixture
def area(two_level: Env) -> dict[str, str]:
    """Two communes, one in a cluster, with a hamlet and a group, and three assignments (one ended)."""
    province = two_level.unit("Tỉnh Cao Bằng", on=D0)
    hoa_an = two_level.unit("Xã Hòa An", province, on=D0)
    other = two_level.unit("Xã Nguyên Bình", province, on=D0)
    hamlet = two_level.unit("Bản Nà Pò", hoa_an, on=D0)
    group = two_level.unit("Tổ 1", hamlet, on=D0)
    cluster = two_level.run(clusters.add_cluster, "Cụm 1", province.id, D0)
    two_level.run(clusters.change_members, cluster.id, [hoa_an.id], [], D0)
    dung = two_level.cadre("Nông Văn Dũng", Tier.COMMUNE, is_party_member=True)
    mai = two_level.cadre("Hoàng Thị Mai", Tier.COMMUNE, is_party_member=True)
    son = two_level.cadre("Lục Văn Sơn", Tier.PROVINCE, is_committee=True)
    kept = two_level.assign(dung, hamlet.id, date(2025, 8, 1))
    ended = two_level.assign(mai, group.id, date(2025, 8, 1))
    two_level.run(assignments.end_assignment, ended.id, date(2026, 9, 1))
    two_level.assign(son, other.id, date(2025, 8, 1))
    return {"hoa_an": hoa_an.id, "cluster": cluster.id, "dung": dung.id, "kept": kept.id, "ended": ended.id}


def names(env: Env, wanted: AssignmentFilter) -> list[tuple[str, str]]:
    return [(row.path, row.cadre_name) for row in env.run(roster.list_assignments, wanted, TODAY)]


def test_running_on_a_day_by_path(two_level: Env, area: dict[str, str]) -> None:
    assert names(two_level, AssignmentFilter(date(2025, 9, 1))) == [
        ("Tỉnh Cao Bằng / Xã Hòa An / Bản Nà Pò", "Nông Văn Dũng"),
        ("Tỉnh Cao Bằng / Xã Hòa An / Bản Nà Pò / Tổ 1", "Hoàng Thị Mai"),
        ("Tỉnh Cao Bằng / Xã Nguyên Bình", "Lục Văn Sơn"),
    ]
    assert [name for _path, name in names(two_level, AssignmentFilter(date(2026, 10, 1)))] == [
        "Nông Văn Dũng", "Lục Văn Sơn"]


def test_all_under_a_unit_or_in_a_cluster_or_of_a_cadre(two_level: Env, area: dict[str, str]) -> None:
    under = [name for _path, name in names(two_level, AssignmentFilter(None, under_id=area["hoa_an"]))]
    assert under == ["Nông Văn Dũng", "Hoàng Thị Mai"]
    in_cluster = names(two_level, AssignmentFilter(None, cluster_id=area["cluster"]))
    assert [name for _path, name in in_cluster] == ["Nông Văn Dũng", "Hoàng Thị Mai"]
    assert [name for _path, name in names(two_level, AssignmentFilter(None, cadre_id=area["dung"]))] == [
        "Nông Văn Dũng"]
    assert names(two_level, AssignmentFilter(date(2025, 7, 15), under_id=area["hoa_an"])) == []


def test_a_decision_added_later(two_level: Env, area: dict[str, str]) -> None:
    decision = Decision("12-QĐ/ĐU", date(2025, 7, 30))
    changes = assignments.AssignmentChanges(start=date(2025, 8, 5), decision=decision, note="ghi chú")
    edited = two_level.run(assignments.edit_assignment, area["kept"], changes)
    stored = two_level.read(lambda uow: uow.assignments.get(area["kept"]))
    assert stored == edited
    assert (stored.decision, stored.period, stored.note) == (decision, Period(date(2025, 8, 5)), "ghi chú")


@pytest.mark.parametrize(("which", "start", "end", "words"), [
    ("kept", date(2025, 6, 1), None, "does not exist on 01/06/2025"),
    ("kept", None, date(2025, 9, 1), "has not ended"),
    ("ended", None, date(2025, 8, 1), "must end after its start"),
    ("ended", None, date(2025, 9, 1), "minimum tenure"),
])
def test_a_bad_correction_changes_nothing(
        two_level: Env, area: dict[str, str], which: str, start: date | None, end: date | None, words: str) -> None:
    before = two_level.dump()
    changes = assignments.AssignmentChanges(start=start, end=end, decision=Decision("1"), end_reason="")
    with pytest.raises(DomainError, match=words):
        two_level.run(assignments.edit_assignment, area[which], changes)
    assert two_level.dump() == before
