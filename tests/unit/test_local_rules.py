"""The local rules as a whole: one setting changed from its text, checked, and refused with the key named."""

from __future__ import annotations

import pytest

from grassroots_app.domain.activities import DEFAULT_ATTENDANCE_TARGETS, AttendanceTarget
from grassroots_app.domain.calendar import FreeDayPolicy, MeetingCategory, Shift
from grassroots_app.domain.errors import InvalidInput
from grassroots_app.domain.local_rules import LocalRules, check_local_rules, setting_values, with_setting
from grassroots_app.domain.model import Flag, Level, Preset, Tier
from grassroots_app.domain.rules import DEFAULT_RULES, GraspRule
from grassroots_app.domain.settings import Settings

DEFAULTS = LocalRules(Settings(Preset.TWO_LEVEL), FreeDayPolicy(), DEFAULT_ATTENDANCE_TARGETS,
                      DEFAULT_RULES[Preset.TWO_LEVEL])


def test_numbers_are_set_from_their_text() -> None:
    changed = with_setting(with_setting(DEFAULTS, "min_tenure_months", "6"), "workload_threshold", " 3 ")
    assert (changed.settings.min_tenure_months, changed.settings.workload_threshold) == (6, 3)
    assert changed.policy == DEFAULTS.policy


def test_the_calendar_settings_are_set_from_their_text() -> None:
    changed = DEFAULTS
    for key, value in (("calendar.days", "20, 5,10"), ("calendar.shift", "previous"),
                       ("calendar.allowed", "training,agency"), ("calendar.visits_per_quarter", "3")):
        changed = with_setting(changed, key, value)
    assert changed.policy == FreeDayPolicy((5, 10, 20), Shift.PREVIOUS,
                                           frozenset({MeetingCategory.TRAINING, MeetingCategory.AGENCY}), 3)
    assert with_setting(changed, "calendar.allowed", "none").policy.allowed == frozenset()


def test_an_attendance_target_is_set_added_and_removed_by_its_key() -> None:
    changed = with_setting(DEFAULTS, "attendance.commune.committee", "4")
    changed = with_setting(changed, "attendance.any.party_member", "2")
    assert set(changed.targets) == {
        AttendanceTarget(Tier.PROVINCE, Flag.COMMITTEE, 2), AttendanceTarget(Tier.DISTRICT, Flag.COMMITTEE, 6),
        AttendanceTarget(Tier.COMMUNE, Flag.COMMITTEE, 4), AttendanceTarget(None, Flag.PARTY_MEMBER, 2),
    }
    removed = with_setting(changed, "attendance.district.committee", "none")
    assert AttendanceTarget(Tier.DISTRICT, Flag.COMMITTEE, 6) not in removed.targets
    assert setting_values(changed)["attendance.any.party_member"] == 2


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("min_tenure_months", "121", "The setting min_tenure_months refuses '121': The minimum tenure must be "
                                 "between 0 and 120 months."),
    ("min_tenure_months", "mười", "The setting min_tenure_months takes a whole number, not 'mười'."),
    ("workload_threshold", "0", "The setting workload_threshold refuses '0': The workload threshold must be "
                                "between 1 and 1000."),
    ("calendar.days", "9,32", "The setting calendar.days refuses '9,32': A meeting-free day must be a day of "
                              "the month from 1 to 31."),
    ("calendar.shift", "later", "calendar.shift does not allow 'later'; allowed: keep, next, previous."),
    ("calendar.visits_per_quarter", "13", "The setting calendar.visits_per_quarter refuses '13': The visits to "
                                          "each target per quarter must be between 1 and 12."),
    ("attendance.ward.committee", "3", "attendance.ward.committee does not allow 'ward'; allowed: "
                                       "province, district, commune."),
    ("attendance.commune.committee", "400", "The setting attendance.commune.committee refuses '400': The meetings "
                                            "a year must be between 0 and 366."),
    ("tenure", "3", "There is no setting 'tenure'; the settings are: min_tenure_months, workload_threshold, "
                    "calendar.days, calendar.shift, calendar.allowed, calendar.visits_per_quarter, "
                    "attendance.<tier|any>.<membership|any>."),
])
def test_a_bad_value_is_refused_naming_the_key_and_what_is_allowed(key: str, value: str, expected: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        with_setting(DEFAULTS, key, value)
    assert str(caught.value) == expected


def test_two_rules_with_one_role_on_a_level_are_refused() -> None:
    twice = DEFAULTS.rules + (GraspRule(Level.GROUP, " cán bộ, đảng viên phụ trách tổ NDTQ ", frozenset({Tier.DISTRICT})),)
    with pytest.raises(InvalidInput, match="has the role 'cán bộ, đảng viên phụ trách tổ NDTQ' twice"):
        check_local_rules(LocalRules(DEFAULTS.settings, DEFAULTS.policy, DEFAULTS.targets, twice))


def test_a_rule_on_a_level_nobody_is_put_in_charge_of_is_refused() -> None:
    odd = DEFAULTS.rules + (GraspRule(Level.PROVINCE, "Phụ trách tỉnh", frozenset({Tier.PROVINCE})),)
    with pytest.raises(InvalidInput, match="cannot target a province"):
        check_local_rules(LocalRules(DEFAULTS.settings, DEFAULTS.policy, DEFAULTS.targets, odd))
