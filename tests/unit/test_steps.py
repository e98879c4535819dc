"""A recorded step works out its inverse and what it changed once, however often it is undone and redone."""

from __future__ import annotations

from grassroots_app.domain.changes import Changes
from grassroots_app.persistence.journal import ChangeSet, RowChange
from grassroots_app.services.workspace import Step


def test_a_step_computes_its_inverse_and_its_changes_once() -> None:
    added = RowChange("unit", {"id": "u1"}, None, {"id": "u1", "name": "Xã A"})
    step = Step(ChangeSet((added,)))
    assert step.backward is step.backward and step.changes is step.changes
    assert step.backward == ChangeSet((RowChange("unit", {"id": "u1"}, {"id": "u1", "name": "Xã A"}, None),))
    assert step.changes == Changes(frozenset({"unit"}), frozenset({("unit", "u1")}))
    assert step and not Step(ChangeSet())
