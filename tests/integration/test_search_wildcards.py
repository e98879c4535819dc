"""Searches take '%', '_' and '\\' as the characters they are, not as LIKE wildcards (the window and the CLI)."""

from __future__ import annotations

from datetime import date

import pytest

from grassroots_app.domain.model import Tier
from grassroots_app.services import browse, cadres
from tests.integration.support import Env

NAMES = ["Nguyễn Văn An", "Trần 100% Bình", "Lê_Văn Cường", "Phạm \\ Dũng"]


@pytest.mark.parametrize(("text", "found"), [
    ("%", ["Trần 100% Bình"]),
    ("_", ["Lê_Văn Cường"]),
    ("\\", ["Phạm \\ Dũng"]),
    ("0%", ["Trần 100% Bình"]),
    ("n_v", []),  # '_' is no longer any one character: 'Nguyễn Văn' does not match
    ("%%", []),
    ("văn", ["Lê_Văn Cường", "Nguyễn Văn An"]),
])
def test_cadre_search_matches_wildcards_literally(two_level: Env, text: str, found: list[str]) -> None:
    for name in NAMES:
        two_level.cadre(name, Tier.COMMUNE)
    assert sorted(c.full_name for c in two_level.run(cadres.find_cadres, text)) == sorted(found)
    assert sorted(c.full_name for c in two_level.read(lambda uow: uow.cadres.search(text))) == sorted(found)


@pytest.mark.parametrize(("text", "found"), [
    ("%", ["Xã 50% Phú"]), ("_", ["Xã Long_Hồ"]), ("\\", ["Xã Tân \\ Hòa"]),
    ("u_m", []), ("%%", []), ("mỹ", ["Xã Phú Mỹ"]),
])
def test_unit_search_matches_wildcards_literally(two_level: Env, text: str, found: list[str]) -> None:
    province = two_level.unit("Tỉnh Vĩnh Long")
    for name in ("Xã 50% Phú", "Xã Long_Hồ", "Xã Tân \\ Hòa", "Xã Phú Mỹ"):
        two_level.unit(name, province)
    hits = two_level.run(browse.search, text, date(2026, 1, 1))
    assert sorted(hit.name for hit in hits) == sorted(found)


@pytest.mark.parametrize(("text", "found"), [
    ("khuoi", ["Tổ Khuổi Ký"]), ("ky", ["Tổ Khuổi Ký"]), ("nà pò", ["Bản Nà Pò"]), ("NA PO", ["Bản Nà Pò"]),
    ("hoa an", ["Xã Hòa An"]), ("cao bang", ["Tỉnh Cao Bằng"]),
])
def test_a_word_inside_a_name_finds_the_unit_at_every_level(two_level: Env, text: str, found: list[str]) -> None:
    province = two_level.unit("Tỉnh Cao Bằng")
    hamlet = two_level.unit("Bản Nà Pò", two_level.unit("Xã Hòa An", province))
    two_level.unit("Tổ Khuổi Ký", hamlet)
    hits = two_level.run(browse.search, text, date(2026, 1, 1))
    assert [hit.name for hit in hits] == found
