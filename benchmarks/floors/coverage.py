"""Floor of the coverage: the gap list and the overloaded cadres of a subtree on a day, in one SQL statement.

Plain sqlite3 over the database file, written by hand from the schema, none of the application's code: the targets
are the units of a level with a grasp rule open on the day (under the root: reached from it by links valid that
day) and the clusters open that day (under the root: belonging to a unit reached); a gap is a target with fewer
active assignments in a rule's role than its minimum; a cadre is overloaded when in charge of more distinct targets
than the workload threshold stored in the settings.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ACTIVE = "a.start_date <= :on AND (a.end_date IS NULL OR a.end_date > :on)"

# The subtree under a root on a day, or every unit when there is no root.
SUBTREE = """
tree(id) AS (
    SELECT id FROM unit WHERE id = :root AND valid_from <= :on AND (valid_to IS NULL OR valid_to > :on)
    UNION ALL
    SELECT l.unit_id FROM unit_link l JOIN tree ON l.parent_id = tree.id
    WHERE l.valid_from <= :on AND (l.valid_to IS NULL OR l.valid_to > :on)
),"""
UNDER_ROOT = "AND u.id IN tree", "AND k.parent_id IN tree"

STATEMENT = """
WITH RECURSIVE {subtree}
rule(level, role, minimum) AS (SELECT target_level, role, minimum FROM grasp_rule),
target(id, level, on_cluster) AS (
    SELECT u.id, u.level, 0 FROM unit u
    WHERE u.level IN (SELECT level FROM rule) AND u.valid_from <= :on AND (u.valid_to IS NULL OR u.valid_to > :on)
    {units_under}
    UNION ALL
    SELECT k.id, 'cluster', 1 FROM cluster k
    WHERE 'cluster' IN (SELECT level FROM rule) AND k.valid_from <= :on AND (k.valid_to IS NULL OR k.valid_to > :on)
    {clusters_under}
),
held(cadre_id, target_id, role) AS (
    SELECT a.cadre_id, a.unit_id, a.role FROM target t JOIN assignment a ON a.unit_id = t.id
    WHERE t.on_cluster = 0 AND {active}
    UNION ALL
    SELECT a.cadre_id, a.cluster_id, a.role FROM target t JOIN assignment a ON a.cluster_id = t.id
    WHERE t.on_cluster = 1 AND {active}
)
SELECT 'gap', id, role, assigned FROM (
    SELECT t.id, r.role, r.minimum,
           CASE t.on_cluster
               WHEN 0 THEN (SELECT count(*) FROM assignment a WHERE a.unit_id = t.id AND a.role = r.role AND {active})
               ELSE (SELECT count(*) FROM assignment a WHERE a.cluster_id = t.id AND a.role = r.role AND {active})
           END AS assigned
    FROM target t JOIN rule r ON r.level = t.level
) WHERE assigned < minimum
UNION ALL
SELECT 'overloaded', cadre_id, NULL, count(DISTINCT target_id) FROM held GROUP BY cadre_id
HAVING count(DISTINCT target_id) > (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'workload_threshold')
"""


@dataclass(frozen=True)
class Answer:
    """The gaps as (target id, role, assigned) and the overloaded cadres as (cadre id, distinct targets)."""

    gaps: frozenset[tuple[str, str, int]]
    overloaded: frozenset[tuple[str, int]]


def statement(root: str | None) -> str:
    """Return the statement for a subtree (root given) or for everything."""
    units_under, clusters_under = UNDER_ROOT if root is not None else ("", "")
    return STATEMENT.format(subtree=SUBTREE if root is not None else "", units_under=units_under,
                            clusters_under=clusters_under, active=ACTIVE)


def coverage(path: Path | str, on: date, root: str | None = None) -> Answer:
    """Return the gaps and overloaded cadres under a root (None: everywhere) on a day, read from the file."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute(statement(root), {"on": on.isoformat(), "root": root}).fetchall()
    finally:
        connection.close()
    gaps = frozenset((target, role, assigned) for kind, target, role, assigned in rows if kind == "gap")
    overloaded = frozenset((cadre, targets) for kind, cadre, _role, targets in rows if kind == "overloaded")
    return Answer(gaps, overloaded)
