"""Quality ratings: the grade a score gives (366-QĐ/TW boundaries 50, 70, 90), a grade and a score that
disagree, what can be rated, and the shares as reports print them ("18/21 = 85,71 %")."""

from __future__ import annotations

import pytest

from grassroots_app.domain.errors import InvalidInput, RuleViolation
from grassroots_app.domain.hierarchy import unit_levels
from grassroots_app.domain.model import Level, Preset
from grassroots_app.domain.ratings import (
    GRADES,
    Grade,
    Rating,
    check_rateable,
    clean_rating,
    format_share,
    good_or_better,
    grade_for_score,
    grade_shares,
    rateable_below,
    share,
)


@pytest.mark.parametrize(
    ("score", "grade"),
    [
        (100, Grade.EXCELLENT), (90, Grade.EXCELLENT), (89.99, Grade.GOOD), (70, Grade.GOOD),
        (69.9, Grade.COMPLETED), (50, Grade.COMPLETED), (49.5, Grade.NOT_COMPLETED), (0, Grade.NOT_COMPLETED),
    ],
)
def test_the_grade_a_score_gives(score: float, grade: Grade) -> None:
    assert grade_for_score(score) is grade


@pytest.mark.parametrize("score", [-0.1, 100.5, float("nan")])
def test_a_score_off_the_scale_is_refused(score: float) -> None:
    with pytest.raises(InvalidInput, match="between 0 and 100"):
        grade_for_score(score)


def rating(grade: Grade | str, score: float | None = None, quarter: int | None = None, note: str = "") -> Rating:
    """Return a rating of a hamlet for 2025."""
    return Rating("r", "u", 2025, quarter, grade, score, note)  # type: ignore[arg-type]


def test_grade_and_score_must_agree_at_the_boundaries() -> None:
    for score, grade in ((90, Grade.EXCELLENT), (70, Grade.GOOD), (50, Grade.COMPLETED), (49, Grade.NOT_COMPLETED)):
        assert clean_rating(rating(grade, score)).score == float(score)
    with pytest.raises(InvalidInput, match="A score of 89,5 means 'Completed tasks well', not 'Completed tasks excel"):
        clean_rating(rating(Grade.EXCELLENT, 89.5))
    with pytest.raises(InvalidInput, match="A score of 70 means"):
        clean_rating(rating(Grade.COMPLETED, 70))
    with pytest.raises(InvalidInput, match="A score of 50 means"):
        clean_rating(rating(Grade.NOT_COMPLETED, 50))


def test_a_rating_without_score_and_its_note_and_period() -> None:
    cleaned = clean_rating(rating("good", note="  Chi bộ   trong sạch, vững mạnh "))
    assert (cleaned.grade, cleaned.score, cleaned.note) == (Grade.GOOD, None, "Chi bộ trong sạch, vững mạnh")
    assert clean_rating(rating(Grade.GOOD, quarter=4)).quarter == 4
    for quarter in (0, 5):
        with pytest.raises(InvalidInput, match="quarter must be between 1 and 4"):
            clean_rating(rating(Grade.GOOD, quarter=quarter))
    with pytest.raises(InvalidInput, match="year must be between"):
        clean_rating(Rating("r", "u", 1800, None, Grade.GOOD))


def test_only_communes_and_hamlets_are_rated() -> None:
    for level in (Level.COMMUNE, Level.HAMLET):
        check_rateable(level)
    for level in (Level.PROVINCE, Level.DISTRICT, Level.CLUSTER, Level.GROUP):
        with pytest.raises(RuleViolation, match="Only communes and hamlets"):
            check_rateable(level)


def test_the_rated_level_below_a_unit() -> None:
    three, two = unit_levels(Preset.THREE_LEVEL), unit_levels(Preset.TWO_LEVEL)
    assert rateable_below(three, Level.PROVINCE) is Level.COMMUNE
    assert rateable_below(three, Level.DISTRICT) is Level.COMMUNE
    assert rateable_below(two, Level.PROVINCE) is Level.COMMUNE
    assert rateable_below(two, Level.COMMUNE) is Level.HAMLET
    assert rateable_below(two, Level.HAMLET) is None


@pytest.mark.parametrize(
    ("count", "total", "value", "printed"),
    [
        (18, 21, 0.8571, "18/21 = 85,71 %"),
        (2, 3, 0.6667, "2/3 = 66,67 %"),
        (1, 32, 0.0313, "1/32 = 3,13 %"),  # half up, as reports round: 3,125 % -> 3,13 %
        (1, 8, 0.125, "1/8 = 12,50 %"),
        (21, 21, 1.0, "21/21 = 100,00 %"),
        (0, 21, 0.0, "0/21 = 0,00 %"),
        (0, 0, 0.0, "0/0 = 0,00 %"),
    ],
)
def test_shares_as_reports_print_them(count: int, total: int, value: float, printed: str) -> None:
    assert share(count, total) == value
    assert format_share(count, total) == printed


def test_good_or_better_counts_the_excellent_and_the_good_only() -> None:
    assert good_or_better({Grade.EXCELLENT: 3, Grade.GOOD: 15, Grade.COMPLETED: 2, Grade.NOT_COMPLETED: 1}) == 18
    assert good_or_better({Grade.GOOD: 4, Grade.COMPLETED: 9}) == 4
    assert good_or_better({}) == 0


def test_grade_shares_per_level_with_every_grade() -> None:
    graded = [(Level.COMMUNE, Grade.EXCELLENT)] * 3 + [(Level.COMMUNE, Grade.GOOD)] * 15
    graded += [(Level.COMMUNE, Grade.COMPLETED)] * 3 + [(Level.HAMLET, Grade.NOT_COMPLETED)]
    shares = grade_shares(graded)
    assert list(shares) == ["commune", "hamlet"]
    assert shares["commune"] == {
        "total": 21,
        "excellent": {"count": 3, "share": 0.1429},
        "good": {"count": 15, "share": 0.7143},
        "completed": {"count": 3, "share": 0.1429},
        "not_completed": {"count": 0, "share": 0.0},
    }
    assert shares["hamlet"]["total"] == 1 and shares["hamlet"]["not_completed"] == {"count": 1, "share": 1.0}
    good_or_better = sum(shares["commune"][grade.value]["count"] for grade in GRADES[:2])  # type: ignore[index]
    assert format_share(good_or_better, 21) == "18/21 = 85,71 %"
    assert grade_shares([]) == {}
