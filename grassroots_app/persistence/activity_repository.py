"""The cadres' activities: meetings attended, visits, work on a unit or a cluster, each on its day."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, select, union_all
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from grassroots_app.domain.activities import Activity, ActivityFilter, ActivityKind
from grassroots_app.domain.base_plan import Visit
from grassroots_app.persistence.mapping import CHUNK, copy_fields
from grassroots_app.persistence.scopes import in_places, places
from grassroots_app.persistence.tables import ActivityRow, ClusterRow

activity = ActivityRow.__table__.c  # type: ignore[attr-defined]


def _target_columns(session: Session, target_id: str) -> tuple[str | None, str | None]:
    """Return (unit_id, cluster_id) for a target, whichever it is."""
    if session.get(ClusterRow, target_id) is not None:
        return None, target_id
    return target_id, None


def _activity(row: ActivityRow) -> Activity:
    target = row.unit_id or row.cluster_id
    assert target is not None
    return Activity(
        row.id, row.cadre_id, target, ActivityKind(row.kind), row.day, row.duration_minutes, row.notes,
        row.visit_id,
    )


class ActivityRepository:
    """The cadres' activities."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _write(self, activity: Activity, row: ActivityRow) -> None:
        copy_fields(activity, row, ("cadre_id", "day", "duration_minutes", "notes", "visit_id"))
        row.unit_id, row.cluster_id = _target_columns(self.session, activity.target_id)
        row.kind = activity.kind.value
        self.session.add(row)
        self.session.flush()

    def get(self, activity_id: str) -> Activity | None:
        """Return the activity with that id."""
        row = self.session.get(ActivityRow, activity_id)
        return _activity(row) if row else None

    def add(self, activity: Activity) -> None:
        """Store a new activity."""
        self._write(activity, ActivityRow(id=activity.id, cadre_id=activity.cadre_id, kind="", day=activity.day))

    def update(self, activity: Activity) -> None:
        """Store an activity's edited fields."""
        self._write(activity, self.session.get_one(ActivityRow, activity.id))

    def remove(self, activity_id: str) -> None:
        """Delete an activity."""
        self.session.delete(self.session.get_one(ActivityRow, activity_id))
        self.session.flush()

    def find(self, wanted: ActivityFilter, limit: int | None = None) -> list[Activity]:
        """Return the activities the filter asks for, newest first."""
        query: Select = select(ActivityRow)
        if wanted.cadre_id is not None:
            query = query.where(col(ActivityRow.cadre_id) == wanted.cadre_id)
        if wanted.kind is not None:
            query = query.where(col(ActivityRow.kind) == ActivityKind(wanted.kind).value)
        found = places(wanted.unit_id, wanted.cluster_id)
        window = (wanted.start, wanted.end)
        branches = in_places(query, found, activity.day, window, activity.unit_id, activity.cluster_id)
        if len(branches) > 1:  # on a unit or on a cluster: one branch each, united
            rows = aliased(ActivityRow, union_all(*branches).subquery("found"))
            query = select(rows)
        else:
            rows, query = ActivityRow, branches[0]
        query = query.order_by(col(rows.day).desc(), col(rows.id)).limit(limit)
        return [_activity(row) for row in self.session.scalars(query)]

    def release_visits(self, visit_ids: Sequence[str], kept: Visit | None = None) -> None:
        """Unlink the activities from these visits (being deleted), or from a visit edited away from them.

        Done row by row through the session, so that undo sees it.
        """
        for start in range(0, len(visit_ids), CHUNK):
            query = select(ActivityRow).where(col(ActivityRow.visit_id).in_(visit_ids[start:start + CHUNK]))
            for row in self.session.scalars(query):
                where = (row.cadre_id, row.unit_id or row.cluster_id, row.day)
                if kept is None or where != (kept.cadre_id, kept.target_id, kept.day):
                    row.visit_id = None
                    self.session.add(row)
        self.session.flush()
