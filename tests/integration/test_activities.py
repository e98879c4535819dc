"""Activities on a real SQLite file: recorded, linked to the day's planned visit, edited, deleted, listed
under a unit or a cluster as the hierarchy stood on their day; attendance against the targets; every
refusal leaves the file as it was."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from grassroots_app.domain.activities import DEFAULT_ATTENDANCE_TARGETS, ActivityFilter, ActivityKind, AttendanceTarget
from grassroots_app.domain.errors import InvalidInput, NotFound, RuleViolation
from grassroots_app.domain.model import CadreStatus, Flag, Tier
from grassroots_app.services import activities, cadres, plans, units
from tests.integration.fieldlog_support import Place, build_place, refused, undone_and_redone
from tests.integration.support import Env

NINTH = date(2026, 6, 9)  # a meeting-free day (a Tuesday)
TENTH = date(2026, 6, 10)
K = ActivityKind


@pytest.fixture
def place(two_level: Env) -> Place:
    """The small province of the field log tests."""
    return build_place(two_level)


def record(env: Env, cadre_id: str, target_id: str, day: date, kind: ActivityKind = K.CELL_MEETING,
           **fields: object) -> activities.ActivityView:
    """Record an activity."""
    return env.run(activities.record_activity, cadre_id, target_id, kind, day, **fields)


def listed(env: Env, **wanted: object) -> list[tuple[str, date]]:
    """Return (target name, day) of the activities a filter lists, in order."""
    views = env.run(activities.list_activities, ActivityFilter(**wanted))  # type: ignore[arg-type]
    return [(view.target_name, view.activity.day) for view in views]


def test_an_activity_is_recorded_as_given(two_level: Env, place: Place) -> None:
    view = record(two_level, place.mai.id, place.ap_1.id, TENTH, K.HOUSEHOLD_VISIT, duration_minutes=120,
                  notes="  Thăm   5 hộ nghèo ")
    assert (view.cadre_name, view.target_name, view.target_path, view.planned) == (
        "Lê Thị Mai", "Ấp 1", "Tỉnh Vĩnh Long / Xã Long Hồ / Ấp 1", False)
    assert two_level.sql("SELECT cadre_id, unit_id, cluster_id, kind, day, duration_minutes, notes FROM activity") == [
        (place.mai.id, place.ap_1.id, None, "household_visit", "2026-06-10", 120, "Thăm 5 hộ nghèo")]
    on_cluster = record(two_level, place.hung.id, place.cluster.id, TENTH, K.OTHER)
    assert on_cluster.target_path == "Tỉnh Vĩnh Long / Cụm Bắc"
    assert two_level.sql("SELECT cluster_id FROM activity WHERE unit_id IS NULL") == [(place.cluster.id,)]
    assert two_level.run(activities.get_activity, view.activity.id) == view


def test_an_activity_on_a_free_day_is_linked_to_the_planned_visit(two_level: Env, place: Place) -> None:
    visit = two_level.run(plans.add_visit, NINTH, place.mai.id, place.ap_1.id)
    linked = record(two_level, place.mai.id, place.ap_1.id, NINTH)
    assert linked.planned and linked.activity.visit_id == visit.id
    assert not record(two_level, place.mai.id, place.ap_2.id, NINTH).planned  # another target
    assert not record(two_level, place.binh.id, place.ap_1.id, NINTH).planned  # another cadre
    assert not record(two_level, place.mai.id, place.ap_1.id, TENTH).planned  # another day
    moved = two_level.run(activities.edit_activity, replace(linked.activity, day=TENTH))
    assert not moved.planned
    back = two_level.run(activities.edit_activity, replace(moved.activity, day=NINTH))
    assert back.activity.visit_id == visit.id


def test_removing_or_moving_the_visit_unlinks_the_activity_and_keeps_it(two_level: Env, place: Place) -> None:
    visit = two_level.run(plans.add_visit, NINTH, place.mai.id, place.ap_1.id)
    linked = record(two_level, place.mai.id, place.ap_1.id, NINTH)
    planned_visit = two_level.read(lambda uow: uow.base_visits.get(visit.id))
    assert planned_visit is not None
    two_level.run(plans.edit_visit, replace(planned_visit, note="Họp chi bộ"))
    assert two_level.run(activities.get_activity, linked.activity.id).planned  # same cadre, target and day
    two_level.run(plans.edit_visit, replace(planned_visit, day=date(2026, 6, 15)))
    assert not two_level.run(activities.get_activity, linked.activity.id).planned
    relinked = two_level.run(activities.edit_activity, replace(linked.activity, day=date(2026, 6, 15)))
    assert relinked.planned
    two_level.run(plans.remove_visit, visit.id)
    assert two_level.sql("SELECT visit_id FROM activity") == [(None,)]
    two_level.run(plans.add_visit, NINTH, place.mai.id, place.ap_1.id)
    record(two_level, place.mai.id, place.ap_1.id, NINTH)
    assert two_level.run(plans.clear_quarter, 2026, 2) == 1
    assert two_level.sql("SELECT count(*), count(visit_id) FROM activity") == [(2, 0)]


def test_bad_activities_are_refused_and_nothing_is_written(two_level: Env, place: Place) -> None:
    tomorrow = date.today() + timedelta(days=1)
    refused(two_level, NotFound, "No cadre has the id 'nobody'", activities.record_activity, "nobody",
            place.ap_1.id, K.OTHER, TENTH)
    refused(two_level, NotFound, "No unit or cluster has the id 'nowhere'", activities.record_activity,
            place.mai.id, "nowhere", K.OTHER, TENTH)
    refused(two_level, InvalidInput, "is in the future", activities.record_activity, place.mai.id,
            place.ap_1.id, K.OTHER, tomorrow)
    refused(two_level, InvalidInput, "not a kind of activity", activities.record_activity, place.mai.id,
            place.ap_1.id, "party", TENTH)
    refused(two_level, InvalidInput, "duration", activities.record_activity, place.mai.id, place.ap_1.id,
            K.OTHER, TENTH, 24 * 60 + 1)
    refused(two_level, InvalidInput, "note is longer", activities.record_activity, place.mai.id,
            place.ap_1.id, K.OTHER, TENTH, 0, "x" * 1001)
    refused(two_level, RuleViolation, "does not exist on 31/12/2019", activities.record_activity, place.mai.id,
            place.ap_1.id, K.OTHER, date(2019, 12, 31))


def test_an_inactive_cadre_and_a_closed_unit_are_refused(two_level: Env, place: Place) -> None:
    two_level.run(cadres.set_status, place.binh.id, CadreStatus.LEFT, date(2026, 5, 1))
    record(two_level, place.binh.id, place.group.id, date(2026, 4, 30), K.GROUP_MEETING)  # before leaving
    refused(two_level, RuleViolation, "Phạm Văn Bình left on 01/05/2026", activities.record_activity,
            place.binh.id, place.group.id, K.GROUP_MEETING, date(2026, 5, 1))
    two_level.run(units.close_unit, place.ap_2.id, date(2026, 3, 1))
    record(two_level, place.mai.id, place.ap_2.id, date(2026, 2, 28))  # while it was open
    refused(two_level, RuleViolation, "'Ấp 2' does not exist on 01/03/2026", activities.record_activity,
            place.mai.id, place.ap_2.id, K.CELL_MEETING, date(2026, 3, 1))


def test_edit_and_delete(two_level: Env, place: Place) -> None:
    view = record(two_level, place.mai.id, place.ap_1.id, TENTH)
    edited = two_level.run(activities.edit_activity, replace(
        view.activity, target_id=place.cluster.id, kind=K.COMMUNE_WORK, duration_minutes=60, notes=" Làm việc "))
    assert (edited.target_name, edited.activity.kind) == ("Cụm Bắc", K.COMMUNE_WORK)
    assert edited.activity.notes == "Làm việc"
    assert two_level.sql("SELECT unit_id, cluster_id, kind FROM activity") == [
        (None, place.cluster.id, "commune_work")]
    refused(two_level, InvalidInput, "in the future", activities.edit_activity,
            replace(view.activity, day=date.today() + timedelta(days=1)))
    refused(two_level, NotFound, "No activity has the id 'gone'", activities.edit_activity,
            replace(view.activity, id="gone"))
    refused(two_level, NotFound, "No activity has the id 'gone'", activities.delete_activity, "gone")
    two_level.run(activities.delete_activity, view.activity.id)
    assert two_level.sql("SELECT count(*) FROM activity") == [(0,)]


def test_deleting_several_deletes_all_or_none(two_level: Env, place: Place) -> None:
    first = record(two_level, place.mai.id, place.ap_1.id, TENTH)
    second = record(two_level, place.mai.id, place.ap_2.id, TENTH)
    refused(two_level, NotFound, "No activity has the id 'gone'", activities.delete_activities,
            [first.activity.id, "gone", second.activity.id])
    assert two_level.sql("SELECT count(*) FROM activity") == [(2,)]
    two_level.run(activities.delete_activities, [first.activity.id, second.activity.id, first.activity.id])
    assert two_level.sql("SELECT count(*) FROM activity") == [(0,)]


def test_filters_by_period_cadre_kind_and_limit(two_level: Env, place: Place) -> None:
    record(two_level, place.mai.id, place.ap_1.id, date(2026, 1, 5))
    record(two_level, place.mai.id, place.ap_2.id, date(2026, 2, 5), K.HOUSEHOLD_VISIT)
    record(two_level, place.hung.id, place.long_ho.id, date(2026, 3, 5), K.COMMITTEE_MEETING)
    assert listed(two_level) == [("Xã Long Hồ", date(2026, 3, 5)), ("Ấp 2", date(2026, 2, 5)),
                                 ("Ấp 1", date(2026, 1, 5))]
    assert listed(two_level, start=date(2026, 2, 5), end=date(2026, 3, 5)) == [("Ấp 2", date(2026, 2, 5))]
    assert listed(two_level, cadre_id=place.mai.id) == [("Ấp 2", date(2026, 2, 5)), ("Ấp 1", date(2026, 1, 5))]
    assert listed(two_level, kind=K.HOUSEHOLD_VISIT) == [("Ấp 2", date(2026, 2, 5))]
    views = two_level.run(activities.list_activities, ActivityFilter(), limit=2)
    assert [view.activity.day for view in views] == [date(2026, 3, 5), date(2026, 2, 5)]


def test_under_a_unit_or_in_a_cluster(two_level: Env, place: Place) -> None:
    record(two_level, place.binh.id, place.group.id, TENTH, K.GROUP_MEETING)
    record(two_level, place.mai.id, place.ap_2.id, TENTH)
    record(two_level, place.hung.id, place.long_ho.id, TENTH, K.COMMITTEE_MEETING)
    record(two_level, place.hung.id, place.cluster.id, TENTH, K.OTHER)
    record(two_level, place.mai.id, place.phu_quoi_ap_1.id, TENTH)
    names = lambda **wanted: sorted(name for name, _day in listed(two_level, **wanted))  # noqa: E731
    long_ho_and_below = ["Xã Long Hồ", "Tổ nhân dân tự quản số 1", "Ấp 2"]
    assert names(unit_id=place.long_ho.id) == sorted(long_ho_and_below)
    assert names(unit_id=place.ap_1.id) == ["Tổ nhân dân tự quản số 1"]
    assert names(unit_id=place.province.id) == sorted([*long_ho_and_below, "Cụm Bắc", "Ấp 1"])
    assert names(cluster_id=place.cluster.id) == sorted([*long_ho_and_below, "Cụm Bắc"])
    assert names(unit_id=place.phu_quoi.id) == ["Ấp 1"]
    assert names(unit_id=place.long_ho.id, cluster_id=place.cluster.id, kind=K.COMMITTEE_MEETING) == ["Xã Long Hồ"]


def test_a_moved_hamlet_counts_where_it_stood_on_each_day(two_level: Env, place: Place) -> None:
    moved_on = date(2026, 4, 1)
    record(two_level, place.mai.id, place.ap_2.id, date(2026, 3, 20))
    two_level.run(units.move_unit, place.ap_2.id, place.phu_quoi.id, moved_on)
    record(two_level, place.mai.id, place.ap_2.id, date(2026, 4, 20))
    assert listed(two_level, unit_id=place.long_ho.id) == [("Ấp 2", date(2026, 3, 20))]
    assert listed(two_level, unit_id=place.phu_quoi.id) == [("Ấp 2", date(2026, 4, 20))]
    assert listed(two_level, cluster_id=place.cluster.id) == [("Ấp 2", date(2026, 3, 20))]
    paths = [view.target_path for view in two_level.run(activities.list_activities, ActivityFilter())]
    assert paths == ["Tỉnh Vĩnh Long / Xã Phú Quới / Ấp 2", "Tỉnh Vĩnh Long / Xã Long Hồ / Ấp 2"]


def test_attendance_targets_are_a_setting(two_level: Env, place: Place) -> None:
    assert two_level.read(activities.attendance_targets) == DEFAULT_ATTENDANCE_TARGETS
    targets = (AttendanceTarget(None, Flag.PARTY_MEMBER, 4), AttendanceTarget(Tier.COMMUNE, Flag.COMMITTEE, 8))
    two_level.run(activities.set_attendance_targets, targets)
    assert two_level.read(activities.attendance_targets) == targets
    assert two_level.sql("SELECT key FROM setting WHERE key LIKE 'fieldlog.%'") == [("fieldlog.attendance_targets",)]
    refused(two_level, InvalidInput, "same tier", activities.set_attendance_targets,
            [*targets, AttendanceTarget(None, Flag.PARTY_MEMBER, 2)])


def test_attendance_for_the_year_and_a_quarter(two_level: Env, place: Place) -> None:
    for month in (1, 2, 3, 5):
        record(two_level, place.mai.id, place.ap_1.id, date(2026, month, 20))
    record(two_level, place.hung.id, place.long_ho.id, date(2026, 2, 3), K.COMMITTEE_MEETING)
    record(two_level, place.hung.id, place.long_ho.id, date(2026, 2, 4), K.COMMUNE_WORK)  # not a meeting
    record(two_level, place.binh.id, place.group.id, date(2026, 2, 4), K.CELL_MEETING)  # no target, but attended
    other = two_level.cadre("Ngô Văn Tư", Tier.COMMUNE, is_committee=True)
    two_level.run(cadres.set_status, other.id, CadreStatus.LEFT, date(2025, 6, 1))  # left before the year
    year = two_level.run(activities.attendance, 2026)
    assert [(row.name, row.tier, row.attended, row.target, row.met) for row in year] == [
        ("Phạm Văn Bình", Tier.COMMUNE, 1, 0, True),
        ("Trần Văn Hùng", Tier.PROVINCE, 1, 2, False),
        ("Lê Thị Mai", Tier.COMMUNE, 4, 6, False),
    ]
    first = two_level.run(activities.attendance, 2026, 1)
    assert [(row.name, row.attended, row.target, row.met) for row in first] == [
        ("Phạm Văn Bình", 1, 0, True), ("Trần Văn Hùng", 1, 1, True), ("Lê Thị Mai", 3, 2, True)]
    only = two_level.run(activities.attendance, 2026, 2, cadre_ids=[place.mai.id])
    assert [(row.cadre_id, row.attended, row.target) for row in only] == [(place.mai.id, 1, 2)]
    with pytest.raises(InvalidInput, match="quarter must be between 1 and 4"):
        two_level.run(activities.attendance, 2026, 5)


def test_recording_editing_and_unlinking_can_be_undone_and_redone(two_level: Env, place: Place) -> None:
    visit = two_level.run(plans.add_visit, NINTH, place.mai.id, place.ap_1.id)
    undone_and_redone(two_level, activities.record_activity, place.mai.id, place.ap_1.id, K.CELL_MEETING, NINTH)
    [stored] = two_level.run(activities.list_activities, ActivityFilter())
    assert stored.planned
    undone_and_redone(two_level, activities.edit_activity, replace(stored.activity, day=TENTH, notes="Sửa"))
    undone_and_redone(two_level, plans.remove_visit, visit.id)  # the activity unlinked, then linked again
    undone_and_redone(two_level, activities.delete_activity, stored.activity.id)
    undone_and_redone(two_level, activities.set_attendance_targets, [AttendanceTarget(None, None, 1)])
