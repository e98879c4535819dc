"""The demo's field log: a year of activities and plans, recommendations in every state, ratings for everyone."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

import pytest

from grassroots_app.demo.build import DEMO_DATE, DemoSummary, Scale, build_demo
from grassroots_app.demo.fieldlog import LOG_START, PLANNED_QUARTERS
from grassroots_app.domain.calendar import quarter_span
from grassroots_app.domain.model import Preset
from grassroots_app.domain.ratings import Grade, grade_for_score
from grassroots_app.domain.recommendations import TRANSITIONS, RecommendationFilter, RecommendationStatus, status_on
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import activities, calendar, recommendations
from tests.engines import NewDatabase, rows

Demo = tuple[str, Database, DemoSummary]
LOG_QUARTERS = ((2025, 4), (2026, 1), (2026, 2), (2026, 3))


@pytest.fixture(scope="module", params=list(Preset), ids=lambda preset: preset.value)
def demo(request: pytest.FixtureRequest, engine: str, new_database: NewDatabase) -> Iterator[Demo]:
    """A district-scale demo of each preset on each engine, open for the module."""
    location = new_database(request, engine)
    database = Database.open(location)
    summary = build_demo(database, request.param, 1, Scale.DISTRICT)
    yield location, database, summary
    database.close()


def read(database: Database, service: Any, *args: Any) -> Any:
    """Call a service in its own unit of work."""
    with UnitOfWork(database) as uow:
        return service(uow, *args)


def test_the_summary_counts_the_field_log(demo: Demo) -> None:
    path, _database, summary = demo
    for table in ("activity", "base_visit", "recommendation", "rating"):
        assert summary.counts[table] == rows(path, f"SELECT count(*) FROM {table}")[0][0] > 0


def test_activities_fill_every_quarter_of_the_year_up_to_the_demo_date(
    demo: Demo
) -> None:
    path, _database, _summary = demo
    days = [date.fromisoformat(day) for (day,) in rows(path, "SELECT day FROM activity")]
    assert LOG_START <= min(days) and max(days) <= DEMO_DATE
    per_quarter = Counter((day.year, (day.month - 1) // 3 + 1) for day in days)
    assert set(per_quarter) == set(LOG_QUARTERS)
    assert min(per_quarter.values()) >= 200
    kinds = Counter(kind for (kind,) in rows(path, "SELECT kind FROM activity"))
    assert set(kinds) == {"committee_meeting", "cell_meeting", "group_meeting", "household_visit", "commune_work",
                          "other"}
    minutes = [row[0] for row in rows(path, "SELECT duration_minutes FROM activity WHERE kind = 'cell_meeting'")]
    assert all(value == 0 or value >= 90 for value in minutes)  # a party cell meets for 90 minutes at least
    assert rows(path, "SELECT count(*) FROM activity WHERE notes <> ''")[0][0] > 0.6 * len(days)


def test_cadres_act_only_while_they_work_and_meet_on_working_days(demo: Demo) -> None:
    path, database, _summary = demo
    left = rows(path, "SELECT count(*) FROM activity a JOIN cadre c ON c.id = a.cadre_id "
                     "WHERE c.status = 'left' AND a.day >= c.status_date")
    assert left == [(0,)]
    end = DEMO_DATE + timedelta(days=1)
    free = {day.day for day in read(database, calendar.free_days_between, LOG_START, end)}
    holidays = read(database, calendar.holiday_table, LOG_START, end)
    meetings = rows(path, "SELECT DISTINCT day FROM activity WHERE kind IN ('committee_meeting', 'cell_meeting')")
    meeting_days = {date.fromisoformat(day) for (day,) in meetings}
    assert not meeting_days & free and all(holidays.is_working_day(day) for day in meeting_days)
    outings = rows(path, "SELECT DISTINCT day FROM activity WHERE kind IN ('household_visit', 'group_meeting')")
    assert {date.fromisoformat(day) for (day,) in outings} <= free


def test_planned_visits_are_fulfilled_by_linked_activities(demo: Demo) -> None:
    path, _database, _summary = demo
    linked = rows(path, "SELECT a.cadre_id = v.cadre_id AND a.day = v.day AND "
                       "coalesce(a.unit_id, a.cluster_id) = coalesce(v.unit_id, v.cluster_id) "
                       "FROM activity a JOIN base_visit v ON v.id = a.visit_id")
    visits = rows(path, "SELECT count(*) FROM base_visit")[0][0]
    assert linked and all(same for (same,) in linked)
    assert 0.6 * visits <= len(linked) < visits
    planned = {date.fromisoformat(day) for (day,) in rows(path, "SELECT DISTINCT day FROM base_visit")}
    spans = [quarter_span(*quarter) for quarter in PLANNED_QUARTERS]
    assert all(any(start <= day < end for start, end in spans) for day in planned)
    unplanned = rows(path, "SELECT count(*) FROM activity WHERE visit_id IS NULL AND kind = 'household_visit'")
    assert unplanned[0][0] > 0


def test_attendance_is_below_the_target_for_some_and_above_for_others(
    demo: Demo
) -> None:
    _path, database, _summary = demo
    rows = [row for row in read(database, activities.attendance, 2026) if row.target > 0]
    assert rows
    assert any(row.met for row in rows) and any(not row.met for row in rows)
    assert any(row.attended > row.target for row in rows)


def test_recommendations_go_through_every_status_with_a_consistent_history(
    demo: Demo
) -> None:
    _path, database, _summary = demo
    views = read(database, recommendations.list_recommendations, RecommendationFilter(on=DEMO_DATE))
    assert Counter(view.recommendation.status for view in views).keys() == set(RecommendationStatus)
    for view in views:
        rec = view.recommendation
        steps = read(database, recommendations.history, rec.id)
        assert (steps[0].old, steps[0].new, steps[0].on) == (None, RecommendationStatus.OPEN, rec.raised_on)
        assert all(later.new in TRANSITIONS[earlier.new] and earlier.on <= later.on
                   for earlier, later in pairwise(steps))
        assert status_on(rec, steps, DEMO_DATE) is rec.status and rec.last_step <= DEMO_DATE
        assert bool(rec.forwarded_to) == (rec.forwarded_on is not None)
        assert bool(rec.answer) == (rec.answered_on is not None)
    bodies = {view.recommendation.forwarded_to for view in views if view.recommendation.forwarded_to}
    assert any(body.startswith("UBND ") for body in bodies) and len(bodies) >= 5


def test_some_are_overdue_and_some_carry_over_from_earlier_quarters(demo: Demo) -> None:
    _path, database, _summary = demo
    overdue = read(database, recommendations.list_recommendations, RecommendationFilter(overdue=True, on=DEMO_DATE))
    assert overdue and all(view.overdue for view in overdue)
    carried = read(database, recommendations.carried_over, 2026, 3)
    assert len(carried) >= 10
    assert any(view.recommendation.raised_on < date(2026, 4, 1) for view in carried)


def test_every_commune_and_hamlet_is_rated_for_2025_with_consistent_scores(
    demo: Demo
) -> None:
    path, _database, summary = demo
    rated = rows(path, "SELECT u.level, count(*) FROM rating r JOIN unit u ON u.id = r.unit_id "
                      "WHERE r.year = 2025 AND r.quarter = 0 GROUP BY u.level")
    assert dict(rated) == {"commune": summary.counts["commune"], "hamlet": summary.counts["hamlet"]}
    ratings = rows(path, "SELECT grade, score FROM rating")
    assert all(score is None or grade_for_score(score) is Grade(grade) for grade, score in ratings)
    assert sum(score is None for _grade, score in ratings) < 0.4 * len(ratings)
    grades = Counter(grade for grade, _score in ratings)
    assert grades.most_common(1)[0][0] == "good"
    assert grades["excellent"] > grades["not_completed"] > 0 and grades["completed"] > grades["not_completed"]
    quarters = rows(path, "SELECT DISTINCT year, quarter FROM rating ORDER BY 1, 2")
    assert quarters == [(2025, 0), (2026, 1), (2026, 2)]


def test_the_same_seed_builds_the_same_field_log(
    demo: Demo, engine: str, new_database: NewDatabase, request: pytest.FixtureRequest
) -> None:
    path, _database, summary = demo
    again = new_database(request, engine)
    database = Database.open(again)
    try:
        assert build_demo(database, summary.preset, 1, Scale.DISTRICT) == summary
    finally:
        database.close()
    for query in ("SELECT id, cadre_id, day, kind, notes FROM activity ORDER BY id",
                  "SELECT id, content, status, forwarded_to FROM recommendation ORDER BY id"):
        assert rows(again, query) == rows(path, query)
