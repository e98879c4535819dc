"""The default report heading follows Hướng dẫn 36-HD/VPTW, and the hamlets are worded the same every quarter."""

from __future__ import annotations

from datetime import date

import pytest

from grassroots_app.domain.model import Tier
from grassroots_app.domain.reports.model import ReportKind
from grassroots_app.reports.tables import annex_tables
from grassroots_app.services import clusters, reports
from tests.integration.support import Env

D0 = date(2025, 7, 1)


@pytest.fixture
def cluster_id(two_level: Env) -> str:
    """A cluster of one commune with a 'thôn' and a 'bản': the 'bản' has a cadre from January, the 'thôn' from
    April."""
    province = two_level.unit("Tỉnh Cao Bằng", on=D0)
    commune = two_level.unit("Xã Hòa An", province, on=D0)
    ban = two_level.unit("Bản Nà Pò", commune, on=D0)
    thon = two_level.unit("Thôn Nà Lẹng", commune, on=D0)
    cluster = two_level.run(clusters.add_cluster, "Cụm 1", province.id, D0)
    two_level.run(clusters.change_members, cluster.id, [commune.id], [], D0)
    cadre = two_level.cadre("Nông Văn Dũng", Tier.COMMUNE)
    two_level.assign(cadre, ban.id, date(2026, 1, 10))
    two_level.assign(cadre, thon.id, date(2026, 4, 10))
    return cluster.id


def draft(env: Env, kind: ReportKind, scope_id: str, quarter: int) -> reports.ReportDraft:
    return env.run(reports.new_draft, kind, scope_id, 2026, quarter, date(2026, 10, 5))


def test_the_hamlets_are_worded_by_the_kinds_in_the_area_every_quarter(two_level: Env, cluster_id: str) -> None:
    first, second = (draft(two_level, ReportKind.CLUSTER, cluster_id, quarter) for quarter in (1, 2))
    for text in (first.narrative.situation, second.narrative.situation):
        assert text.startswith("Cụm gồm 1 xã, 2 thôn, bản và 0 tổ nhân dân tự quản."), text
    figures = two_level.run(reports.draft_with_figures, ReportKind.CLUSTER, cluster_id, 2026, 1, date(2026, 4, 5))[1]
    coverage = next(table for table in annex_tables(figures) if table.key == "coverage")
    assert coverage.columns[2].header == "Số thôn, bản"


def test_the_default_heading_names_the_committee_then_the_organization_committee(
        two_level: Env, cluster_id: str) -> None:
    made = draft(two_level, ReportKind.CLUSTER, cluster_id, 3)
    assert (made.higher_body, made.issuing_body, made.symbol, made.place) == (
        "TỈNH ỦY CAO BẰNG", "BAN TỔ CHỨC", "BC/BTCTU", "Cao Bằng")


@pytest.mark.parametrize(("name", "kind", "committee"), [
    ("Tỉnh Vĩnh Long", None, "TỈNH ỦY VĨNH LONG"),
    ("Thành phố Hà Nội", None, "THÀNH ỦY HÀ NỘI"),
])
def test_the_committee_of_a_province_or_city(two_level: Env, name: str, kind: str | None, committee: str) -> None:
    province = two_level.unit(name, on=D0, kind=kind)
    two_level.unit("Xã A", province, on=D0)
    assert draft(two_level, ReportKind.AREA, province.id, 3).higher_body == committee


@pytest.mark.parametrize(("name", "committee", "symbol"), [
    ("Huyện Châu Thành", "HUYỆN ỦY CHÂU THÀNH", "BC/BTCHU"),
    ("Quận 1", "QUẬN ỦY QUẬN 1", "BC/BTCQU"),
    ("Thị xã Bình Minh", "THỊ ỦY BÌNH MINH", "BC/BTCTU"),
    ("Thành phố Vĩnh Long", "THÀNH ỦY VĨNH LONG", "BC/BTCTU"),
])
def test_the_committee_of_a_district(three_level: Env, name: str, committee: str, symbol: str) -> None:
    district = three_level.unit(name, three_level.unit("Tỉnh Vĩnh Long", on=D0), on=D0)
    three_level.unit("Xã A", district, on=D0)
    made = draft(three_level, ReportKind.AREA, district.id, 3)
    assert (made.higher_body, made.issuing_body, made.symbol) == (committee, "BAN TỔ CHỨC", symbol)
