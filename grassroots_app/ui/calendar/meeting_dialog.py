"""The dialog that records a meeting or edits one, with live warnings and the meeting-free day rule."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain.calendar import MeetingCategory
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.meetings import MAX_DURATION_MINUTES, Meeting
from grassroots_app.services import cadres, calendar, meetings
from grassroots_app.services.meetings import MeetingView
from grassroots_app.services.workspace import UnitOfWork
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.field_labels import field_label
from grassroots_app.ui.shared.widgets import EditDialog, TimeField, date_edit, from_qdate, to_qdate, typed_anywhere

DEFAULT_START = time(8, 0)
DEFAULT_MINUTES = 90  # a party-cell meeting lasts at least 90 minutes
DURATION_STEP = 15
CHECK_DELAY_MS = 250
PICKER_LIMIT = 200  # matches listed under the filter; the chosen cadres are always listed
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_TO_LIST_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down)
WARNING_STYLE = "background: #fff4c2; color: #6b4e00; padding: 4px;"


def _free_day_rule(uow: UnitOfWork, start: datetime, minutes: int) -> str | None:
    """Return what the meeting-free day rule asks of a meeting at that time, or None on other days."""
    last = (start + timedelta(minutes=max(minutes, 1)) - timedelta(microseconds=1)).date()
    found = calendar.free_days_between(uow, start.date(), last + timedelta(days=1))
    if not found:
        return None
    day = format_date(found[0].day)
    allowed = sorted(calendar.calendar_policy(uow).allowed, key=lambda item: item.value)
    if not allowed:
        return tr("{day} is a meeting-free day: no meeting can be held on it.").format(day=day)
    return tr("{day} is a meeting-free day: only a {allowed} can be held on it, with a reason.").format(
        day=day, allowed=" / ".join(tr(item.label) for item in allowed))


class AttendeePicker(QWidget):
    """Tick cadres in a list narrowed by a filter; the ticked ones stay listed first."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.chosen: dict[str, str] = {}
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Type part of the name (accents optional)"))
        self.list = QListWidget()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.filter, self.list, self.summary):
            layout.addWidget(widget)
        self.filter.textChanged.connect(self.refresh)
        self.filter.installEventFilter(self)
        self.setFocusProxy(self.filter)
        self.list.itemChanged.connect(self._toggled)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Let Enter or Down in the filter go to the list (Space ticks there) instead of pressing OK."""
        if watched is self.filter and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() in FILTER_TO_LIST_KEYS:
            self.list.setFocus()
            return True
        return super().eventFilter(watched, event)

    def set_chosen(self, attendees: tuple[tuple[str, str], ...]) -> None:
        """Tick these (id, name) cadres."""
        self.chosen = dict(attendees)
        self.refresh()

    def ids(self) -> tuple[str, ...]:
        """Return the ids of the ticked cadres."""
        return tuple(self.chosen)

    def refresh(self) -> None:
        """List the ticked cadres, then the active cadres matching the filter."""
        found = self.context.read(cadres.find_cadres, self.filter.text(), PICKER_LIMIT)
        self.list.blockSignals(True)
        self.list.clear()
        for cadre_id, name in self.chosen.items():
            self._add(cadre_id, name, name, Qt.CheckState.Checked)
        for cadre in found:
            if cadre.id not in self.chosen:
                label = f"{cadre.full_name} — {cadre.position or tr(cadre.tier.label)}"
                self._add(cadre.id, cadre.full_name, label, Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self.list.setCurrentRow(0)
        self._summarize()

    def _add(self, cadre_id: str, name: str, label: str, state: Qt.CheckState) -> None:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, cadre_id)
        item.setData(NAME_ROLE, name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(state)
        self.list.addItem(item)

    def _toggled(self, item: QListWidgetItem) -> None:
        cadre_id = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self.chosen[cadre_id] = item.data(NAME_ROLE)
        else:
            self.chosen.pop(cadre_id, None)
        self._summarize()
        self.changed.emit()

    def _summarize(self) -> None:
        names = ", ".join(self.chosen.values())
        self.summary.setText(tr("Chosen: {names}").format(names=names) if names else tr("No attendee chosen."))


class MeetingDialog(EditDialog):
    """Record a meeting on a day (no meeting given) or edit one; refusals show next to the fields."""

    def __init__(self, context: AppContext, day: date | None = None, meeting_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, tr("Edit the meeting") if meeting_id else tr("Add a meeting"), parent)
        self.view: MeetingView | None = context.read(meetings.get_meeting, meeting_id) if meeting_id else None
        self.check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.check_now)
        self._build(day or context.as_of)
        if self.view is not None:
            self._show(self.view)
        self._connect()
        self.check_now()

    def _build(self, day: date) -> None:
        self.title = QLineEdit()
        self.organizer = QLineEdit()
        self.day = date_edit(day)
        self.start = TimeField(QTime(DEFAULT_START.hour, DEFAULT_START.minute))
        self.duration = QSpinBox()
        self.duration.setRange(1, MAX_DURATION_MINUTES)
        self.duration.setSingleStep(DURATION_STEP)
        self.duration.setValue(DEFAULT_MINUTES)
        self.duration.setSuffix(tr(" minutes"))
        self.place = QLineEdit()
        self.category = typed_anywhere(QComboBox())
        for member in MeetingCategory:
            self.category.addItem(tr(member.label), member.value)
        self.reason = QLineEdit()
        self.reason_label = QLabel(tr("Reason"))
        self.free_note = QLabel()
        self.free_note.setWordWrap(True)
        self.free_note.setStyleSheet("color: #1b5e20;")
        self.attendees = AttendeePicker(self.context)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.hide()
        rows = ((field_label("title"), self.title), (field_label("organizer"), self.organizer), (tr("Date"), self.day),
                (tr("Starts at"), self.start), (tr("Duration"), self.duration), (field_label("place"), self.place),
                (field_label("category"), self.category))
        for label, field in rows:
            self.form.addRow(label, field)
        self.form.addRow(self.reason_label, self.reason)
        self.form.addRow(self.free_note)
        self.form.addRow(tr("Attendees"), self.attendees)
        self.form.addRow(self.warnings)

    def _show(self, view: MeetingView) -> None:
        meeting = view.meeting
        self.title.setText(meeting.title)
        self.organizer.setText(meeting.organizer)
        self.day.setDate(to_qdate(meeting.start.date()))
        self.start.setTime(QTime(meeting.start.hour, meeting.start.minute))
        self.duration.setValue(meeting.duration_minutes)
        self.place.setText(meeting.place)
        self.category.setCurrentIndex(self.category.findData(meeting.category.value))
        self.reason.setText(meeting.reason)
        self.attendees.set_chosen(view.attendees)

    def _connect(self) -> None:
        for signal in (self.title.textChanged, self.day.dateChanged, self.start.timeChanged,
                       self.duration.valueChanged, self.category.currentIndexChanged, self.attendees.changed):
            signal.connect(self.check_timer.start)
        self.day.dateChanged.connect(self.update_reason)
        self.start.timeChanged.connect(self.update_reason)
        self.duration.valueChanged.connect(self.update_reason)
        self.update_reason()

    def starts(self) -> datetime:
        """Return the start the date and time fields give."""
        start = self.start.time()
        return datetime.combine(from_qdate(self.day.date()), time(start.hour(), start.minute()))

    def entered(self) -> Meeting:
        """Return the meeting as the fields describe it."""
        return Meeting(
            id=self.view.meeting.id if self.view else "",
            title=self.title.text(),
            start=self.starts(),
            duration_minutes=self.duration.value(),
            category=MeetingCategory(self.category.currentData()),
            organizer=self.organizer.text(),
            place=self.place.text(),
            attendee_ids=self.attendees.ids(),
            reason=self.reason.text() if self.reason.isEnabled() else "",
        )

    def update_reason(self) -> None:
        """Ask for the reason, and say why, when the meeting falls on a meeting-free day."""
        rule = self.context.read(_free_day_rule, self.starts(), self.duration.value())
        self.reason.setEnabled(rule is not None)
        self.reason_label.setText(tr("Reason (required)") if rule else tr("Reason"))
        self.free_note.setText(rule or "")
        self.free_note.setVisible(rule is not None)

    def check_now(self) -> None:
        """Show the warnings the meeting would get (they do not stop it)."""
        found = self.context.read(meetings.draft_warnings, self.entered())
        self.warnings.setText("\n".join(f"⚠ {warning.render(tr)}" for warning in found))
        self.warnings.setVisible(bool(found))

    def submit(self) -> None:
        """Record or store the meeting; a refusal stays in the dialog."""
        meeting = self.entered()
        if self.view is None:
            self.run_edit(tr("Add the meeting {title}").format(title=meeting.title), meetings.add_meeting, meeting)
        else:
            self.run_edit(tr("Edit the meeting {title}").format(title=meeting.title), meetings.edit_meeting,
                          meeting)
