"""Every table the app stores belongs to a group of domain.changes, so that a view showing it refreshes on edits."""

from __future__ import annotations

from grassroots_app.domain.changes import EVERY_TABLE
from grassroots_app.persistence.tables import metadata


def test_every_stored_table_is_in_a_change_group_and_no_group_names_a_missing_one() -> None:
    stored = {table.name for table in metadata.sorted_tables}
    assert sorted(stored - EVERY_TABLE) == []
    assert sorted(EVERY_TABLE - stored) == []
