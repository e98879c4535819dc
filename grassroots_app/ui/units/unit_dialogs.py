"""Dialogs that change the hierarchy: add a child unit, move, close, merge."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain import hierarchy
from grassroots_app.domain.model import Carry, Level, Unit, UnitAttributes
from grassroots_app.services import units
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.field_labels import field_label
from grassroots_app.ui.shared.widgets import EditDialog, date_edit, from_qdate, typed_anywhere
from grassroots_app.ui.units.search import SearchBox

NO_NUMBER = -1


def _count_box() -> QSpinBox:
    """Return a spin box for a count that may be unknown (shown empty)."""
    box = QSpinBox()
    box.setRange(NO_NUMBER, 10_000_000)
    box.setSpecialValueText(" ")
    box.setValue(NO_NUMBER)
    return box


class AttributesForm(QWidget):
    """The clerk's figures about a unit: remote area, households, population, party members."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.remote = QCheckBox(field_label("is_remote"))
        self.households, self.population, self.party_members = _count_box(), _count_box(), _count_box()
        layout.addRow("", self.remote)
        layout.addRow(field_label("households"), self.households)
        layout.addRow(field_label("population"), self.population)
        layout.addRow(field_label("party_members"), self.party_members)

    def set_attributes(self, attributes: UnitAttributes) -> None:
        """Show a unit's figures."""
        self.remote.setChecked(attributes.is_remote)
        for box, value in ((self.households, attributes.households), (self.population, attributes.population),
                           (self.party_members, attributes.party_members)):
            box.setValue(NO_NUMBER if value is None else value)

    def attributes(self) -> UnitAttributes:
        """Return the figures as entered."""
        def read(box: QSpinBox) -> int | None:
            return None if box.value() == NO_NUMBER else box.value()

        return UnitAttributes(self.remote.isChecked(), read(self.households), read(self.population),
                              read(self.party_members))


class AddUnitDialog(EditDialog):
    """Add a unit under a parent (or a province at the top)."""

    def __init__(self, context: AppContext, parent_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(context, tr("Add a unit"), parent)
        self.parent_id = parent_id
        level, kinds = context.read(units.new_unit_offer, parent_id)
        default_kind = context.read(units.default_kind_under, parent_id, date.today())
        self.name = QLineEdit()
        self.kind = typed_anywhere(QComboBox())
        self.kind.addItems(list(kinds))
        self.kind.setCurrentText(default_kind)
        self.code = QLineEdit()
        self.valid_from = date_edit(date.today())
        self.attributes = AttributesForm()
        self.form.addRow(tr("Name"), self.name)
        self.form.addRow(tr("Kind"), self.kind)
        self.form.addRow(tr("Official code"), self.code)
        self.form.addRow(tr("From"), self.valid_from)
        self.form.addRow(self.attributes)
        self.name.textEdited.connect(self._guess_kind(level, default_kind))

    def _guess_kind(self, level: Level, default_kind: str) -> Callable[[str], None]:
        def guess(text: str) -> None:
            self.kind.setCurrentText(hierarchy.guess_kind(level, text, default_kind))
        return guess

    def submit(self) -> None:
        """Create the unit."""
        new = units.NewUnit(self.name.text(), self.parent_id, from_qdate(self.valid_from.date()),
                            self.kind.currentText(), self.code.text(), self.attributes.attributes())
        self.run_edit(tr("Add {name}").format(name=self.name.text().strip()), units.add_unit, new)


class UnitPicker(QWidget):
    """A search box that remembers the unit chosen and shows its path."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.chosen: str | None = None
        self.search = SearchBox(context, self)
        self.label = QLabel(tr("No unit chosen"))
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.label)
        self.setFocusProxy(self.search)
        self.search.unit_chosen.connect(self.choose)

    def choose(self, unit_id: str) -> None:
        """Remember a unit and show its path."""
        self.chosen = unit_id
        self.label.setText(self.context.read(units.unit_path, unit_id, self.context.as_of))


class MoveUnitDialog(EditDialog):
    """Place a unit under another parent from a day on."""

    def __init__(self, context: AppContext, unit: Unit, parent: QWidget | None = None) -> None:
        super().__init__(context, tr("Move {name}").format(name=unit.name), parent)
        self.unit = unit
        self.picker = UnitPicker(context)
        self.on = date_edit(date.today())
        self.form.addRow(tr("New parent unit"), self.picker)
        self.form.addRow(tr("From"), self.on)

    def submit(self) -> None:
        """Move the unit."""
        if self.picker.chosen is None:
            self.error.show_text(tr("Choose the new parent unit first."))
            return
        self.run_edit(tr("Move {name}").format(name=self.unit.name), units.move_unit, self.unit.id,
                      self.picker.chosen, from_qdate(self.on.date()))


class CloseUnitDialog(EditDialog):
    """Close a unit on a day (its open assignments end that day)."""

    def __init__(self, context: AppContext, unit: Unit, parent: QWidget | None = None) -> None:
        super().__init__(context, tr("Close {name}").format(name=unit.name), parent)
        self.unit = unit
        self.on = date_edit(date.today())
        warning = QLabel(tr("The unit stays in the history but disappears from the hierarchy from that day; "
                            "the assignments on it end that day."))
        warning.setWordWrap(True)
        self.form.addRow(warning)
        self.form.addRow(tr("Closed from"), self.on)

    def submit(self) -> None:
        """Close the unit."""
        self.run_edit(tr("Close {name}").format(name=self.unit.name), units.close_unit, self.unit.id,
                      from_qdate(self.on.date()))


class MergeUnitDialog(EditDialog):
    """Merge a unit into another of the same level; its children and (optionally) assignments follow."""

    def __init__(self, context: AppContext, unit: Unit, parent: QWidget | None = None) -> None:
        super().__init__(context, tr("Merge {name}").format(name=unit.name), parent)
        self.unit = unit
        self.picker = UnitPicker(context)
        self.on = date_edit(date.today())
        self.transfer = QRadioButton(tr("Carry its assignments over to the merged unit"))
        self.end = QRadioButton(tr("End its assignments"))
        self.transfer.setChecked(True)
        self.note = QLineEdit()
        self.form.addRow(tr("Merge into"), self.picker)
        self.form.addRow(tr("On"), self.on)
        self.form.addRow(self.transfer)
        self.form.addRow(self.end)
        self.form.addRow(tr("Note (decision)"), self.note)

    def submit(self) -> None:
        """Merge after a confirmation (a merge the rules refuse is not asked about)."""
        if self.picker.chosen is None:
            self.error.show_text(tr("Choose the unit to merge into first."))
            return
        question = tr("Merge '{name}' into '{target}'? It will be closed and its units moved.").format(
            name=self.unit.name, target=self.picker.label.text())
        carry = Carry.TRANSFER if self.transfer.isChecked() else Carry.END
        self.run_confirmed_edit(tr("Merge {name}").format(name=self.unit.name), question, units.merge_units,
                                self.unit.id, self.picker.chosen, from_qdate(self.on.date()), carry, self.note.text())
