"""The attendance targets: how many meetings a year each kind of cadre should attend."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlmodel import Session

from grassroots_app.domain.activities import DEFAULT_ATTENDANCE_TARGETS, AttendanceTarget
from grassroots_app.domain.model import Flag, Tier
from grassroots_app.persistence.tables import SettingRow

TARGETS_KEY = "fieldlog.attendance_targets"

class AttendanceTargetRepository:
    """The attendance targets, kept as JSON in the `setting` table under `fieldlog.attendance_targets`."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self) -> tuple[AttendanceTarget, ...]:
        """Return the stored targets, or the defaults when none were stored."""
        row = self.session.get(SettingRow, TARGETS_KEY)
        if row is None:
            return DEFAULT_ATTENDANCE_TARGETS
        return tuple(
            AttendanceTarget(
                Tier(item["tier"]) if item["tier"] else None,
                Flag(item["flag"]) if item["flag"] else None,
                int(item["per_year"]),
            )
            for item in json.loads(row.value)
        )

    def save(self, targets: Iterable[AttendanceTarget]) -> None:
        """Store the targets (replacing the defaults)."""
        value = [
            {"tier": t.tier.value if t.tier else None, "flag": t.flag.value if t.flag else None,
             "per_year": t.per_year}
            for t in targets
        ]
        self.session.merge(SettingRow(key=TARGETS_KEY, value=json.dumps(value)))
        self.session.flush()
