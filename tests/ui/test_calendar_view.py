"""Drive the calendar view as a clerk would: meetings on meeting-free days, warnings, exports, a quarter's plan."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from datetime import date, datetime
from pathlib import Path

import icalendar
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.domain.calendar import MeetingCategory
from grassroots_app.domain.errors import N_, RuleViolation
from grassroots_app.domain.meetings import Meeting
from grassroots_app.domain.text import fold
from grassroots_app.persistence import backup
from grassroots_app.services import cadres, calendar, meetings, plans
from grassroots_app.ui.calendar.calendar_export import IcsExportDialog, write_ics_file, write_month_plan_pdf
from grassroots_app.ui.calendar.calendar_view import CalendarView
from grassroots_app.ui.calendar.meeting_dialog import MeetingDialog
from grassroots_app.ui.calendar.plan_view import PlanView
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from tests.ui.support import (
    WAIT_MS,
    ScriptedPrompter,
    answer_dialog,
    edit_now,
    shown,
    type_text,
    undo_now,
    wait_while_busy,
)

NINTH, FIFTEENTH, EIGHTH = date(2026, 10, 9), date(2026, 10, 15), date(2026, 10, 8)


def press_ok(qtbot: QtBot, dialog: MeetingDialog) -> None:
    """Click the dialog's OK button."""
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_while_busy()


def choose(dialog: MeetingDialog, category: MeetingCategory) -> None:
    """Choose a category in the dialog's combo box."""
    dialog.category.setCurrentIndex(dialog.category.findData(category.value))


def tick(qtbot: QtBot, dialog: MeetingDialog, cadre: tuple[str, str]) -> None:
    """Find a cadre by typing their name without accents, go down to the list and tick them with Space."""
    picker = dialog.attendees
    picker.filter.clear()
    qtbot.keyClicks(picker.filter, fold(cadre[1]))
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)  # to the list, not OK
    assert dialog.isVisible()
    ids = [picker.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(picker.list.count())]
    picker.list.setCurrentRow(ids.index(cadre[0]))
    assert picker.list.currentItem().text().startswith(cadre[1])
    qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    assert cadre[0] in picker.ids()


def two_cadres(context: AppContext) -> list[tuple[str, str]]:
    """Return (id, name) of two active cadres with distinct names."""
    found = context.read(cadres.find_cadres, "", 50)
    first = found[0]
    second = next(cadre for cadre in found if fold(cadre.full_name) != fold(first.full_name))
    return [(first.id, first.full_name), (second.id, second.full_name)]


def record(context: AppContext, title: str, start: datetime, attendees: tuple[str, ...]) -> str:
    """Record a regular meeting through the service; return its id."""
    meeting = Meeting("", title, start, 120, MeetingCategory.COMMITTEE, attendee_ids=attendees)
    return edit_now(context, "add", meetings.add_meeting, meeting).meeting.id


@pytest.fixture
def view(qtbot: QtBot, context: AppContext) -> CalendarView:
    """The calendar view on October 2026 of the two-level demo."""
    widget = CalendarView(context)
    widget.resize(1200, 800)
    shown(qtbot, widget)
    widget.select_day(date(2026, 10, 1))
    return widget


def test_a_meeting_on_a_free_day_needs_the_provincial_category_and_a_reason(
    qtbot: QtBot, view: CalendarView, context: AppContext
) -> None:
    assert context.read(calendar.free_day_on, NINTH) is not None
    cadre, _other = two_cadres(context)
    cadre_id, cadre_name = cadre
    view.select_day(NINTH)
    view.grid.setFocus()
    refusals: list[str] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, MeetingDialog)
        assert dialog.starts().date() == NINTH and dialog.reason.isEnabled()
        type_text(qtbot, dialog.title, "Họp Ban Thường vụ mở rộng")
        tick(qtbot, dialog, cadre)
        choose(dialog, MeetingCategory.COMMITTEE)
        press_ok(qtbot, dialog)
        assert dialog.isVisible() and dialog.error.isVisible()
        refusals.append(dialog.error.text())
        assert context.read(meetings.meetings_on, NINTH) == []
        choose(dialog, MeetingCategory.PROVINCIAL_EXTRAORDINARY)
        press_ok(qtbot, dialog)
        assert dialog.isVisible()
        refusals.append(dialog.error.text())
        assert context.read(meetings.meetings_on, NINTH) == []
        type_text(qtbot, dialog.reason, "Ứng phó bão số 10")
        press_ok(qtbot, dialog)
        assert not dialog.isVisible()

    done = answer_dialog(qtbot, fill)
    qtbot.keyClick(view.grid, Qt.Key.Key_Return)  # Enter on a day adds a meeting there
    done()

    day = "09/10/2026"
    assert day in refusals[0] and tr(MeetingCategory.PROVINCIAL_EXTRAORDINARY.label) in refusals[0]
    asks_reason = RuleViolation(
        N_("{day} is a meeting-free day: give the reason for holding this {category} on it."),
        day=day, category=MeetingCategory.PROVINCIAL_EXTRAORDINARY,
    )
    assert refusals[1] == asks_reason.render(tr)
    [saved] = context.read(meetings.meetings_on, NINTH)
    assert saved.meeting.reason == "Ứng phó bão số 10"
    assert saved.meeting.category is MeetingCategory.PROVINCIAL_EXTRAORDINARY
    assert saved.attendees == ((cadre_id, cadre_name),)
    cell = view.model.cell(view.model.index_of(NINTH))
    assert cell is not None and [m.id for m in cell.meetings] == [saved.meeting.id]
    assert view.panel.meetings.count() == 1 and "Họp Ban Thường vụ mở rộng" in view.panel.meetings.item(0).text()

    undo_now(context)
    assert context.read(meetings.meetings_on, NINTH) == []
    cell = view.model.cell(view.model.index_of(NINTH))
    assert cell is not None and cell.meetings == ()
    assert view.panel.meetings.count() == 0


def test_a_double_booked_attendee_is_warned_but_not_refused(
    qtbot: QtBot, view: CalendarView, context: AppContext
) -> None:
    cadre, other = two_cadres(context)
    cadre_id, cadre_name = cadre
    record(context, "Họp Đảng ủy khối", datetime(2026, 10, 8, 8, 0), (cadre_id,))
    dialog = shown(qtbot, MeetingDialog(context, EIGHTH, parent=view))
    assert not dialog.reason.isEnabled()
    type_text(qtbot, dialog.title, "Giao ban Văn phòng")
    tick(qtbot, dialog, other)
    qtbot.wait(400)
    assert not dialog.warnings.isVisible()
    tick(qtbot, dialog, cadre)
    qtbot.waitUntil(dialog.warnings.isVisible, timeout=WAIT_MS)
    assert cadre_name in dialog.warnings.text() and "Họp Đảng ủy khối" in dialog.warnings.text()
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert len(context.read(meetings.meetings_on, EIGHTH)) == 2
    cell = view.model.cell(view.model.index_of(EIGHTH))
    assert cell is not None and cell.conflicts == 1
    assert view.conflicts.count() == 1 and cadre_name in view.conflicts.item(0).text()


def test_the_grid_marks_the_ninth_and_the_fifteenth(view: CalendarView) -> None:
    marked = [cell.day for cell in view.model.overview.days if cell.free_day is not None]  # type: ignore[union-attr]
    assert marked == [NINTH, FIFTEENTH]
    tip = view.model.index_of(NINTH).data(Qt.ItemDataRole.ToolTipRole)
    assert tr("Base day") in tip and "09/10/2026" in tip
    assert tr("Base day") not in view.model.index_of(EIGHTH).data(Qt.ItemDataRole.ToolTipRole)
    assert not view.grid.grab().isNull()  # the day cells paint


def test_page_keys_and_arrows_move_through_the_months(qtbot: QtBot, view: CalendarView) -> None:
    view.select_day(date(2026, 10, 31))
    view.grid.setFocus()
    qtbot.keyClick(view.grid, Qt.Key.Key_PageDown)
    assert (view.year, view.month, view.selected_day()) == (2026, 11, date(2026, 11, 30))
    qtbot.keyClick(view.grid, Qt.Key.Key_PageUp)
    assert (view.year, view.month) == (2026, 10)
    view.select_day(date(2026, 10, 1))
    qtbot.keyClick(view.grid, Qt.Key.Key_Left)  # 30 September, shown greyed in October's first week
    qtbot.waitUntil(lambda: view.month == 9, timeout=WAIT_MS)
    assert view.selected_day() == date(2026, 9, 30)
    assert view.panel.title.text().endswith("30/09/2026")


def test_edit_and_delete_a_meeting_from_the_day(qtbot: QtBot, view: CalendarView, context: AppContext) -> None:
    (cadre_id, _name), _other = two_cadres(context)
    meeting_id = record(context, "Họp chi bộ", datetime(2026, 10, 20, 14, 0), (cadre_id,))
    view.select_day(date(2026, 10, 20))
    assert view.panel.chosen() is not None and view.panel.chosen().meeting.id == meeting_id  # type: ignore[union-attr]

    def rename(dialog: QWidget) -> None:
        assert isinstance(dialog, MeetingDialog)
        assert dialog.title.text() == "Họp chi bộ" and dialog.attendees.ids() == (cadre_id,)
        dialog.title.clear()
        type_text(qtbot, dialog.title, "Họp chi bộ tháng 10")
        press_ok(qtbot, dialog)

    done = answer_dialog(qtbot, rename)
    qtbot.mouseClick(view.panel.edit_button, Qt.MouseButton.LeftButton)
    done()
    assert context.read(meetings.get_meeting, meeting_id).meeting.title == "Họp chi bộ tháng 10"

    prompter = context.prompter
    assert isinstance(prompter, ScriptedPrompter)
    prompter.answers = [False, True]
    qtbot.mouseClick(view.panel.delete_button, Qt.MouseButton.LeftButton)
    wait_while_busy()
    assert len(context.read(meetings.meetings_on, date(2026, 10, 20))) == 1
    qtbot.mouseClick(view.panel.delete_button, Qt.MouseButton.LeftButton)
    wait_while_busy()
    assert context.read(meetings.meetings_on, date(2026, 10, 20)) == []
    assert "Họp chi bộ tháng 10" in prompter.shown[-1]
    assert view.panel.meetings.count() == 0


def test_the_month_plan_is_written_as_pdf(context: AppContext, tmp_path: Path) -> None:
    (cadre_id, _name), _other = two_cadres(context)
    edit_now(context, "plan", plans.save_proposal, 2026, 4)
    record(context, "Họp Ban Chấp hành", datetime(2026, 10, 21, 8, 0), (cadre_id,))
    path = tmp_path / "ke-hoach.pdf"
    write_month_plan_pdf(context, 2026, 10, path)
    assert path.read_bytes().startswith(b"%PDF")


def test_print_the_month_plan_prints_its_pages_and_save_as_pdf_is_apart(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    """The Print button goes to the printer chosen (here one printing to a PDF file), not to a file chooser."""
    (cadre_id, _name), _other = two_cadres(context)
    record(context, "Họp Ban Chấp hành", datetime(2026, 10, 21, 8, 0), (cadre_id,))
    view = shown(qtbot, CalendarView(context))
    view.show_month(2026, 10)
    prompter = context.prompter
    assert isinstance(prompter, ScriptedPrompter)
    printed, saved = tmp_path / "may-in.pdf", tmp_path / "ke-hoach.pdf"
    prompter.paths = [str(printed)]
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    assert prompter.paths == [], "the printer was set up"
    assert prompter.offered == ["Ke-hoach-thang-10-2026"], "no file chooser; the name printing to a file offers"
    assert prompter.shown[-1] == tr("The month plan was sent to the printer.")
    text = " ".join(" ".join(unicodedata.normalize("NFC", page.extract_text()).split())
                    for page in PdfReader(printed).pages)
    assert "KẾ HOẠCH THÁNG 10/2026" in text and "Họp Ban Chấp hành" in text
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".tmp")] == []

    prompter.paths = [str(saved)]
    qtbot.mouseClick(view.save_plan_button, Qt.MouseButton.LeftButton)
    assert saved.read_bytes().startswith(b"%PDF") and prompter.offered[-1].endswith("Ke-hoach-thang-10-2026.pdf")

    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)  # the printer dialog cancelled: nothing happens
    assert prompter.shown[-1] == tr("The month plan was saved to {path}.").format(path=saved)


def test_the_month_plan_leaves_out_stored_control_characters(context: AppContext, tmp_path: Path) -> None:
    (cadre_id, _name), _other = two_cadres(context)
    meeting_id = record(context, "Họp Ban Chấp hành", datetime(2026, 10, 21, 8, 0), (cadre_id,))
    database = backup.database_file(context.database)
    assert database is not None
    connection = sqlite3.connect(database)  # as an older Grassroots, without today's checks, could have stored
    with connection:
        connection.execute("UPDATE meeting SET title = ? WHERE id = ?", ("Họp\x00\x07 Ban\x1b\x0b Chấp hành",
                                                                         meeting_id))
    connection.close()
    path = tmp_path / "ke-hoach.pdf"
    write_month_plan_pdf(context, 2026, 10, path)
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert re.findall("[\x00-\x08\x0b\x0c\x0e-\x1f]", text) == []
    assert "Họp Ban Chấp hành" in " ".join(unicodedata.normalize("NFC", text).split())


def test_the_ics_file_parses_for_everyone_and_for_one_cadre(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    (cadre_id, cadre_name), _other = two_cadres(context)
    record(context, "Họp Ban Chấp hành", datetime(2026, 10, 21, 8, 0), (cadre_id,))
    path = tmp_path / "lich.ics"
    count = write_ics_file(context, path, date(2026, 10, 1), date(2026, 11, 1))
    events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert count == len(events) == 3
    assert {str(event["summary"]) for event in events} >= {"Họp Ban Chấp hành"}

    dialog = shown(qtbot, IcsExportDialog(context, 2026))
    assert dialog.chosen_cadre() is None
    dialog.set_cadre(cadre_id)
    assert dialog.chosen_cadre() == cadre_id and dialog.cadre_name.text() == cadre_name
    assert dialog.span() == (date(2026, 1, 1), date(2027, 1, 1))
    count = write_ics_file(context, path, *dialog.span(), dialog.chosen_cadre())
    calendar_file = icalendar.Calendar.from_ical(path.read_bytes())
    assert cadre_name in str(calendar_file["x-wr-calname"])
    assert count == len(calendar_file.walk("VEVENT")) == 24 + 1


def test_the_plan_view_proposes_and_saves_a_quarter(qtbot: QtBot, context: AppContext) -> None:
    view = PlanView(context)
    qtbot.addWidget(view)
    view.show()
    view.year.setValue(2026)
    view.quarter.setCurrentIndex(3)
    qtbot.waitUntil(lambda: view.plan is not None and view.plan.saved and view.plan.quarter == 4, timeout=WAIT_MS)
    assert view.visits_model.rowCount() == 0 and not view.save_button.isEnabled()

    qtbot.mouseClick(view.propose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.plan is not None and not view.plan.saved, timeout=WAIT_MS)
    proposed = len(view.plan.visits)
    assert proposed > 0 and view.visits_model.rowCount() == proposed and view.save_button.isEnabled()
    assert view.unvisited.rowCount() == len(view.plan.unvisited)

    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    wait_while_busy()
    stored = context.read(plans.quarter_plan, 2026, 4)
    assert len(stored.visits) == proposed and all(visit.id for visit in stored.visits)
    qtbot.waitUntil(lambda: view.plan is not None and view.plan.saved and len(view.plan.visits) == proposed, timeout=WAIT_MS)

    view.visits.setCurrentIndex(view.visits_model.index(0, 0))
    assert view.remove_button.isEnabled()
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    wait_while_busy()
    assert len(context.read(plans.quarter_plan, 2026, 4).visits) == proposed - 1
    undo_now(context)
    undo_now(context)
    assert context.read(plans.quarter_plan, 2026, 4).visits == ()


def test_tab_leaves_the_date_and_the_time_of_a_meeting(qtbot: QtBot, context: AppContext) -> None:
    """Tab goes from field to field as in every form, not from the day to the month to the year first: a clerk's
    four Tabs from the organizer reach the place, not the middle of the start time."""
    dialog = shown(qtbot, MeetingDialog(context, date(2026, 3, 12)))
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    dialog.organizer.setFocus(Qt.FocusReason.TabFocusReason)
    reached = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached[0] in (dialog.day, dialog.day.lineEdit())
    assert reached[1] in (dialog.start, dialog.start.lineEdit())
    assert reached[2] in (dialog.duration, dialog.duration.lineEdit())
    assert reached[3] is dialog.place
