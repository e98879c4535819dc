"""Quality ratings on a real SQLite file: set from a grade, a score or both, replaced, removed, listed
below a unit, summed up per grade as reports quote them; every refusal leaves the file as it was."""

from __future__ import annotations

from datetime import date

import pytest

from grassroots_app.domain.errors import InvalidInput, NotFound, RuleViolation
from grassroots_app.domain.model import Level
from grassroots_app.domain.ratings import Grade, format_share
from grassroots_app.services import ratings, units
from tests.integration.fieldlog_support import Place, build_place, refused, undone_and_redone
from tests.integration.support import Env

G = Grade
YEAR = 2025


@pytest.fixture
def place(two_level: Env) -> Place:
    """The small province of the field log tests."""
    return build_place(two_level)


def stored(env: Env) -> list[tuple[object, ...]]:
    """Return the rating table straight from the file."""
    return env.sql("SELECT unit_id, year, quarter, grade, score, note FROM rating ORDER BY year, quarter, unit_id")


def test_a_grade_a_score_or_both(two_level: Env, place: Place) -> None:
    by_grade = two_level.run(ratings.set_rating, place.long_ho.id, YEAR, grade=G.GOOD, note=" Đảng bộ  vững mạnh")
    assert (by_grade.grade, by_grade.score, by_grade.quarter) == (G.GOOD, None, None)
    assert by_grade.note == "Đảng bộ vững mạnh"
    by_score = two_level.run(ratings.set_rating, place.ap_1.id, YEAR, score=91.5)
    assert by_score.grade is G.EXCELLENT
    both = two_level.run(ratings.set_rating, place.ap_2.id, YEAR, 4, G.COMPLETED, 50)
    assert (both.quarter, both.grade) == (4, G.COMPLETED)
    assert sorted(stored(two_level)) == sorted([
        (place.long_ho.id, YEAR, 0, "good", None, "Đảng bộ vững mạnh"),
        (place.ap_1.id, YEAR, 0, "excellent", 91.5, ""),
        (place.ap_2.id, YEAR, 4, "completed", 50.0, ""),
    ])


def test_a_new_rating_of_the_same_period_replaces_the_old_one(two_level: Env, place: Place) -> None:
    first = two_level.run(ratings.set_rating, place.ap_1.id, YEAR, grade=G.GOOD)
    second = two_level.run(ratings.set_rating, place.ap_1.id, YEAR, grade=G.EXCELLENT, score=95)
    assert second.id == first.id
    quarterly = two_level.run(ratings.set_rating, place.ap_1.id, YEAR, 2, G.COMPLETED)
    assert quarterly.id != first.id
    assert stored(two_level) == [(place.ap_1.id, YEAR, 0, "excellent", 95.0, ""),
                                 (place.ap_1.id, YEAR, 2, "completed", None, "")]


def test_bad_ratings_are_refused_and_nothing_is_written(two_level: Env, place: Place) -> None:
    two_level.run(ratings.set_rating, place.ap_1.id, YEAR, grade=G.GOOD, score=80)
    set_rating = ratings.set_rating
    refused(two_level, InvalidInput, "A score of 89,5 means 'Completed tasks well', not 'Completed tasks excellently'",
            set_rating, place.ap_1.id, YEAR, None, G.EXCELLENT, 89.5)
    refused(two_level, InvalidInput, "between 0 and 100", set_rating, place.ap_1.id, YEAR, None, None, 101)
    refused(two_level, InvalidInput, "Give a grade, a score, or both", set_rating, place.ap_1.id, YEAR)
    refused(two_level, RuleViolation, "Only communes and hamlets are rated, not a self-governing group",
            set_rating, place.group.id, YEAR, None, G.GOOD)
    refused(two_level, RuleViolation, "not a province", set_rating, place.province.id, YEAR, None, G.GOOD)
    for quarter in (0, 5):
        refused(two_level, InvalidInput, "quarter must be between 1 and 4", set_rating, place.ap_1.id, YEAR,
                quarter, G.GOOD)
    refused(two_level, InvalidInput, "year must be between", set_rating, place.ap_1.id, 1800, None, G.GOOD)
    refused(two_level, NotFound, "No unit has the id 'nowhere'", set_rating, "nowhere", YEAR, None, G.GOOD)
    next_year = date.today().year + 1
    refused(two_level, InvalidInput, f"from 01/01/{next_year} to 31/12/{next_year} has not begun", set_rating,
            place.ap_1.id, next_year, None, G.GOOD)
    refused(two_level, RuleViolation, "'Ấp 1' did not exist between 01/01/2019 and 31/12/2019", set_rating,
            place.ap_1.id, 2019, None, G.GOOD)
    two_level.run(units.close_unit, place.ap_2.id, date(2025, 4, 1))
    two_level.run(ratings.set_rating, place.ap_2.id, 2025, 1, G.GOOD)  # it was there in the first quarter
    refused(two_level, RuleViolation, "did not exist between 01/04/2025 and 30/06/2025", set_rating,
            place.ap_2.id, 2025, 2, G.GOOD)


def test_a_district_is_not_rated(three_level: Env) -> None:
    district = three_level.unit("Huyện Chợ Lách", three_level.unit("Tỉnh Bến Tre"))
    refused(three_level, RuleViolation, "not a district", ratings.set_rating, district.id, YEAR, None, G.GOOD)


def test_remove(two_level: Env, place: Place) -> None:
    two_level.run(ratings.set_rating, place.ap_1.id, YEAR, 3, G.GOOD)
    refused(two_level, NotFound, "'Ấp 1' has no rating for the period from 01/01/2025 to 31/12/2025",
            ratings.remove_rating, place.ap_1.id, YEAR)
    refused(two_level, RuleViolation, "Only communes and hamlets", ratings.remove_rating, place.group.id, YEAR)
    two_level.run(ratings.remove_rating, place.ap_1.id, YEAR, 3)
    assert stored(two_level) == []


def test_the_units_to_rate_below_a_unit(two_level: Env, place: Place) -> None:
    ap_10 = two_level.unit("Ấp 10", place.long_ho)
    two_level.run(ratings.set_rating, place.ap_2.id, YEAR, grade=G.EXCELLENT)
    two_level.run(ratings.set_rating, place.ap_2.id, YEAR, 1, G.COMPLETED)
    hamlets = two_level.run(ratings.ratings_under, place.long_ho.id, YEAR)
    assert [(view.unit_name, view.level, view.rating.grade if view.rating else None) for view in hamlets] == [
        ("Ấp 1", Level.HAMLET, None), ("Ấp 2", Level.HAMLET, G.EXCELLENT), ("Ấp 10", Level.HAMLET, None)]
    assert hamlets[2].unit_id == ap_10.id
    first_quarter = two_level.run(ratings.ratings_under, place.long_ho.id, YEAR, 1)
    assert [view.rating.grade if view.rating else None for view in first_quarter] == [None, G.COMPLETED, None]
    communes = two_level.run(ratings.ratings_under, place.province.id, YEAR)
    assert [view.unit_name for view in communes] == ["Xã Long Hồ", "Xã Phú Quới"]
    assert two_level.run(ratings.ratings_under, place.ap_1.id, YEAR) == []
    later = two_level.unit("Ấp 11", place.long_ho, on=date(2026, 1, 1))
    assert later.id not in {view.unit_id for view in two_level.run(ratings.ratings_under, place.long_ho.id, YEAR)}


def test_a_commune_is_listed_with_its_hamlets_a_province_alone_with_its_communes(two_level: Env, place: Place) -> None:
    two_level.run(ratings.set_rating, place.long_ho.id, YEAR, grade=G.GOOD)
    rows = two_level.run(ratings.ratings_at, place.long_ho.id, YEAR)
    assert [(view.unit_name, view.level, view.rating and view.rating.grade) for view in rows] == [
        ("Xã Long Hồ", Level.COMMUNE, G.GOOD), ("Ấp 1", Level.HAMLET, None), ("Ấp 2", Level.HAMLET, None)]
    assert two_level.run(ratings.ratings_at, place.province.id, YEAR) == \
        two_level.run(ratings.ratings_under, place.province.id, YEAR)
    later = two_level.unit("Xã Mới", place.province, on=date(2026, 1, 1))
    assert two_level.run(ratings.ratings_at, later.id, YEAR) == []


def test_three_level_communes_below_a_province(three_level: Env) -> None:
    province = three_level.unit("Tỉnh Bến Tre")
    district = three_level.unit("Huyện Chợ Lách", province)
    commune = three_level.unit("Xã Hòa Nghĩa", district)
    three_level.run(ratings.set_rating, commune.id, YEAR, grade=G.GOOD)
    under = three_level.run(ratings.ratings_under, province.id, YEAR)
    assert [(view.unit_name, view.rating and view.rating.grade) for view in under] == [("Xã Hòa Nghĩa", G.GOOD)]


def test_the_summary_as_reports_quote_it(two_level: Env) -> None:
    province = two_level.unit("Tỉnh Vĩnh Long")
    grades = [G.EXCELLENT] * 3 + [G.GOOD] * 15 + [G.COMPLETED] * 2 + [G.NOT_COMPLETED]
    communes = [two_level.unit(f"Xã {number}", province) for number in range(1, 22)]
    for commune, grade in zip(communes, grades, strict=True):
        two_level.run(ratings.set_rating, commune.id, YEAR, grade=grade)
    hamlet = two_level.unit("Ấp 1", communes[0])
    two_level.run(ratings.set_rating, hamlet.id, YEAR, grade=G.GOOD)
    two_level.run(ratings.set_rating, hamlet.id, YEAR, 2, G.COMPLETED)
    summary = two_level.run(ratings.rating_summary, YEAR)
    assert summary == {
        "year": YEAR,
        "levels": {
            "commune": {
                "total": 21,
                "excellent": {"count": 3, "share": 0.1429},
                "good": {"count": 15, "share": 0.7143},
                "completed": {"count": 2, "share": 0.0952},
                "not_completed": {"count": 1, "share": 0.0476},
            },
            "hamlet": {"total": 1, **{grade.value: {"count": int(grade is G.GOOD), "share": float(grade is G.GOOD)}
                                      for grade in G}},
        },
    }
    assert format_share(3 + 15, summary["levels"]["commune"]["total"]) == "18/21 = 85,71 %"  # type: ignore[index]
    under_first = two_level.run(ratings.rating_summary, YEAR, 2, communes[0].id)
    assert under_first["quarter"] == 2
    assert list(under_first["levels"]) == ["hamlet"]  # type: ignore[arg-type]
    assert under_first["levels"]["hamlet"]["completed"] == {"count": 1, "share": 1.0}  # type: ignore[index]
    itself = two_level.run(ratings.rating_summary, YEAR, None, communes[1].id)["levels"]  # the root counts
    assert {level: figures["total"] for level, figures in itself.items()} == {"commune": 1}  # type: ignore
    assert two_level.run(ratings.rating_summary, 2024, None, province.id) == {"year": 2024, "levels": {}}
    with pytest.raises(NotFound):
        two_level.run(ratings.rating_summary, YEAR, None, "nowhere")
    with pytest.raises(InvalidInput):
        two_level.run(ratings.rating_summary, YEAR, 7)


def test_setting_replacing_and_removing_can_be_undone_and_redone(two_level: Env, place: Place) -> None:
    undone_and_redone(two_level, ratings.set_rating, place.ap_1.id, YEAR, None, G.GOOD)
    undone_and_redone(two_level, ratings.set_rating, place.ap_1.id, YEAR, None, None, 95)
    undone_and_redone(two_level, ratings.remove_rating, place.ap_1.id, YEAR)
