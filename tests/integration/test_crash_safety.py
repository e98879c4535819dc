"""Crash safety: killing the application at any moment loses at most the transaction in progress.

A writer process (crash_writer.py) runs use cases in a loop on a database file and is killed with
SIGKILL at random moments, again and again.  After every kill the database must open as the application
opens it, pass PRAGMA integrity_check and foreign_key_check, hold every transaction the writer logged as
committed, and show no half transaction: a commune is there with all its hamlets or not at all.

Most writers are forked by a launcher process that has already imported the application (a fresh
interpreter takes most of a second to start, too long to pay 64 times); every 16th is a fresh
interpreter, killed at any moment of its start.  Each kill is classified by the writer's log and the
database: before the database was open, between two transactions, inside a transaction (rolled back),
or after a commit but before its log line (kept, and from then on required like a logged one).
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest

from grassroots_app.domain.model import Preset
from grassroots_app.persistence.database import Database
from tests.integration import crash_writer
from tests.integration.support import open_env

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(signal, "SIGKILL"), reason="needs SIGKILL and fork (POSIX)"
)

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("crash_writer.py")
SEED = 20250701
KILLS = 64
FRESH_EVERY = 16  # every 16th kill hits a freshly started interpreter (imports, opening, first writes)
EARLY_EVERY = 8  # every 8th forked writer is killed 0-30 ms after the fork, mostly before it opens the database
MAX_COMMITS = 2  # a writer is killed after logging 0 to 2 commits (at random) ...
MAX_DELAY = 0.08  # ... and at most so many seconds more (a commune with its hamlets takes 0.05-0.1 s)
EARLY_MAX_DELAY = 0.03
FRESH_MAX_DELAY = 2.0  # seconds after its start, at most, that a fresh interpreter is killed
READY_TIMEOUT = 30.0
MIN_MID_TRANSACTION = 5
BACKUP_FOLDER_VARIABLE = "GRASSROOTS_BACKUP_DIR"  # Database.open's daily backup goes there, not to the user's

Record = tuple[str, str]  # (kind, name)


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def _complete_lines(path: Path) -> list[list[str]]:
    """Return the log's complete lines, split in words; an unfinished last line is ignored."""
    if not path.exists():
        return []
    *complete, _unfinished = path.read_bytes().split(b"\n")
    return [line.decode("utf-8").split(" ", 5) for line in complete]


class Launcher:
    """The crash_writer launcher process: forks writers that are already past their imports."""

    def __init__(self, stderr_path: Path) -> None:
        self.stderr_path = stderr_path
        self.stderr: IO[bytes] = stderr_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, str(WRITER), "--serve"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, cwd=ROOT, env=_child_env(),
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.stdin, self.stdout = self.process.stdin, self.process.stdout.fileno()
        self.pending = b""
        self.running: int | None = None  # the writer forked and not yet reaped

    def _line(self, timeout: float | None) -> str | None:
        """Return the next line the launcher printed, or None if none came within the timeout."""
        while b"\n" not in self.pending:
            ready, _, _ = select.select([self.stdout], [], [], timeout)
            if not ready:
                return None
            chunk = os.read(self.stdout, 4096)
            if not chunk:
                raise AssertionError(f"The writer launcher ended unexpectedly:\n{self.errors()}")
            self.pending += chunk
        line, self.pending = self.pending.split(b"\n", 1)
        return line.decode()

    def start(self, database: Path, log: Path, run: int) -> int:
        """Fork a writer; return its pid."""
        self.stdin.write(f"{database}\t{log}\t{run}\n".encode())
        self.stdin.flush()
        pid = self._line(READY_TIMEOUT)
        assert pid is not None, f"The writer launcher did not start writer {run}:\n{self.errors()}"
        self.running = int(pid)
        return self.running

    def ended(self, timeout: float | None = 0) -> int | None:
        """Return the wait status of the last writer if it has ended (within the timeout), else None."""
        status = self._line(timeout)
        if status is None:
            return None
        self.running = None
        return int(status)

    def errors(self) -> str:
        """Return what the launcher and its writers wrote on stderr."""
        self.stderr.flush()
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def close(self) -> None:
        """End the launcher (it ends when its stdin closes), and a writer left running by a failure."""
        if self.running is not None and self.ended() is None:
            os.kill(self.running, signal.SIGKILL)  # not yet reaped by the launcher: the pid is still its
        self.stdin.close()
        try:
            self.process.wait(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self.stderr.close()


@dataclass
class Ledger:
    """What the database must hold: every record logged as committed, and those found committed unlogged."""

    known: dict[Record, str] = field(default_factory=dict)
    outcomes: Counter[str] = field(default_factory=Counter)


def _in_progress(lines: list[list[str]]) -> Record | None:
    """Return the record of the transaction in progress when the writer was killed (None: between two)."""
    if not lines:
        return None
    last = lines[-1]
    match last[0]:
        case "begin":
            run, seq = int(last[1]), int(last[2])
            return "unit", crash_writer.commune_name(run, seq)
        case "commit" if last[3] == "unit" and int(last[2]) % 2 == 0:
            run, seq = int(last[1]), int(last[2])
            return "cadre", crash_writer.cadre_name(run, seq)
    return None


def _check(kill: int, database: Path, log: Path, ledger: Ledger) -> str:
    """Open the database after a kill, check it, and return where the kill landed."""
    lines = _complete_lines(log)
    for words in lines:
        if words[0] == "commit":
            _, _run, _seq, kind, record_id, name = words
            ledger.known[(kind, name)] = record_id
    try:
        db = Database.open(str(database))
    except Exception as error:  # noqa: BLE001 - the failure to report
        pytest.fail(f"Kill {kill}: the database did not open again after the kill: {error!r}")
    try:
        with db.engine.connect() as connection:
            sql = connection.exec_driver_sql
            integrity = sql("PRAGMA integrity_check").fetchall()
            foreign = sql("PRAGMA foreign_key_check").fetchall()
            communes = dict(sql("SELECT name, id FROM unit WHERE level = 'commune'").fetchall())
            cadres = dict(sql("SELECT full_name, id FROM cadre").fetchall())
            hamlets_of = dict(sql(
                "SELECT l.parent_id, count(*) FROM unit_link l JOIN unit u ON u.id = l.unit_id "
                "WHERE u.level = 'hamlet' GROUP BY l.parent_id"
            ).fetchall())
            hamlets = sql("SELECT count(*) FROM unit WHERE level = 'hamlet'").scalar()
            unplaced = sql(
                "SELECT count(*) FROM unit WHERE level != 'province' AND id NOT IN (SELECT unit_id FROM unit_link)"
            ).scalar()
    finally:
        db.close()

    assert integrity == [("ok",)], f"Kill {kill}: PRAGMA integrity_check found {integrity}"
    assert foreign == [], f"Kill {kill}: PRAGMA foreign_key_check found {foreign}"
    assert unplaced == 0, f"Kill {kill}: {unplaced} units have no parent link (half a transaction)"
    half = {name: hamlets_of.get(unit_id, 0) for name, unit_id in communes.items()
            if hamlets_of.get(unit_id, 0) != crash_writer.HAMLETS}
    assert not half, f"Kill {kill}: communes without their {crash_writer.HAMLETS} hamlets: {half}"
    assert hamlets == crash_writer.HAMLETS * len(communes), f"Kill {kill}: hamlets outside the written communes"

    held = {("unit", name): unit_id for name, unit_id in communes.items()}
    held |= {("cadre", name): cadre_id for name, cadre_id in cadres.items()}
    lost = {record: record_id for record, record_id in ledger.known.items() if held.get(record) != record_id}
    assert not lost, f"Kill {kill}: committed transactions missing from the database: {lost}"
    pending = _in_progress(lines)
    extra = {record for record in held if record not in ledger.known}
    assert extra <= {pending}, (
        f"Kill {kill}: records never committed before the kill: {extra - {pending}} "
        f"(the transaction in progress was {pending})"
    )

    if not any(words[0] == "open" for words in lines):
        return "killed before the database was open"
    if pending is None:
        return "killed between two transactions"
    if pending in held:
        ledger.known[pending] = held[pending]
        return "killed after a commit, before its log line"
    return "killed inside a transaction, rolled back"


def _kill_fresh(kill: int, rng: random.Random, database: Path, log: Path, errors: Path) -> None:
    """Start a writer in a new interpreter and kill it at a random moment of its life."""
    with errors.open("wb") as stderr:
        writer = subprocess.Popen(
            [sys.executable, str(WRITER), str(database), str(log), str(kill)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr, cwd=ROOT, env=_child_env(),
        )
        try:
            time.sleep(rng.uniform(0, FRESH_MAX_DELAY))
            early = writer.poll()
        finally:
            if writer.poll() is None:
                os.kill(writer.pid, signal.SIGKILL)
            code = writer.wait(timeout=30)
    assert early is None and code == -signal.SIGKILL, (
        f"Kill {kill}: the fresh writer ended with {early if early is not None else code} "
        f"instead of being killed:\n{errors.read_text(encoding='utf-8', errors='replace')}"
    )


def _wait_for(kill: int, launcher: Launcher, log: Path, commits: int) -> None:
    """Wait until the writer has opened the database and logged so many commits."""
    deadline = time.monotonic() + READY_TIMEOUT
    while True:
        lines = _complete_lines(log)
        if any(words[0] == "open" for words in lines) and sum(words[0] == "commit" for words in lines) >= commits:
            return
        status = launcher.ended(timeout=0.002)
        assert status is None, f"Kill {kill}: the writer ended by itself ({status}):\n{launcher.errors()}"
        assert time.monotonic() < deadline, f"Kill {kill}: the writer did not log {commits} commits in time"


def _kill_forked(kill: int, rng: random.Random, launcher: Launcher, database: Path, log: Path) -> int:
    """Fork a writer, let it open the database (mostly) and commit a few times, then kill it at a random moment.

    Return how many commits the writer was awaited for.
    """
    pid = launcher.start(database, log, kill)
    commits = 0
    if kill % EARLY_EVERY == 0:
        time.sleep(rng.uniform(0, EARLY_MAX_DELAY))
    else:
        commits = rng.randint(0, MAX_COMMITS)
        _wait_for(kill, launcher, log, commits)
        time.sleep(rng.uniform(0, MAX_DELAY))
    early = launcher.ended()
    if early is None:
        os.kill(pid, signal.SIGKILL)
    status = early if early is not None else launcher.ended(timeout=30)
    assert status is not None and os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
        f"Kill {kill}: the writer ended with wait status {status} instead of being killed:\n"
        f"{launcher.errors()}"
    )
    return commits


def test_killed_writers_lose_at_most_the_transaction_in_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BACKUP_FOLDER_VARIABLE, str(tmp_path / "backups"))  # the writers inherit it
    database = tmp_path / "crash.sqlite"
    env = open_env(database, Preset.TWO_LEVEL)
    env.unit("Tỉnh Thử Nghiệm", code=crash_writer.PROVINCE_CODE)
    env.db.close()

    rng = random.Random(SEED)
    ledger = Ledger()
    awaited = 0
    launcher = Launcher(tmp_path / "launcher-stderr.txt")
    try:
        for kill in range(1, KILLS + 1):
            log = tmp_path / f"log-{kill}.txt"
            if kill % FRESH_EVERY == 0:
                _kill_fresh(kill, rng, database, log, tmp_path / f"stderr-{kill}.txt")
            else:
                awaited += _kill_forked(kill, rng, launcher, database, log)
            ledger.outcomes[_check(kill, database, log, ledger)] += 1
    finally:
        launcher.close()

    summary = dict(ledger.outcomes)
    print(f"\n{KILLS} kills: {summary}; {len(ledger.known)} committed records kept")
    inside = ledger.outcomes["killed inside a transaction, rolled back"]
    inside += ledger.outcomes["killed after a commit, before its log line"]
    assert inside >= MIN_MID_TRANSACTION, f"Too few kills landed inside a transaction: {summary}"
    assert len(ledger.known) >= awaited, f"Fewer records kept ({len(ledger.known)}) than awaited ({awaited})"
