"""The window and the command line on one database file: undo and redo re-check the rules, writes wait.

The command line runs as a real process (the installed `grassroots` script) while the window is open.
"""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from grassroots_app.demo.build import DEMO_DATE
from grassroots_app.domain.model import Assignment, Tier
from grassroots_app.persistence.browse import NodeRow
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import assignments, browse, units
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.shared.widgets import to_qdate
from grassroots_app.ui.units.assign_dialog import EndAssignmentDialog
from tests.cli.support import Cli
from tests.ui.support import WAIT_MS, edit_now, shown, wait_while_busy
from tests.ui.test_assign_dialog import a_cadre, a_hamlet, click_ok

END = DEMO_DATE + timedelta(days=400)  # after the minimum tenure: no reason needed


def cli_on(context: AppContext) -> Cli:
    """Return the command line on the window's database file."""
    return Cli(Path(context.database.display_name))


def held(context: AppContext, cadre_id: str, target_id: str) -> list[Assignment]:
    """Return the cadre's assignments on the target, read from the database."""
    return [a for a in context.read(lambda uow: uow.assignments.for_cadre(cadre_id)) if a.target_id == target_id]


def overlapping(found: list[Assignment]) -> list[tuple[str, str]]:
    """Return the pairs of assignments (of one cadre on one target) whose periods overlap."""
    return [(a.id, b.id) for a in found for b in found if a.id < b.id and a.period.overlaps(b.period)]


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    """Press Ctrl+key on the window's tree, as a clerk would."""
    window.activateWindow()
    window.tree.view.setFocus()
    qtbot.waitUntil(window.tree.view.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(window.tree.view, key, Qt.KeyboardModifier.ControlModifier)
    wait_while_busy()


def refusal_shown(qtbot: QtBot, context: AppContext, key: Qt.Key, window: MainWindow) -> str:
    """Press Ctrl+key and return the message the window then shows."""
    before = context.errors.last_message
    press(qtbot, window, key)
    qtbot.waitUntil(lambda: context.errors.last_message != before, timeout=WAIT_MS)
    return context.errors.last_message


@pytest.fixture
def hamlet(context: AppContext) -> NodeRow:
    """A hamlet of the demo."""
    return a_hamlet(context)


def test_undo_refuses_to_bring_back_an_assignment_the_command_line_replaced(
    qtbot: QtBot, window: MainWindow, context: AppContext, hamlet: NodeRow
) -> None:
    cadre = a_cadre(context, Tier.COMMUNE)
    made = edit_now(context, "assign", assignments.assign, assignments.NewAssignment(cadre.id, hamlet.id, DEMO_DATE))
    dialog = shown(qtbot, EndAssignmentDialog(context, made.id))
    dialog.end.setDate(to_qdate(END))
    click_ok(qtbot, dialog)
    assert held(context, cadre.id, hamlet.id)[0].period.end == END
    steps = context.undo.count()
    again = cli_on(context).process("assign", cadre.id, hamlet.id, "--from", END.isoformat())
    assert again.code == 0, again.err

    message = refusal_shown(qtbot, context, Qt.Key.Key_Z, window)

    assert message.startswith("Không thể hoàn tác") and "đã giữ vai trò" in message, message
    after = held(context, cadre.id, hamlet.id)
    assert len(after) == 2 and not overlapping(after)
    assert next(a for a in after if a.id == made.id).period.end == END
    assert context.undo.count() == context.undo.index() == steps - 1  # the refused step is off the stack
    # The step below, the window's assignment, finds its row ended (by the window's kept step): refused too.
    assert "đã bị thay đổi" in refusal_shown(qtbot, context, Qt.Key.Key_Z, window)
    assert held(context, cadre.id, hamlet.id) == after and context.undo.count() == steps - 2


def test_redo_refuses_an_assignment_the_command_line_made_meanwhile(
    qtbot: QtBot, window: MainWindow, context: AppContext, hamlet: NodeRow
) -> None:
    cadre = a_cadre(context, Tier.COMMUNE)
    edit_now(context, "assign", assignments.assign, assignments.NewAssignment(cadre.id, hamlet.id, DEMO_DATE))
    press(qtbot, window, Qt.Key.Key_Z)
    assert held(context, cadre.id, hamlet.id) == []
    made = cli_on(context).process("assign", cadre.id, hamlet.id, "--from", DEMO_DATE.isoformat())
    assert made.code == 0, made.err

    message = refusal_shown(qtbot, context, Qt.Key.Key_Y, window)

    assert message.startswith("Không thể làm lại") and "đã giữ vai trò" in message, message
    assert len(held(context, cadre.id, hamlet.id)) == 1
    assert not context.undo.canRedo()


def test_undo_refuses_when_the_row_itself_changed_since(
    qtbot: QtBot, window: MainWindow, context: AppContext, hamlet: NodeRow
) -> None:
    cadre = a_cadre(context, Tier.COMMUNE)
    made = edit_now(context, "assign", assignments.assign, assignments.NewAssignment(cadre.id, hamlet.id, DEMO_DATE))
    ended = cli_on(context).process("unassign", made.id, "--on", END.isoformat())
    assert ended.code == 0, ended.err

    message = refusal_shown(qtbot, context, Qt.Key.Key_Z, window)

    assert "đã bị thay đổi" in message, message
    assert [a.period.end for a in held(context, cadre.id, hamlet.id)] == [END]


def test_a_long_window_write_and_a_command_line_write_both_succeed(window: MainWindow, context: AppContext) -> None:
    province = context.read(browse.children, None, DEMO_DATE)[0]
    commune = context.read(browse.children, province.id, DEMO_DATE)[0].id
    database = Path(context.database.display_name)
    command = ["--db", str(database), "units", "add", "Ấp Dòng Lệnh", "--parent", commune, "--from", "2026-01-01"]
    # A command line process that starts its write when told to: while the window's write is under way.
    waiting = subprocess.Popen(
        [sys.executable, "-c", "import sys; from grassroots_app.cli import main; print('ready', flush=True); "
         f"sys.stdin.readline(); sys.exit(main({command!r}))"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )
    assert waiting.stdout is not None and waiting.stdout.readline() == "ready\n"

    def long_write(uow: UnitOfWork, name: str) -> None:
        """Read, let the command line start its write, take a while (it writes meanwhile unless it waits), write."""
        assert uow.units.get(commune) is not None
        assert waiting.stdin is not None
        waiting.stdin.write("go\n")
        waiting.stdin.flush()
        time.sleep(3)
        units.add_unit(uow, units.NewUnit(name, commune, date(2026, 1, 1)))

    edit_now(context, "add", long_write, "Ấp Cửa Sổ")
    _out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    names = {row.name for row in context.read(lambda uow: uow.units.children(commune))}
    assert {"Ấp Cửa Sổ", "Ấp Dòng Lệnh"} <= names


def test_a_window_write_waits_for_a_long_command_line_write(
    qtbot: QtBot, window: MainWindow, context: AppContext, hamlet: NodeRow
) -> None:
    province = context.read(browse.children, None, DEMO_DATE)[0]
    commune = context.read(browse.children, province.id, DEMO_DATE)[0].id
    command = ["--db", context.database.display_name, "units", "add", "Ấp Dòng Lệnh", "--parent", commune,
               "--from", "2026-01-01"]
    # The command line's own `units add`, slowed down: it says when it has staged the unit, then takes a while.
    slow = (
        "import sys, time\n"
        "from grassroots_app.cli import main\n"
        "from grassroots_app.services import units\n"
        "staged = units.create_unit\n"
        "def slowly(uow, new):\n"
        "    made = staged(uow, new)\n"
        "    print('staged', flush=True)\n"
        "    time.sleep(3)\n"
        "    return made\n"
        "units.create_unit = slowly\n"
        f"sys.exit(main({command!r}))\n"
    )
    running = subprocess.Popen([sys.executable, "-c", slow], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, encoding="utf-8")
    assert running.stdout is not None and running.stdout.readline() == "staged\n"
    cadre = a_cadre(context, Tier.COMMUNE)

    made = edit_now(context, "assign", assignments.assign, assignments.NewAssignment(cadre.id, hamlet.id, DEMO_DATE))

    _out, err = running.communicate(timeout=120)
    assert running.returncode == 0, err
    assert [a.id for a in held(context, cadre.id, hamlet.id)] == [made.id]
    names = {row.name for row in context.read(lambda uow: uow.units.children(commune))}
    assert "Ấp Dòng Lệnh" in names
