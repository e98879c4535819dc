"""Export the calendar: an iCalendar file for everyone or one cadre, and a printable month plan as PDF."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain import calendar as rule
from grassroots_app.domain.calendar import FreeDay
from grassroots_app.domain.errors import DomainError
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.meetings import when
from grassroots_app.domain.text import printable
from grassroots_app.services import calendar, files, meetings, plans
from grassroots_app.services.cadres import get_cadre
from grassroots_app.services.meetings import MeetingView
from grassroots_app.services.plans import PlannedVisit
from grassroots_app.services.workspace import UnitOfWork
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.file_choice import FileKind, ask_save_path, file_name
from grassroots_app.ui.shared.printing import print_to_temporary, put_printed
from grassroots_app.ui.shared.widgets import Dialog, ElidedLabel, ErrorLabel, date_edit, from_qdate, ok_cancel_buttons
from grassroots_app.ui.units.unit_panel import CadrePickerDialog

# A Party document's margins are 30, 20, 15, 20 mm (left, top, right, bottom); QTextDocument.print_ adds
# 2 cm of its own inside the page's margins (and the page number in the bottom one), so the page keeps
# the rest: 30 mm left, 20 mm top and bottom, and 20 mm right (the closest it can get to 15).
PAGE_MARGINS_MM = QMarginsF(10, 0, 0, 0)
PDF_RESOLUTION = 300
BODY_POINTS = 12
DOCUMENT_FONT = "Times New Roman"
TABLE_STYLE = "border-collapse: collapse; font-size: 10pt;"
CELL_ATTRIBUTES = "border='1' cellspacing='0' cellpadding='4' width='100%'"


# --- iCalendar ------------------------------------------------------------------------------------


def write_ics_file(context: AppContext, path: Path, start: date, end: date, cadre_id: str | None = None) -> int:
    """Write the free days and meetings of [start, end) (one cadre's, if given) to a .ics file; count the events."""
    from grassroots_app.services import ics  # noqa: PLC0415 - icalendar loads only when exporting

    return context.read(ics.write_ics, path, start, end, cadre_id, tr)


class IcsExportDialog(Dialog):
    """Choose the days to export and whether for everyone or for one cadre."""

    def __init__(self, context: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.cadre_id: str | None = None
        self.setWindowTitle(tr("Export to calendar (.ics)"))
        self.start = date_edit(date(year, 1, 1))
        self.end = date_edit(date(year, 12, 31))
        self.everyone = QRadioButton(tr("Everyone: the meeting-free days and all meetings"))
        self.one = QRadioButton(tr("One cadre: their meetings and planned base visits"))
        self.everyone.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.everyone)
        group.addButton(self.one)
        self.cadre_name = ElidedLabel(tr("No cadre chosen."))
        self.choose = QPushButton(tr("Choose a cadre…"))
        self.choose.clicked.connect(self.choose_cadre)
        self.error = ErrorLabel(self)
        self.buttons = ok_cancel_buttons(self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(tr("From"), self.start)
        form.addRow(tr("To"), self.end)
        cadre = QHBoxLayout()
        cadre.addWidget(self.cadre_name, 1)
        cadre.addWidget(self.choose)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.everyone)
        layout.addWidget(self.one)
        layout.addLayout(cadre)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def choose_cadre(self) -> None:
        """Pick the cadre whose calendar to export."""
        picker = CadrePickerDialog(self.context, self)
        if picker.exec() and picker.chosen():
            self.set_cadre(str(picker.chosen()))

    def set_cadre(self, cadre_id: str) -> None:
        """Export one cadre's calendar."""
        self.cadre_id = cadre_id
        self.cadre_name.setText(self.context.read(get_cadre, cadre_id).full_name)
        self.one.setChecked(True)

    def span(self) -> tuple[date, date]:
        """Return the chosen days as a half-open span."""
        return from_qdate(self.start.date()), from_qdate(self.end.date()) + timedelta(days=1)

    def chosen_cadre(self) -> str | None:
        """Return the cadre to export for, or None for everyone."""
        return self.cadre_id if self.one.isChecked() else None

    def submit(self) -> None:
        """Accept when the choice is complete."""
        if self.one.isChecked() and self.cadre_id is None:
            self.error.show_text(tr("Choose the cadre first."))
            return
        self.accept()


def export_ics(parent: QWidget, context: AppContext, year: int | None = None) -> None:
    """Ask what to export and where, then write the .ics file and say how many events it holds."""
    dialog = IcsExportDialog(context, year or context.as_of.year, parent)
    if not dialog.exec():
        return
    start, end = dialog.span()
    cadre = [dialog.cadre_name.text()] if dialog.chosen_cadre() else []
    name = file_name(tr("Calendar"), *cadre, start.isoformat(), (end - timedelta(days=1)).isoformat(), suffix=".ics")
    path = ask_save_path(context, parent, FileKind.CALENDAR, tr("Export to calendar (.ics)"), name,
                         tr("iCalendar file (*.ics)"))
    if not path:
        return
    try:
        count = write_ics_file(context, Path(path), start, end, dialog.chosen_cadre())
    except DomainError as error:
        context.errors.report(error)
        return
    context.prompter.inform(parent, tr("Export to calendar (.ics)"),
                            tr("{count} events written to {path}.").format(count=count, path=path))


# --- the month plan -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthPlan:
    """What the printed month plan shows: the free days, the visits planned on them, the meetings."""

    year: int
    month: int
    free_days: list[FreeDay]
    visits: dict[date, list[PlannedVisit]]
    meetings: list[MeetingView]


def _month_plan(uow: UnitOfWork, year: int, month: int) -> MonthPlan:
    start, end = rule.month_span(year, month)
    visits: dict[date, list[PlannedVisit]] = defaultdict(list)
    for visit in plans.visits_between(uow, start, end):
        visits[visit.day].append(visit)
    return MonthPlan(year, month, calendar.free_days_between(uow, start, end), dict(visits),
                     meetings.meetings_between(uow, start, end))


def _table(headers: list[str], rows: list[list[str]]) -> str:
    """Return an HTML table with a bold header row; the cells are escaped."""
    head = "".join(f"<th align='left' bgcolor='#eeeeee'>{escape(text)}</th>" for text in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table {CELL_ATTRIBUTES} style='{TABLE_STYLE}'><tr>{head}</tr>{body}</table>"


def _free_day_note(free_day: FreeDay) -> str:
    notes = []
    if free_day.moved_from is not None:
        notes.append(tr("Moved from {day}.").format(day=format_date(free_day.moved_from)))
    if free_day.holiday:
        notes.append(tr("Public holiday: {holiday}.").format(holiday=free_day.holiday))
    return " ".join(notes)


def _free_days_html(plan: MonthPlan) -> str:
    if not plan.free_days:
        return f"<p>{escape(tr('No meeting-free day this month.'))}</p>"
    parts = [_table(
        [tr("Day"), tr("Note"), tr("Planned base visits")],
        [[format_date(f.day), _free_day_note(f), str(len(plan.visits.get(f.day, [])))] for f in plan.free_days],
    )]
    for free_day in plan.free_days:
        visits = plan.visits.get(free_day.day, [])
        heading = tr("Base visits on {day}").format(day=format_date(free_day.day))
        parts.append(f"<h3>{escape(heading)}</h3>")
        if not visits:
            parts.append(f"<p>{escape(tr('No visit planned.'))}</p>")
            continue
        rows = [[str(number), visit.cadre_name, visit.target_path] for number, visit in enumerate(visits, 1)]
        parts.append(_table([tr("No."), tr("Cadre"), tr("In charge of")], rows))
    return "".join(parts)


def _meetings_html(plan: MonthPlan) -> str:
    if not plan.meetings:
        return f"<p>{escape(tr('No meeting this month.'))}</p>"
    rows = [
        [when(view.meeting), view.meeting.title, tr(view.meeting.category.label), view.meeting.place,
         ", ".join(name for _id, name in view.attendees), view.meeting.reason]
        for view in plan.meetings
    ]
    return _table([tr("Time"), tr("Title"), tr("Category"), tr("Place"), tr("Attendees"), tr("Reason")], rows)


def month_plan_html(plan: MonthPlan) -> str:
    """Return the month plan as an HTML document for QTextDocument."""
    title = tr("MONTH PLAN {month}/{year}").format(month=f"{plan.month:02d}", year=plan.year)
    subtitle = tr("Meeting-free days, planned base visits and meetings")
    return (
        f"<h2 align='center'>{escape(title)}</h2><p align='center'><i>{escape(subtitle)}</i></p>"
        f"<h3>{escape(tr('I. Meeting-free days'))}</h3>{_free_days_html(plan)}"
        f"<h3>{escape(tr('II. Meetings'))}</h3>{_meetings_html(plan)}"
    )


def _month_plan_document(context: AppContext, year: int, month: int) -> QTextDocument:
    """Return the month plan laid out for printing."""
    document = QTextDocument()
    font = QFont(DOCUMENT_FONT, BODY_POINTS)
    font.setStyleHint(QFont.StyleHint.Serif)
    document.setDefaultFont(font)
    document.setHtml(printable(month_plan_html(context.read(_month_plan, year, month))))
    return document


def _month_plan_title(year: int, month: int) -> str:
    return tr("MONTH PLAN {month}/{year}").format(month=f"{month:02d}", year=year)


def _month_plan_file(year: int, month: int, suffix: str) -> str:
    return file_name(tr("Month plan"), f"{month:02d}", str(year), suffix=suffix)


def _set_up_page(device: QPagedPaintDevice) -> None:
    """Lay out an A4 portrait page with a Party document's margins."""
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(PAGE_MARGINS_MM, QPageLayout.Unit.Millimeter)


def write_month_plan_pdf(context: AppContext, year: int, month: int, path: Path) -> None:
    """Print the month plan to an A4 PDF file, whole or not at all (never over the database or a backup)."""
    target = files.output_target(context.database, path)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    document = _month_plan_document(context, year, month)
    writer = QPdfWriter(buffer)
    _set_up_page(writer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(_month_plan_title(year, month))
    writer.setCreator(tr("Grassroots"))
    document.print_(writer)
    del writer  # the document is complete once the writer is gone
    files.write_bytes(target, context.database, bytes(buffer.data().data()))


def save_month_plan_pdf(parent: QWidget, context: AppContext, year: int, month: int) -> None:
    """Ask where to save the month plan as PDF, then write it."""
    path = ask_save_path(context, parent, FileKind.CALENDAR, tr("Save the month plan as PDF"),
                         _month_plan_file(year, month, ".pdf"), tr("PDF document (*.pdf)"))
    if not path:
        return
    try:
        write_month_plan_pdf(context, year, month, Path(path))
    except DomainError as error:
        context.errors.report(error)
        return
    context.prompter.inform(parent, tr("Save the month plan as PDF"),
                            tr("The month plan was saved to {path}.").format(path=path))


def print_month_plan(parent: QWidget, context: AppContext, year: int, month: int) -> None:
    """Choose a printer, then print the month plan on it (a printer that prints to a file never replaces the
    database or a backup)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _set_up_page(printer)
    printer.setDocName(_month_plan_file(year, month, ""))  # Qt's dialog offers it to print to a file
    if not context.prompter.setup_printer(parent, printer):
        return
    try:
        into_file = print_to_temporary(printer, context.database)
        _month_plan_document(context, year, month).print_(printer)
        if into_file is not None:
            put_printed(into_file)
    except DomainError as error:
        context.errors.report(error)
        return
    context.prompter.inform(parent, tr("Print the month plan"), tr("The month plan was sent to the printer."))
