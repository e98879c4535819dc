"""What one edit, undo or redo changed: the tables it wrote and the rows in them (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass

HIERARCHY = frozenset({"unit", "unit_link", "unit_closure", "unit_lineage", "cluster", "cluster_member"})
PEOPLE = frozenset({"cadre", "assignment"})
RULES = frozenset({"grasp_rule", "setting"})
CALENDAR = frozenset({"meeting", "meeting_attendee", "base_visit", "holiday_override"})
FIELD_LOG = frozenset({"activity", "recommendation", "recommendation_change", "rating"})
REPORTS = frozenset({"report"})
EVERY_TABLE = HIERARCHY | PEOPLE | RULES | CALENDAR | FIELD_LOG | REPORTS


@dataclass(frozen=True)
class Changes:
    """The tables an edit wrote and the (table, key) of each row it inserted, updated or deleted."""

    tables: frozenset[str] = frozenset()
    rows: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def everything(cls) -> Changes:
        """Return the changes that make every view refresh (data changed by someone we cannot follow)."""
        return cls(EVERY_TABLE)

    def touches(self, tables: frozenset[str]) -> bool:
        """Return whether any of the tables changed."""
        return not self.tables.isdisjoint(tables)

    def ids(self, table: str) -> frozenset[str]:
        """Return the keys of the changed rows of one table."""
        return frozenset(key for name, key in self.rows if name == table)

    def __bool__(self) -> bool:
        return bool(self.tables)
