"""The fields of an activity, typed without the mouse: cadre, target, kind, date, duration, notes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain.activities import MAX_DURATION_MINUTES, MAX_NOTES_LENGTH, Activity, ActivityKind
from grassroots_app.domain.errors import N_, InvalidInput
from grassroots_app.services.activities import ActivityView
from grassroots_app.services.roster import cadre_targets
from grassroots_app.services.units import unit_path
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.pickers import ID_ROLE, TEXT_ROLE, LookupField, find_cadres
from grassroots_app.ui.shared.widgets import DateField, Dialog, from_qdate, to_qdate, typed_anywhere
from grassroots_app.ui.units.search import SearchBox

TARGET_WIDTH_CHARS = 28

Entry = tuple[str, str, ActivityKind, date, int, str]


class CadreLookup(LookupField):
    """A cadre found as you type; leaving the field takes the highlighted match (else the first)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, find_cadres, tr("Type part of the name (accents optional)"), parent)
        self.editingFinished.connect(self.settle)

    def settle(self) -> None:
        """Take the highlighted (else the first) cadre matching the typed text, when none was picked yet."""
        text = self.text().strip()
        popup = self.suggestions()
        if self.chosen is None and text:
            if self.timer.isActive():
                self.timer.stop()
                first = next(iter(self.finder(self.context, text)), None)
                if first is not None:
                    self.choose(first.id, first.text)
            else:
                index = popup.currentIndex()
                index = index if index.isValid() else self.suggester.completionModel().index(0, 0)
                if index.isValid():
                    self.choose(index.data(ID_ROLE), index.data(TEXT_ROLE))
        popup.hide()


class WindowUndo(QObject):
    """Lets Ctrl+Z and Ctrl+Y reach the window's undo when a line edit has nothing of its own to undo or redo."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refuse the line edit's claim on the undo keys when it has nothing to take back."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QLineEdit) \
                and isinstance(event, QKeyEvent):
            undo = event.matches(QKeySequence.StandardKey.Undo) and not watched.isUndoAvailable()
            redo = event.matches(QKeySequence.StandardKey.Redo) and not watched.isRedoAvailable()
            if undo or redo:
                event.ignore()
                return True
        return False


class DayEdit(DateField):
    """The field log's dd/MM/yyyy field (Tab leaves it, as every date field's does)."""


class UnitChoiceDialog(Dialog):
    """Find a unit by name or code; choosing it closes the dialog."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Choose a unit"))
        self.unit_id: str | None = None
        self.search = SearchBox(context, self)
        QVBoxLayout(self).addWidget(self.search)
        self.search.unit_chosen.connect(self._chosen)
        self.resize(520, 360)

    def _chosen(self, unit_id: str) -> None:
        self.unit_id = unit_id
        self.accept()


def _short_path(path: str) -> str:
    """Return a path without its first level (the province every target shares)."""
    parts = path.split(" / ")
    return " / ".join(parts[1:]) if len(parts) > 1 else path


class TargetChooser(QWidget):
    """The cadre's targets on the day in a list, and the other units found by name during this session."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.cadre_id: str | None = None  # whose targets are listed
        self.targets: list[tuple[str, str]] = []
        self.others: list[tuple[str, str]] = []
        self.combo = typed_anywhere(QComboBox())
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(TARGET_WIDTH_CHARS)
        self.other_button = QPushButton(tr("Other &unit…"))
        self.other_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its Alt shortcut; Tab goes on to the kind
        self.other_button.setToolTip(tr("Find a unit that is not among the cadre's targets"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.other_button)
        self.setFocusProxy(self.combo)

    def show_targets(self, cadre_id: str | None, day: date) -> None:
        """List the targets in the cadre's charge on the day, keeping the chosen one when still listed; for another
        cadre, a unit found for the previous one stays offered but is no longer chosen."""
        rows = self.context.read(cadre_targets, cadre_id, day) if cadre_id else []
        keep = self.chosen()
        self.targets = [(row.assignment.target_id, row.path) for row in rows if row.current]
        if cadre_id != self.cadre_id and keep not in {target_id for target_id, _path in self.targets}:
            keep = None
        self.cadre_id = cadre_id
        self.combo.setPlaceholderText(tr("No target on that day: choose another unit") if cadre_id
                                      else tr("Choose the cadre first"))
        self._fill(keep)

    def forget_others(self) -> None:
        """Offer only the cadre's targets again (another database was opened)."""
        self.others = []
        self._fill(None)

    def add_other(self, target_id: str, path: str) -> None:
        """Offer a unit or cluster outside the cadre's targets, and choose it."""
        self.others = [(target_id, path), *[item for item in self.others if item[0] != target_id]]
        self._fill(target_id)

    def find_other(self, day: date) -> None:
        """Let the user find another unit by name, and choose it."""
        dialog = UnitChoiceDialog(self.context, self)
        if dialog.exec() and dialog.unit_id is not None:
            self.add_other(dialog.unit_id, self.context.read(unit_path, dialog.unit_id, day))
        self.combo.setFocus()

    def _fill(self, keep: str | None) -> None:
        listed = {target_id for target_id, _path in self.targets}
        self.combo.clear()
        for target_id, path in [*self.targets, *(item for item in self.others if item[0] not in listed)]:
            self.combo.addItem(_short_path(path), target_id)
            self.combo.setItemData(self.combo.count() - 1, path, Qt.ItemDataRole.ToolTipRole)
        found = self.combo.findData(keep) if keep is not None else -1
        self.combo.setCurrentIndex(found if found >= 0 else 0 if self.targets else -1)

    def chosen(self) -> str | None:
        """Return the id of the chosen unit or cluster."""
        data = self.combo.currentData()
        return str(data) if data is not None else None


class ActivityFields(QWidget):
    """The fields of one activity in their natural Tab order; Alt and the underlined letter reach each one."""

    def __init__(self, context: AppContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.cadre = CadreLookup(context)
        self.target = TargetChooser(context)
        self.kind = typed_anywhere(QComboBox())
        for kind in ActivityKind:
            self.kind.addItem(tr(kind.label), kind.value)
        self.day = DayEdit(day)
        self.duration = QSpinBox()
        self.duration.setRange(0, MAX_DURATION_MINUTES)
        self.duration.setSpecialValueText(tr("not given"))
        self.notes = QLineEdit()
        self.notes.setMaxLength(MAX_NOTES_LENGTH)
        self.notes.setPlaceholderText(tr("Short notes: the cell, the content, what residents raised"))
        self._lay_out()
        self.refresh_targets()
        self.undo_keys = WindowUndo(self)
        for edit in (self.cadre, self.notes):
            edit.installEventFilter(self.undo_keys)
        self.cadre.chosen_changed.connect(lambda _chosen: self.refresh_targets())
        self.day.editingFinished.connect(self.refresh_targets)
        self.target.other_button.clicked.connect(lambda: self.target.find_other(self.entry_day()))

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        when = QHBoxLayout()
        when.addWidget(self.day)
        when.addWidget(_buddy(tr("Duration (&minutes)"), self.duration))
        when.addWidget(self.duration)
        when.addStretch()
        placed = ((tr("&Cadre"), self.cadre, 0, 0), (tr("Tar&get"), self.target, 0, 2),
                  (tr("&Kind"), self.kind, 1, 0), (tr("&Date"), self.day, 1, 2))
        for text, field, row, column in placed:
            grid.addWidget(_buddy(text, field), row, column)
            if field is not self.day:
                grid.addWidget(field, row, column + 1)
        grid.addLayout(when, 1, 3)
        grid.addWidget(_buddy(tr("&Notes"), self.notes), 2, 0)
        grid.addWidget(self.notes, 2, 1, 1, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 3)
        for first, second in ((self.cadre, self.target.combo), (self.target.combo, self.kind),
                              (self.kind, self.day), (self.day, self.duration), (self.duration, self.notes)):
            QWidget.setTabOrder(first, second)

    def entry_day(self) -> date:
        """Return the day typed."""
        return from_qdate(self.day.date())

    def refresh_targets(self) -> None:
        """List the chosen cadre's targets on the day typed."""
        self.target.show_targets(self.cadre.chosen, self.entry_day())

    def entry(self) -> Entry:
        """Return (cadre, target, kind, day, duration, notes), or refuse when no cadre or target is chosen."""
        self.cadre.settle()
        if self.cadre.chosen is None:
            raise InvalidInput(N_("Choose the cadre from the list (type part of the name)."))
        target = self.target.chosen()
        if target is None:
            raise InvalidInput(N_("Choose where the activity took place."))
        kind = ActivityKind(self.kind.currentData())
        return self.cadre.chosen, target, kind, self.entry_day(), self.duration.value(), self.notes.text()

    def edited(self, activity: Activity) -> Activity:
        """Return the activity with the fields' values."""
        cadre_id, target_id, kind, day, duration, notes = self.entry()
        return replace(activity, cadre_id=cadre_id, target_id=target_id, kind=kind, day=day,
                       duration_minutes=duration, notes=notes)

    def show_activity(self, view: ActivityView) -> None:
        """Fill the fields with a recorded activity."""
        activity = view.activity
        self.day.setDate(to_qdate(activity.day))
        self.cadre.choose(activity.cadre_id, view.cadre_name)
        self.target.add_other(activity.target_id, view.target_path)
        self.kind.setCurrentIndex(self.kind.findData(activity.kind.value))
        self.duration.setValue(activity.duration_minutes)
        self.notes.setText(activity.notes)

    def reset(self) -> None:
        """Start afresh on another database: no cadre, no other units."""
        self.target.forget_others()
        self.cadre.clear()

    def next_entry(self) -> None:
        """Clear what changes from one entry to the next (duration, notes); start again at the cadre."""
        self.duration.setValue(0)
        self.notes.setText("")  # not clear(): nothing left for the field's own undo
        self.cadre.setFocus(Qt.FocusReason.TabFocusReason)
        self.cadre.selectAll()


def _buddy(text: str, field: QWidget) -> QLabel:
    """Return a label whose Alt+letter puts the cursor in the field."""
    label = QLabel(text)
    label.setBuddy(field)
    return label
