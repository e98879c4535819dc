"""Residents' recommendations on a real SQLite file: raised, forwarded, answered and closed with their
history kept, edited, deleted, listed with filters and overdue flags, carried over between quarters;
every refusal leaves the file as it was."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from grassroots_app.domain.errors import InvalidInput, NotFound, RuleViolation
from grassroots_app.domain.model import CadreStatus
from grassroots_app.domain.recommendations import RecommendationField, RecommendationFilter, RecommendationStatus
from grassroots_app.services import cadres, recommendations, units
from tests.integration.fieldlog_support import Place, build_place, refused, undone_and_redone
from tests.integration.support import Env

S, F = RecommendationStatus, RecommendationField
RAISED = date(2026, 2, 10)


@pytest.fixture
def place(two_level: Env) -> Place:
    """The small province of the field log tests."""
    return build_place(two_level)


def raise_one(env: Env, place: Place, unit_id: str | None = None, raised_on: date = RAISED,
              due: date | None = None, content: str = "Đường liên ấp xuống cấp") -> str:
    """Raise a recommendation through Lê Thị Mai (at Ấp 1 unless told); return its id."""
    view = env.run(recommendations.raise_recommendation, unit_id or place.ap_1.id, raised_on, place.mai.id, content,
                   F.INFRASTRUCTURE, due)
    return view.recommendation.id


def listed(env: Env, **wanted: object) -> list[str]:
    """Return the contents of the recommendations a filter lists, in order."""
    views = env.run(recommendations.list_recommendations, RecommendationFilter(**wanted))  # type: ignore[arg-type]
    return [view.recommendation.content for view in views]


def test_raised_forwarded_answered_closed_with_its_history(two_level: Env, place: Place) -> None:
    view = two_level.run(recommendations.raise_recommendation, place.ap_1.id, RAISED, place.mai.id,
                         "  Đường liên ấp   xuống cấp ", F.INFRASTRUCTURE, date(2026, 3, 31))
    rec_id = view.recommendation.id
    assert (view.unit_name, view.unit_path, view.cadre_name, view.recommendation.status) == (
        "Ấp 1", "Tỉnh Vĩnh Long / Xã Long Hồ / Ấp 1", "Lê Thị Mai", S.OPEN)
    assert view.recommendation.content == "Đường liên ấp xuống cấp"
    assert view.overdue  # due 31/03/2026, still open
    forwarded = two_level.run(recommendations.forward_recommendation, rec_id, date(2026, 2, 15), "UBND xã Long Hồ")
    assert (forwarded.recommendation.forwarded_to, forwarded.recommendation.forwarded_on) == (
        "UBND xã Long Hồ", date(2026, 2, 15))
    answered = two_level.run(recommendations.answer_recommendation, rec_id, date(2026, 3, 20),
                             "Đã đưa vào kế hoạch sửa đường", note="Công văn 12/UBND")
    assert answered.recommendation.status is S.ANSWERED and not answered.overdue
    closed = two_level.run(recommendations.close_recommendation, rec_id, date(2026, 3, 25), note="Dân đồng tình")
    assert closed.recommendation.closed_on == date(2026, 3, 25)
    steps = two_level.run(recommendations.history, rec_id)
    assert [(step.on, step.old, step.new, step.note) for step in steps] == [
        (RAISED, None, S.OPEN, ""),
        (date(2026, 2, 15), S.OPEN, S.FORWARDED, ""),
        (date(2026, 3, 20), S.FORWARDED, S.ANSWERED, "Công văn 12/UBND"),
        (date(2026, 3, 25), S.ANSWERED, S.CLOSED, "Dân đồng tình"),
    ]
    assert two_level.sql("SELECT status, forwarded_to, answer FROM recommendation") == [
        ("closed", "UBND xã Long Hồ", "Đã đưa vào kế hoạch sửa đường")]
    assert two_level.run(recommendations.get_recommendation, rec_id) == closed


def test_resolved_at_the_base_then_closed(two_level: Env, place: Place) -> None:
    rec_id = raise_one(two_level, place)
    resolved = two_level.run(recommendations.resolve_recommendation, rec_id, RAISED, note="Ấp tự sửa")
    assert (resolved.recommendation.status, resolved.recommendation.resolved_on) == (S.RESOLVED, RAISED)
    two_level.run(recommendations.close_recommendation, rec_id, date(2026, 2, 11))
    assert [step.new for step in two_level.run(recommendations.history, rec_id)] == [S.OPEN, S.RESOLVED, S.CLOSED]


def test_bad_steps_are_refused_and_nothing_is_written(two_level: Env, place: Place) -> None:
    rec_id = raise_one(two_level, place)
    refused(two_level, RuleViolation, "that is open cannot become answered", recommendations.answer_recommendation,
            rec_id, date(2026, 3, 1), "Đã trả lời")
    refused(two_level, RuleViolation, "cannot become closed", recommendations.close_recommendation, rec_id,
            date(2026, 3, 1))
    refused(two_level, InvalidInput, "Name the body", recommendations.forward_recommendation, rec_id,
            date(2026, 3, 1), " ")
    refused(two_level, RuleViolation, "cannot come before the previous one, on 10/02/2026",
            recommendations.resolve_recommendation, rec_id, date(2026, 2, 9))
    refused(two_level, InvalidInput, "in the future", recommendations.resolve_recommendation, rec_id,
            date.today() + timedelta(days=1))
    refused(two_level, NotFound, "No recommendation has the id 'gone'", recommendations.resolve_recommendation,
            "gone", date(2026, 3, 1))
    two_level.run(recommendations.resolve_recommendation, rec_id, date(2026, 3, 1))
    refused(two_level, RuleViolation, "that is resolved at the base cannot become forwarded",
            recommendations.forward_recommendation, rec_id, date(2026, 3, 2), "UBND xã")
    forwarded = raise_one(two_level, place)
    two_level.run(recommendations.forward_recommendation, forwarded, date(2026, 3, 1), "UBND xã")
    refused(two_level, InvalidInput, "Give the answer", recommendations.answer_recommendation, forwarded,
            date(2026, 3, 2), "")


def test_bad_recommendations_are_refused_and_nothing_is_written(two_level: Env, place: Place) -> None:
    def raised(unit_id: str, cadre_id: str, on: date = RAISED, content: str = "Xin hỗ trợ",
               field: object = F.SOCIAL_POLICY, due: date | None = None) -> tuple[object, ...]:
        return unit_id, on, cadre_id, content, field, due

    raise_ = recommendations.raise_recommendation
    refused(two_level, NotFound, "No unit has the id 'nowhere'", raise_, *raised("nowhere", place.mai.id))
    refused(two_level, NotFound, "No cadre has the id 'nobody'", raise_, *raised(place.ap_1.id, "nobody"))
    refused(two_level, InvalidInput, "in the future", raise_,
            *raised(place.ap_1.id, place.mai.id, date.today() + timedelta(days=1)))
    refused(two_level, InvalidInput, "needs its content", raise_, *raised(place.ap_1.id, place.mai.id, content=" "))
    refused(two_level, InvalidInput, "not a field", raise_, *raised(place.ap_1.id, place.mai.id, field="weather"))
    refused(two_level, InvalidInput, "due date 09/02/2026 comes before", raise_,
            *raised(place.ap_1.id, place.mai.id, due=date(2026, 2, 9)))
    two_level.run(units.close_unit, place.ap_2.id, date(2026, 1, 1))
    refused(two_level, RuleViolation, "'Ấp 2' does not exist on 10/02/2026", raise_,
            *raised(place.ap_2.id, place.mai.id))
    two_level.run(cadres.set_status, place.binh.id, CadreStatus.LEFT, date(2026, 1, 1))
    refused(two_level, RuleViolation, "Phạm Văn Bình left on 01/01/2026", raise_,
            *raised(place.ap_1.id, place.binh.id))


def test_edit_and_delete(two_level: Env, place: Place) -> None:
    rec_id = raise_one(two_level, place)
    two_level.run(recommendations.forward_recommendation, rec_id, date(2026, 2, 12), "Phòng Kinh tế")
    edited = two_level.run(recommendations.edit_recommendation, rec_id, " Xin cấp sổ đỏ", F.LAND, date(2026, 6, 30))
    assert (edited.recommendation.content, edited.recommendation.field, edited.recommendation.due) == (
        "Xin cấp sổ đỏ", F.LAND, date(2026, 6, 30))
    assert edited.recommendation.forwarded_to == "Phòng Kinh tế"
    refused(two_level, InvalidInput, "comes before", recommendations.edit_recommendation, rec_id, "x", F.LAND,
            date(2026, 1, 1))
    refused(two_level, NotFound, "'gone'", recommendations.edit_recommendation, "gone", "x", F.LAND, None)
    refused(two_level, NotFound, "'gone'", recommendations.delete_recommendation, "gone")
    refused(two_level, NotFound, "'gone'", recommendations.history, "gone")
    two_level.run(recommendations.delete_recommendation, rec_id)
    assert two_level.sql("SELECT count(*) FROM recommendation") == [(0,)]
    assert two_level.sql("SELECT count(*) FROM recommendation_change") == [(0,)]


def test_filters_and_overdue(two_level: Env, place: Place) -> None:
    late = raise_one(two_level, place, place.ap_1.id, date(2026, 1, 5), date(2026, 1, 31), "Quá hạn")
    raise_one(two_level, place, place.ap_2.id, date(2026, 2, 5), date(2026, 12, 31), "Chưa đến hạn")
    answered = raise_one(two_level, place, place.phu_quoi_ap_1.id, date(2026, 3, 5), date(2026, 3, 10),
                         "Đã trả lời")
    two_level.run(recommendations.forward_recommendation, answered, date(2026, 3, 6), "UBND xã")
    two_level.run(recommendations.answer_recommendation, answered, date(2026, 3, 20), "Đã giải quyết")
    assert listed(two_level) == ["Đã trả lời", "Chưa đến hạn", "Quá hạn"]
    assert listed(two_level, start=date(2026, 2, 1), end=date(2026, 3, 5)) == ["Chưa đến hạn"]
    assert listed(two_level, status=S.ANSWERED) == ["Đã trả lời"]
    assert listed(two_level, overdue=True) == ["Quá hạn"]
    assert listed(two_level, overdue=True, on=date(2026, 1, 31)) == []
    assert listed(two_level, unit_id=place.long_ho.id) == ["Chưa đến hạn", "Quá hạn"]
    assert listed(two_level, cluster_id=place.cluster.id, overdue=True) == ["Quá hạn"]
    assert listed(two_level, unit_id=place.phu_quoi.id) == ["Đã trả lời"]
    assert listed(two_level, cadre_id=place.hung.id) == []
    two_level.run(recommendations.forward_recommendation, late, date(2026, 2, 1), "UBND xã")
    assert listed(two_level, overdue=True) == ["Quá hạn"]  # forwarded is still waiting


def test_waiting_ones_carry_over_to_the_next_quarter(two_level: Env, place: Place) -> None:
    still_open = raise_one(two_level, place, content="Còn mở")
    resolved_late = raise_one(two_level, place, place.ap_2.id, content="Giải quyết đầu quý 2")
    two_level.run(recommendations.resolve_recommendation, resolved_late, date(2026, 4, 1))
    done = raise_one(two_level, place, content="Giải quyết trong quý 1")
    two_level.run(recommendations.resolve_recommendation, done, date(2026, 3, 31))
    forwarded = raise_one(two_level, place, place.phu_quoi_ap_1.id, content="Đã chuyển")
    two_level.run(recommendations.forward_recommendation, forwarded, date(2026, 3, 1), "UBND xã Phú Quới")
    raise_one(two_level, place, raised_on=date(2026, 4, 2), content="Phát sinh quý 2")

    def contents(year: int, quarter: int, unit_id: str | None = None) -> list[str]:
        views = two_level.run(recommendations.carried_over, year, quarter, unit_id)
        return sorted(view.recommendation.content for view in views)

    assert contents(2026, 2) == sorted(["Còn mở", "Giải quyết đầu quý 2", "Đã chuyển"])
    assert contents(2026, 3) == sorted(["Còn mở", "Đã chuyển", "Phát sinh quý 2"])
    assert contents(2026, 2, place.long_ho.id) == sorted(["Còn mở", "Giải quyết đầu quý 2"])
    assert contents(2026, 1) == []
    assert still_open
    with pytest.raises(InvalidInput, match="quarter must be between 1 and 4"):
        two_level.run(recommendations.carried_over, 2026, 0)
    with pytest.raises(NotFound):
        two_level.run(recommendations.carried_over, 2026, 2, "nowhere")


def test_raising_and_each_step_can_be_undone_and_redone(two_level: Env, place: Place) -> None:
    undone_and_redone(two_level, recommendations.raise_recommendation, place.ap_1.id, RAISED, place.mai.id,
                      "Xin hỗ trợ nhà ở", F.SOCIAL_POLICY)
    [view] = two_level.run(recommendations.list_recommendations, RecommendationFilter())
    rec_id = view.recommendation.id
    undone_and_redone(two_level, recommendations.forward_recommendation, rec_id, date(2026, 2, 12), "UBND xã")
    undone_and_redone(two_level, recommendations.answer_recommendation, rec_id, date(2026, 3, 1), "Đã hỗ trợ")
    undone_and_redone(two_level, recommendations.edit_recommendation, rec_id, "Xin hỗ trợ", F.SOCIAL_POLICY, None)
    undone_and_redone(two_level, recommendations.delete_recommendation, rec_id)
