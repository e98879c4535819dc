"""The window on a shared PostgreSQL server: connecting, each clerk's part of the tree, their scope in the status bar,
edits offered only inside the scope, F5, and the history of changes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from grassroots_app.domain.model import Preset, Tier
from grassroots_app.services import server
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.server.connect_dialog import ConnectDialog
from grassroots_app.ui.server.history_dialog import ChangeHistoryDialog
from tests.engines import ENGINES, POSTGRESQL, Databases
from tests.integration.support import open_env
from tests.ui.support import WAIT_MS, answer_dialog, wait_for_edits

pytestmark = pytest.mark.skipif(POSTGRESQL not in ENGINES, reason="no PostgreSQL server here")
PASSWORDS = {"lan": "pw-lan", "minh": "pw-minh", "xem": "pw-xem"}


@dataclass(frozen=True)
class Shared:
    """A server database with a province, two communes, a cadre, and three clerks."""

    databases: Databases
    name: str
    province: str
    cao_loc: str
    van_lang: str
    cadre: str

    def url(self, login: str, password: str | None = None) -> str:
        """Return a clerk's URL."""
        return str(self.databases.server.url(self.name, login, password or PASSWORDS[login]))


@pytest.fixture(scope="module")
def shared(pg_databases: Databases) -> Iterator[Shared]:
    """One server database for the module: lan has Xã Cao Lộc, minh Xã Văn Lãng, xem reads the whole province."""
    admin_url = pg_databases.create()
    env = open_env(admin_url, Preset.TWO_LEVEL)
    province = env.unit("Tỉnh Lạng Sơn")
    cao_loc, van_lang = env.unit("Xã Cao Lộc", province), env.unit("Xã Văn Lãng", province)
    server.init_server(env.db)
    cadre = env.cadre("Nguyễn Văn An", Tier.COMMUNE, home_unit_id=cao_loc.id)  # in the audit, kept from now on
    server.add_clerk(env.db, "lan", [cao_loc.id], PASSWORDS["lan"])
    server.add_clerk(env.db, "minh", [van_lang.id], PASSWORDS["minh"])
    server.add_clerk(env.db, "xem", [province.id], PASSWORDS["xem"], read_only=True)
    env.db.close()
    yield Shared(pg_databases, admin_url.rsplit("/", 1)[1], province.id, cao_loc.id, van_lang.id, cadre.id)
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
    assert tree_names(lan) == ["Tỉnh Lạng Sơn", "Xã Cao Lộc"]
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
