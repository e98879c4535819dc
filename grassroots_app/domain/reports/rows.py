"""The rows of a report's tables, built from what the read side found (pure).

Labels of the enums come through `label` (the Vietnamese catalog in the application), so that these
builders stay pure and the tests can pass any labeller.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import TypeVar

from grassroots_app.domain.activities import ATTENDANCE_KINDS, ActivityKind, AttendanceTarget, period_target, target_for
from grassroots_app.domain.calendar import FreeDay
from grassroots_app.domain.coverage import Coverage, Shortfall, compute_coverage
from grassroots_app.domain.errors import Labelled
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.hierarchy import UNIT_KINDS
from grassroots_app.domain.model import Cadre, Level
from grassroots_app.domain.ratings import GRADES, RATEABLE_LEVELS, format_share, good_or_better
from grassroots_app.domain.reports.inputs import Attended, DayCount, Held, Lacking, LevelTotal, RatedUnit
from grassroots_app.domain.reports.model import (
    AttendanceRow,
    BaseDayRow,
    ChargeRow,
    CoverageRow,
    GradeCount,
    RatingLevelRow,
)
from grassroots_app.domain.reports.scope import Scope
from grassroots_app.domain.rules import GraspRule
from grassroots_app.domain.text import natural_key, person_sort_key

Label = Callable[[Labelled], str]
K = TypeVar("K")

GOOD_OR_BETTER = "Hoàn thành tốt nhiệm vụ trở lên"
RATED_BODY = {Level.COMMUNE: "Đảng bộ", Level.HAMLET: "Chi bộ"}  # what is rated at each level


def keyed(texts: Iterable[str], key: Callable[[str], K]) -> dict[str, K]:
    """Return the sort key of each distinct text, each computed once (collation keys are slow to make)."""
    return {text: key(text) for text in set(texts)}


# --- who was in charge of what ---------------------------------------------------------------------


def decision_text(number: str, signed_on: date | None) -> str:
    """Return an assignment decision as the annexed table writes it: "12-QĐ/HU, 05/01/2026" ("" when none)."""
    if not number:
        return ""
    return f"{number}, {format_date(signed_on)}" if signed_on else number


def _last_day(item: Held, quarter_end: date) -> date:
    """Return the last day of the quarter the assignment ran with its target inside the area."""
    return min(item.end or quarter_end, item.until, quarter_end) - timedelta(days=1)


def charge_rows(held: Iterable[Held], scope: Scope) -> tuple[ChargeRow, ...]:
    """Return one row per assignment that ran in the quarter on a target of the area, by path then start."""
    latest: dict[str, Held] = {}
    end = scope.quarter.end
    for item in held:
        known = latest.get(item.assignment_id)
        if known is None or _last_day(item, end) > _last_day(known, end):
            latest[item.assignment_id] = item
    rows = []
    for item in latest.values():
        day = _last_day(item, end)
        target = scope.row_on(item.target_id, day)
        assert target is not None, item
        path = scope.path(item.target_id, day) + scope.note(item.target_id)
        still_running = item.end is None or item.end > end
        rows.append(ChargeRow(
            path, target.kind, item.role, item.cadre.full_name, item.start, None if still_running else item.end,
            decision_text(item.decision_number, item.decision_date),
        ))
    paths = keyed((row.target_path for row in rows), natural_key)
    names = keyed((row.cadre_name for row in rows), person_sort_key)
    return tuple(sorted(rows, key=lambda row: (paths[row.target_path], row.start, names[row.cadre_name])))


# --- coverage per commune --------------------------------------------------------------------------


def commune_coverage(
    day: date, totals: Iterable[LevelTotal], lacking: Iterable[Lacking], rules: Sequence[GraspRule]
) -> dict[str, Coverage]:
    """Return the coverage of each commune on a day from its targets per level and its candidate gaps."""
    counted: dict[str, dict[Level, int]] = defaultdict(dict)
    for total in totals:
        counted[total.commune][total.level] = total.targets
    short: dict[str, list[Shortfall]] = defaultdict(list)
    for found in lacking:
        short[found.commune].append(found.shortfall)
    return {commune: compute_coverage(day, levels, short[commune], rules, (), 1) for commune, levels in counted.items()}


def _staffing(coverage: Coverage | None) -> tuple[dict[Level, tuple[int, int]], int]:
    """Return (total, covered) per level and the number of gaps of a commune's coverage (none: nothing)."""
    if coverage is None:
        return {}, 0
    return {level.level: (level.total, level.covered) for level in coverage.levels}, len(coverage.gaps)


def coverage_rows(
    scope: Scope, at_end: Mapping[str, Coverage], before: Mapping[str, Coverage]
) -> tuple[CoverageRow, ...]:
    """Return each commune's coverage on its last day in the area in the quarter and at the previous quarter's end.

    A commune not inside the area on the day before the quarter has 0 gaps before.
    """
    rows = []
    for commune in scope.present(Level.COMMUNE):
        levels, gaps = _staffing(at_end.get(commune.id))
        hamlets, groups, itself = (levels.get(level, (0, 0)) for level in (Level.HAMLET, Level.GROUP, Level.COMMUNE))
        rows.append(CoverageRow(
            commune.name + scope.note(commune.id), hamlets[0], hamlets[1], groups[0], groups[1],
            itself[0] == itself[1], gaps, _staffing(before.get(commune.id))[1],
        ))
    return tuple(sorted(rows, key=lambda row: natural_key(row.commune)))


# --- meetings and visits ---------------------------------------------------------------------------


def attendance_rows(
    charges: Iterable[Held],
    attended: Iterable[Attended],
    targets: Sequence[AttendanceTarget],
    scope: Scope,
    label: Label,
) -> tuple[AttendanceRow, ...]:
    """Return each cadre in charge of a target of the area with their meetings and visits there against the target.

    The activities count at places inside the area on their day; the quarter's target is a quarter of the
    year's, rounded up. Cadres in charge of nothing here (of groups only, say) are left out.
    """
    cadres: dict[str, Cadre] = {}
    places: dict[str, dict[str, str]] = defaultdict(dict)
    named = [(item, scope.path(item.target_id, _last_day(item, scope.quarter.end))) for item in charges]
    for item, name in sorted(named, key=lambda pair: (pair[0].start, natural_key(pair[1]), pair[0].target_id)):
        cadres[item.cadre.id] = item.cadre
        places[item.cadre.id][item.target_id] = name
    kinds: dict[str, Counter[ActivityKind]] = defaultdict(Counter)
    for record in attended:
        kinds[record.cadre.id][record.kind] += record.activities
    rows = []
    for cadre_id, cadre in cadres.items():
        done = kinds[cadre_id]
        committee, cell = done[ActivityKind.COMMITTEE_MEETING], done[ActivityKind.CELL_MEETING]
        visits = sum(number for kind, number in done.items() if kind not in ATTENDANCE_KINDS)
        due = period_target(target_for(cadre, targets), scope.quarter.quarter)
        rows.append(AttendanceRow(
            cadre.full_name, label(cadre.tier), "; ".join(places[cadre_id].values()), committee, cell, visits, due,
            committee + cell >= due,
        ))
    return tuple(sorted(rows, key=lambda row: person_sort_key(row.cadre_name)))


def base_day_rows(
    days: Iterable[FreeDay], planned: Mapping[date, int], held: Iterable[DayCount]
) -> tuple[BaseDayRow, ...]:
    """Return each meeting-free day with the visits planned, the activities recorded and the places reached."""
    done = {item.day: item for item in held}
    rows = []
    for free in days:
        found = done.get(free.day)
        rows.append(BaseDayRow(free.day, planned.get(free.day, 0), found.activities if found else 0,
                               found.targets if found else 0))
    return tuple(rows)


# --- quality ratings -------------------------------------------------------------------------------


def _level_label(level: Level, kinds: Iterable[str]) -> str:
    """Return what is rated at a level, named with the kinds found: "Chi bộ ấp, khu phố"."""
    present = set(kinds)
    return f"{RATED_BODY[level]} {', '.join(kind for kind in UNIT_KINDS[level] if kind in present)}"


def _grade_count(text: str, number: int, total: int) -> GradeCount:
    return GradeCount(text, number, format_share(number, total))


def rating_rows(rated: Iterable[RatedUnit], label: Label) -> tuple[RatingLevelRow, ...]:
    """Return, per level rated (communes, then hamlets), each grade's count and share and the good-or-better line."""
    by_level: dict[Level, list[RatedUnit]] = defaultdict(list)
    for unit in rated:
        by_level[unit.level].append(unit)
    rows = []
    for level in RATEABLE_LEVELS:
        units = by_level.get(level)
        if not units:
            continue
        total, grades = len(units), Counter(unit.grade for unit in units)
        rows.append(RatingLevelRow(
            _level_label(level, (unit.kind for unit in units)), total,
            tuple(_grade_count(label(grade), grades[grade], total) for grade in GRADES),
            _grade_count(GOOD_OR_BETTER, good_or_better(grades), total),
        ))
    return tuple(rows)
