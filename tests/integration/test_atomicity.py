"""A failing operation leaves nothing half-written: the file is byte-for-byte the same in content."""

from __future__ import annotations

from datetime import date

import pytest

from grassroots_app.domain.errors import DomainError, RuleViolation
from grassroots_app.domain.model import CadreStatus, Tier
from grassroots_app.services import cadres, units
from tests.integration.support import D0, Env

DAY = date(2024, 1, 1)


def test_refused_merge_after_moving_a_child_changes_nothing(two_level: Env) -> None:
    province = two_level.unit("Tỉnh A")
    source, target = two_level.unit("Xã A", province), two_level.unit("Xã B", province)
    for name in ("Ấp 1", "Ấp 2"):  # "Ấp 1" is moved before "Ấp 2" collides
        two_level.unit(name, source)
    two_level.unit("ẤP 2", target)
    cadre = two_level.cadre("Trần Văn An", Tier.PROVINCE, is_committee=True)
    two_level.assign(cadre, source.id, D0)
    before = two_level.dump()
    with pytest.raises(RuleViolation, match="already named"):
        two_level.run(units.merge_units, source.id, target.id, DAY, units.Carry.TRANSFER)
    assert two_level.dump() == before


def test_refused_departure_after_ending_one_assignment_changes_nothing(two_level: Env) -> None:
    commune = two_level.unit("Xã A", two_level.unit("Tỉnh A"))
    cadre = two_level.cadre("Lê Văn Bình", Tier.COMMUNE)
    two_level.assign(cadre, two_level.unit("Ấp 1", commune).id, D0)  # ended first ...
    two_level.assign(cadre, two_level.unit("Ấp 2", commune).id, date(2025, 1, 1))  # ... then this refuses
    before = two_level.dump()
    with pytest.raises(DomainError):
        two_level.run(cadres.set_status, cadre.id, CadreStatus.LEFT, DAY)
    assert two_level.dump() == before


def test_refused_close_after_ending_one_assignment_changes_nothing(two_level: Env) -> None:
    hamlet = two_level.unit("Ấp 1", two_level.unit("Xã A", two_level.unit("Tỉnh A")))
    two_level.assign(two_level.cadre("Lê Văn Bình", Tier.COMMUNE), hamlet.id, D0)
    two_level.assign(two_level.cadre("Lê Văn Cường", Tier.COMMUNE), hamlet.id, date(2025, 1, 1))
    before = two_level.dump()
    with pytest.raises(RuleViolation, match="starts on 01/01/2025"):
        two_level.run(units.close_unit, hamlet.id, DAY)
    assert two_level.dump() == before


def test_the_dump_does_see_committed_changes(two_level: Env) -> None:
    before = two_level.dump()
    two_level.unit("Tỉnh A")
    assert two_level.dump() != before
