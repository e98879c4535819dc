"""Connecting to a shared server from the window: tried off the UI thread (Cancel abandons it), the server worked on
last connected to at start, and the password kept in the credential store only when the clerk ticks the box."""

from __future__ import annotations

import shutil
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringError, PasswordDeleteError
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from grassroots_app.domain.model import Preset
from grassroots_app.persistence import locations
from grassroots_app.services import server
from grassroots_app.services.credentials import SERVICE, credential_name
from grassroots_app.services.server import ServerAddress
from grassroots_app.ui.app import open_at_start, server_to_resume
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.errors import ErrorReporter
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.server.connect_dialog import ConnectDialog
from tests.engines import ENGINES, POSTGRESQL
from tests.ui.support import WAIT_MS, answer_dialog
from tests.ui.test_shared_server import PASSWORDS, Shared, shared  # noqa: F401 - the module's server and clerks

on_server = pytest.mark.skipif(POSTGRESQL not in ENGINES, reason="no PostgreSQL server here")
UNREACHABLE = "Không kết nối được"
REFUSED = "từ chối"


class MemoryKeyring(KeyringBackend):
    """A credential store in memory: keyring's own API, without the computer's store."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        """Return the password kept, if any."""
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        """Keep a password."""
        self.passwords[service, username] = password

    def delete_password(self, service: str, username: str) -> None:
        """Remove a password, as a real store refuses to remove none."""
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class LockedKeyring(MemoryKeyring):
    """A store that refuses every change, as a locked one does."""

    def set_password(self, service: str, username: str, password: str) -> None:
        """Refuse."""
        raise KeyringError("the keyring is locked")


@pytest.fixture
def store() -> Iterator[MemoryKeyring]:
    """An empty credential store for the test (none again afterwards)."""
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(fail.Keyring())


@pytest.fixture
def lan(shared: Shared) -> ServerAddress:  # noqa: F811 - the fixture imported above
    """The address of lan's login on the shared database."""
    address = server.address_of(shared.url("lan"))
    assert address is not None
    return address


def kept(store: MemoryKeyring, address: ServerAddress) -> str | None:
    """Return the password the store keeps for a login."""
    return store.passwords.get((SERVICE, credential_name(address)))


def fill(dialog: ConnectDialog, address: ServerAddress, password: str) -> None:
    """Type a server's address and a password into the dialog."""
    for field, text in ((dialog.host, address.host), (dialog.port, str(address.port)),
                        (dialog.database_name, address.database), (dialog.login, address.login),
                        (dialog.password, password)):
        field.setText(text)


def connect_through_the_menu(qtbot: QtBot, window: MainWindow, act: Callable[[ConnectDialog], None]) -> None:
    """Open File ▸ Connect to a server…, let `act` fill it in, click OK and wait until the dialog has closed."""

    def handle(dialog: object) -> None:
        assert isinstance(dialog, ConnectDialog)
        act(dialog)
        dialog.ok.click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)

    done = answer_dialog(qtbot, handle)
    window.connect_action.trigger()
    done()


def start_on_the_file_after_the_server(qtbot: QtBot, context: AppContext, address: ServerAddress) -> MainWindow:
    """Start the window as the app starts when the server was worked on last: on the file, then start()."""
    assert server_to_resume(None, server.server_url(address, "")) == address
    window = MainWindow(context, resume=address)
    qtbot.addWidget(window)
    window.show()
    return window


def close_the_dialog() -> None:
    """Close the modal dialog shown: the first Cancel abandons what it tries, the second closes it."""
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, ConnectDialog):
        dialog.reject()
        dialog.reject()


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port on this computer that takes connections and never answers (a server far away that hangs)."""
    with socket.create_server(("127.0.0.1", 0)) as listening:
        yield listening.getsockname()[1]


@pytest.mark.parametrize("where", ["closed port", "silent server", "10.255.255.1"])
def test_an_unreachable_server_is_said_while_the_window_keeps_running(
        qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch, silent_server: int, where: str) -> None:
    monkeypatch.setattr(locations, "CONNECT_TIMEOUT_S", 2)
    host, port = {"closed port": ("127.0.0.1", 1), "silent server": ("127.0.0.1", silent_server),
                  "10.255.255.1": ("10.255.255.1", 5432)}[where]
    dialog = ConnectDialog(context, ServerAddress(host, "so", "lan", port))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText("pw")
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    started = time.monotonic()
    dialog.ok.click()
    assert dialog.connecting and dialog.busy.isVisible()
    assert not any(field.isEnabled() for field in (dialog.host, dialog.password, dialog.remember, dialog.ok))
    qtbot.waitUntil(lambda: not dialog.connecting, timeout=WAIT_MS)
    took = time.monotonic() - started
    timer.stop()
    assert UNREACHABLE in dialog.error.text() and dialog.database is None
    assert took < 10  # noqa: PLR2004 - the connect timeout, 2 s here, and some slack
    gaps = [later - earlier for earlier, later in zip([started, *ticks], [*ticks, time.monotonic()], strict=True)]
    assert max(gaps) < 1, "the window stopped while the server was tried"
    if where == "silent server":
        assert took > 1.5 and len(ticks) > 20  # noqa: PLR2004 - waited for the timeout, the timer ticking
    assert dialog.host.isEnabled() and dialog.ok.isEnabled() and not dialog.busy.isVisible()


def test_cancel_abandons_the_attempt_and_changes_nothing(
        qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch, silent_server: int) -> None:
    monkeypatch.setattr(locations, "CONNECT_TIMEOUT_S", 2)
    before = context.database
    dialog = ConnectDialog(context, ServerAddress("127.0.0.1", "so", "lan", silent_server))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ok.click()
    assert dialog.connecting
    dialog.reject()  # Cancel
    assert not dialog.connecting and dialog.isVisible() and dialog.ok.isEnabled()
    context.tasks.wait()  # the abandoned attempt ends (its timeout) without a word
    qtbot.wait(50)
    assert dialog.error.text() == "" and dialog.database is None and context.database is before
    dialog.reject()
    assert not dialog.isVisible()


@on_server
def test_at_start_the_last_server_is_asked_for_its_password_and_cancel_stays_on_the_file(
        qtbot: QtBot, context: AppContext, store: MemoryKeyring, lan: ServerAddress) -> None:
    before = context.database
    window = start_on_the_file_after_the_server(qtbot, context, lan)
    seen: list[tuple[str, str, bool, bool]] = []

    def cancel(dialog: object) -> None:
        assert isinstance(dialog, ConnectDialog)
        seen.append((dialog.host.text(), dialog.login.text(), dialog.focusWidget() is dialog.password,
                     dialog.connecting))

    done = answer_dialog(qtbot, cancel)  # answered by Cancel
    window.start()
    done()
    assert seen == [(lan.host, "lan", True, False)]
    assert context.database is before and context.errors.last_message == ""


def test_at_start_a_server_is_not_opened_before_the_window_the_default_file_is(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRASSROOTS_DB", str(tmp_path / "default.sqlite"))
    errors = ErrorReporter(tmp_path / "grassroots.log", show_dialogs=False)
    last = server.server_url(ServerAddress("127.0.0.1", "so", "lan", 1), "")
    opened = open_at_start(None, last, errors)
    try:
        assert opened.url.endswith("default.sqlite") and errors.last_message == ""
    finally:
        opened.close()
    assert server_to_resume(None, last) == ServerAddress("127.0.0.1", "so", "lan", 1)
    assert server_to_resume(last, last) is None and server_to_resume(None, str(tmp_path / "a.sqlite")) is None


@on_server
def test_a_ticked_password_is_kept_and_the_next_start_connects_without_asking(
        qtbot: QtBot, window: MainWindow, context_at: Callable[[str], AppContext], store: MemoryKeyring,
        lan: ServerAddress, tmp_path: Path, log_folder: Path, demo_template: dict[Preset, Path]) -> None:
    def tick(dialog: ConnectDialog) -> None:
        fill(dialog, lan, PASSWORDS["lan"])
        assert dialog.remember.isEnabled()
        dialog.remember.setChecked(True)

    connect_through_the_menu(qtbot, window, tick)
    assert window.context.scope.clerk is not None and window.context.scope.clerk.login == "lan"
    assert kept(store, lan) == PASSWORDS["lan"]
    assert credential_name(lan) == f"lan@127.0.0.1:{lan.port}/{lan.database}"
    window.context.settings.sync()
    assert all(PASSWORDS["lan"] not in path.read_text(encoding="utf-8") for path in tmp_path.rglob("*.ini"))
    logs = [*tmp_path.rglob("*.log"), *log_folder.rglob("*")]
    assert all(PASSWORDS["lan"] not in path.read_text(encoding="utf-8") for path in logs if path.is_file())

    other = shutil.copy(demo_template[Preset.TWO_LEVEL], tmp_path / "other.sqlite")  # set up: no first-run dialog
    again = start_on_the_file_after_the_server(qtbot, context_at(str(other)), lan)
    QTimer.singleShot(WAIT_MS, close_the_dialog)  # if it asked: the test fails below instead of waiting for ever
    again.start()  # returns once connected: nothing was asked
    assert again.context.scope.clerk is not None and again.context.scope.clerk.login == "lan"
    assert again.scope_label.text().startswith("lan — ")


@on_server
def test_unticking_forgets_the_kept_password(
        qtbot: QtBot, window: MainWindow, store: MemoryKeyring, lan: ServerAddress) -> None:
    store.set_password(SERVICE, credential_name(lan), PASSWORDS["lan"])
    shown: list[tuple[str, bool]] = []

    def untick(dialog: ConnectDialog) -> None:
        shown.append((dialog.password.text(), dialog.remember.isChecked()))
        dialog.remember.setChecked(False)

    window.context.settings.server = lan
    connect_through_the_menu(qtbot, window, untick)
    assert shown == [(PASSWORDS["lan"], True)]  # the kept password, given back in the dialog
    assert window.context.scope.clerk is not None
    assert kept(store, lan) is None


@on_server
def test_a_kept_password_the_server_refuses_is_forgotten_and_asked_for(
        qtbot: QtBot, context: AppContext, store: MemoryKeyring, lan: ServerAddress) -> None:
    store.set_password(SERVICE, credential_name(lan), "an old password")
    before = context.database
    window = start_on_the_file_after_the_server(qtbot, context, lan)
    seen: list[tuple[str, str, str | None]] = []

    def refused(dialog: object) -> None:
        assert isinstance(dialog, ConnectDialog)
        qtbot.waitUntil(lambda: not dialog.connecting, timeout=WAIT_MS)
        seen.append((dialog.error.text(), dialog.password.text(), kept(store, lan)))

    done = answer_dialog(qtbot, refused)
    window.start()
    done()
    assert len(seen) == 1 and REFUSED in seen[0][0] and seen[0][1:] == ("", None)
    assert context.database is before


def test_without_a_credential_store_the_box_is_off_and_says_why(context: AppContext, qtbot: QtBot) -> None:
    dialog = ConnectDialog(context, ServerAddress("csdl.langson.local", "co_so", "lan"))  # no server asked
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    assert "Secret Service" in dialog.remember.toolTip() and "mật khẩu" in dialog.remember.toolTip()
    assert dialog.password.text() == "" and not dialog.password_kept


@on_server
def test_a_store_that_refuses_is_said_and_the_connection_stands(
        qtbot: QtBot, window: MainWindow, lan: ServerAddress) -> None:
    keyring.set_keyring(LockedKeyring())
    try:
        def tick(dialog: ConnectDialog) -> None:
            fill(dialog, lan, PASSWORDS["lan"])
            dialog.remember.setChecked(True)

        connect_through_the_menu(qtbot, window, tick)
    finally:
        keyring.set_keyring(fail.Keyring())
    assert window.context.scope.clerk is not None
    message = window.context.errors.last_message or ""
    assert "the keyring is locked" in message and "mật khẩu" in message
