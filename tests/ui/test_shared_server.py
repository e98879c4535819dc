"""The window on a shared PostgreSQL server: connecting, each clerk's part of the tree, their scope in the status bar,
edits offered only inside the scope on every tab (and drops of cadres), F5, and the history of changes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.demo.build import DEMO_DATE
from grassroots_app.domain.activities import ActivityKind
from grassroots_app.domain.calendar import MeetingCategory
from grassroots_app.domain.meetings import Meeting
from grassroots_app.domain.model import Preset, Tier
from grassroots_app.domain.recommendations import RecommendationField
from grassroots_app.domain.server import AuditEntry
from grassroots_app.services import activities, meetings, recommendations, server
from grassroots_app.services.workspace import Database
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.fieldlog.rating_table import Column
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.server.connect_dialog import ConnectDialog
from grassroots_app.ui.server.history_dialog import ChangeHistoryDialog, describe_change
from grassroots_app.ui.units.tree_model import cadre_mime_data
from tests.engines import ENGINES, POSTGRESQL, Databases
from tests.integration.support import open_env
from tests.ui.support import WAIT_MS, answer_dialog, wait_for_edits

pytestmark = pytest.mark.skipif(POSTGRESQL not in ENGINES, reason="no PostgreSQL server here")
PASSWORDS = {"lan": "pw-lan", "minh": "pw-minh", "xem": "pw-xem", "thon": "pw-thon", "tinh": "pw-tinh"}


@dataclass(frozen=True)
class Shared:
    """A server database with a province, two communes, a hamlet, a cadre, a meeting, an activity and a
    recommendation on the demo day, and five clerks."""

    databases: Databases
    name: str
    province: str
    cao_loc: str
    van_lang: str
    cadre: str
    ban_chat: str

    def url(self, login: str, password: str | None = None) -> str:
        """Return a clerk's URL."""
        return str(self.databases.server.url(self.name, login, password or PASSWORDS[login]))


@pytest.fixture(scope="module")
def shared(pg_databases: Databases) -> Iterator[Shared]:
    """One server database for the module: lan has Xã Cao Lộc, minh Xã Văn Lãng, thon a hamlet of Cao Lộc (which
    thon sees above it), tinh has the province, xem reads it all."""
    admin_url = pg_databases.create()
    env = open_env(admin_url, Preset.TWO_LEVEL)
    province = env.unit("Tỉnh Lạng Sơn")
    cao_loc, van_lang = env.unit("Xã Cao Lộc", province), env.unit("Xã Văn Lãng", province)
    ban_chat = env.unit("Thôn Bản Chắt", cao_loc)
    server.init_server(env.db)
    cadre = env.cadre("Nguyễn Văn An", Tier.COMMUNE, home_unit_id=cao_loc.id)  # in the audit, kept from now on
    day = DEMO_DATE  # the day the tests' windows are on
    env.run(meetings.add_meeting, Meeting("", "Họp Ban Thường vụ", datetime.combine(day, time(8)), 120,
                                          MeetingCategory.COMMITTEE))
    env.run(activities.record_activity, cadre.id, cao_loc.id, ActivityKind.CELL_MEETING, day)
    env.run(recommendations.raise_recommendation, cao_loc.id, day, cadre.id, "Sửa đường liên thôn",
            RecommendationField.LAND)
    server.add_clerk(env.db, "lan", [cao_loc.id], PASSWORDS["lan"])
    server.add_clerk(env.db, "minh", [van_lang.id], PASSWORDS["minh"])
    server.add_clerk(env.db, "xem", [province.id], PASSWORDS["xem"], read_only=True)
    server.add_clerk(env.db, "thon", [ban_chat.id], PASSWORDS["thon"])
    server.add_clerk(env.db, "tinh", [province.id], PASSWORDS["tinh"])
    env.db.close()
    yield Shared(pg_databases, admin_url.rsplit("/", 1)[1], province.id, cao_loc.id, van_lang.id, cadre.id,
                 ban_chat.id)
    pg_databases.drop(admin_url)


@pytest.fixture
def window_of(qtbot: QtBot, context_at: Callable[[str], AppContext], shared: Shared) -> Callable[[str], MainWindow]:
    """Open a clerk's window on the shared database, its gap marks read."""

    def make(login: str) -> MainWindow:
        window = MainWindow(context_at(shared.url(login)))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.tree.model.marks is not None, timeout=WAIT_MS)
        return window

    return make


def tree_names(window: MainWindow, parent: QModelIndex | None = None) -> list[str]:
    """Return the names in the whole tree, depth first."""
    model, parent = window.tree.model, parent or QModelIndex()
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    names = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        names += [model.node(index).name, *tree_names(window, index)]
    return names


def test_each_clerk_sees_the_way_down_to_their_part_and_their_scope_in_the_status_bar(
        window_of: Callable[[str], MainWindow]) -> None:
    lan, minh = window_of("lan"), window_of("minh")
    assert tree_names(lan) == ["Tỉnh Lạng Sơn", "Xã Cao Lộc", "Thôn Bản Chắt"]
    assert tree_names(minh) == ["Tỉnh Lạng Sơn", "Xã Văn Lãng"]
    assert lan.scope_label.text() == "lan — Tỉnh Lạng Sơn / Xã Cao Lộc"
    assert "chỉ đọc" not in lan.scope_label.text()


def test_a_read_only_clerk_is_offered_no_edit(window_of: Callable[[str], MainWindow], shared: Shared) -> None:
    xem = window_of("xem")
    assert xem.scope_label.text() == "xem — Tỉnh Lạng Sơn (chỉ đọc)"
    assert xem.tree.reveal(shared.cao_loc)
    assert not any(button.isEnabled() for button in xem.panel.editing_buttons())
    assert not xem.roster.add_button.isEnabled()
    assert not any(action.isEnabled() for action in (xem.import_action, xem.official_action, xem.settings_action))


def test_a_clerk_may_change_only_inside_the_scope(window_of: Callable[[str], MainWindow], shared: Shared) -> None:
    lan = window_of("lan")
    assert lan.tree.reveal(shared.province)
    assert not any(button.isEnabled() for button in lan.panel.editing_buttons())
    assert lan.tree.reveal(shared.cao_loc)
    assert lan.panel.save.isEnabled() and lan.panel.assign_button.isEnabled()
    assert lan.import_action.isEnabled()


def test_an_edit_by_one_clerk_shows_for_another_after_f5_and_in_the_history(
        qtbot: QtBot, window_of: Callable[[str], MainWindow], shared: Shared) -> None:
    lan, xem = window_of("lan"), window_of("xem")
    assert xem.tree.reveal(shared.cao_loc)
    assert lan.tree.reveal(shared.cao_loc)
    lan.panel.code.setText("CL-01")
    lan.panel.save.click()
    wait_for_edits(lan.context)
    assert lan.context.undo.count() == 1, "the edit was refused"
    assert xem.panel.code.text() == ""  # not read again yet
    xem.refresh_action.trigger()
    qtbot.waitUntil(lambda: xem.panel.code.text() == "CL-01", timeout=WAIT_MS)
    assert xem.unit_history_action.isEnabled()
    xem.unit_history_action.trigger()
    history = xem.history
    qtbot.waitUntil(lambda: bool(history.entries), timeout=WAIT_MS)
    change = history.entries[0]
    assert (change.login, change.action, change.row_id) == ("lan", "update", shared.cao_loc)
    row = [history.table.item(0, column).text() for column in range(history.table.columnCount())]
    assert row[1:4] == ["lan", "Đã sửa", "Đơn vị"] and "— → CL-01" in row[4]
    history.close()


def test_the_history_of_a_cadre(qtbot: QtBot, window_of: Callable[[str], MainWindow], shared: Shared) -> None:
    xem = window_of("xem")
    qtbot.waitUntil(lambda: xem.roster.model.row_of(shared.cadre) is not None, timeout=WAIT_MS)
    xem.roster.select_cadre(shared.cadre)
    qtbot.waitUntil(xem.cadre_history_action.isEnabled, timeout=WAIT_MS)
    xem.cadre_history_action.trigger()
    history: ChangeHistoryDialog = xem.history
    qtbot.waitUntil(lambda: bool(history.entries), timeout=WAIT_MS)
    assert [(entry.table, entry.action) for entry in history.entries] == [("cadre", "insert")]
    history.close()


def test_no_history_on_a_file(window: MainWindow) -> None:
    assert window.tree.reveal(window.tree.model.node(window.tree.model.index(0, 0)).id)
    assert not window.unit_history_action.isEnabled()
    assert "máy chủ" in window.unit_history_action.toolTip()


@pytest.mark.parametrize(("fields", "said"), [
    ({"host": ""}, "địa chỉ"),
    ({"port": "năm"}, "Cổng"),
    ({"password": "sai"}, "từ chối"),
    ({"port": "1"}, "Không kết nối được"),
])
def test_bad_input_is_said_in_the_dialog_and_changes_nothing(
        qtbot: QtBot, context: AppContext, shared: Shared, fields: dict[str, str], said: str) -> None:
    before = context.database
    dialog = ConnectDialog(context, None)
    qtbot.addWidget(dialog)
    typed = {"host": "127.0.0.1", "port": str(server.address_of(shared.url("lan")).port),  # type: ignore[union-attr]
             "database_name": shared.name, "login": "lan", "password": PASSWORDS["lan"], **fields}
    for name, text in typed.items():
        getattr(dialog, name).setText(text)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.connecting, timeout=WAIT_MS)
    assert dialog.database is None and said in dialog.error.text()
    assert context.database is before and context.settings.server is None


def test_connecting_opens_the_server_and_remembers_it_without_the_password(
        qtbot: QtBot, window: MainWindow, shared: Shared, tmp_path: Path) -> None:
    address = server.address_of(shared.url("lan"))
    assert address is not None

    def fill(dialog: object) -> None:
        assert isinstance(dialog, ConnectDialog)
        for field, text in ((dialog.host, address.host), (dialog.port, str(address.port)),
                            (dialog.database_name, address.database), (dialog.login, "lan"),
                            (dialog.password, PASSWORDS["lan"])):
            field.setText(text)
        dialog.submit()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)

    done = answer_dialog(qtbot, fill)
    window.connect_action.trigger()
    done()
    assert window.context.scope.clerk is not None and window.context.scope.clerk.login == "lan"
    assert window.scope_label.text().startswith("lan — ")
    assert "pw-lan" not in window.status.text()
    assert window.context.settings.server == address
    window.context.settings.sync()
    assert all("pw-lan" not in path.read_text(encoding="utf-8") for path in tmp_path.glob("*.ini"))
    assert server.address_of(window.context.settings.recent_databases[0]) == address


def show_tab(window: MainWindow, tab: QWidget) -> None:
    """Bring a tab of the window to the front, as a click on it does."""
    window.tabs.setCurrentWidget(tab)


def no_dialog_opens(qtbot: QtBot, act: Callable[[], object]) -> None:
    """Do what a clerk does (a double click, a key) and check that no dialog opens (one that did is closed)."""
    opened: list[QWidget] = []

    def close_any() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            opened.append(dialog)
            dialog.close()

    QTimer.singleShot(200, close_any)
    act()
    qtbot.wait(300)
    assert not opened


def meetings_shown(qtbot: QtBot, window: MainWindow) -> None:
    """Show the Calendar on the window's day, its meeting chosen."""
    show_tab(window, window.calendar_tab)
    qtbot.waitUntil(lambda: window.calendar.panel.chosen() is not None, timeout=WAIT_MS)


def activity_chosen(qtbot: QtBot, window: MainWindow) -> None:
    """Show the Field log and choose the one activity."""
    show_tab(window, window.field_log_tab)
    listed = window.field_log.activities
    qtbot.waitUntil(lambda: listed.model.rowCount() == 1, timeout=WAIT_MS)
    listed.table.selectRow(0)


def proposed(qtbot: QtBot, window: MainWindow) -> None:
    """Show the Base-day plan and propose one for the quarter."""
    show_tab(window, window.plan_tab)
    plan = window.plan
    qtbot.waitUntil(lambda: plan.plan is not None and plan.propose_button.isEnabled(), timeout=WAIT_MS)
    plan.propose_button.click()
    qtbot.waitUntil(lambda: plan.plan is not None and not plan.plan.saved, timeout=WAIT_MS)


def test_a_read_only_clerk_reads_prints_and_exports_the_calendar_plan_and_field_log_but_changes_nothing(
        qtbot: QtBot, window_of: Callable[[str], MainWindow]) -> None:
    xem = window_of("xem")
    meetings_shown(qtbot, xem)
    calendar, panel = xem.calendar, xem.calendar.panel
    assert not any(button.isEnabled() for button in (panel.add_button, panel.edit_button, panel.delete_button))
    assert all(button.isEnabled() for button in (calendar.export_button, calendar.print_button,
                                                 calendar.save_plan_button))
    no_dialog_opens(qtbot, lambda: panel.meetings.itemActivated.emit(panel.meetings.currentItem()))
    no_dialog_opens(qtbot, lambda: calendar.grid.activated.emit(calendar.grid.currentIndex()))
    proposed(qtbot, xem)
    assert xem.plan.propose_button.isEnabled() and not xem.plan.save_button.isEnabled()
    activity_chosen(qtbot, xem)
    form, listed = xem.field_log.form, xem.field_log.activities
    assert not form.record_button.isEnabled() and not form.fields.isEnabled()
    assert not listed.edit_button.isEnabled() and not listed.delete_button.isEnabled()
    no_dialog_opens(qtbot, lambda: listed.table.activated.emit(listed.table.currentIndex()))
    assert xem.context.undo.count() == 0


def test_a_writing_clerk_changes_meetings_plans_and_activities_until_they_log_in_read_only(
        qtbot: QtBot, window_of: Callable[[str], MainWindow], shared: Shared) -> None:
    lan = window_of("lan")
    meetings_shown(qtbot, lan)
    panel = lan.calendar.panel
    assert all(button.isEnabled() for button in (panel.add_button, panel.edit_button, panel.delete_button))
    proposed(qtbot, lan)
    assert lan.plan.save_button.isEnabled()
    activity_chosen(qtbot, lan)
    form, listed = lan.field_log.form, lan.field_log.activities
    assert form.record_button.isEnabled() and listed.edit_button.isEnabled() and listed.delete_button.isEnabled()
    lan.show_database(Database.open(shared.url("xem"), daily=False, create=False))  # the scope is read again
    assert not any(button.isEnabled() for button in (panel.add_button, panel.edit_button, panel.delete_button))
    assert not form.record_button.isEnabled() and not lan.plan.save_button.isEnabled()


def recommendation_chosen(qtbot: QtBot, window: MainWindow) -> list[bool]:
    """Show the Recommendations, choose the one; return whether New, Edit, Delete and any step are offered."""
    show_tab(window, window.recommendations_tab)
    view = window.recommendations
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=WAIT_MS)
    view.table.selectRow(0)
    return [view.new_action.isEnabled(), view.edit_action.isEnabled(), view.delete_action.isEnabled(),
            any(action.isEnabled() for action in view.step_actions.values())]


def test_recommendations_are_changed_by_the_clerks_who_may_change_their_unit(
        qtbot: QtBot, window_of: Callable[[str], MainWindow]) -> None:
    assert recommendation_chosen(qtbot, window_of("xem")) == [False] * 4
    assert recommendation_chosen(qtbot, window_of("lan")) == [True] * 4


def editable_ratings(qtbot: QtBot, window: MainWindow, unit_id: str) -> list[bool]:
    """Show the ratings at a unit; return whether each row's grade may be typed, trying each (then Escape)."""
    show_tab(window, window.ratings_tab)
    ratings = window.ratings
    ratings.show_unit(unit_id)
    qtbot.waitUntil(lambda: len(ratings.model.views) == 2, timeout=WAIT_MS)
    editable = []
    for row in range(2):
        ratings.table.setCurrentIndex(ratings.model.index(row, Column.GRADE))
        qtbot.keyClick(ratings.table, Qt.Key.Key_1)
        editable.append(ratings._editing())
        if ratings._editing():
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert window.context.undo.count() == 0
    return editable


def test_a_unit_is_rated_only_inside_the_scope(
        qtbot: QtBot, window_of: Callable[[str], MainWindow], shared: Shared) -> None:
    assert editable_ratings(qtbot, window_of("xem"), shared.cao_loc) == [False, False]
    assert editable_ratings(qtbot, window_of("thon"), shared.cao_loc) == [False, True]  # the commune is above thon


def test_a_report_is_written_only_on_an_area_inside_the_scope(
        qtbot: QtBot, window_of: Callable[[str], MainWindow], shared: Shared) -> None:
    for login, offered in (("xem", False), ("lan", False), ("tinh", True)):
        window = window_of(login)
        show_tab(window, window.report_tab)
        chooser = window.report_view.chooser
        chooser.kind.setCurrentIndex(chooser.kind.findData("area"))
        chooser.unit.choose(shared.province, "Tỉnh Lạng Sơn")
        assert chooser.new_button.isEnabled() is offered, login
    editor = window.report_view.editor
    chooser.new_button.click()
    qtbot.waitUntil(lambda: editor.figures is not None, timeout=WAIT_MS)
    assert editor.save_button.isEnabled() and editor.pdf_button.isEnabled()
    assert not editor.narrative.lines["subject"].isReadOnly()


def drag_over(window: MainWindow, unit_id: str, cadre_id: str) -> bool:
    """Drag a cadre from the roster over a unit's row of the tree; return whether the tree would take the drop."""
    assert window.tree.reveal(unit_id)
    view = window.tree.view
    point = view.visualRect(view.currentIndex()).center()
    payload = cadre_mime_data([cadre_id])
    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(point, copy, payload, left, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), enter)
    move = QDragMoveEvent(point + QPoint(0, 1), copy, payload, left, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), move)
    return enter.isAccepted() and move.isAccepted()


def test_a_cadre_is_dropped_only_on_a_target_the_clerk_may_assign_at(
        qtbot: QtBot, window_of: Callable[[str], MainWindow], shared: Shared) -> None:
    thon, xem = window_of("thon"), window_of("xem")
    with qtbot.assertNotEmitted(thon.tree.model.cadre_dropped), qtbot.assertNotEmitted(xem.tree.model.cadre_dropped):
        assert not drag_over(thon, shared.cao_loc, shared.cadre)  # the commune above thon's hamlet
        assert not drag_over(xem, shared.ban_chat, shared.cadre)
    assert drag_over(thon, shared.ban_chat, shared.cadre)


def test_the_history_names_the_fields_as_the_forms_do(
        qtbot: QtBot, window_of: Callable[[str], MainWindow], shared: Shared) -> None:
    lan, xem = window_of("lan"), window_of("xem")
    assert lan.tree.reveal(shared.cao_loc)
    lan.panel.attributes.households.setValue(120)
    lan.panel.save.click()
    wait_for_edits(lan.context)
    assert lan.context.undo.count() == 1, "the edit was refused"
    assert xem.tree.reveal(shared.cao_loc)
    xem.unit_history_action.trigger()
    history = xem.history
    qtbot.waitUntil(lambda: bool(history.entries), timeout=WAIT_MS)
    row = next(row for row, entry in enumerate(history.entries) if "households" in entry.new_values)
    assert "Số hộ: — → 120" in history.table.item(row, 4).text()
    assert "households" not in history.table.item(row, 4).text()
    history.close()
    unknown = AuditEntry(datetime.now(), "lan", "unit", shared.cao_loc, "update", {"mystery": 1}, {"mystery": 2}, 1,
                         shared.cao_loc)
    assert describe_change(unknown) == "mystery: 1 → 2"
    assert tr("Households") == "Số hộ"
