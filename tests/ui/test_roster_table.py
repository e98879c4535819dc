"""The roster's compact table and its model: the same rows, order, filters and look-ups as the plain entries."""

from __future__ import annotations

import io
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from grassroots_app.domain.model import CadreStatus, Tier
from grassroots_app.domain.text import collation_key, fold
from grassroots_app.services.isolated import dump_result, load_result
from grassroots_app.services.roster import RosterEntry, RosterTable
from grassroots_app.ui.units.roster_model import CadreRosterModel, Column, RosterFilter

THRESHOLD = 3
WORDS = st.sampled_from(["", "Xã Hòa", "Phường An", "xa hoa", "Bí thư", "Trưởng thôn", "Ấp Đông"])


def entry(number: int, name: str, tier: Tier, position: str, workplace: str, flags: tuple[bool, bool, bool],
          status: CadreStatus, targets: int) -> RosterEntry:
    """A roster row; the ids differ but one may begin another ("id-1", "id-12")."""
    return RosterEntry(f"id-{number}", name, tier, position, workplace, *flags, status, targets, targets > THRESHOLD)


ROW = st.tuples(st.text(max_size=8), st.sampled_from(list(Tier)), WORDS, WORDS,
                st.tuples(st.booleans(), st.booleans(), st.booleans()), st.sampled_from(list(CadreStatus)),
                st.integers(0, 6))
ENTRIES = st.lists(ROW, max_size=25).map(lambda rows: [entry(number, *row) for number, row in enumerate(rows)])
FILTERS = st.builds(RosterFilter, tier=st.none() | st.sampled_from(list(Tier)),
                    workplace=st.sampled_from(["", "xa", "hoa", "phuong an", "dong"]),
                    standing=st.booleans(), committee=st.booleans(), active_only=st.booleans(),
                    unassigned=st.booleans(), overloaded=st.booleans())


def passes(wanted: RosterFilter, entry: RosterEntry) -> bool:
    """The filter's conditions, one by one, on a plain entry."""
    return ((wanted.tier is None or entry.tier is wanted.tier) and wanted.workplace in fold(entry.workplace)
            and (not wanted.standing or entry.is_standing) and (not wanted.committee or entry.is_committee)
            and (not wanted.active_only or entry.status is CadreStatus.ACTIVE)
            and (not wanted.unassigned or entry.targets == 0) and (not wanted.overloaded or entry.overloaded))


def handed_over(table: RosterTable) -> RosterTable:
    """The table as a worker process's result file hands it to the window (its numbers views of the bytes read)."""
    file = io.BytesIO()
    dump_result(table, file)
    file.seek(0)
    return load_result(file, lambda: None)


def plain_key(column: Column) -> Any:
    """The order of a column on a plain entry."""
    return {
        Column.TIER: lambda e: list(Tier).index(e.tier),
        Column.POSITION: lambda e: collation_key(e.position),
        Column.WORKPLACE: lambda e: collation_key(e.workplace),
        Column.MEMBERSHIPS: lambda e: (-e.is_standing, -e.is_committee, -e.is_party_member),
        Column.TARGETS: lambda e: e.targets,
        Column.STATUS: lambda e: list(CadreStatus).index(e.status),
    }[column]


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(ENTRIES)
def test_the_table_gives_back_the_entries_it_was_made_of(rows: list[RosterEntry]) -> None:
    made = RosterTable.of(rows, THRESHOLD)
    for table in (made, handed_over(made)):
        assert len(table) == len(rows)
        assert table.entries() == rows
        assert [table.ids.find(row.id) for row in rows] == list(range(len(rows)))
        named = [row.full_name for row in rows if row.full_name]
        assert [table.names.find(name) for name in named] == [[row.full_name for row in rows].index(name)
                                                              for name in named]
        assert table.ids.find("missing") is None
        assert table.ids.find("") is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ENTRIES, FILTERS, st.sampled_from(list(Column)), st.sampled_from(list(Qt.SortOrder)), st.booleans())
def test_the_model_filters_and_sorts_like_the_plain_entries(
    qapp: object, rows: list[RosterEntry], wanted: RosterFilter, column: Column, order: Qt.SortOrder, handed: bool
) -> None:
    model = CadreRosterModel()
    table = RosterTable.of(rows, THRESHOLD)
    model.set_table(handed_over(table) if handed else table)
    model.set_filter(wanted)
    model.sort(column, order)
    kept = [entry for entry in rows if passes(wanted, entry)]
    descending = order == Qt.SortOrder.DescendingOrder
    expected = kept[::-1] if column is Column.NAME and descending else (
        kept if column is Column.NAME else sorted(kept, key=plain_key(column), reverse=descending))
    assert [model.entry(row) for row in range(model.rowCount())] == expected
    assert model.total == len(rows)
    assert [model.row_of(entry.id) for entry in expected] == list(range(len(expected)))
    assert all(model.row_of(entry.id) is None for entry in rows if entry not in kept)
