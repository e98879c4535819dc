"""The calendar view: a month grid of meeting-free days, holidays and meetings, the chosen day, the conflicts."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain.calendar import DayKind
from grassroots_app.domain.changes import CALENDAR, HIERARCHY, PEOPLE, RULES
from grassroots_app.domain.errors import N_
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.meetings import when
from grassroots_app.services import agenda, meetings
from grassroots_app.services.agenda import DayDetails, MonthOverview
from grassroots_app.services.meetings import MeetingView
from grassroots_app.ui.calendar.calendar_export import export_ics, print_month_plan, save_month_plan_pdf
from grassroots_app.ui.calendar.meeting_dialog import WARNING_STYLE, MeetingDialog
from grassroots_app.ui.calendar.month_grid import CELL_SIZE, DayDelegate, MonthGrid, MonthModel, day_title, meeting_line
from grassroots_app.ui.context import AppContext, on_change, on_scope
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import ShownRefresher, alive, follow
from grassroots_app.ui.shared.context_menu import offer_menu

VISIT_COLUMNS = (N_("Cadre"), N_("In charge of"))
MEETING_ROLE = Qt.ItemDataRole.UserRole
DAY_ROLE = Qt.ItemDataRole.UserRole + 1
MEETING_LIST_HEIGHT = 110
CONFLICT_LIST_HEIGHT = 100
SPLIT_UNIT = 1000
ROW_PADDING = 6
VISITS_STRETCH = 100
SHOWN = HIERARCHY | PEOPLE | RULES | CALENDAR  # the tables this view shows: it refreshes when an edit changed one


class DayPanel(QWidget):
    """The chosen day: base day, holiday, meetings with their attendees and warnings, planned visits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details: DayDetails | None = None
        self.may_edit = True  # whether the clerk may change meetings (they have no place: anyone who may edit)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.meetings = QListWidget()
        self.meetings.setWordWrap(True)
        self.meetings.setMaximumHeight(MEETING_LIST_HEIGHT)
        self.meeting_text = QLabel()
        self.meeting_text.setWordWrap(True)
        self.meeting_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.add_button = QPushButton(tr("Add meeting…"))
        self.edit_button = QPushButton(tr("Edit meeting…"))
        self.delete_button = QPushButton(tr("Delete meeting"))
        self.visits_box = QGroupBox()
        self.visits = _visits_table()
        QVBoxLayout(self.visits_box).addWidget(self.visits)
        self._lay_out()
        self.meetings.currentItemChanged.connect(lambda *_args: self._show_meeting())

    def _lay_out(self) -> None:
        meetings_box = QGroupBox(tr("Meetings"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch()
        inner = QVBoxLayout(meetings_box)
        inner.addWidget(self.meetings)
        inner.addWidget(self.meeting_text)
        inner.addWidget(self.warnings)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(meetings_box)
        layout.addWidget(self.visits_box, VISITS_STRETCH)
        layout.addStretch(1)  # takes the room only while the visits are hidden

    def show_details(self, details: DayDetails, meeting_id: str | None = None) -> None:
        """Show a day, keeping a meeting highlighted when it is still there."""
        self.details = details
        self.title.setText(day_title(details.day))
        self.status.setText(_status_html(details))
        self.meetings.clear()
        for view in details.meetings:
            self.meetings.addItem(_meeting_item(view, details.day))
        ids = [view.meeting.id for view in details.meetings]
        self.meetings.setCurrentRow(ids.index(meeting_id) if meeting_id in ids else 0)
        self._show_visits(details)
        self._show_meeting()

    def _show_visits(self, details: DayDetails) -> None:
        self.visits_box.setTitle(tr("Planned base visits ({count})").format(count=len(details.visits)))
        self.visits.setRowCount(len(details.visits))
        for row, visit in enumerate(details.visits):
            for column, text in enumerate((visit.cadre_name, visit.target_path)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.visits.setItem(row, column, item)
        self.visits_box.setVisible(details.free_day is not None or bool(details.visits))

    def chosen(self) -> MeetingView | None:
        """Return the highlighted meeting."""
        row = self.meetings.currentRow()
        return self.details.meetings[row] if self.details and 0 <= row < len(self.details.meetings) else None

    def offer_edits(self, may_edit: bool) -> None:
        """Offer adding, editing and deleting meetings, or not (a read-only clerk)."""
        self.may_edit = may_edit
        self.add_button.setEnabled(may_edit)
        self._show_meeting()

    def _show_meeting(self) -> None:
        view = self.chosen()
        self.edit_button.setEnabled(view is not None and self.may_edit)
        self.delete_button.setEnabled(view is not None and self.may_edit)
        self.meeting_text.setText(_meeting_html(view) if view else tr("No meetings on this day."))
        texts = [warning.render(tr) for warning in view.warnings] if view else []
        self.warnings.setText("\n".join(f"⚠ {text}" for text in texts))
        self.warnings.setVisible(bool(texts))


def _visits_table() -> QTableWidget:
    """Return the table of a day's planned visits; long paths keep their end (the place itself) in view."""
    table = QTableWidget(0, len(VISIT_COLUMNS))
    table.setHorizontalHeaderLabels([tr(text) for text in VISIT_COLUMNS])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTextElideMode(Qt.TextElideMode.ElideLeft)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + ROW_PADDING)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return table


def _status_html(details: DayDetails) -> str:
    """Return what kind of day it is, in a few coloured lines."""
    lines = []
    free = details.free_day
    if free is not None:
        lines.append(f"<b style='color:#1b5e20'>{tr('Meeting-free day: the day for the base')}</b>")
        if free.moved_from is not None:
            lines.append(tr("Moved from {day}.").format(day=format_date(free.moved_from)))
    holiday = details.holiday
    if holiday is not None and holiday.kind is DayKind.DAY_OFF:
        text = escape(tr("Public holiday: {holiday}.").format(holiday=holiday.name))
        lines.append(f"<span style='color:#c62828'>{text}</span>")
    elif holiday is not None:
        lines.append(escape(tr("Working day: {name}.").format(name=holiday.name)))
    elif details.weekend:
        lines.append(tr("Weekend."))
    return "<br>".join(lines) or tr("Ordinary working day.")


def _meeting_item(view: MeetingView, day: date) -> QListWidgetItem:
    meeting = view.meeting
    mark = "⚠ " if view.warnings else ""
    item = QListWidgetItem(f"{mark}{meeting_line(meeting, day)}")
    item.setToolTip(f"{when(meeting)} · {meeting.title} — {tr(meeting.category.label)}")
    item.setData(MEETING_ROLE, meeting.id)
    return item


def _meeting_html(view: MeetingView) -> str:
    """Return a meeting's details as a few labelled lines."""
    meeting = view.meeting
    rows = [(tr("Time"), when(meeting)), (tr("Category"), tr(meeting.category.label)),
            (tr("Organizer"), meeting.organizer), (tr("Place"), meeting.place),
            (tr("Attendees"), ", ".join(name for _id, name in view.attendees)), (tr("Reason"), meeting.reason)]
    return "<br>".join(f"<b>{label}:</b> {escape(value)}" for label, value in rows if value)


class CalendarView(QWidget):
    """A month of meeting-free days, holidays and meetings; the chosen day's details; the month's conflicts."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.year, self.month = context.as_of.year, context.as_of.month
        self.model = MonthModel(self)
        self._build_navigation()
        self._build_grid()
        self.panel = DayPanel()
        self._build_conflicts()
        self._lay_out()
        self._connect()
        self.refresher = ShownRefresher(self, self.refresh)  # the month is read when the tab is first shown
        on_change(context.events, self, SHOWN, self.refresher.request)
        follow(context.events.database_changed, self, self.refresher.request)
        on_scope(context.events, self, lambda: self.panel.offer_edits(context.scope.may_change_row(None)))

    # --- layout -------------------------------------------------------------------------------

    def _build_navigation(self) -> None:
        self.previous_button = QPushButton("◀")
        self.previous_button.setToolTip(tr("Previous month (Page Up)"))
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(tr("Next month (Page Down)"))
        self.today_button = QPushButton(tr("Today"))
        self.month_label = QLabel()
        self.month_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.month_label.setMinimumWidth(160)
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.export_button = QPushButton(tr("Export to calendar (.ics)…"))
        self.print_button = QPushButton(tr("Print the month plan…"))
        self.save_plan_button = QPushButton(tr("Save as PDF…"))
        self.save_plan_button.setToolTip(tr("Save the month plan as PDF"))
        self.navigation = QHBoxLayout()
        for widget in (self.previous_button, self.month_label, self.next_button, self.today_button):
            self.navigation.addWidget(widget)
        self.navigation.addStretch()
        self.navigation.addWidget(self.export_button)
        self.navigation.addWidget(self.print_button)
        self.navigation.addWidget(self.save_plan_button)

    def _build_grid(self) -> None:
        self.grid = MonthGrid()
        self.grid.setModel(self.model)
        self.grid.setItemDelegate(DayDelegate(date.today(), self.grid))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setTabKeyNavigation(False)
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setMinimumSize(7 * CELL_SIZE.width() * 2 // 3, 5 * CELL_SIZE.height() * 2 // 3)

    def _build_conflicts(self) -> None:
        self.conflicts_box = QGroupBox()
        self.conflicts = QListWidget()
        self.conflicts.setMaximumHeight(CONFLICT_LIST_HEIGHT)
        self.conflicts.setWordWrap(True)
        QVBoxLayout(self.conflicts_box).addWidget(self.conflicts)

    def _lay_out(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.navigation)
        column.addWidget(self.grid, 1)
        column.addWidget(self.conflicts_box)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([2 * SPLIT_UNIT, SPLIT_UNIT])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        self.previous_button.clicked.connect(lambda: self.step_month(-1))
        self.next_button.clicked.connect(lambda: self.step_month(1))
        self.today_button.clicked.connect(self.go_to_today)
        self.grid.month_step.connect(self.step_month)
        self.grid.selectionModel().currentChanged.connect(lambda current, _old: self._day_chosen(current))
        self.grid.activated.connect(lambda _index: self.panel.add_button.click())  # does nothing while disabled
        self.conflicts.itemActivated.connect(self._conflict_chosen)
        self.panel.add_button.clicked.connect(self.add_meeting)
        self.panel.edit_button.clicked.connect(self.edit_meeting)
        self.panel.meetings.itemActivated.connect(lambda _item: self.panel.edit_button.click())
        self.panel.delete_button.clicked.connect(self.delete_meeting)
        panel = self.panel
        offer_menu(panel.meetings, lambda: [panel.edit_button, panel.delete_button, None, panel.add_button])
        self.export_button.clicked.connect(lambda: export_ics(self, self.context, self.year))
        self.print_button.clicked.connect(lambda: print_month_plan(self, self.context, self.year, self.month))
        self.save_plan_button.clicked.connect(lambda: save_month_plan_pdf(self, self.context, self.year, self.month))

    # --- showing ------------------------------------------------------------------------------

    def show_month(self, year: int, month: int) -> None:
        """Show a month in the grid and its conflicts below."""
        self.year, self.month = year, month
        overview = self.context.read(agenda.month_overview, year, month)
        self.model.set_overview(overview)
        self.month_label.setText(tr("Month {month}/{year}").format(month=f"{month:02d}", year=year))
        self._show_conflicts(overview)

    def _show_conflicts(self, overview: MonthOverview) -> None:
        self.conflicts_box.setTitle(tr("Conflicts this month ({count})").format(count=len(overview.conflicts)))
        self.conflicts.clear()
        for conflict in overview.conflicts:
            text = f"{format_date(conflict.warning.day)} · {conflict.meeting.title}: {conflict.warning.render(tr)}"
            item = QListWidgetItem(f"⚠ {text}")
            item.setData(MEETING_ROLE, conflict.meeting.id)
            item.setData(DAY_ROLE, conflict.warning.day)
            self.conflicts.addItem(item)
        if not overview.conflicts:
            self.conflicts.addItem(tr("No conflicts."))

    def selected_day(self) -> date | None:
        """Return the day chosen in the grid."""
        cell = self.model.cell(self.grid.currentIndex())
        return cell.day if cell else None

    def select_day(self, day: date, meeting_id: str | None = None) -> None:
        """Show a day's month, choose the day, and highlight one of its meetings if given."""
        if (day.year, day.month) != (self.year, self.month) or self.model.overview is None:
            self.show_month(day.year, day.month)
        self.grid.setCurrentIndex(self.model.index_of(day))
        self._show_day(day, meeting_id)

    def step_month(self, step: int) -> None:
        """Show the month before (-1) or after (1), on the same day of the month where it exists."""
        month_index = self.year * 12 + self.month - 1 + step
        year, month = divmod(month_index, 12)
        chosen = self.selected_day()
        self.select_day(_same_day_in(year, month + 1, chosen.day if chosen else 1))

    def go_to_today(self) -> None:
        """Show the current month and choose today."""
        self.select_day(date.today())

    def refresh(self) -> None:
        """Read the shown month and day again (after an edit, undo or redo); first, the "as of" day's month."""
        if self.model.overview is None:
            self.select_day(self.context.as_of)
            return
        day = self.selected_day()
        chosen = self.panel.chosen()
        self.show_month(self.year, self.month)
        if day is not None:
            self.select_day(day, chosen.meeting.id if chosen else None)

    def _day_chosen(self, index: QModelIndex) -> None:
        cell = self.model.cell(index)
        if cell is None:
            return
        if not cell.in_month:  # a day of the neighbouring month: go there (after this signal is handled)
            QTimer.singleShot(0, alive(self, lambda: self.select_day(cell.day)))
            return
        self._show_day(cell.day)

    def _show_day(self, day: date, meeting_id: str | None = None) -> None:
        self.panel.show_details(self.context.read(agenda.day_details, day), meeting_id)

    def _conflict_chosen(self, item: QListWidgetItem) -> None:
        day = item.data(DAY_ROLE)
        if day is not None:
            self.select_day(day, item.data(MEETING_ROLE))

    # --- actions ------------------------------------------------------------------------------

    def add_meeting(self) -> None:
        """Record a meeting on the chosen day."""
        MeetingDialog(self.context, self.selected_day() or self.context.as_of, parent=self).exec()

    def edit_meeting(self) -> None:
        """Edit the highlighted meeting."""
        view = self.panel.chosen()
        if view is not None:
            MeetingDialog(self.context, meeting_id=view.meeting.id, parent=self).exec()

    def delete_meeting(self) -> None:
        """Delete the highlighted meeting after asking."""
        view = self.panel.chosen()
        if view is None:
            return
        title = view.meeting.title
        question = tr("Delete the meeting '{title}' ({when})?").format(title=title, when=when(view.meeting))
        self.context.confirm_edit(self, tr("Delete meeting"), question,
                                  tr("Delete the meeting {title}").format(title=title), meetings.delete_meeting,
                                  view.meeting.id)


def _same_day_in(year: int, month: int, day_of_month: int) -> date:
    """Return that day of a month, or the month's last day when it is shorter."""
    following = date(year + month // 12, month % 12 + 1, 1)
    return min(date(year, month, 1) + timedelta(days=day_of_month - 1), following - timedelta(days=1))
