"""Quality ratings: the grades of communes and hamlets, and the shares of each grade as reports quote them.

A commune is rated through its party committee, a hamlet through its cadres, party cell or staff; for a
year, or a quarter of it. Reports print the shares as "18/21 = 85,71 %".

The four grades and the 100-point scale follow Quy định 366-QĐ/TW (2025): 90 and over, 70 to under 90,
50 to under 70, under 50.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from grassroots_app.domain.calendar import check_quarter, check_year
from grassroots_app.domain.errors import N_, InvalidInput, Labelled, RuleViolation, register_labels
from grassroots_app.domain.formats import format_percent, format_score
from grassroots_app.domain.model import Level
from grassroots_app.domain.text import NOTE_LENGTH, TextField, clean_text

MAX_SCORE = 100.0
MAX_NOTE_LENGTH = NOTE_LENGTH
RATEABLE_LEVELS = (Level.COMMUNE, Level.HAMLET)
SHARE_PLACES = Decimal("0.0001")


class Grade(str, Labelled):
    """A quality grade, best first."""

    EXCELLENT = "excellent"
    GOOD = "good"
    COMPLETED = "completed"
    NOT_COMPLETED = "not_completed"


register_labels(
    [
        (Grade.EXCELLENT, N_("Completed tasks excellently")),
        (Grade.GOOD, N_("Completed tasks well")),
        (Grade.COMPLETED, N_("Completed tasks")),
        (Grade.NOT_COMPLETED, N_("Did not complete tasks")),
    ]
)

GRADES = (Grade.EXCELLENT, Grade.GOOD, Grade.COMPLETED, Grade.NOT_COMPLETED)
# The lowest score of each grade, best first.
_FLOORS = ((Grade.EXCELLENT, 90.0), (Grade.GOOD, 70.0), (Grade.COMPLETED, 50.0), (Grade.NOT_COMPLETED, 0.0))


@dataclass(frozen=True)
class Rating:
    """The grade of a unit's party organization or cadres for a year, or a quarter of it (None: the year)."""

    id: str
    unit_id: str
    year: int
    quarter: int | None
    grade: Grade
    score: float | None = None
    note: str = ""


def check_score(score: float) -> float:
    """Return the score, or refuse one outside 0 to 100."""
    if not 0 <= score <= MAX_SCORE:
        raise InvalidInput(N_("The score must be between 0 and 100, not {score}."), score=format_score(score))
    return float(score)


def grade_for_score(score: float) -> Grade:
    """Return the grade a 100-point score gives."""
    score = check_score(score)
    return next(grade for grade, floor in _FLOORS if score >= floor)


def check_rateable(level: Level) -> None:
    """Refuse to rate a unit that is neither a commune nor a hamlet."""
    if level not in RATEABLE_LEVELS:
        raise RuleViolation(N_("Only communes and hamlets are rated, not a {level}."), level=level)


def rateable_below(levels: Sequence[Level], level: Level) -> Level | None:
    """Return the nearest rated level below a unit's level in a preset's levels (None: none is rated)."""
    below = levels[levels.index(level) + 1:]
    return next((each for each in below if each in RATEABLE_LEVELS), None)


def clean_rating(rating: Rating) -> Rating:
    """Return the rating with its note normalized, or refuse a bad period or a score that disagrees."""
    check_year(rating.year)
    if rating.quarter is not None:
        check_quarter(rating.quarter)
    grade = Grade(rating.grade)
    if rating.score is not None and grade_for_score(rating.score) is not grade:
        raise InvalidInput(
            N_("A score of {score} means '{expected}', not '{grade}'."),
            score=format_score(rating.score), expected=grade_for_score(rating.score), grade=grade,
        )
    note = clean_text(rating.note, MAX_NOTE_LENGTH, TextField.NOTE)
    score = None if rating.score is None else float(rating.score)
    return replace(rating, grade=grade, score=score, note=note)


def _ratio(count: int, total: int) -> Decimal:
    """Return count / total rounded half up to four decimals (0 when there is nothing to count)."""
    if total <= 0:
        return Decimal(0)
    return (Decimal(count) / Decimal(total)).quantize(SHARE_PLACES, rounding=ROUND_HALF_UP)


def share(count: int, total: int) -> float:
    """Return the share of a count in a total, to four decimals as reports round it (18 of 21: 0.8571)."""
    return float(_ratio(count, total))


def format_share(count: int, total: int) -> str:
    """Return the share as reports print it: "18/21 = 85,71 %"."""
    return f"{count}/{total} = {format_percent(_ratio(count, total))}"


def good_or_better(counts: Mapping[Grade, int]) -> int:
    """Return how many units completed their tasks well or better: the excellent ones and the good ones."""
    return counts.get(Grade.EXCELLENT, 0) + counts.get(Grade.GOOD, 0)


def grade_shares(levels_and_grades: Iterable[tuple[Level, Grade]]) -> dict[str, dict[str, object]]:
    """Return, per level rated, the total and each grade's count and share (every grade, 0 included)."""
    counts = Counter((Level(level), Grade(grade)) for level, grade in levels_and_grades)
    shares: dict[str, dict[str, object]] = {}
    for level in Level:
        total = sum(count for (rated, _grade), count in counts.items() if rated is level)
        if total:
            figures: dict[str, object] = {"total": total}
            for grade in GRADES:
                count = counts[(level, grade)]
                figures[grade.value] = {"count": count, "share": share(count, total)}
            shares[level.value] = figures
    return shares
