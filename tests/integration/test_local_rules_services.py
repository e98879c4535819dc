"""The local rules changed through their use case, and every rule that reads them working with the new values."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from grassroots_app.domain.activities import ActivityKind
from grassroots_app.domain.calendar import FreeDay
from grassroots_app.domain.errors import InvalidInput, RuleViolation
from grassroots_app.domain.model import Flag, Level, Tier
from grassroots_app.domain.rules import GraspRule, pick_rule
from grassroots_app.services import activities, assignments, calendar, coverage, local_rules, roster
from tests.integration.fieldlog_support import Place, build_place, refused, undone_and_redone
from tests.integration.support import D0, Env


@pytest.fixture
def place(two_level: Env) -> Place:
    """A small two-level province with three cadres in charge."""
    return build_place(two_level)


def set_setting(env: Env, key: str, value: str) -> None:
    """Change one local rule as `grassroots settings set` does."""
    env.run(local_rules.set_setting, key, value)


def test_the_settings_are_stored_and_read_back(two_level: Env, place: Place) -> None:
    set_setting(two_level, "min_tenure_months", "6")
    set_setting(two_level, "calendar.days", "5,20")
    stored = dict(two_level.sql("SELECT key, value FROM setting WHERE key IN ('min_tenure_months', 'calendar.days')"))
    assert stored == {"min_tenure_months": "6", "calendar.days": "[5, 20]"}
    assert two_level.read(local_rules.local_rules).settings.min_tenure_months == 6


def test_a_bad_value_changes_nothing(two_level: Env, place: Place) -> None:
    refused(two_level, InvalidInput, "calendar.shift does not allow 'sau'", local_rules.set_setting,
            "calendar.shift", "sau")
    refused(two_level, InvalidInput, "workload_threshold refuses '0'", local_rules.set_setting,
            "workload_threshold", "0")


def test_coverage_counts_against_a_minimum_of_two_and_a_threshold_of_one(two_level: Env, place: Place) -> None:
    current = two_level.read(local_rules.local_rules)
    rules = tuple(replace(rule, minimum=2) if rule.target_level is Level.GROUP else rule for rule in current.rules)
    two_level.run(local_rules.save_local_rules, replace(current, rules=rules))
    set_setting(two_level, "workload_threshold", "1")
    two_level.assign(place.mai, place.ap_2.id, D0)
    result = two_level.run(coverage.coverage, date(2026, 3, 1)).coverage
    [group_gap] = [gap for gap in result.gaps if gap.level is Level.GROUP]
    assert (group_gap.target_id, group_gap.required, group_gap.assigned) == (place.group.id, 2, 1)
    assert [(row.name, row.targets, row.overloaded) for row in result.workload if row.overloaded] == [
        ("Lê Thị Mai", 2, True)]


def test_ending_early_follows_a_six_month_tenure(two_level: Env, place: Place) -> None:
    set_setting(two_level, "min_tenure_months", "6")
    made = two_level.assign(place.mai, place.ap_2.id, date(2026, 1, 1))
    with pytest.raises(RuleViolation, match="minimum tenure of 6 months"):
        two_level.run(assignments.end_assignment, made.id, date(2026, 6, 30), "")
    ended = two_level.run(assignments.end_assignment, made.id, date(2026, 7, 1), "")
    assert ended.period.end == date(2026, 7, 1)  # 12 months would have asked for a reason


def test_correcting_an_end_follows_a_six_month_tenure(two_level: Env, place: Place) -> None:
    set_setting(two_level, "min_tenure_months", "6")
    made = two_level.assign(place.mai, place.ap_2.id, date(2026, 1, 1))
    two_level.run(assignments.end_assignment, made.id, date(2026, 3, 1), "Điều động")
    early = assignments.AssignmentChanges(end=date(2026, 6, 30), end_reason="")
    with pytest.raises(RuleViolation, match="minimum tenure of 6 months"):
        two_level.run(assignments.edit_assignment, made.id, early)
    edited = two_level.run(assignments.edit_assignment, made.id, replace(early, end=date(2026, 7, 1)))
    assert (edited.period.end, edited.end_reason) == (date(2026, 7, 1), "")  # 12 months would have asked for one


def test_the_assignment_view_shows_the_end_of_a_six_month_tenure(two_level: Env, place: Place) -> None:
    set_setting(two_level, "min_tenure_months", "6")
    made = two_level.assign(place.mai, place.ap_2.id, date(2026, 1, 31))
    view = two_level.read(lambda uow: roster.assignment_view(uow, made.id, date(2026, 2, 1)))
    assert view.tenure_end == date(2026, 7, 31)  # what the end dialog names as the first day without a reason


def test_free_days_on_the_5th_and_20th_moved_to_the_previous_working_day(two_level: Env) -> None:
    set_setting(two_level, "calendar.days", "5,20")
    set_setting(two_level, "calendar.shift", "previous")
    days = two_level.read(lambda uow: calendar.free_days_of_month(uow, 2026, 9))
    # 5/9/2026 is a Saturday, 20/9/2026 a Sunday: both move back to Friday 4/9 and Friday 18/9.
    assert days == [FreeDay(date(2026, 9, 4), date(2026, 9, 5)), FreeDay(date(2026, 9, 18), date(2026, 9, 20))]
    set_setting(two_level, "calendar.shift", "next")
    days = two_level.read(lambda uow: calendar.free_days_of_month(uow, 2026, 9))
    assert days == [FreeDay(date(2026, 9, 7), date(2026, 9, 5)), FreeDay(date(2026, 9, 21), date(2026, 9, 20))]


def test_attendance_against_targets_set_by_key(two_level: Env, place: Place) -> None:
    set_setting(two_level, "attendance.commune.committee", "2")
    set_setting(two_level, "attendance.any.party_member", "3")
    set_setting(two_level, "attendance.province.committee", "none")
    for day in (date(2026, 1, 20), date(2026, 2, 20)):
        two_level.run(activities.record_activity, place.mai.id, place.ap_1.id, ActivityKind.CELL_MEETING, day)
    year = two_level.run(activities.attendance, 2026)
    assert [(row.name, row.attended, row.target, row.met) for row in year] == [
        ("Phạm Văn Bình", 0, 3, False), ("Lê Thị Mai", 2, 2, True)]


def test_a_party_member_of_the_province_may_take_a_group_under_the_default_rule(two_level: Env, place: Place) -> None:
    member = two_level.cadre("Đỗ Văn Khoa", Tier.PROVINCE, is_party_member=True)
    made = two_level.assign(member, place.group.id, D0)
    assert made.role == "Cán bộ, đảng viên phụ trách tổ NDTQ"


def test_a_new_rule_decides_the_assignment_and_its_refusal_quotes_it(two_level: Env, place: Place) -> None:
    current = two_level.read(local_rules.local_rules)
    extra = GraspRule(Level.HAMLET, "Đảng viên tỉnh hỗ trợ thôn", frozenset(), any_tier_flags=frozenset({Flag.STANDING}))
    two_level.run(local_rules.save_local_rules, replace(current, rules=(*current.rules, extra)))
    stored = two_level.read(lambda uow: pick_rule(uow.rules.all(), Level.HAMLET, "Đảng viên tỉnh hỗ trợ thôn"))
    assert stored == extra
    with pytest.raises(RuleViolation) as caught:
        two_level.assign(place.hung, place.ap_2.id, D0, role="Đảng viên tỉnh hỗ trợ thôn")
    assert "allows only a standing-committee member of any tier" in str(caught.value)
    assert "Trần Văn Hùng: province tier, committee member." in str(caught.value)


def test_a_role_still_held_cannot_be_removed(two_level: Env, place: Place) -> None:
    current = two_level.read(local_rules.local_rules)
    without = tuple(rule for rule in current.rules if rule.target_level is not Level.GROUP)
    refused(two_level, RuleViolation, "cannot be removed: 1 cadres still hold it", local_rules.save_local_rules,
            replace(current, rules=without))


def test_a_change_of_the_local_rules_is_undone_and_redone(two_level: Env, place: Place) -> None:
    current = two_level.read(local_rules.local_rules)
    changed = replace(current, settings=replace(current.settings, min_tenure_months=3),
                      rules=tuple(replace(rule, minimum=3) for rule in current.rules))
    undone_and_redone(two_level, local_rules.save_local_rules, changed)
