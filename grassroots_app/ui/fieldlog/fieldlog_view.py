"""The field log tab: fast entry of activities from the cadres' notes, the list of activities, attendance."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from grassroots_app.domain.errors import DomainError
from grassroots_app.domain.formats import format_date
from grassroots_app.services.activities import ActivityView, record_activity
from grassroots_app.ui.context import AppContext, on_scope
from grassroots_app.ui.fieldlog.activity_form import ActivityFields
from grassroots_app.ui.fieldlog.activity_list import ActivityList
from grassroots_app.ui.fieldlog.attendance_view import AttendanceView
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import follow
from grassroots_app.ui.shared.type_ahead import TypeAhead
from grassroots_app.ui.shared.widgets import ErrorLabel

RECORD_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ActivityForm(QWidget):
    """Enter records the activity and starts the next one with the same cadre, target, kind and date."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.fields = ActivityFields(context, min(context.as_of, date.today()))
        self.record_button = QPushButton(tr("&Record"))
        self.record_button.setToolTip(tr("Record the activity (Enter, or Ctrl+Enter)"))
        self.error = ErrorLabel()
        self.last = QLabel()
        self.last.setWordWrap(True)
        footer = QHBoxLayout()
        footer.addWidget(self.error, 1)
        footer.addWidget(self.last, 1)
        footer.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addLayout(footer)
        self.record_button.clicked.connect(self.submit)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # the button's click does nothing while it is disabled
            QShortcut(QKeySequence(keys), self, self.record_button.click,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        follow(context.events.database_changed, self, self.fields.reset)
        self.type_ahead = TypeAhead(self, RECORD_KEYS)
        on_scope(context.events, self, self.offer_entry)

    def offer_entry(self) -> None:
        """Offer the form to whoever may record activities (a read-only clerk may not)."""
        may_edit = self.context.scope.may_edit
        self.fields.setEnabled(may_edit)
        self.record_button.setEnabled(may_edit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Record on Enter in any field (the fields pass Enter on)."""
        if event.key() in RECORD_KEYS:
            self.record_button.click()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        """Record the activity typed; a refusal is shown next to the form and nothing is stored. The keys typed while
        it is being recorded go to the next entry (Enter pressed again first: ignored)."""
        if self.context.editing:
            return
        try:
            entry = self.fields.entry()
        except DomainError as error:
            self.error.show_error(error)
            return
        label = tr("Record the activity of {name} on {day}").format(name=self.fields.cadre.text(),
                                                                   day=format_date(entry[3]))
        self.type_ahead.hold()
        self.context.edit(label, record_activity, *entry, on_done=self._recorded, on_refused=self._refused,
                          parent=self)

    def _recorded(self, view: ActivityView) -> None:
        """Confirm what was just recorded and start the next entry."""
        self.error.clear_error()
        self.last.setText(_recorded_text(view))
        self.fields.next_entry()
        self.type_ahead.release()

    def _refused(self, error: DomainError) -> None:
        """Show why the entry was not recorded, the entry as it was (keys typed meanwhile are not applied to it)."""
        self.type_ahead.drop()
        self.error.show_error(error)


def _recorded_text(view: ActivityView) -> str:
    """Return the line that confirms what was just recorded."""
    return tr("Recorded: {day}, {name}, {kind} at {target}.").format(
        day=format_date(view.activity.day), name=view.cadre_name, kind=tr(view.activity.kind.label),
        target=view.target_name)


class FieldLogView(QWidget):
    """The fast-entry form above; the activities and the attendance against the targets below."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = ActivityForm(context)
        self.activities = ActivityList(context)
        self.attendance = AttendanceView(context)
        box = QGroupBox(tr("New activity"))
        QVBoxLayout(box).addWidget(self.form)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.activities, tr("Activities"))
        self.tabs.addTab(self.attendance, tr("Meetings attended against the targets"))
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.tabs, 1)
