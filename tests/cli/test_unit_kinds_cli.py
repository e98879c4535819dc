"""`grassroots units add` without --kind: the kind the commune's hamlets use, else the region's."""

from __future__ import annotations

from tests.cli.support import Cli

COMMUNE = "Tỉnh Cao Bằng / Xã Quảng Uyên"


def kind_of(cli: Cli, *step: str) -> str:
    """Add a unit and return the kind it was given."""
    result = cli("units", "add", *step, "--from", "2025-07-01", "--json")
    assert result.code == 0, result.err
    return result.json()["kind"]


def test_hamlets_of_cao_bang_default_to_thon_then_to_the_kind_most_used(cli: Cli) -> None:
    assert cli("init", "--model", "two-level").code == 0
    kind_of(cli, "Tỉnh Cao Bằng")
    kind_of(cli, "Xã Quảng Uyên", "--parent", "Tỉnh Cao Bằng")
    assert kind_of(cli, "Nà Cạn", "--parent", COMMUNE) == "thôn"
    assert kind_of(cli, "Xóm Pác Bó", "--parent", COMMUNE) == "xóm"
    assert kind_of(cli, "Khuổi Ký", "--parent", COMMUNE, "--kind", "XÓM") == "xóm"
    assert kind_of(cli, "Nà Mạ", "--parent", COMMUNE) == "xóm"
    assert kind_of(cli, "Khu 3", "--parent", COMMUNE) == "khu"
