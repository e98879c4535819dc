"""File > Recent databases names each database as a clerk knows it: the file and its folder (the full path in the
tooltip), a server's database and host, never a raw `sqlite:////…` URL nor a password."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from grassroots_app.ui.context import AppContext
from grassroots_app.ui.main_window import MainWindow


def test_recent_databases_show_the_file_and_its_folder(
    qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    folder = tmp_path / "Tài liệu" / "Xã Quảng Uyên"
    folder.mkdir(parents=True)
    server = "postgresql://van_thu:mat-khau-bi-mat@csdl.caobang.local:5432/co_so?connect_timeout=10&sslmode=prefer"
    for location in (server, str(folder / "R&D.sqlite"), f"sqlite:///{folder / 'co-so.sqlite'}"):
        context.settings.remember_database(location)
    window.on_database_changed()

    actions = window.recent_menu.actions()
    shown = [(action.text(), action.toolTip()) for action in actions]
    assert shown == [
        (f"co-so.sqlite — {folder}", str(folder / "co-so.sqlite")),
        (f"R&&D.sqlite — {folder}", str(folder / "R&D.sqlite")),  # && shows one & (a single one is a shortcut)
        ("co_so — csdl.caobang.local:5432", "postgresql://van_thu@csdl.caobang.local:5432/co_so"),
    ]
    assert all("mat-khau-bi-mat" not in text + tip and "sqlite:" not in text for text, tip in shown)
    assert window.recent_menu.toolTipsVisible()
