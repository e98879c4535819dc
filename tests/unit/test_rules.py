"""Grasp rules: the defaults per preset, picking a rule, and who is eligible (with the reason)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from grassroots_app.domain.errors import InvalidInput, RuleViolation, render_phrase
from grassroots_app.domain.model import Cadre, CadreStatus, Flag, Level, Preset, Tier
from grassroots_app.domain.rules import DEFAULT_RULES, GraspRule, check_eligible, holders, pick_rule, rules_for


def cadre(tier: Tier, **flags: bool) -> Cadre:
    """Return an active cadre of a tier with the given membership flags."""
    return Cadre(id="c1", full_name="Nguyễn Văn An", tier=tier, **flags)


def rule_of(preset: Preset, level: Level) -> GraspRule:
    """Return the single default rule of a level."""
    (rule,) = rules_for(DEFAULT_RULES[preset], level)
    return rule


def test_every_preset_has_one_default_rule_per_target_level() -> None:
    for preset in Preset:
        levels = [rule.target_level for rule in DEFAULT_RULES[preset]]
        assert sorted(levels) == sorted([Level.CLUSTER, Level.COMMUNE, Level.HAMLET, Level.GROUP])
        assert all(rule.minimum == 1 for rule in DEFAULT_RULES[preset])


def test_three_level_defaults_follow_the_district_model() -> None:
    assert rule_of(Preset.THREE_LEVEL, Level.CLUSTER).role == "Ủy viên Ban Thường vụ phụ trách cụm"
    assert rule_of(Preset.THREE_LEVEL, Level.CLUSTER).tiers == {Tier.DISTRICT}
    assert rule_of(Preset.THREE_LEVEL, Level.CLUSTER).flags == {Flag.STANDING}
    assert rule_of(Preset.THREE_LEVEL, Level.COMMUNE).role == "Huyện ủy viên phụ trách xã, thị trấn"
    assert rule_of(Preset.THREE_LEVEL, Level.COMMUNE).flags == {Flag.COMMITTEE}
    assert rule_of(Preset.THREE_LEVEL, Level.HAMLET).tiers == {Tier.DISTRICT}
    assert rule_of(Preset.THREE_LEVEL, Level.HAMLET).flags == frozenset()
    assert rule_of(Preset.THREE_LEVEL, Level.GROUP).tiers == {Tier.COMMUNE}


def test_two_level_defaults_follow_the_province_model() -> None:
    assert rule_of(Preset.TWO_LEVEL, Level.CLUSTER).tiers == {Tier.PROVINCE}
    assert rule_of(Preset.TWO_LEVEL, Level.CLUSTER).flags == {Flag.STANDING}
    assert rule_of(Preset.TWO_LEVEL, Level.COMMUNE).role == "Tỉnh ủy viên phụ trách xã, phường"
    assert rule_of(Preset.TWO_LEVEL, Level.COMMUNE).tiers == {Tier.PROVINCE}
    assert rule_of(Preset.TWO_LEVEL, Level.HAMLET).tiers == {Tier.COMMUNE}
    assert rule_of(Preset.TWO_LEVEL, Level.GROUP).tiers == {Tier.COMMUNE}


def test_negative_minimum_is_refused() -> None:
    with pytest.raises(InvalidInput, match="cannot be negative"):
        GraspRule(Level.GROUP, "x", frozenset({Tier.COMMUNE}), minimum=-1)


def test_pick_rule_without_role_takes_the_levels_only_rule() -> None:
    rule = pick_rule(DEFAULT_RULES[Preset.TWO_LEVEL], Level.HAMLET, None)
    assert rule.role == "Cán bộ xã phụ trách thôn, tổ dân phố"


def test_pick_rule_matches_the_role_ignoring_case_and_spaces() -> None:
    rules = DEFAULT_RULES[Preset.TWO_LEVEL]
    rule = pick_rule(rules, Level.COMMUNE, "  TỈNH ỦY VIÊN PHỤ TRÁCH XÃ, PHƯỜNG ")
    assert rule.target_level is Level.COMMUNE


def test_pick_rule_refuses_an_unknown_role() -> None:
    with pytest.raises(RuleViolation) as caught:
        pick_rule(DEFAULT_RULES[Preset.TWO_LEVEL], Level.COMMUNE, "Bí thư")
    assert caught.value.params["role"] == "Bí thư"


def test_pick_rule_refuses_a_level_without_rules() -> None:
    with pytest.raises(RuleViolation):
        pick_rule(DEFAULT_RULES[Preset.TWO_LEVEL], Level.PROVINCE, None)


def test_pick_rule_asks_for_a_role_when_a_level_has_several() -> None:
    rules = DEFAULT_RULES[Preset.TWO_LEVEL] + (
        GraspRule(Level.HAMLET, "Đảng viên hỗ trợ thôn", frozenset({Tier.COMMUNE})),
    )
    with pytest.raises(InvalidInput) as caught:
        pick_rule(rules, Level.HAMLET, None)
    assert "Đảng viên hỗ trợ thôn" in caught.value.params["roles"]
    assert pick_rule(rules, Level.HAMLET, "đảng viên hỗ trợ thôn").role == "Đảng viên hỗ trợ thôn"


def test_check_eligible_accepts_tier_and_flag() -> None:
    check_eligible(cadre(Tier.PROVINCE, is_committee=True), rule_of(Preset.TWO_LEVEL, Level.COMMUNE))
    check_eligible(cadre(Tier.COMMUNE), rule_of(Preset.TWO_LEVEL, Level.GROUP))


def test_check_eligible_accepts_any_one_of_several_flags() -> None:
    rule = GraspRule(Level.GROUP, "r", frozenset({Tier.COMMUNE}), frozenset({Flag.COMMITTEE, Flag.PARTY_MEMBER}))
    check_eligible(cadre(Tier.COMMUNE, is_party_member=True), rule)


def test_check_eligible_refuses_the_wrong_tier_saying_so() -> None:
    with pytest.raises(RuleViolation) as caught:
        check_eligible(cadre(Tier.COMMUNE, is_committee=True), rule_of(Preset.TWO_LEVEL, Level.COMMUNE))
    message = str(caught.value)
    assert "Nguyễn Văn An cannot hold the role 'Tỉnh ủy viên phụ trách xã, phường'" in message
    assert "the rule for a commune allows only a committee member of the province tier" in message
    assert "Nguyễn Văn An: commune tier, committee member." in message


def test_check_eligible_refuses_a_missing_flag_saying_which() -> None:
    with pytest.raises(RuleViolation) as caught:
        check_eligible(cadre(Tier.DISTRICT, is_committee=True), rule_of(Preset.THREE_LEVEL, Level.CLUSTER))
    assert "allows only a standing-committee member of the district tier" in str(caught.value)
    assert "Nguyễn Văn An: district tier, committee member." in str(caught.value)


def test_check_eligible_refuses_a_cadre_who_left() -> None:
    gone = replace(cadre(Tier.COMMUNE), status=CadreStatus.LEFT)
    with pytest.raises(RuleViolation, match="Nguyễn Văn An has left and cannot be assigned"):
        check_eligible(gone, rule_of(Preset.TWO_LEVEL, Level.GROUP))


def test_cadre_flags_reflect_memberships() -> None:
    assert cadre(Tier.PROVINCE).flags == frozenset()
    assert cadre(Tier.PROVINCE, is_standing=True, is_party_member=True).flags == {Flag.STANDING, Flag.PARTY_MEMBER}


def test_the_group_default_takes_a_commune_cadre_or_a_party_member_of_any_tier() -> None:
    for preset in Preset:
        rule = rule_of(preset, Level.GROUP)
        check_eligible(cadre(Tier.COMMUNE), rule)
        check_eligible(cadre(Tier.DISTRICT, is_party_member=True), rule)
        check_eligible(cadre(Tier.PROVINCE, is_party_member=True), rule)
        with pytest.raises(RuleViolation):
            check_eligible(cadre(Tier.PROVINCE, is_committee=True), rule)


def test_a_rule_can_say_tier_with_flag_or_another_flag_of_any_tier() -> None:
    rule = GraspRule(Level.HAMLET, "Hỗ trợ thôn", frozenset({Tier.COMMUNE}), frozenset({Flag.COMMITTEE}),
                     any_tier_flags=frozenset({Flag.STANDING}), minimum=2)
    check_eligible(cadre(Tier.COMMUNE, is_committee=True), rule)
    check_eligible(cadre(Tier.PROVINCE, is_standing=True), rule)
    with pytest.raises(RuleViolation) as caught:
        check_eligible(cadre(Tier.COMMUNE, is_party_member=True), rule)
    assert str(caught.value) == (
        "Nguyễn Văn An cannot hold the role 'Hỗ trợ thôn': the rule for a hamlet allows only a committee member"
        " of the commune tier, or a standing-committee member of any tier (at least 2 required)."
        " Nguyễn Văn An: commune tier, party member."
    )


def test_the_refusal_quotes_the_group_rule_in_full() -> None:
    with pytest.raises(RuleViolation) as caught:
        check_eligible(cadre(Tier.PROVINCE), rule_of(Preset.TWO_LEVEL, Level.GROUP))
    assert str(caught.value) == (
        "Nguyễn Văn An cannot hold the role 'Cán bộ, đảng viên phụ trách tổ NDTQ': the rule for a self-governing"
        " group allows only a cadre of the commune tier, or a party member of any tier (at least 1 required)."
        " Nguyễn Văn An: province tier."
    )


def test_a_rule_nobody_may_hold_is_refused() -> None:
    with pytest.raises(InvalidInput, match="nobody could hold"):
        GraspRule(Level.GROUP, "x", frozenset())


def test_holders_describes_who_may_hold_a_role() -> None:
    rule = rule_of(Preset.THREE_LEVEL, Level.GROUP)
    assert render_phrase(holders(rule)) == "a cadre of the commune tier, or a party member of any tier"
    only_flag = GraspRule(Level.GROUP, "x", frozenset(), any_tier_flags=frozenset({Flag.PARTY_MEMBER}))
    assert render_phrase(holders(only_flag)) == "a party member of any tier"


def test_the_refusal_lists_every_membership_the_cadre_holds() -> None:
    with pytest.raises(RuleViolation) as caught:
        check_eligible(cadre(Tier.DISTRICT, is_committee=True, is_party_member=True),
                       rule_of(Preset.THREE_LEVEL, Level.CLUSTER))
    assert str(caught.value).endswith("Nguyễn Văn An: district tier, committee member, party member.")
