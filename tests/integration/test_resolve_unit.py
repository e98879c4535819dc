"""Finding a unit by id, official code or path of names, ignoring case and diacritics."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from grassroots_app.domain.errors import InvalidInput, NotFound
from grassroots_app.domain.model import Unit
from grassroots_app.services import units
from tests.integration.support import Env


@pytest.fixture
def tree(two_level: Env) -> tuple[Env, Unit, Unit, Unit]:
    """Tỉnh Vĩnh Long / Xã Qưới Sơn / Ấp Thạnh Hòa, with official codes on the first two."""
    province = two_level.unit("Tỉnh Vĩnh Long", code="86")
    commune = two_level.unit("Xã Qưới Sơn", province, code="28756")
    return two_level, province, commune, two_level.unit("Ấp Thạnh Hòa", commune)


def resolve(env: Env, reference: str, on: date | None = None) -> Unit:
    """Run resolve_unit."""
    return env.run(units.resolve_unit, reference, on)


def test_by_id(tree: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, _commune, hamlet = tree
    assert resolve(env, f"  {hamlet.id} ").id == hamlet.id


def test_by_code(tree: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, commune, _hamlet = tree
    assert resolve(env, "28756").id == commune.id


@pytest.mark.parametrize(
    "path",
    [
        "Tỉnh Vĩnh Long / Xã Qưới Sơn / Ấp Thạnh Hòa",
        "tinh vinh long/xa quoi son/ap thanh hoa",
        "  TỈNH VĨNH LONG /  XÃ QƯỚI SƠN / ẤP THẠNH HÒA  ",
    ],
)
def test_by_path_ignoring_case_and_diacritics(tree: tuple[Env, Unit, Unit, Unit], path: str) -> None:
    env, _province, _commune, hamlet = tree
    assert resolve(env, path).id == hamlet.id


def test_a_partial_path_stops_at_that_level(tree: tuple[Env, Unit, Unit, Unit]) -> None:
    env, province, commune, _hamlet = tree
    assert resolve(env, "tinh vinh long").id == province.id
    assert resolve(env, "tinh vinh long / xa quoi son").id == commune.id


def test_exact_spelling_wins_over_a_folded_match(tree: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, commune, _hamlet = tree
    twin = env.unit("Xã Quới Sơn", env.read(lambda uow: uow.units.get(commune.parent_id)))
    assert resolve(env, "Tỉnh Vĩnh Long / Xã Quới Sơn").id == twin.id
    assert resolve(env, "Tỉnh Vĩnh Long / xã qưới sơn").id == commune.id
    with pytest.raises(InvalidInput, match="more than one unit"):
        resolve(env, "Tỉnh Vĩnh Long / xa quoi son")


def test_unknown_and_empty_references_are_refused(tree: tuple[Env, Unit, Unit, Unit]) -> None:
    env, _province, _commune, _hamlet = tree
    with pytest.raises(NotFound, match="Tỉnh Vĩnh Long / Xã Khác"):
        resolve(env, "Tỉnh Vĩnh Long / Xã Khác / Ấp 1")
    with pytest.raises(InvalidInput):
        resolve(env, "   ")


def test_path_as_of_a_date_follows_moves(tree: tuple[Env, Unit, Unit, Unit]) -> None:
    env, province, _commune, hamlet = tree
    other = env.unit("Xã Long Mỹ", province)
    env.run(units.move_unit, hamlet.id, other.id, date(2024, 1, 1))
    assert resolve(env, "tinh vinh long / xa long my / ap thanh hoa", date(2024, 1, 1)).id == hamlet.id
    assert resolve(env, "tinh vinh long / xa quoi son / ap thanh hoa", date(2023, 12, 31)).id == hamlet.id
    with pytest.raises(NotFound):
        resolve(env, "tinh vinh long / xa quoi son / ap thanh hoa", date(2024, 1, 1))


def test_exact_spelling_typed_decomposed_still_wins(tree: tuple[Env, Unit, Unit, Unit]) -> None:
    env, province, commune, _hamlet = tree
    env.unit("Xã Quới Sơn", province)
    typed = unicodedata.normalize("NFD", "Tỉnh Vĩnh Long / Xã Qưới Sơn")
    assert resolve(env, typed).id == commune.id
