"""The demo data: built in one transaction, deterministic, realistic, with exactly its deliberate gaps."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest

from grassroots_app.demo.build import DEMO_DATE, DemoSummary, Scale, build_demo
from grassroots_app.domain import hierarchy
from grassroots_app.domain.errors import RuleViolation
from grassroots_app.domain.model import Cadre, CadreStatus, Level, Preset, Tier
from grassroots_app.domain.rules import DEFAULT_RULES, check_eligible, pick_rule
from grassroots_app.persistence import bulk
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import setup
from grassroots_app.services.coverage import coverage
from tests.engines import NewDatabase, rows

FIRST_DAY = {Preset.TWO_LEVEL: date(2025, 7, 1), Preset.THREE_LEVEL: date(2020, 1, 1)}


def build(location: str, preset: Preset, seed: int = 1, scale: Scale = Scale.DISTRICT) -> DemoSummary:
    """Build a demo into a new database."""
    database = Database.open(location)
    try:
        return build_demo(database, preset, seed, scale)
    finally:
        database.close()


@pytest.fixture(scope="module", params=list(Preset), ids=lambda preset: preset.value)
def demo(request: pytest.FixtureRequest, engine: str, new_database: NewDatabase) -> tuple[str, DemoSummary]:
    """A district-scale demo of each preset on each engine, built once for the module."""
    location = new_database(request, engine)
    return location, build(location, request.param)


def test_the_coverage_finds_exactly_the_deliberate_gaps(demo: tuple[str, DemoSummary]) -> None:
    path, summary = demo
    database = Database.open(path)
    with UnitOfWork(database) as uow:
        report = coverage(uow, DEMO_DATE)
    database.close()
    assert {(gap.target_id, gap.role) for gap in report.coverage.gaps} == {
        (gap.target_id, gap.role) for gap in summary.deliberate_gaps
    }
    assert {gap.target_id: gap.level for gap in report.coverage.gaps} == {
        gap.target_id: gap.level for gap in summary.deliberate_gaps
    }
    assert set(report.paths) == {gap.target_id for gap in summary.deliberate_gaps}


def test_the_district_demo_has_its_stated_gaps(demo: tuple[str, DemoSummary]) -> None:
    path, summary = demo
    assert Counter(gap.level for gap in summary.deliberate_gaps) == {
        Level.COMMUNE: 1, Level.HAMLET: 2, Level.GROUP: 3,
    }
    hamlets = [gap.target_id for gap in summary.deliberate_gaps if gap.level is Level.HAMLET]
    ended = [
        rows(path, "SELECT end_date FROM assignment WHERE unit_id = ?", hamlet) for hamlet in hamlets
    ]
    assert sorted(len(rows) for rows in ended) == [0, 1]
    (end_date,) = next(rows for rows in ended if rows)[0]
    assert date.fromisoformat(end_date) < DEMO_DATE


def test_before_the_lapses_only_the_never_assigned_gaps_remain(demo: tuple[str, DemoSummary]) -> None:
    path, summary = demo
    database = Database.open(path)
    with UnitOfWork(database) as uow:
        report = coverage(uow, date(2026, 6, 30))
    database.close()
    deliberate = {gap.target_id for gap in summary.deliberate_gaps}
    assigned = {row[0] for row in rows(path, "SELECT unit_id FROM assignment")}
    assert {gap.target_id for gap in report.coverage.gaps} == deliberate - assigned
    assert len(deliberate & assigned) == 2


def test_counts_are_within_the_stated_ranges(demo: tuple[str, DemoSummary]) -> None:
    path, summary = demo
    levels = hierarchy.unit_levels(summary.preset)
    stored = dict(rows(path, "SELECT level, count(*) FROM unit GROUP BY level"))
    assert {level.value: summary.counts[level.value] for level in levels} == stored
    assert summary.counts["cluster"] == 3
    assert 12 <= summary.counts["commune"] <= 15
    assert summary.counts["cadre"] == rows(path, "SELECT count(*) FROM cadre")[0][0]
    assert summary.counts["assignment"] == rows(path, "SELECT count(*) FROM assignment")[0][0]
    for child, low, high in ((Level.HAMLET, 10, 20), (Level.GROUP, 5, 20)):
        per_parent = rows(
            path,
            "SELECT count(*) FROM unit_link JOIN unit ON unit.id = unit_link.unit_id "
            "WHERE unit.level = ? GROUP BY unit_link.parent_id",
            child.value,
        )
        assert all(low <= count <= high for (count,) in per_parent)


def test_units_are_dated_named_and_kinded_like_real_ones(demo: tuple[str, DemoSummary]) -> None:
    path, summary = demo
    units = rows(path, "SELECT u.level, u.kind, u.name, u.valid_from, l.parent_id FROM unit u "
                     "LEFT JOIN unit_link l ON l.unit_id = u.id")
    siblings: Counter[tuple[str | None, str]] = Counter()
    for level, kind, name, valid_from, parent in units:
        assert kind in hierarchy.UNIT_KINDS[Level(level)]
        assert name.casefold().startswith(kind + " ")
        assert valid_from == FIRST_DAY[summary.preset].isoformat()
        siblings[(parent, name.casefold())] += 1
    assert max(siblings.values()) == 1
    groups = rows(path, "SELECT name FROM unit WHERE level = 'group' LIMIT 1")
    assert groups[0][0].startswith("Tổ nhân dân tự quản số ")


def test_cadres_in_charge_are_eligible_and_a_handful_overloaded(demo: tuple[str, DemoSummary]) -> None:
    path, summary = demo
    held = rows(
        path,
        "SELECT DISTINCT coalesce(u.level, 'cluster'), a.role, c.tier, c.is_standing, c.is_committee, "
        "c.is_party_member, c.status FROM assignment a JOIN cadre c ON c.id = a.cadre_id "
        "LEFT JOIN unit u ON u.id = a.unit_id WHERE a.end_date IS NULL",
    )
    rules = DEFAULT_RULES[summary.preset]
    for level, role, tier, standing, committee, member, status in held:
        cadre = Cadre("x", "Nguyễn Văn A", Tier(tier), is_standing=bool(standing),
                      is_committee=bool(committee), is_party_member=bool(member), status=CadreStatus(status))
        check_eligible(cadre, pick_rule(rules, Level(level), role))
    database = Database.open(path)
    with UnitOfWork(database) as uow:
        workload = coverage(uow, DEMO_DATE, every_cadre=True).coverage.workload
    database.close()
    overloaded = sum(row.overloaded for row in workload)
    assert 1 <= overloaded <= len(workload) // 50


def test_some_targets_have_history_with_decisions(demo: tuple[str, DemoSummary]) -> None:
    path, summary = demo
    ended = rows(path, "SELECT count(*) FROM assignment WHERE end_date IS NOT NULL AND end_reason <> ''")[0][0]
    targets = sum(summary.counts[key] for key in ("cluster", "commune", "hamlet", "group"))
    assert 0.05 * targets <= ended <= 0.15 * targets
    suffixes = {number.split("/")[1] for (number,) in rows(path, "SELECT decision_number FROM assignment")}
    issuers = {"TU"} if summary.preset is Preset.TWO_LEVEL else {"HU", "QU", "TU"}
    assert "ĐU" in suffixes and suffixes - {"ĐU"} <= issuers


def digest(location: str) -> str:
    """Return a digest of every unit's id and name."""
    units = rows(location, "SELECT id, name FROM unit ORDER BY id")
    return hashlib.sha256(repr(units).encode()).hexdigest()


def test_the_same_seed_builds_the_same_demo(
    demo: tuple[str, DemoSummary], engine: str, new_database: NewDatabase, request: pytest.FixtureRequest
) -> None:
    path, summary = demo
    again, other = new_database(request, engine), new_database(request, engine)
    assert build(again, summary.preset) == summary
    assert digest(again) == digest(path)
    build(other, summary.preset, seed=2)
    assert digest(other) != digest(path)


def test_a_database_holding_units_is_refused(demo: tuple[str, DemoSummary]) -> None:
    path, summary = demo
    before = rows(path, "SELECT count(*) FROM unit")
    with pytest.raises(RuleViolation, match="empty database"):
        build(path, summary.preset)
    assert rows(path, "SELECT count(*) FROM unit") == before


def test_a_database_of_the_other_preset_is_refused(database_location: str) -> None:
    database = Database.open(database_location)
    with UnitOfWork(database) as uow:
        setup.init_database(uow, Preset.THREE_LEVEL)
    with pytest.raises(RuleViolation, match="three-level"):
        build_demo(database, Preset.TWO_LEVEL)
    assert bulk.count_rows(database, "unit") == 0
    database.close()


def test_a_failure_leaves_the_database_empty(database_location: str, monkeypatch: pytest.MonkeyPatch) -> None:
    database = Database.open(database_location)
    writers: list[bulk.BulkWriter] = []
    load = bulk.bulk_load

    @contextmanager
    def small_batches(target: Database) -> Iterator[bulk.BulkWriter]:
        with load(target, batch_size=100) as writer:
            writers.append(writer)
            yield writer

    def fail_late(stage: str, done: int, total: int) -> None:
        if stage == "Creating communes, hamlets and groups" and done == 5:
            raise RuntimeError("interrupted")

    monkeypatch.setattr(bulk, "bulk_load", small_batches)
    with pytest.raises(RuntimeError):
        build_demo(database, Preset.TWO_LEVEL, progress=fail_late)
    assert writers[0].written["assignment"] > 100 and writers[0].written["rating"] > 100
    for table in ("unit", "unit_link", "cluster", "cluster_member", "cadre", "assignment", "rating"):
        assert bulk.count_rows(database, table) == 0
    database.close()


def test_progress_is_reported_per_commune(database_location: str) -> None:
    database = Database.open(database_location)
    seen: list[tuple[str, int, int]] = []
    summary = build_demo(database, Preset.TWO_LEVEL, progress=lambda *call: seen.append(call))
    database.close()
    stages = list(dict.fromkeys(stage for stage, _done, _total in seen))
    assert stages == [
        "Planning the demo hierarchy", "Creating communes, hamlets and groups", "Saving the demo data",
    ]
    communes = [done for stage, done, total in seen if stage == stages[1]]
    assert communes == list(range(summary.counts["commune"] + 1))
    assert seen[-1][1] == seen[-1][2]


@pytest.mark.parametrize("preset", list(Preset), ids=lambda preset: preset.value)
def test_the_province_scale_builds(database_location: str, preset: Preset) -> None:
    summary = build(database_location, preset, scale=Scale.PROVINCE)
    assert 90 <= summary.counts["commune"] <= 110
    assert summary.counts.get("district", 8) == 8
    assert 15 <= summary.counts["cluster"] <= 25
    database = Database.open(database_location)
    with UnitOfWork(database) as uow:
        gaps = coverage(uow, DEMO_DATE).coverage.gaps
    database.close()
    assert {(gap.target_id, gap.role) for gap in gaps} == {
        (gap.target_id, gap.role) for gap in summary.deliberate_gaps
    }
