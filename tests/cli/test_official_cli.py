"""`grassroots units import-official` on a three-level database: the pre-July-2025 list, a province or district."""

from __future__ import annotations

from tests.cli.support import Cli


def test_a_district_of_the_pre_reform_list(cli: Cli) -> None:
    assert cli("init", "--model", "three-level").code == 0
    result = cli("units", "import-official", "--province", "Bến Tre", "--district", "Huyện Châu Thành")
    assert result.code == 0, result.err
    assert result.out.strip() == "Tỉnh Bến Tre / Huyện Châu Thành: đã thêm 18 đơn vị, 0 đơn vị đã có sẵn."
    [district] = cli("units", "list", "--under", "83", "--json").json()
    assert (district["name"], district["code"], district["kind"]) == ("Huyện Châu Thành", "831", "huyện")
    communes = cli("units", "list", "--under", "Tỉnh Bến Tre / Huyện Châu Thành", "--json").json()
    assert len(communes) == 16
    assert {(c["name"], c["code"]) for c in communes} >= {("Xã Tân Thạch", "28804"),
                                                          ("Thị trấn Tiên Thủy", "28861")}
    before = cli.dump()
    again = cli("units", "import-official", "--province", "83", "--district", "chau thanh", "--json").json()
    assert (again["province"], again["district"], again["added"], again["matched"]) == (
        "Tỉnh Bến Tre", "Huyện Châu Thành", 0, 17)
    assert again["district_id"] == district["id"]
    assert cli.dump() == before


def test_a_whole_province_of_the_pre_reform_list(cli: Cli) -> None:
    assert cli("init", "--model", "three-level").code == 0
    result = cli("units", "import-official", "--province", "Bến Tre", "--json").json()
    assert (result["added"], result["matched"], result["district"]) == (158, 0, None)
    assert len(cli("units", "list", "--under", "Tỉnh Bến Tre", "--json").json()) == 9


def test_a_district_is_refused_in_a_two_level_database(cli: Cli) -> None:
    assert cli("init", "--model", "two-level").code == 0
    before = cli.dump()
    result = cli("units", "import-official", "--province", "Vĩnh Long", "--district", "Châu Thành")
    assert result.code == 2
    assert "mô hình hai cấp" in result.err and "'Châu Thành'" in result.err, result.err
    assert cli.dump() == before


def test_an_unknown_or_ambiguous_district_is_named(cli: Cli) -> None:
    assert cli("init", "--model", "three-level").code == 0
    before = cli.dump()
    unknown = cli("units", "import-official", "--province", "Bến Tre", "--district", "Cai Lậy")
    assert unknown.code == 2
    assert "Tỉnh Bến Tre" in unknown.err and "'Cai Lậy'" in unknown.err, unknown.err
    ambiguous = cli("units", "import-official", "--province", "Tiền Giang", "--district", "Cai Lậy")
    assert ambiguous.code == 2
    assert "Huyện Cai Lậy (820), Thị xã Cai Lậy (817)" in ambiguous.err, ambiguous.err
    assert cli.dump() == before
