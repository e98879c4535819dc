"""Heavy reads run in worker processes: same results as in the window's process, errors intact."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from multiprocessing.connection import wait
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from grassroots_app.domain.errors import NotFound
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import browse, units
from grassroots_app.services.cadres import get_cadre
from grassroots_app.services.roster import roster
from grassroots_app.services.workspace import Database
from grassroots_app.tempfiles import READ_PREFIX
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.main_window import MainWindow
from tests.ui.support import WAIT_MS, WORKERS, read_in_worker


@pytest.fixture(autouse=True)
def _no_workers_yet() -> None:
    """Start each test here without worker processes: the tests count and kill them."""
    WORKERS.stop()


def _leftovers() -> set[Path]:
    """Return the result files named after this process still on disk (or after an ended one with its id:
    Windows gives ids again soon)."""
    return set(Path(tempfile.gettempdir()).glob(f"{READ_PREFIX}{os.getpid()}-*.pickle"))


def test_a_worker_read_equals_the_same_read_here_and_leaves_no_file(context: AppContext) -> None:
    before = _leftovers()
    for query in (roster, browse.tree_marks):
        assert read_in_worker(context.database.url, query, context.as_of) == context.read(query, context.as_of)
    assert _leftovers() <= before


def test_a_refusal_in_the_worker_arrives_as_the_same_domain_error(context: AppContext) -> None:
    with pytest.raises(NotFound) as raised:
        read_in_worker(context.database.url, get_cadre, "no-such-cadre")
    assert raised.value.params == {"id": "no-such-cadre"}


def test_reads_go_on_after_the_workers_were_killed(context: AppContext) -> None:
    expected = context.read(browse.tree_marks, context.as_of)
    assert read_in_worker(context.database.url, browse.tree_marks, context.as_of) == expected
    workers = multiprocessing.active_children()
    assert workers
    for worker in workers:
        worker.kill()
        worker.join()
    assert read_in_worker(context.database.url, browse.tree_marks, context.as_of) == expected


def test_the_window_shows_marks_counted_in_a_worker(context: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.compute_marks()
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=WAIT_MS)
    expected = context.read(browse.tree_marks, context.as_of)
    assert window.tree.model.marks == expected.by_target


def test_a_cancelled_worker_read_calls_nobody_back(context: AppContext, qtbot: QtBot) -> None:
    answers: list[object] = []
    progress = context.tasks.read(context.database.url, browse.tree_marks, (context.as_of,), answers.append,
                                  answers.append)
    progress.cancel()
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=WAIT_MS)
    qtbot.wait(50)
    assert answers == []


HELD_S = 60  # longer than any test: a read still held when the window has closed was not waited for


def holder(started: Path) -> multiprocessing.Process:
    """Return the worker process running the held read (other workers, idle, may come and go)."""
    pid = int(started.read_text(encoding="ascii"))
    return next(worker for worker in multiprocessing.active_children() if worker.pid == pid)


def ended(worker: multiprocessing.Process) -> bool:
    """Wait for a worker process to end; return whether it did. Its sentinel tells, whoever reaps it: the pool's own
    thread may reap it first, and then is_alive() goes on saying True."""
    return bool(wait([worker.sentinel], HELD_S))


def held_read(_uow: UnitOfWork, started: str, release: str) -> str:
    """A read that says it has started (writing its process id), then waits until the test lets it go."""
    Path(f"{started}.part").write_text(str(os.getpid()), encoding="ascii")
    os.replace(f"{started}.part", started)  # whole when it appears: the test reads it as soon as it exists
    deadline = time.monotonic() + HELD_S
    while not Path(release).exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    return "answered"


def test_closing_the_window_drops_a_running_read_and_still_makes_the_edit(
    context: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=WAIT_MS)
    started, release = tmp_path / "started", tmp_path / "release"
    answers: list[object] = []
    context.read_later(held_read, (str(started), str(release)), answers.append, answers.append)
    qtbot.waitUntil(started.exists, timeout=WAIT_MS)
    worker = holder(started)
    commune = context.read(browse.children, context.read(browse.children, None, context.as_of)[0].id,
                           context.as_of)[0].id
    context.edit("add", units.add_unit, units.NewUnit("Thôn Cuối", str(commune), context.as_of))
    window.close()
    assert ended(worker)
    assert not release.exists()  # the read was still held when the window closed
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=WAIT_MS)
    assert answers == []
    assert "Thôn Cuối" in {unit.name for unit in context.read(browse.children, str(commune), context.as_of)}


def test_switching_the_database_drops_a_read_running_on_the_old_one(
    context: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    started, release = tmp_path / "started", tmp_path / "release"
    answers: list[object] = []
    context.read_later(held_read, (str(started), str(release)), answers.append, answers.append)
    qtbot.waitUntil(started.exists, timeout=WAIT_MS)
    worker = holder(started)
    context.switch_database(Database.open(str(tmp_path / "other.sqlite"), daily=False))
    assert ended(worker)
    assert not release.exists()
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=WAIT_MS)
    assert answers == []


def test_a_read_asked_after_the_workers_were_dropped_starts_new_ones(context: AppContext) -> None:
    expected = context.read(browse.tree_marks, context.as_of)
    WORKERS.abandon()  # nothing running: the idle processes stay
    assert read_in_worker(context.database.url, browse.tree_marks, context.as_of) == expected


ORPHAN_SCRIPT = """
import datetime, multiprocessing, os, sys
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import browse, units
from grassroots_app.services.workspace import Database
from grassroots_app.tempfiles import READ_PREFIX
from grassroots_app.ui.tasks import WorkerPool
read_in_worker = WorkerPool().read
if __name__ == "__main__":
    read_in_worker(sys.argv[1], browse.tree_marks, datetime.date(2026, 9, 30))
    print(" ".join(str(worker.pid) for worker in multiprocessing.active_children()), flush=True)
    os._exit(0)  # as a crash would: no clean shutdown of the pool
"""


SYNCHRONIZE, WAIT_TIMEOUT = 0x00100000, 0x102  # Windows: the right to wait for a process; "still running"


def test_the_workers_end_when_the_window_process_dies(context: AppContext, tmp_path: Path) -> None:
    assert _running(os.getpid())  # the check below can see a process that runs
    script = tmp_path / "orphan.py"
    script.write_text(ORPHAN_SCRIPT, encoding="utf-8")
    printed = subprocess.run(
        [sys.executable, str(script), context.database.url],
        capture_output=True, text=True, check=True, timeout=120, cwd=Path(__file__).resolve().parents[2],
    ).stdout
    workers = [int(pid) for pid in printed.split()]
    assert workers
    deadline = time.monotonic() + 20
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_running(pid) for pid in workers)


def _running(pid: int) -> bool:
    """Return whether a process with this id still runs (a zombie counts as ended)."""
    if os.name == "nt":
        import ctypes  # noqa: PLC0415 - Windows only

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(SYNCHRONIZE, False, pid)
        if not handle:
            return False
        try:
            return bool(kernel.WaitForSingleObject(handle, 0) == WAIT_TIMEOUT)
        finally:
            kernel.CloseHandle(handle)
    if not Path("/proc/self/status").exists():  # macOS, the BSDs: no /proc to read
        return _running_by_ps(pid)
    status = Path(f"/proc/{pid}/status")
    try:
        return "State:\tZ" not in status.read_text()
    except FileNotFoundError:
        return False


def _running_by_ps(pid: int) -> bool:
    """Return whether ps lists the process other than as a zombie (state Z); skip where there is no ps."""
    if shutil.which("ps") is None:
        pytest.skip("no /proc, no ps and not Windows: whether a worker process still runs cannot be seen here")
    state = subprocess.run(["ps", "-o", "stat=", "-p", str(pid)], capture_output=True, text=True, check=False).stdout
    return bool(state.strip()) and not state.strip().startswith("Z")


def test_the_self_check_stops_its_worker_processes_even_when_its_output_fails(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from grassroots_app.ui.files import self_check  # noqa: PLC0415 - the check's module, patched below

    def unwritable(text: str) -> None:
        raise UnicodeEncodeError("charmap", text, 0, 1, "character maps to <undefined>")

    monkeypatch.setattr(self_check, "_show", unwritable)
    with pytest.raises(UnicodeEncodeError):
        self_check.run_self_check()
    assert multiprocessing.active_children() == []
