"""Residents' recommendations: every step the flow allows and every one it refuses, the dates of steps,
overdue ones, the status on a day, and the carry-over of waiting ones to the next quarter."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from grassroots_app.domain.errors import InvalidInput, RuleViolation
from grassroots_app.domain.recommendations import (
    PENDING,
    Recommendation,
    RecommendationField,
    RecommendationStatus,
    StatusChange,
    apply_change,
    carried_over,
    clean_recommendation,
    is_overdue,
    raised,
    status_on,
)

S = RecommendationStatus
RAISED = date(2026, 2, 10)
ALLOWED = {(S.OPEN, S.RESOLVED), (S.OPEN, S.FORWARDED), (S.FORWARDED, S.ANSWERED), (S.ANSWERED, S.CLOSED),
           (S.RESOLVED, S.CLOSED)}
TEXT = {"body": "UBND xã Long Hồ", "answer": "Đã đưa vào kế hoạch sửa đường năm 2026"}


def rec(status: RecommendationStatus = S.OPEN, raised_on: date = RAISED, due: date | None = None,
        rec_id: str = "r1") -> Recommendation:
    """Return a recommendation in a status, raised on a day."""
    content = "Đường liên ấp xuống cấp"
    return Recommendation(rec_id, "u1", raised_on, "c1", content, RecommendationField.INFRASTRUCTURE, due, status)


def walk(start: Recommendation, *steps: tuple[RecommendationStatus, date]) -> tuple[Recommendation, list[StatusChange]]:
    """Take a recommendation through steps; return it and its history, its raising first."""
    history = [raised(start)]
    current = start
    for status, on in steps:
        current, change = apply_change(current, status, on, **TEXT)
        history.append(change)
    return current, history


@pytest.mark.parametrize(("old", "new"), sorted(ALLOWED))
def test_every_allowed_step(old: RecommendationStatus, new: RecommendationStatus) -> None:
    stepped, change = apply_change(rec(old), new, date(2026, 3, 1), note=" gọi điện  cho dân ", **TEXT)
    assert stepped.status is new
    assert change == StatusChange("r1", date(2026, 3, 1), old, new, "gọi điện cho dân")


@pytest.mark.parametrize(
    ("old", "new"), [pair for pair in itertools.product(S, S) if pair not in ALLOWED], ids=lambda s: s.value
)
def test_every_other_step_is_refused_naming_both_statuses(old: RecommendationStatus, new: RecommendationStatus) -> None:
    with pytest.raises(RuleViolation) as refused:
        apply_change(rec(old), new, date(2026, 3, 1), **TEXT)
    assert old.label in str(refused.value) and new.label in str(refused.value)


def test_each_step_keeps_its_date_and_text() -> None:
    forwarded, _ = apply_change(rec(), S.FORWARDED, date(2026, 2, 12), body=" Phòng Tài nguyên   và Môi trường")
    assert (forwarded.forwarded_to, forwarded.forwarded_on) == ("Phòng Tài nguyên và Môi trường", date(2026, 2, 12))
    answered, _ = apply_change(forwarded, S.ANSWERED, date(2026, 3, 2), answer="Đã cấp giấy chứng nhận")
    assert (answered.answer, answered.answered_on) == ("Đã cấp giấy chứng nhận", date(2026, 3, 2))
    closed, _ = apply_change(answered, S.CLOSED, date(2026, 3, 2))
    assert closed.closed_on == date(2026, 3, 2) and closed.forwarded_to == forwarded.forwarded_to
    resolved, _ = apply_change(rec(), S.RESOLVED, RAISED)
    assert resolved.resolved_on == RAISED


def test_forwarding_needs_a_body_and_answering_an_answer() -> None:
    with pytest.raises(InvalidInput, match="Name the body"):
        apply_change(rec(), S.FORWARDED, date(2026, 3, 1), body="  ")
    with pytest.raises(InvalidInput, match="Give the answer"):
        apply_change(rec(S.FORWARDED), S.ANSWERED, date(2026, 3, 1))


def test_a_step_may_not_come_before_the_previous_one() -> None:
    with pytest.raises(RuleViolation, match="09/02/2026 cannot come before the previous one, on 10/02/2026"):
        apply_change(rec(), S.RESOLVED, date(2026, 2, 9))
    forwarded, _ = apply_change(rec(), S.FORWARDED, date(2026, 2, 20), body="UBND xã")
    with pytest.raises(RuleViolation, match="20/02/2026"):
        apply_change(forwarded, S.ANSWERED, date(2026, 2, 19), answer="Đã giải quyết")


def test_content_and_due_date_are_checked() -> None:
    assert clean_recommendation(rec()).content == "Đường liên ấp xuống cấp"
    with pytest.raises(InvalidInput, match="needs its content"):
        clean_recommendation(Recommendation("r", "u", RAISED, "c", "   ", RecommendationField.LAND))
    with pytest.raises(InvalidInput, match="longer than 2000"):
        clean_recommendation(Recommendation("r", "u", RAISED, "c", "x" * 2001, RecommendationField.LAND))
    with pytest.raises(InvalidInput, match="due date 09/02/2026 comes before"):
        clean_recommendation(rec(due=date(2026, 2, 9)))
    with pytest.raises(InvalidInput, match="not a field"):
        clean_recommendation(Recommendation("r", "u", RAISED, "c", "x", "weather"))  # type: ignore[arg-type]


def test_only_waiting_ones_past_their_due_date_are_overdue() -> None:
    due = date(2026, 3, 31)
    assert not is_overdue(rec(due=due), due)
    assert is_overdue(rec(due=due), date(2026, 4, 1))
    assert is_overdue(rec(S.FORWARDED, due=due), date(2026, 4, 1))
    assert not is_overdue(rec(S.RESOLVED, due=due), date(2026, 4, 1))
    assert not is_overdue(rec(S.ANSWERED, due=due), date(2026, 4, 1))
    assert not is_overdue(rec(), date(2030, 1, 1))  # no due date
    assert {S.OPEN, S.FORWARDED} == PENDING


def test_the_status_on_a_day_follows_the_history() -> None:
    start = rec()
    _, history = walk(start, (S.FORWARDED, date(2026, 3, 5)), (S.ANSWERED, date(2026, 4, 2)),
                      (S.CLOSED, date(2026, 4, 2)))
    assert status_on(start, history, date(2026, 2, 9)) is None
    assert status_on(start, history, RAISED) is S.OPEN
    assert status_on(start, history, date(2026, 3, 5)) is S.FORWARDED
    assert status_on(start, history, date(2026, 4, 1)) is S.FORWARDED
    assert status_on(start, history, date(2026, 4, 2)) is S.CLOSED  # two steps that day, in order


def test_waiting_ones_carry_over_to_the_next_quarter() -> None:
    still_open = rec(rec_id="open")
    forwarded, forwarded_history = walk(rec(rec_id="fwd"), (S.FORWARDED, date(2026, 3, 20)))
    resolved_in_q1, resolved_history = walk(rec(rec_id="res"), (S.RESOLVED, date(2026, 3, 31)))
    resolved_on_first_day, late_history = walk(rec(rec_id="late"), (S.RESOLVED, date(2026, 4, 1)))
    answered_in_q2, answered_history = walk(
        rec(rec_id="ans"), (S.FORWARDED, date(2026, 2, 11)), (S.ANSWERED, date(2026, 5, 1))
    )
    raised_in_q2 = rec(raised_on=date(2026, 4, 1), rec_id="new")
    recs = [still_open, forwarded, resolved_in_q1, resolved_on_first_day, answered_in_q2, raised_in_q2]
    histories = {"open": [raised(still_open)], "fwd": forwarded_history, "res": resolved_history,
                 "late": late_history, "ans": answered_history, "new": [raised(raised_in_q2)]}
    into_q2 = carried_over(recs, histories, 2026, 2)
    assert [item.id for item in into_q2] == ["open", "fwd", "late", "ans"]
    into_q3 = carried_over(recs, histories, 2026, 3)
    assert [item.id for item in into_q3] == ["open", "fwd", "new"]
    assert carried_over(recs, histories, 2026, 1) == []
    with pytest.raises(InvalidInput):
        carried_over(recs, histories, 2026, 5)
