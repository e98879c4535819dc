"""Domain errors: an English template with named values, rendered through a translate function."""

from __future__ import annotations

import pickle

from grassroots_app.domain.errors import N_, DomainError, InvalidInput, NotFound, RuleViolation
from grassroots_app.domain.model import CadreStatus, Flag, Gender, Level, Preset, Tier

VIETNAMESE = {
    "The {preset} model has no {level} level.": "Mô hình {preset} không có cấp {level}.",
    "two-level": "hai cấp",
    "district": "huyện",
    "hamlet": "ấp",
    "party member": "đảng viên",
    "standing-committee member": "ủy viên Ban Thường vụ",
    "{name} needs a {flag}.": "{name} cần là {flag}.",
}


def translate(text: str) -> str:
    """Translate from a small catalog, leaving unknown text as it is."""
    return VIETNAMESE.get(text, text)


def test_subclasses_are_domain_errors() -> None:
    for kind in (InvalidInput, NotFound, RuleViolation):
        assert issubclass(kind, DomainError)


def test_str_is_the_english_rendering() -> None:
    error = NotFound("No unit has the id '{id}'.", id="u-1")
    assert str(error) == "No unit has the id 'u-1'."
    assert error.template == "No unit has the id '{id}'."
    assert error.params == {"id": "u-1"}


def test_render_translates_the_template_and_enum_labels() -> None:
    error = InvalidInput("The {preset} model has no {level} level.", preset=Preset.TWO_LEVEL, level=Level.HAMLET)
    assert error.render(translate) == "Mô hình hai cấp không có cấp ấp."


def test_render_joins_tuples_of_labels() -> None:
    error = RuleViolation("{name} needs a {flag}.", name="An", flag=(Flag.PARTY_MEMBER, Flag.STANDING))
    assert error.render(translate) == "An cần là đảng viên / ủy viên Ban Thường vụ."


def test_render_leaves_plain_values_untouched() -> None:
    error = RuleViolation("{count} units under '{name}'", count=3, name="Xã A")
    assert error.render(lambda text: {"{count} units under '{name}'": "{count} đơn vị thuộc '{name}'"}.get(text, text)) == (
        "3 đơn vị thuộc 'Xã A'"
    )


def test_labels_of_enums_without_shared_values() -> None:
    assert Level.HAMLET.label == "hamlet"
    assert Level.GROUP.label == "self-governing group"
    assert Flag.STANDING.label == "standing-committee member"
    assert Gender.FEMALE.label == "female"
    assert CadreStatus.LEFT.label == "left"


def test_levels_and_tiers_sharing_a_value_keep_their_own_labels() -> None:
    assert Level.DISTRICT.label == "district"
    assert Tier.DISTRICT.label == "district tier"
    error = InvalidInput("The {preset} model has no {level} level.", preset=Preset.TWO_LEVEL, level=Level.DISTRICT)
    assert error.render(translate) == "Mô hình hai cấp không có cấp huyện."


def test_a_pickled_error_keeps_its_class_template_and_values() -> None:
    error = RuleViolation(N_("The level {level} takes no cadre until {day}."), level=Level.GROUP, day="01/07/2025")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is RuleViolation
    assert (copy.template, copy.params, str(copy)) == (error.template, error.params, str(error))
