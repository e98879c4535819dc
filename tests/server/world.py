"""A random small world of rows in every table, written as the administrator, and what each clerk may read of it.

The oracle here states the scope rules again in plain Python, apart from the server's policies: a clerk reads
the units at and below their roots (over every link ever), the names and links of the units above the roots,
and the rows of every table that lie at a unit (or a cluster of a unit) they read.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from typing import Any

DAY = date(2026, 1, 1)
REFERENCE = ("setting", "grasp_rule", "holiday_override", "alembic_version")
# The key of each table's rows as the tests read them back (text, for comparison).
KEYS = {
    "unit": "id", "unit_link": "id::text", "unit_lineage": "id::text", "unit_closure": "ancestor_id || '>' || descendant_id",
    "cluster": "id", "cluster_member": "id::text", "cadre": "id", "assignment": "id", "base_visit": "id",
    "activity": "id", "recommendation": "id", "recommendation_change": "id::text", "rating": "id", "report": "id",
    "meeting": "id", "meeting_attendee": "meeting_id || '>' || cadre_id", "setting": "key",
    "grasp_rule": "id::text", "holiday_override": "day::text", "alembic_version": "version_num",
}


@dataclass
class World:
    """The rows written, as plain values: enough to say who may read which."""

    units: list[str] = field(default_factory=list)
    links: dict[int, tuple[str, str]] = field(default_factory=dict)  # id -> (unit, parent)
    lineage: dict[int, tuple[str, str]] = field(default_factory=dict)
    clusters: dict[str, str] = field(default_factory=dict)  # id -> parent unit
    members: dict[int, tuple[str, str]] = field(default_factory=dict)  # id -> (cluster, commune)
    cadres: dict[str, str | None] = field(default_factory=dict)  # id -> home unit
    placed: dict[str, dict[str, tuple[str, str | None, str | None]]] = field(default_factory=dict)  # table -> id -> (cadre, unit, cluster)
    recommendations: dict[str, str] = field(default_factory=dict)  # id -> unit
    changes: dict[int, str] = field(default_factory=dict)  # id -> recommendation
    ratings: dict[str, str] = field(default_factory=dict)  # id -> unit
    reports: dict[str, str] = field(default_factory=dict)  # id -> unit or cluster
    meetings: list[str] = field(default_factory=list)
    attendees: list[tuple[str, str]] = field(default_factory=list)

    def ancestors(self, unit: str) -> set[str]:
        """Return the unit and every unit it was ever under."""
        found, pending = {unit}, [unit]
        while pending:
            current = pending.pop()
            for child, parent in self.links.values():
                if child == current and parent not in found:
                    found.add(parent)
                    pending.append(parent)
        return found

    def readable(self, roots: set[str]) -> dict[str, set[str]]:
        """Return, per table, the keys of the rows a clerk with these roots may read."""
        units = {unit for unit in self.units if self.ancestors(unit) & roots}
        above = set().union(*(self.ancestors(root) for root in roots)) if roots else set()
        clusters = {cluster for cluster, parent in self.clusters.items() if parent in units}
        cadres = {cadre for cadre, home in self.cadres.items() if home in units}
        cadres |= {cadre for cadre, unit, cluster in self.placed["assignment"].values()
                   if unit in units or cluster in clusters}
        recommendations = {rec for rec, unit in self.recommendations.items() if unit in units}
        seen = {
            "unit": units | above,
            "unit_link": {str(k) for k, (unit, parent) in self.links.items()
                          if unit in units | above or parent in units},
            "unit_lineage": {str(k) for k, (a, b) in self.lineage.items() if a in units or b in units},
            "unit_closure": {f"{a}>{d}" for d in units for a in self.ancestors(d)},
            "cluster": clusters,
            "cluster_member": {str(k) for k, (c, u) in self.members.items() if c in clusters or u in units},
            "cadre": cadres,
            "recommendation": recommendations,
            "recommendation_change": {str(k) for k, rec in self.changes.items() if rec in recommendations},
            "rating": {k for k, unit in self.ratings.items() if unit in units},
            "report": {k for k, scope in self.reports.items() if scope in units | clusters},
            "meeting": set(self.meetings) if roots else set(),
            "meeting_attendee": {f"{m}>{c}" for m, c in self.attendees if c in cadres},
        }
        for table, rows in self.placed.items():
            seen[table] = {k for k, (_cadre, unit, cluster) in rows.items() if unit in units or cluster in clusters}
        return seen


class Writer:
    """Writes a random world through the administrator's connection (psycopg), in one transaction."""

    def __init__(self, connection: Any, rng: random.Random, tag: str) -> None:
        self.db, self.rng, self.tag, self.count = connection, rng, tag, 0
        self.world = World()

    def _id(self, kind: str) -> str:
        self.count += 1
        return f"{self.tag}-{kind}-{self.count}"

    def _insert(self, table: str, **values: Any) -> Any:
        names = ", ".join(values)
        marks = ", ".join(["%s"] * len(values))
        returning = " RETURNING id" if "id" not in values and table not in ("meeting_attendee",) else ""
        cursor = self.db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks}){returning}", list(values.values()))
        return cursor.fetchone()[0] if returning else values.get("id")

    def _pick(self, items: list[Any]) -> Any:
        return self.rng.choice(items) if items else None

    def build(self, size: int) -> World:
        """Write a world of about `size` units and rows of every kind around them."""
        w, rng = self.world, self.rng
        for index in range(size):
            unit = self._insert("unit", id=self._id("u"), level="commune", kind="xã", name=f"U{index}",
                                name_key=f"u{index}", valid_from=DAY, is_remote=False)
            if w.units and rng.random() < 0.85:
                parent = self._pick(w.units)
                w.links[self._insert("unit_link", unit_id=unit, parent_id=parent, valid_from=DAY)] = (unit, parent)
            w.units.append(unit)
        for _ in range(rng.randint(0, 2) if len(w.units) > 1 else 0):  # once under another unit too (history)
            position = rng.randrange(1, len(w.units))
            child, parent = w.units[position], rng.choice(w.units[:position])
            w.links[self._insert("unit_link", unit_id=child, parent_id=parent, valid_from=date(2020, 1, 1),
                                 valid_to=DAY)] = (child, parent)
        for _ in range(rng.randint(0, 2)):
            a, b = self._pick(w.units), self._pick(w.units)
            w.lineage[self._insert("unit_lineage", source_id=a, target_id=b, on_date=DAY, note="")] = (a, b)
        for _ in range(rng.randint(0, 3)):
            cluster = self._insert("cluster", id=self._id("c"), name="Cụm", parent_id=self._pick(w.units),
                                   valid_from=DAY)
            w.clusters[cluster] = self.db.execute("SELECT parent_id FROM cluster WHERE id = %s", [cluster]).fetchone()[0]
            member = self._pick(w.units)
            w.members[self._insert("cluster_member", cluster_id=cluster, commune_id=member, valid_from=DAY)] = (
                cluster, member)
        for _ in range(rng.randint(1, 6)):
            home = self._pick(w.units) if rng.random() < 0.7 else None
            cadre = self._insert("cadre", id=self._id("k"), full_name="Cán bộ", name_key="can bo", position="",
                                 workplace="", tier="commune", is_standing=False, is_committee=False,
                                 is_party_member=True, phone="", status="active", home_unit_id=home)
            w.cadres[cadre] = home
        self._placed()
        self._records()
        return w

    def _target(self) -> tuple[str | None, str | None]:
        if self.world.clusters and self.rng.random() < 0.3:
            return None, self._pick(list(self.world.clusters))
        return self._pick(self.world.units), None

    def _placed(self) -> None:
        w = self.world
        for table in ("assignment", "base_visit", "activity"):
            w.placed[table] = {}
            for _ in range(self.rng.randint(0, 5)):
                cadre, (unit, cluster) = self._pick(list(w.cadres)), self._target()
                values: dict[str, Any] = {"id": self._id(table[:2]), "cadre_id": cadre, "unit_id": unit,
                                          "cluster_id": cluster}
                if table == "assignment":
                    values |= {"role": "Phụ trách", "start_date": DAY, "decision_number": "", "note": "",
                               "end_reason": ""}
                elif table == "base_visit":
                    values |= {"day": DAY, "note": ""}
                else:
                    values |= {"kind": "cell_meeting", "day": DAY, "duration_minutes": 60, "notes": ""}
                w.placed[table][self._insert(table, **values)] = (cadre, unit, cluster)

    def _records(self) -> None:
        w = self.world
        for _ in range(self.rng.randint(0, 3)):
            unit = self._pick(w.units)
            rec = self._insert("recommendation", id=self._id("r"), unit_id=unit, cadre_id=self._pick(list(w.cadres)),
                               raised_on=DAY, content="Đường hỏng", field="infrastructure", status="received",
                               forwarded_to="", answer="")
            w.recommendations[rec] = unit
            w.changes[self._insert("recommendation_change", recommendation_id=rec, day=DAY, new_status="received",
                                   note="")] = rec
        for quarter, unit in enumerate(self.rng.sample(w.units, min(len(w.units), 3))):
            w.ratings[self._insert("rating", id=self._id("q"), unit_id=unit, year=2026, quarter=quarter + 1,
                                   grade="good", note="")] = unit
        for _ in range(self.rng.randint(0, 2)):
            scope = self._pick([*w.units, *w.clusters])
            w.reports[self._insert("report", id=self._id("b"), kind="area", scope_id=scope, year=2026, quarter=1,
                                   status="draft", symbol="", place="", issued_on=DAY, higher_body="",
                                   issuing_body="", subject="", situation="", results="", assessment="",
                                   next_tasks="", proposals="", recipients="", signer_capacity="",
                                   signer_title="", signer_name="", created_at=DAY, updated_at=DAY)] = scope
        for _ in range(self.rng.randint(0, 2)):
            meeting = self._insert("meeting", id=self._id("m"), title="Họp", organizer="", starts_at=DAY,
                                   ends_at=DAY, place="", category="committee", reason="")
            w.meetings.append(meeting)
            for cadre in self.rng.sample(list(w.cadres), min(2, len(w.cadres))):
                self._insert("meeting_attendee", meeting_id=meeting, cadre_id=cadre)
                w.attendees.append((meeting, cadre))
