"""The area of a report as it stood day by day: its units and clusters, each over the days it was inside (pure).

The read side walks the area once (a cluster: its member communes over their membership; a district or
province: the unit itself) down to the groups, keeping for every unit and cluster reached the days
[since, until) it was inside, clipped to the report's window: the quarter and the day before it (for the
figures "at the end of the previous quarter"). A unit moved inside the area has one row per placement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from grassroots_app.domain.model import Level
from grassroots_app.domain.reports.model import QuarterRef
from grassroots_app.domain.reports.wording import span_note

PATH_SEPARATOR = " / "


class ScopeRow(NamedTuple):
    """A unit or cluster inside the area over [since, until), under `parent` (None: the area's top)."""

    id: str
    level: Level
    kind: str  # "xã", "ấp", "cụm"...
    name: str
    parent: str | None
    commune: str | None  # the commune it is, or lies under (None above the communes and for clusters)
    since: date
    until: date


class Scope:
    """The rows of an area, looked up by id and day; paths are written below `root` (the area unit, if any)."""

    def __init__(self, rows: Iterable[ScopeRow], quarter: QuarterRef, root: str | None = None) -> None:
        self.quarter = quarter
        self.root = root
        self.rows: dict[str, list[ScopeRow]] = defaultdict(list)
        for row in rows:
            self.rows[row.id].append(row)

    def row_on(self, item: str, day: date) -> ScopeRow | None:
        """Return the row placing an item inside the area on a day, or None when it was not inside then."""
        return next((row for row in self.rows.get(item, ()) if row.since <= day < row.until), None)

    def presence(self, item: str) -> tuple[date, date] | None:
        """Return the first day and the end of the item's days inside the area during the quarter (None: none)."""
        first, end = self.quarter.first, self.quarter.end
        spans = [(max(row.since, first), min(row.until, end)) for row in self.rows.get(item, ())]
        spans = [(since, until) for since, until in spans if since < until]
        if not spans:
            return None
        return min(since for since, _until in spans), max(until for _since, until in spans)

    def last_day(self, item: str) -> date:
        """Return the item's last day inside the area during the quarter."""
        present = self.presence(item)
        assert present is not None, item
        return present[1] - timedelta(days=1)

    def note(self, item: str) -> str:
        """Return " (từ …)" / " (đến …)" when the item was inside the area for only part of the quarter."""
        present = self.presence(item)
        if present is None:
            return ""
        return span_note(*present, self.quarter.first, self.quarter.end)

    def present(self, level: Level) -> list[ScopeRow]:
        """Return one row (the last) of each item of a level that was inside the area during the quarter."""
        found = []
        for item, rows in self.rows.items():
            if rows[0].level is level and self.presence(item) is not None:
                found.append(self.row_on(item, self.last_day(item)) or rows[-1])
        return found

    def path(self, item: str, day: date) -> str:
        """Return the item's path below the area's root on a day ("Xã A / Ấp 1"); its name if not inside then."""
        parts: list[str] = []
        row = self.row_on(item, day)
        while row is not None and row.id != self.root:
            parts.append(row.name)
            row = self.row_on(row.parent, day) if row.parent is not None else None
        if not parts:
            rows = self.rows.get(item)
            return rows[0].name if rows else item
        return PATH_SEPARATOR.join(reversed(parts))
