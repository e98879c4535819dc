"""A unit or cluster named by a clerk is found one way by the command line and by the spreadsheet import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from grassroots_app.domain.errors import InvalidInput, NotFound
from grassroots_app.domain.model import Level, Preset, Tier
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import clusters, sheet_import
from grassroots_app.services.targets import resolve_target
from tests.integration.support import D0, Env, open_env
from tests.workbooks import write_sheet

HEADER = ["Cán bộ", "Địa bàn phụ trách", "Từ ngày"]


@pytest.fixture
def area(database_location: str) -> Env:
    """A province with a commune in the cluster 'Cụm Bắc', and a standing cadre who may hold its role."""
    env = open_env(database_location, Preset.TWO_LEVEL)
    province = env.unit("Tỉnh Lạng Sơn", code="20")
    commune = env.unit("Xã Tân Đoàn", province, code="06010")
    cluster = env.run(clusters.add_cluster, "Cụm Bắc", province.id, D0)
    env.run(clusters.add_member, cluster.id, commune.id, D0)
    env.cadre("Hoàng Văn Thụ", Tier.PROVINCE, is_party_member=True, is_committee=True, is_standing=True)
    return env


def imported_clusters(env: Env, tmp_path: Path, target: str) -> list[tuple[str]]:
    """Import one assignment naming its target so; return the clusters held afterwards."""
    write_sheet(tmp_path / "s.xlsx", "Phân công", [HEADER, ["Hoàng Văn Thụ", target, "01/01/2025"]])
    with UnitOfWork(env.db) as uow:
        report = sheet_import.import_file(uow, tmp_path / "s.xlsx")
    assert report.committed, report.errors()
    return env.sql("SELECT cluster.name FROM assignment JOIN cluster ON cluster.id = assignment.cluster_id")


@pytest.mark.parametrize("reference", ["Cụm Bắc", "cum bac", "Tỉnh Lạng Sơn / Cụm Bắc", "Tỉnh Lạng Sơn/Cụm Bắc"])
def test_a_cluster_is_found_by_its_name_alone_or_after_its_units_path(area: Env, reference: str) -> None:
    found = area.read(lambda uow: resolve_target(uow, reference))
    assert (found.name, found.level) == ("Cụm Bắc", Level.CLUSTER)


@pytest.mark.parametrize("reference", ["Cụm Bắc", "Tỉnh Lạng Sơn / Cụm Bắc"])
def test_the_import_takes_a_cluster_as_the_command_line_does(area: Env, tmp_path: Path, reference: str) -> None:
    assert imported_clusters(area, tmp_path, reference) == [("Cụm Bắc",)]


def test_a_unit_comes_before_a_cluster_and_nothing_found_keeps_the_units_refusal(area: Env) -> None:
    assert area.read(lambda uow: resolve_target(uow, "20")).name == "Tỉnh Lạng Sơn"
    with pytest.raises(NotFound, match="Tỉnh Lạng Sơn / Cụm Nam"):
        area.read(lambda uow: resolve_target(uow, "Tỉnh Lạng Sơn / Cụm Nam"))


def test_a_name_two_open_clusters_bear_is_refused(area: Env) -> None:
    other = area.unit("Tỉnh Cao Bằng", code="04")
    area.run(clusters.add_cluster, "Cụm Bắc", other.id, D0)
    with pytest.raises(InvalidInput, match="Several clusters"):
        area.read(lambda uow: resolve_target(uow, "Cụm Bắc"))
    assert area.read(lambda uow: resolve_target(uow, "Tỉnh Cao Bằng / Cụm Bắc")).name == "Cụm Bắc"


def test_the_cluster_option_takes_a_name_or_path_as_a_target_does(area: Env) -> None:
    old = area.read(lambda uow: resolve_target(uow, "Cụm Bắc"))
    area.run(clusters.close_cluster, old.id, date(2024, 1, 1))
    province = area.read(lambda uow: resolve_target(uow, "20"))
    new = area.run(clusters.add_cluster, "Cụm Bắc", province.id, date(2024, 1, 1))
    for reference in ("Cụm Bắc", "Tỉnh Lạng Sơn / Cụm Bắc"):
        assert area.read(lambda uow, text=reference: clusters.resolve_cluster(uow, text)).id == new.id
        assert area.read(lambda uow, text=reference: resolve_target(uow, text)).id == new.id
