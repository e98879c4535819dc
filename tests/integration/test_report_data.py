"""The figures of a quarterly report on a real SQLite file, on hand-built situations: everything counts where it
stood on its own day (a cadre reassigned, a commune that changed cluster, units closed mid-quarter), carried-over
recommendations, the latest ratings with their shares; bad requests are refused and nothing is written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from grassroots_app.domain.activities import ActivityKind
from grassroots_app.domain.errors import InvalidInput, NotFound, RuleViolation
from grassroots_app.domain.model import Cadre, Cluster, Tier, Unit
from grassroots_app.domain.ratings import Grade
from grassroots_app.domain.recommendations import RecommendationField
from grassroots_app.domain.reports.model import BaseDayRow, ReportFigures
from grassroots_app.services import activities, assignments, clusters, plans, ratings, recommendations, units
from grassroots_app.services.report_data import area_figures, cluster_figures
from tests.integration.fieldlog_support import refused
from tests.integration.support import D0, Env

MID = date(2026, 8, 15)  # the day things change in the third quarter of 2026
K = ActivityKind


@dataclass(frozen=True)
class Area:
    """A province with two clusters of one commune each, a commune in no cluster, hamlets, and their cadres."""

    province: Unit
    an_binh: Unit  # in Cụm số 1
    binh_hoa: Unit  # in Cụm số 2
    cai_nhum: Unit  # in no cluster
    ap_1: Unit  # of An Bình
    ap_2: Unit  # of An Bình
    ap_3: Unit  # of Bình Hòa
    north: Cluster
    south: Cluster
    hung: Cadre  # provincial committee member, in charge of An Bình
    mai: Cadre  # commune committee member, in charge of Ấp 1 and Ấp 2


def build_area(env: Env) -> Area:
    """Build the area on a two-level database, everything from 01/01/2020."""
    province = env.unit("Tỉnh Vĩnh Long")
    an_binh, binh_hoa = env.unit("Xã An Bình", province), env.unit("Xã Bình Hòa", province)
    cai_nhum = env.unit("Xã Cái Nhum", province)
    ap_1, ap_2, ap_3 = env.unit("Ấp 1", an_binh), env.unit("Ấp 2", an_binh), env.unit("Ấp 3", binh_hoa)
    north = env.run(clusters.add_cluster, "Cụm số 1", province.id, D0)
    south = env.run(clusters.add_cluster, "Cụm số 2", province.id, D0)
    env.run(clusters.add_member, north.id, an_binh.id, D0)
    env.run(clusters.add_member, south.id, binh_hoa.id, D0)
    hung = env.cadre("Trần Văn Hùng", Tier.PROVINCE, is_committee=True)
    mai = env.cadre("Lê Thị Mai", Tier.COMMUNE, is_committee=True)
    env.assign(hung, an_binh.id, D0)
    env.assign(mai, ap_1.id, D0)
    env.assign(mai, ap_2.id, D0)
    return Area(province, an_binh, binh_hoa, cai_nhum, ap_1, ap_2, ap_3, north, south, hung, mai)


@pytest.fixture
def area(two_level: Env) -> Area:
    """The area of these tests."""
    return build_area(two_level)


def of_cluster(env: Env, cluster: Cluster) -> ReportFigures:
    """Return the figures of a cluster for the third quarter of 2026."""
    return env.run(cluster_figures, cluster.id, 2026, 3)


def did(env: Env, cadre: Cadre, target: Unit, kind: ActivityKind, day: date) -> None:
    """Record an activity."""
    env.run(activities.record_activity, cadre.id, target.id, kind, day)


def test_a_cadre_reassigned_mid_quarter_counts_where_they_were_on_each_day(two_level: Env, area: Area) -> None:
    held = two_level.read(lambda uow: uow.assignments.for_cadre(area.hung.id))[0]
    two_level.run(assignments.end_assignment, held.id, MID)
    two_level.assign(area.hung, area.binh_hoa.id, MID)
    did(two_level, area.hung, area.ap_1, K.CELL_MEETING, date(2026, 7, 20))
    did(two_level, area.hung, area.an_binh, K.COMMITTEE_MEETING, date(2026, 8, 5))
    did(two_level, area.hung, area.ap_3, K.HOUSEHOLD_VISIT, date(2026, 9, 9))
    did(two_level, area.hung, area.ap_3, K.CELL_MEETING, date(2026, 9, 10))
    north, south = of_cluster(two_level, area.north), of_cluster(two_level, area.south)
    assert [(row.target_path, row.cadre_name, row.start, row.end) for row in north.charges] == [
        ("Xã An Bình", "Trần Văn Hùng", D0, MID), ("Xã An Bình / Ấp 1", "Lê Thị Mai", D0, None),
        ("Xã An Bình / Ấp 2", "Lê Thị Mai", D0, None)]
    assert [(row.target_path, row.cadre_name, row.start, row.end) for row in south.charges] == [
        ("Xã Bình Hòa", "Trần Văn Hùng", MID, None)]
    hung_north = next(row for row in north.attendance if row.cadre_name == "Trần Văn Hùng")
    hung_south = next(row for row in south.attendance if row.cadre_name == "Trần Văn Hùng")
    assert (hung_north.committee_meetings, hung_north.cell_meetings, hung_north.visits) == (1, 1, 0)
    assert (hung_north.target, hung_north.met, hung_north.tier_label) == (1, True, "cấp tỉnh")  # 2 a year
    assert (hung_south.committee_meetings, hung_south.cell_meetings, hung_south.visits) == (0, 1, 1)
    assert hung_south.targets == "Xã Bình Hòa"
    mai = next(row for row in north.attendance if row.cadre_name == "Lê Thị Mai")
    assert (mai.targets, mai.target, mai.met) == ("Xã An Bình / Ấp 1; Xã An Bình / Ấp 2", 2, False)  # 6 a year
    ninth = next(day for day in south.base_days if day.day == date(2026, 9, 9))
    assert (ninth.held, ninth.targets_visited) == (1, 1)
    assert sum(day.held for day in north.base_days) == 0


def test_a_commune_that_changed_cluster_mid_quarter_counts_in_each_for_its_days(two_level: Env, area: Area) -> None:
    two_level.run(clusters.remove_member, area.north.id, area.an_binh.id, MID)
    two_level.run(clusters.add_member, area.south.id, area.an_binh.id, MID)
    raised = two_level.run(recommendations.raise_recommendation, area.ap_1.id, date(2026, 7, 10), area.mai.id,
                           "Đường liên ấp xuống cấp", RecommendationField.INFRASTRUCTURE)
    two_level.run(recommendations.resolve_recommendation, raised.recommendation.id, date(2026, 9, 1))
    north, south = of_cluster(two_level, area.north), of_cluster(two_level, area.south)
    assert north.title == "Cụm số 1 (xã An Bình)"
    assert south.title == "Cụm số 2 (xã An Bình, xã Bình Hòa)"
    assert [row.commune for row in north.coverage] == ["Xã An Bình (đến 14/08/2026)"]
    assert [row.commune for row in south.coverage] == ["Xã An Bình (từ 15/08/2026)", "Xã Bình Hòa"]
    assert [row.target_path for row in north.charges] == [
        "Xã An Bình (đến 14/08/2026)", "Xã An Bình / Ấp 1 (đến 14/08/2026)", "Xã An Bình / Ấp 2 (đến 14/08/2026)"]
    assert "Xã An Bình (từ 15/08/2026)" in [row.target_path for row in south.charges]
    moved = south.coverage[0]
    assert (moved.hamlets, moved.hamlets_covered, moved.commune_covered, moved.gaps_before) == (2, 2, True, 0)
    assert (north.recommendations.raised, north.recommendations.resolved, north.recommendations.pending) == (1, 0, 1)
    assert (south.recommendations.carried_over, south.recommendations.resolved, south.recommendations.pending) == (
        1, 1, 0)
    assert [(row.unit, row.carried_over) for row in south.recommendation_rows] == [("Xã An Bình / Ấp 1", True)]


def test_units_closed_mid_quarter(two_level: Env, area: Area) -> None:
    two_level.run(units.close_unit, area.ap_2.id, date(2026, 8, 1))
    two_level.run(units.close_unit, area.cai_nhum.id, MID)
    figures = two_level.run(area_figures, area.province.id, 2026, 3)
    assert figures.communes == ("Xã An Bình", "Xã Bình Hòa", "Xã Cái Nhum")
    assert figures.clusters == ("Cụm số 1 (xã An Bình)", "Cụm số 2 (xã Bình Hòa)")
    rows = {row.commune: row for row in figures.coverage}
    assert set(rows) == {"Xã An Bình", "Xã Bình Hòa", "Xã Cái Nhum (đến 14/08/2026)"}
    an_binh = rows["Xã An Bình"]
    assert (an_binh.hamlets, an_binh.hamlets_covered, an_binh.gaps, an_binh.gaps_before) == (1, 1, 0, 0)
    assert rows["Xã Cái Nhum (đến 14/08/2026)"].commune_covered is False  # as it stood on its last day
    closed = next(row for row in figures.charges if row.target_path.startswith("Xã An Bình / Ấp 2"))
    assert (closed.target_path, closed.end) == ("Xã An Bình / Ấp 2 (đến 31/07/2026)", date(2026, 8, 1))


def test_gaps_at_the_end_of_the_quarter_and_before_it(two_level: Env, area: Area) -> None:
    held = two_level.read(lambda uow: uow.assignments.for_target(area.ap_2.id))[0]
    two_level.run(assignments.end_assignment, held.id, MID)
    before = two_level.run(cluster_figures, area.north.id, 2026, 2)
    after = of_cluster(two_level, area.north)
    assert (before.coverage[0].gaps, after.coverage[0].gaps, after.coverage[0].gaps_before) == (0, 1, 0)
    assert (after.coverage[0].hamlets, after.coverage[0].hamlets_covered) == (2, 1)


def test_carried_over_recommendations(two_level: Env, area: Area) -> None:
    def raise_on(day: date, due: date | None = None) -> str:
        view = two_level.run(recommendations.raise_recommendation, area.ap_1.id, day, area.mai.id,
                             f"Kiến nghị ngày {day}", RecommendationField.LAND, due)
        return view.recommendation.id

    still_open = raise_on(date(2026, 5, 4), due=date(2026, 6, 30))
    settled = raise_on(date(2026, 5, 5))
    two_level.run(recommendations.resolve_recommendation, settled, date(2026, 6, 1))
    forwarded = raise_on(date(2026, 6, 2))
    two_level.run(recommendations.forward_recommendation, forwarded, date(2026, 7, 1), "UBND xã An Bình")
    two_level.run(recommendations.answer_recommendation, forwarded, date(2026, 8, 1), "Đã xử lý")
    raise_on(date(2026, 8, 20))
    figures = of_cluster(two_level, area.north)
    counts = figures.recommendations
    assert (counts.carried_over, counts.raised, counts.forwarded, counts.answered) == (2, 1, 1, 1)
    assert (counts.pending, counts.overdue) == (2, 1)
    rows = figures.recommendation_rows
    assert [(row.raised_on, row.carried_over, row.status_label, row.overdue) for row in rows] == [
        (date(2026, 5, 4), True, "chưa giải quyết", True), (date(2026, 6, 2), True, "đã có trả lời", False),
        (date(2026, 8, 20), False, "chưa giải quyết", False)]
    assert rows[1].forwarded_to == "UBND xã An Bình" and rows[1].field_label == "đất đai"
    assert still_open and settled not in {row.content for row in rows}


def test_the_latest_ratings_with_their_shares(two_level: Env, area: Area) -> None:
    hamlets = [area.ap_1, area.ap_2] + [two_level.unit(f"Ấp {number}", area.an_binh) for number in range(4, 23)]
    grades = [Grade.EXCELLENT] * 3 + [Grade.GOOD] * 15 + [Grade.COMPLETED] * 3
    for hamlet, grade in zip(hamlets, grades, strict=True):
        two_level.run(ratings.set_rating, hamlet.id, 2025, grade=grade)
    two_level.run(ratings.set_rating, area.ap_1.id, 2024, grade=Grade.NOT_COMPLETED)
    two_level.run(ratings.set_rating, area.an_binh.id, 2025, score=91)
    figures = of_cluster(two_level, area.north)
    assert figures.ratings_year == 2025
    communes, rated_hamlets = figures.ratings
    assert (communes.level_label, communes.good_or_better.share_text) == ("Đảng bộ xã", "1/1 = 100,00 %")
    assert rated_hamlets.level_label == "Chi bộ ấp"
    assert rated_hamlets.good_or_better.share_text == "18/21 = 85,71 %"
    assert [(grade.grade_label, grade.share_text) for grade in rated_hamlets.grades] == [
        ("Hoàn thành xuất sắc nhiệm vụ", "3/21 = 14,29 %"), ("Hoàn thành tốt nhiệm vụ", "15/21 = 71,43 %"),
        ("Hoàn thành nhiệm vụ", "3/21 = 14,29 %"), ("Không hoàn thành nhiệm vụ", "0/21 = 0,00 %")]
    assert of_cluster(two_level, area.south).ratings_year is None


def test_planned_visits_on_the_base_days(two_level: Env, area: Area) -> None:
    two_level.run(plans.add_visit, date(2026, 7, 9), area.mai.id, area.ap_1.id)
    two_level.run(plans.add_visit, date(2026, 7, 9), area.hung.id, area.an_binh.id)
    did(two_level, area.mai, area.ap_1, K.HOUSEHOLD_VISIT, date(2026, 7, 9))
    did(two_level, area.mai, area.ap_2, K.HOUSEHOLD_VISIT, date(2026, 7, 9))
    did(two_level, area.mai, area.ap_2, K.GROUP_MEETING, date(2026, 7, 9))
    figures = of_cluster(two_level, area.north)
    assert [day.day for day in figures.base_days] == [
        date(2026, month, day) for month in (7, 8, 9) for day in (9, 15)]
    assert figures.base_days[0] == BaseDayRow(date(2026, 7, 9), planned=2, held=3, targets_visited=2)


@pytest.mark.parametrize(
    ("service", "args", "error", "match"),
    [
        (cluster_figures, ("no-such-cluster", 2026, 3), NotFound, "No cluster has the id"),
        (cluster_figures, (None, 2026, 5), InvalidInput, "between 1 and 4, not 5"),
        (cluster_figures, (None, 2019, 4), RuleViolation, "'Cụm số 1' did not exist between 01/10/2019 and 31/12/2019"),
        (cluster_figures, (None, 2099, 1), InvalidInput, "Quarter 1 of 2099 has not begun yet"),
        (area_figures, ("no-such-unit", 2026, 3), NotFound, "No unit has the id"),
        (area_figures, ("an_binh", 2026, 3), RuleViolation, "a district or a province, not a commune"),
    ],
)
def test_bad_requests_are_refused_and_nothing_is_written(
    two_level: Env, area: Area, service: object, args: tuple[object, ...], error: type[Exception], match: str
) -> None:
    scope = {None: area.north.id, "an_binh": area.an_binh.id}.get(args[0], args[0])  # type: ignore[call-overload]
    refused(two_level, error, match, service, scope, *args[1:])  # type: ignore[arg-type]


def test_a_three_level_district_and_its_province(three_level: Env) -> None:
    province = three_level.unit("Tỉnh Vĩnh Long")
    district = three_level.unit("Huyện Long Hồ", province)
    commune = three_level.unit("Thị trấn Long Hồ", district)
    three_level.unit("Khóm 1", commune)
    cluster = three_level.run(clusters.add_cluster, "Cụm số 1", district.id, D0)
    three_level.run(clusters.add_member, cluster.id, commune.id, D0)
    cadre = three_level.cadre("Võ Văn Kiệt", Tier.DISTRICT, is_committee=True, is_standing=True)
    three_level.assign(cadre, cluster.id, D0)
    for unit in (district, province):
        figures = three_level.run(area_figures, unit.id, 2026, 3)
        assert figures.clusters == ("Cụm số 1 (thị trấn Long Hồ)",)
        assert figures.coverage[0].commune == "Thị trấn Long Hồ"
    by_province = three_level.run(area_figures, province.id, 2026, 3)
    assert [(row.target_path, row.level_label) for row in by_province.charges] == [("Huyện Long Hồ / Cụm số 1", "cụm")]
    by_cluster = three_level.run(cluster_figures, cluster.id, 2026, 3)
    assert [row.target_path for row in by_cluster.charges] == ["Cụm số 1"]
