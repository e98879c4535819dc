"""Use cases of the field log's activities: record, edit, delete and list them; attendance against targets."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from grassroots_app.domain import hierarchy
from grassroots_app.domain.activities import (
    ATTENDANCE_KINDS,
    Activity,
    ActivityFilter,
    ActivityKind,
    AttendanceTarget,
    check_active_on,
    check_not_future,
    clean_activity,
    clean_targets,
    progress_of,
)
from grassroots_app.domain.calendar import period_span
from grassroots_app.domain.errors import N_, InvalidInput
from grassroots_app.domain.model import Tier, new_id
from grassroots_app.domain.text import natural_key, person_sort_key
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import lookup
from grassroots_app.services.assignments import get_target
from grassroots_app.services.cadres import get_cadre
from grassroots_app.services.setup import require_settings


@dataclass(frozen=True)
class ActivityView:
    """An activity as shown: the cadre's name, the target's name and path on the day, whether it was planned."""

    activity: Activity
    cadre_name: str
    target_name: str
    target_path: str
    planned: bool


@dataclass(frozen=True)
class AttendanceRow:
    """A cadre's meetings attended in a period against the target for that period."""

    cadre_id: str
    name: str
    tier: Tier
    attended: int
    target: int
    met: bool


def _views(uow: UnitOfWork, activities: Sequence[Activity]) -> list[ActivityView]:
    """Return the activities as shown, newest first, then by cadre (given name) and target path."""
    labels = uow.fieldlog_queries.labels({(item.target_id, item.day) for item in activities})
    names = uow.calendar_queries.names(sorted({item.cadre_id for item in activities}))
    shown = []
    for item in activities:
        name, path = labels.get((item.target_id, item.day), (item.target_id, item.target_id))
        shown.append(ActivityView(item, names.get(item.cadre_id, item.cadre_id), name, path, item.visit_id is not None))
    return sorted(shown, key=lambda view: (
        -view.activity.day.toordinal(), person_sort_key(view.cadre_name), natural_key(view.target_path)))


def _checked(uow: UnitOfWork, activity: Activity) -> Activity:
    """Return the activity cleaned and linked to its planned visit, or refuse it.

    The cadre must be working on the day and the target open then; the day may not lie in the future.
    """
    activity = clean_activity(activity)
    check_not_future(activity.day, date.today())
    check_active_on(get_cadre(uow, activity.cadre_id), activity.day)
    target = get_target(uow, activity.target_id)
    hierarchy.check_open_on(target.period, activity.day, target.name)
    same_day = uow.base_visits.between(activity.day, activity.day + timedelta(days=1), activity.cadre_id)
    visit = next((visit.id for visit in same_day if visit.target_id == activity.target_id), None)
    return replace(activity, visit_id=visit)


def record_activity(
    uow: UnitOfWork,
    cadre_id: str,
    target_id: str,
    kind: ActivityKind,
    day: date,
    duration_minutes: int = 0,
    notes: str = "",
) -> ActivityView:
    """Record what a cadre did at a unit or cluster on a day, linked to that day's planned visit if any."""
    require_settings(uow)
    activity = _checked(uow, Activity(new_id(), cadre_id, target_id, kind, day, duration_minutes, notes))
    uow.activities.add(activity)
    uow.commit()
    return _views(uow, [activity])[0]


def _stored(uow: UnitOfWork, activity_id: str) -> Activity:
    return lookup.by_id(uow.activities.get(activity_id), N_("No activity has the id '{id}'."), activity_id)


def get_activity(uow: UnitOfWork, activity_id: str) -> ActivityView:
    """Return the activity with that id as shown."""
    return _views(uow, [_stored(uow, activity_id)])[0]


def edit_activity(uow: UnitOfWork, activity: Activity) -> ActivityView:
    """Store an activity's new fields under the same checks as a new one (its planned visit found again)."""
    _stored(uow, activity.id)
    checked = _checked(uow, activity)
    uow.activities.update(checked)
    uow.commit()
    return _views(uow, [checked])[0]


def delete_activity(uow: UnitOfWork, activity_id: str) -> None:
    """Delete an activity."""
    delete_activities(uow, [activity_id])


def delete_activities(uow: UnitOfWork, activity_ids: Sequence[str]) -> None:
    """Delete several activities, all or none (one that no longer exists refuses them all)."""
    wanted = list(dict.fromkeys(activity_ids))
    for activity_id in wanted:
        _stored(uow, activity_id)
    for activity_id in wanted:
        uow.activities.remove(activity_id)
    uow.commit()


def list_activities(uow: UnitOfWork, wanted: ActivityFilter, limit: int | None = None) -> list[ActivityView]:
    """Return the activities the filter asks for, newest first (at most `limit`, the newest)."""
    if limit is not None and limit < 1:
        raise InvalidInput(N_("The number of activities to show must be at least 1, not {limit}."), limit=limit)
    return _views(uow, uow.activities.find(wanted, limit))


def attendance_targets(uow: UnitOfWork) -> tuple[AttendanceTarget, ...]:
    """Return the attendance targets of this database (the defaults until changed)."""
    return uow.attendance_targets.get()


def set_attendance_targets(uow: UnitOfWork, targets: Iterable[AttendanceTarget]) -> tuple[AttendanceTarget, ...]:
    """Store the attendance targets, refusing two for the same tier and flag."""
    require_settings(uow)
    cleaned = clean_targets(targets)
    uow.attendance_targets.save(cleaned)
    uow.commit()
    return cleaned


def attendance(
    uow: UnitOfWork, year: int, quarter: int | None = None, cadre_ids: Sequence[str] | None = None
) -> list[AttendanceRow]:
    """Return the meetings each cadre attended in the year or quarter against their target, by given name.

    Listed: the cadres a target applies to (still working in the period) and any who attended a meeting.
    """
    targets = attendance_targets(uow)
    found = uow.fieldlog_queries.attendance(period_span(year, quarter), ATTENDANCE_KINDS, targets, cadre_ids)
    cadres = [cadre for cadre, _meetings in found]
    progress = progress_of(cadres, {cadre.id: meetings for cadre, meetings in found}, targets, quarter)
    rows = [
        AttendanceRow(cadre.id, cadre.full_name, cadre.tier, item.attended, item.target, item.met)
        for cadre, item in zip(cadres, progress, strict=True)
    ]
    return sorted(rows, key=lambda row: person_sort_key(row.name))
