"""The field log tab driven as a clerk would: ten activities typed from paper, refusals, undo, filters, panels."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.demo.build import DEMO_DATE
from grassroots_app.domain.activities import ActivityFilter, ActivityKind
from grassroots_app.domain.formats import format_date as format_day
from grassroots_app.domain.model import Cadre, Level, Tier, Unit, new_id
from grassroots_app.domain.recommendations import RecommendationField
from grassroots_app.domain.text import fold
from grassroots_app.services import assignments, browse, cadres, units
from grassroots_app.services.activities import ActivityView, list_activities, record_activity
from grassroots_app.services.recommendations import raise_recommendation
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.fieldlog import fieldlog_view
from grassroots_app.ui.fieldlog.activity_form import ActivityFields, UnitChoiceDialog
from grassroots_app.ui.fieldlog.activity_list import EditActivityDialog
from grassroots_app.ui.fieldlog.fieldlog_panel import FieldLogSection
from grassroots_app.ui.fieldlog.fieldlog_view import FieldLogView
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.shared.widgets import to_qdate
from grassroots_app.ui.units.cadre_panel import CadrePanel
from grassroots_app.ui.units.unit_panel import UnitPanel
from tests.ui.support import WAIT_MS, ScriptedPrompter, edit_now, undo_now, wait_for_edits

START = date(2026, 1, 1)
SLOW_EDIT_MS = 4_500  # longer than Qt waits (4 s) before a progress dialog shows itself


@dataclass(frozen=True)
class Place:
    """A hamlet of the demo's first commune made for the test, and two cadres in charge of it."""

    hamlet: Unit
    nhu: Cadre  # typed as "ho thi quynh nhu"
    tuan: Cadre  # typed as "lo khac tuan"


def _hamlet_with_cadres(uow: object) -> Place:
    province = browse.children(uow, None, DEMO_DATE)[0]
    commune = next(row for row in browse.children(uow, province.id, DEMO_DATE) if row.level is Level.COMMUNE)
    hamlet = units.add_unit(uow, units.NewUnit("Thôn Quỳnh Lâm", commune.id, START, "thôn"))
    people = []
    for name in ("Hồ Thị Quỳnh Như", "Lò Khắc Tuấn"):
        cadre = cadres.add_cadre(uow, Cadre(new_id(), name, Tier.COMMUNE, is_committee=True))
        assignments.assign(uow, assignments.NewAssignment(cadre.id, hamlet.id, START))
        people.append(cadre)
    return Place(hamlet, *people)


@pytest.fixture
def place(context: AppContext) -> Place:
    """A new hamlet with two new cadres in charge of it since the start of the demo year."""
    return context.read(_hamlet_with_cadres)


@pytest.fixture
def view(qtbot: QtBot, context: AppContext, place: Place) -> FieldLogView:
    """The field log tab on its own, shown and active."""
    shown = FieldLogView(context)
    qtbot.addWidget(shown)
    shown.resize(1200, 800)
    activated(qtbot, shown)
    return shown


def activated(qtbot: QtBot, window: QWidget) -> None:
    """Show a window and wait until it has the keyboard."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)


def stored(context: AppContext, cadre: Cadre) -> list[ActivityView]:
    """Return the cadre's activities as the database holds them once the entries typed are recorded, newest first."""
    wait_for_edits(context)
    return context.read(list_activities, ActivityFilter(cadre_id=cadre.id))


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the keyboard is: an open list of suggestions, else the focused field."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def typed(qtbot: QtBot, text: str) -> None:
    """Type ASCII text into the focused field."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClicks(focused, text)


def when_modal(act: Callable[[QWidget], None]) -> None:
    """Act on the next modal dialog as soon as it opens."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
        else:
            act(dialog)

    QTimer.singleShot(0, poll)


def press_mnemonic(qtbot: QtBot, text: str) -> None:
    """Press Alt and the letter a label or button underlines in the current language."""
    letter = tr(text).split("&", 1)[1][0]
    press(qtbot, Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)


def choose_cadre(qtbot: QtBot, view: FieldLogView, fragment: str) -> None:
    """Alt and the cadre's letter, type part of a name without accents, take the first suggestion with Enter."""
    press_mnemonic(qtbot, "&Cadre")
    assert QApplication.focusWidget() is view.form.fields.cadre
    typed(qtbot, fragment)
    qtbot.waitUntil(lambda: view.form.fields.cadre.suggester.popup().isVisible(), timeout=WAIT_MS)
    QApplication.processEvents()  # the list's activation, queued when it opened, lands before it closes, not after
    press(qtbot, Qt.Key.Key_Return)


def type_entry(qtbot: QtBot, day: date, minutes: str, notes: str, kind_steps: int = 0, tabs_to_kind: int = 2) -> None:
    """From the cadre field: Tab to the target, Tab to the kind (Down steps), Tab to the date, then the rest."""
    for _tab in range(tabs_to_kind):
        press(qtbot, Qt.Key.Key_Tab)
    for _step in range(kind_steps):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Tab)
    typed(qtbot, day.strftime("%d%m%Y"))
    press(qtbot, Qt.Key.Key_Tab)
    typed(qtbot, minutes)
    press(qtbot, Qt.Key.Key_Tab)
    typed(qtbot, notes)
    press(qtbot, Qt.Key.Key_Return)


def test_ten_activities_typed_with_the_keyboard_alone_are_all_stored(
    view: FieldLogView, context: AppContext, place: Place, qtbot: QtBot
) -> None:
    choose_cadre(qtbot, view, "ho thi quynh nhu")
    for number in range(1, 11):
        type_entry(qtbot, date(2026, 9, number), "90", f"Sinh hoat chi bo lan {number}", 1 if number == 1 else 0)
        assert not view.form.error.isVisible(), view.form.error.text()
    found = sorted(stored(context, place.nhu), key=lambda item: item.activity.day)
    assert [item.activity.day for item in found] == [date(2026, 9, number) for number in range(1, 11)]
    assert {(item.activity.target_id, item.activity.kind, item.activity.duration_minutes) for item in found} == {
        (place.hamlet.id, ActivityKind.CELL_MEETING, 90)}
    assert [item.activity.notes for item in found] == [f"Sinh hoat chi bo lan {number}" for number in range(1, 11)]
    assert context.undo.count() == 10


def test_the_form_keeps_the_cadre_target_kind_and_date_and_starts_again_at_the_cadre(
    view: FieldLogView, place: Place, qtbot: QtBot
) -> None:
    fields = view.form.fields
    choose_cadre(qtbot, view, "ho thi quynh nhu")
    type_entry(qtbot, date(2026, 9, 9), "120", "Tham ho ong Ba", kind_steps=3)
    wait_for_edits(view.form.context)  # the form starts the next entry once this one is recorded
    assert (fields.cadre.chosen, fields.cadre.text()) == (place.nhu.id, place.nhu.full_name)
    assert fields.target.chosen() == place.hamlet.id
    assert fields.kind.currentData() == ActivityKind.HOUSEHOLD_VISIT.value
    assert fields.entry_day() == date(2026, 9, 9)
    assert (fields.duration.value(), fields.notes.text()) == (0, "")
    assert QApplication.focusWidget() is fields.cadre and fields.cadre.selectedText() == place.nhu.full_name
    assert view.form.last.text().startswith(tr("Recorded: {day}, {name}, {kind} at {target}.").split("{")[0])


def test_another_cadre_is_typed_over_the_kept_one(
    view: FieldLogView, context: AppContext, place: Place, qtbot: QtBot
) -> None:
    choose_cadre(qtbot, view, "ho thi quynh nhu")
    type_entry(qtbot, date(2026, 9, 9), "60", "Hop chi bo")
    typed(qtbot, "lo khac tuan")  # the kept name is selected: typing replaces it
    type_entry(qtbot, date(2026, 9, 15), "60", "Hop chi bo")  # Tab takes the first suggestion
    assert [item.activity.day for item in stored(context, place.nhu)] == [date(2026, 9, 9)]
    assert [item.activity.day for item in stored(context, place.tuan)] == [date(2026, 9, 15)]


def test_keys_typed_while_an_entry_is_being_recorded_go_to_the_next_entry(
    view: FieldLogView, context: AppContext, place: Place, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()  # the entry is recorded only once the test opens it: a slow database, made certain

    def slow_record(*args: object) -> ActivityView:
        assert gate.wait(WAIT_MS / 1000)
        return record_activity(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(fieldlog_view, "record_activity", slow_record)
    fields = view.form.fields
    choose_cadre(qtbot, view, "ho thi quynh nhu")
    type_entry(qtbot, date(2026, 9, 9), "60", "Hop chi bo")
    press(qtbot, Qt.Key.Key_Return)  # pressed again on the same entry
    typed(qtbot, "lo khac tuan")
    for _tab in range(2):
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    typed(qtbot, "15092026")
    press(qtbot, Qt.Key.Key_Tab)
    typed(qtbot, "45")
    press(qtbot, Qt.Key.Key_Tab)
    typed(qtbot, "Tham ho")
    assert (fields.cadre.chosen, fields.entry_day(), fields.notes.text()) == (place.nhu.id, date(2026, 9, 9),
                                                                               "Hop chi bo")
    gate.set()
    assert [item.activity.notes for item in stored(context, place.nhu)] == ["Hop chi bo"]
    assert (fields.cadre.chosen, fields.cadre.text()) == (place.tuan.id, place.tuan.full_name)
    assert (fields.entry_day(), fields.duration.value(), fields.notes.text()) == (date(2026, 9, 15), 45, "Tham ho")
    press(qtbot, Qt.Key.Key_Return)
    assert [(item.activity.day, item.activity.notes) for item in stored(context, place.tuan)] == [
        (date(2026, 9, 15), "Tham ho")]


def test_a_unit_outside_the_cadres_targets_is_found_by_name_from_the_keyboard(
    view: FieldLogView, context: AppContext, place: Place, qtbot: QtBot
) -> None:
    commune = context.read(units.get_unit, context.read(browse.ancestors, place.hamlet.id, DEMO_DATE)[-1])
    fragment = fold(commune.name)
    expected = context.read(browse.search, fragment, DEMO_DATE)[0]

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, UnitChoiceDialog)
        qtbot.keyClicks(dialog.search.edit, fragment)
        dialog.search.search_now()
        qtbot.keyClick(dialog.search.edit, Qt.Key.Key_Return)

    choose_cadre(qtbot, view, "ho thi quynh nhu")
    when_modal(choose)
    press_mnemonic(qtbot, "Other &unit…")  # the button clicks itself a moment later
    qtbot.waitUntil(lambda: view.form.fields.target.chosen() == expected.id, timeout=WAIT_MS)
    activated(qtbot, view)  # the offscreen platform does not give the window back the keyboard by itself
    assert QApplication.focusWidget() is view.form.fields.target.combo
    type_entry(qtbot, date(2026, 9, 9), "30", "Lam viec voi xa", tabs_to_kind=1)
    assert [item.activity.target_id for item in stored(context, place.nhu)] == [expected.id]


def test_another_cadre_does_not_keep_the_previous_cadres_other_place(
    view: FieldLogView, context: AppContext, place: Place, qtbot: QtBot
) -> None:
    """The place depends on the cadre: a unit found for one cadre is offered still, but not left chosen for the next."""
    fields = view.form.fields
    commune_id = context.read(browse.ancestors, place.hamlet.id, DEMO_DATE)[-1]
    other = next(row for row in context.read(browse.children, commune_id, DEMO_DATE) if row.id != place.hamlet.id)
    choose_cadre(qtbot, view, "ho thi quynh nhu")
    fields.target.add_other(other.id, other.name)  # as "Other unit…" does
    assert fields.target.chosen() == other.id
    fields.day.setDate(to_qdate(date(2026, 9, 10)))
    fields.refresh_targets()  # another day, the same cadre: the place chosen stays
    assert fields.target.chosen() == other.id

    fields.cadre.selectAll()
    choose_cadre(qtbot, view, "lo khac tuan")
    assert fields.cadre.chosen == place.tuan.id
    assert fields.target.chosen() == place.hamlet.id, "the new cadre's own target, not the other place"
    assert fields.target.combo.findData(other.id) >= 0, "the place found is still offered"

    lone = edit_now(context, "add", cadres.add_cadre, Cadre(new_id(), "Vi Văn Lẻ", Tier.COMMUNE))
    fields.target.add_other(other.id, other.name)
    fields.cadre.choose(lone.id, lone.full_name)  # a cadre in charge of nothing on the day: nothing chosen
    assert fields.target.chosen() is None
    assert fields.target.combo.placeholderText() == tr("No target on that day: choose another unit")


def test_a_refused_entry_shows_why_next_to_the_form_and_stores_nothing(
    view: FieldLogView, context: AppContext, place: Place, qtbot: QtBot
) -> None:
    future = date.today() + timedelta(days=400)
    choose_cadre(qtbot, view, "ho thi quynh nhu")
    type_entry(qtbot, future, "90", "Chua hop")
    wait_for_edits(context)
    assert view.form.error.isVisible()
    assert view.form.error.text() == tr("{day} is in the future.").format(day=format_day(future))
    assert stored(context, place.nhu) == [] and context.undo.count() == 0
    assert view.form.fields.notes.text() == "Chua hop"  # nothing typed is lost


def test_ctrl_z_undoes_the_last_entry_and_ctrl_y_redoes_it(
    context: AppContext, place: Place, qtbot: QtBot
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.tabs.widget(3))
    activated(qtbot, window)
    view = window.field_log
    choose_cadre(qtbot, view, "ho thi quynh nhu")  # type: ignore[arg-type]
    type_entry(qtbot, date(2026, 9, 5), "90", "Lan 1")
    type_entry(qtbot, date(2026, 9, 6), "90", "Lan 2")
    assert len(stored(context, place.nhu)) == 2
    label = tr("Record the activity of {name} on {day}").format(name=place.nhu.full_name, day="06/09/2026")
    assert window.undo_action.text().endswith(label)
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [item.activity.notes for item in stored(context, place.nhu)] == ["Lan 1"]
    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert [item.activity.notes for item in stored(context, place.nhu)] == ["Lan 2", "Lan 1"]


def _record(context: AppContext, cadre: Cadre, target: str, day: date, notes: str) -> ActivityView:
    return edit_now(context, "record", record_activity, cadre.id, target, ActivityKind.CELL_MEETING, day, 90, notes)


def _shown_rows(qtbot: QtBot, view: FieldLogView) -> list[str]:
    """Wait for the list's latest read, then return the notes of the rows shown."""
    qtbot.waitUntil(lambda: view.activities.count.text() != tr("Reading…"), timeout=WAIT_MS)
    return [item.activity.notes for item in view.activities.model.rows]


def test_the_list_filters_by_cadre_and_by_period(
    view: FieldLogView, context: AppContext, place: Place, qtbot: QtBot
) -> None:
    _record(context, place.nhu, place.hamlet.id, date(2026, 5, 10), "Nhu in May")
    _record(context, place.nhu, place.hamlet.id, date(2026, 9, 5), "Nhu in September")
    _record(context, place.tuan, place.hamlet.id, date(2026, 9, 6), "Tuan in September")
    activities = view.activities
    activities.unit.choose(place.hamlet.id, place.hamlet.name)
    assert _shown_rows(qtbot, view) == ["Tuan in September", "Nhu in September"]  # quarter 3 by default
    activities.cadre.setFocus()
    typed(qtbot, "ho thi quynh nhu")
    qtbot.waitUntil(lambda: activities.cadre.suggester.popup().isVisible(), timeout=WAIT_MS)
    press(qtbot, Qt.Key.Key_Return)
    assert activities.cadre.chosen == place.nhu.id
    assert _shown_rows(qtbot, view) == ["Nhu in September"]
    activities.period.span.setCurrentIndex(activities.period.span.findData(0))  # the whole year
    assert _shown_rows(qtbot, view) == ["Nhu in September", "Nhu in May"]
    activities.period.span.setCurrentIndex(activities.period.span.findData(-1))  # between dates
    activities.period.start.setDate(to_qdate(date(2026, 5, 1)))
    activities.period.last.setDate(to_qdate(date(2026, 5, 31)))
    assert _shown_rows(qtbot, view) == ["Nhu in May"]


def test_deleting_selected_activities_asks_first_and_is_one_step_to_undo(
    view: FieldLogView, context: AppContext, place: Place, qtbot: QtBot
) -> None:
    for day in (5, 6):
        _record(context, place.nhu, place.hamlet.id, date(2026, 9, day), f"Lan {day}")
    view.activities.unit.choose(place.hamlet.id, place.hamlet.name)
    assert _shown_rows(qtbot, view) == ["Lan 6", "Lan 5"]
    prompter = context.prompter
    assert isinstance(prompter, ScriptedPrompter)
    prompter.answers = [False, True]
    view.activities.table.setFocus()
    view.activities.table.selectAll()
    press(qtbot, Qt.Key.Key_Delete)
    assert len(stored(context, place.nhu)) == 2  # "no" keeps them
    press(qtbot, Qt.Key.Key_Delete)
    assert stored(context, place.nhu) == []
    assert prompter.shown[-1] == tr("Delete the {count} selected activities?").format(count=2)
    assert _shown_rows(qtbot, view) == []
    undo_now(context)
    assert len(stored(context, place.nhu)) == 2


def test_f2_edits_the_selected_activity_undoably(
    view: FieldLogView, context: AppContext, place: Place, qtbot: QtBot
) -> None:
    _record(context, place.nhu, place.hamlet.id, date(2026, 9, 5), "Lan dau")
    view.activities.unit.choose(place.hamlet.id, place.hamlet.name)
    assert _shown_rows(qtbot, view) == ["Lan dau"]

    def correct(dialog: QWidget) -> None:
        assert isinstance(dialog, EditActivityDialog)
        assert dialog.fields.target.chosen() == place.hamlet.id
        dialog.fields.notes.selectAll()
        qtbot.keyClicks(dialog.fields.notes, "Da sua")
        qtbot.keyClick(dialog.fields.notes, Qt.Key.Key_Return)

    view.activities.table.setFocus()
    view.activities.table.selectRow(0)
    when_modal(correct)
    press(qtbot, Qt.Key.Key_F2)
    assert [item.activity.notes for item in stored(context, place.nhu)] == ["Da sua"]
    assert _shown_rows(qtbot, view) == ["Da sua"]
    undo_now(context)
    assert [item.activity.notes for item in stored(context, place.nhu)] == ["Lan dau"]


def _section_rows(qtbot: QtBot, section: FieldLogSection) -> tuple[list[str], list[str]]:
    """Wait for the section's reads, then return the notes of its activities and the contents of its recommendations."""
    qtbot.waitUntil(lambda: section.isVisible() and "…" not in section.tabs.tabText(0) + section.tabs.tabText(1),
                    timeout=WAIT_MS)
    return ([item.activity.notes for item in section.activities.rows],
            [item.recommendation.content for item in section.recommendations.rows])


def _panel(qtbot: QtBot, panel: QWidget) -> None:
    qtbot.addWidget(panel)
    panel.show()


def test_the_unit_and_cadre_panels_show_their_activities_and_recommendations(
    context: AppContext, place: Place, qtbot: QtBot
) -> None:
    _record(context, place.nhu, place.hamlet.id, date(2026, 9, 5), "Nhu at the hamlet")
    _record(context, place.tuan, place.hamlet.id, date(2026, 9, 6), "Tuan at the hamlet")
    edit_now(context, "raise", raise_recommendation, place.hamlet.id, date(2026, 8, 1), place.nhu.id,
                    "Sua duong lien thon", RecommendationField.INFRASTRUCTURE, date(2026, 9, 1))
    unit_panel = UnitPanel(context)
    _panel(qtbot, unit_panel)
    unit_panel.show_target(place.hamlet.id)
    assert _section_rows(qtbot, unit_panel.field_log) == (
        ["Tuan at the hamlet", "Nhu at the hamlet"], ["Sua duong lien thon"])
    overdue = unit_panel.field_log.recommendations.index(0, 4).data()
    assert overdue == tr("{status}, overdue").format(status=tr("open"))
    cadre_panel = CadrePanel(context)
    _panel(qtbot, cadre_panel)
    cadre_panel.show_cadre(place.tuan.id)
    assert _section_rows(qtbot, cadre_panel.field_log) == (["Tuan at the hamlet"], [])
    cadre_panel.show_cadre(place.nhu.id)
    assert _section_rows(qtbot, cadre_panel.field_log) == (["Nhu at the hamlet"], ["Sua duong lien thon"])


def test_the_list_names_each_place_with_its_path(
    view: FieldLogView, context: AppContext, place: Place, qtbot: QtBot
) -> None:
    """The field log names a hamlet with the commune above it: "Tổ nhân dân tự quản số 5" alone could be in any
    commune (seen in the screenshots of the field log)."""
    _record(context, place.nhu, place.hamlet.id, date(2026, 9, 5), "Nhu in September")
    view.activities.unit.choose(place.hamlet.id, place.hamlet.name)
    assert _shown_rows(qtbot, view) == ["Nhu in September"]
    path = context.read(units.unit_path, place.hamlet.id, DEMO_DATE)
    assert path.endswith(" / Thôn Quỳnh Lâm") and path.count(" / ") >= 2
    index = view.activities.table.model().index(0, 2)
    assert index.data() == path
    option = QStyleOptionViewItem()
    view.activities.table.itemDelegateForColumn(2).initStyleOption(option, index)
    assert option.textElideMode == Qt.TextElideMode.ElideLeft, "a path too long for its column keeps its end"


def test_typing_a_word_of_the_kind_chooses_it(qtbot: QtBot, context: AppContext) -> None:
    """Every kind starts "dự …": typing "sinh" chooses "dự sinh hoạt chi bộ định kỳ hằng tháng"."""
    fields = ActivityFields(context, date(2026, 3, 5))
    qtbot.addWidget(fields)
    qtbot.keyClicks(fields.kind, "sinh")
    assert fields.kind.currentText() == "dự sinh hoạt chi bộ định kỳ hằng tháng"


def test_an_entry_typed_on_while_a_slow_one_is_written_keeps_the_keyboard_and_both_are_stored(
    view: FieldLogView, context: AppContext, place: Place, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow PC: the entry takes seconds to write, the window runs meanwhile, and the clerk types the next one; no
    window comes up to take the keys (a progress dialog did, once Qt's 4 s had passed)."""
    gate = threading.Event()

    def slow_record(*args: object) -> ActivityView:
        assert gate.wait(WAIT_MS / 1000)
        return record_activity(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(fieldlog_view, "record_activity", slow_record)
    choose_cadre(qtbot, view, "ho thi quynh nhu")
    type_entry(qtbot, date(2026, 9, 1), "30", "Lan 1")
    qtbot.wait(SLOW_EDIT_MS)
    assert QApplication.activeWindow() is view
    type_entry(qtbot, date(2026, 9, 2), "30", "Lan 2")
    gate.set()
    found = sorted(stored(context, place.nhu), key=lambda item: item.activity.day)
    assert [(item.activity.day, item.activity.notes) for item in found] == [
        (date(2026, 9, 1), "Lan 1"), (date(2026, 9, 2), "Lan 2")]
