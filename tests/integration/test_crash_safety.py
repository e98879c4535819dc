"""Crash safety: killing the application at any moment loses at most the change in progress.

Job processes (crash_writer.py) change database files and are killed with SIGKILL at random moments, again
and again, in four scenarios.  After every kill the database must open as the application opens it and
pass PRAGMA integrity_check and foreign_key_check, every backup the job wrote must pass integrity_check
(a copy cut off is a temporary file, never a backup), and:

- writes (use cases in a loop on one database): the database holds every transaction the job logged as
  committed, and no half transaction: a commune is there with all its hamlets or not at all;
- restore (a backup restored onto a database): the database is the old one or the restored backup, whole;
  the backup is unchanged; the old database was kept as a pre-restore backup before it was replaced;
- migration (a database of an older schema opened by Database.open, which backs it up, then migrates it;
  each older revision in turn): the database is at the old revision, unchanged, or at the newest one,
  completely migrated, and the next opening migrates it; a pre-migration backup, once written, holds the
  old database;
- import (a spreadsheet imported in one transaction after a backup): the database holds all the file's
  rows or none, and nothing else changed; a pre-import backup, once written, holds the database as it was.

Most jobs are forked by a launcher process that has already imported the application (a fresh interpreter
takes most of a second to start, too long to pay every time); every 16th is a fresh interpreter, killed at
any moment of its start.  Each kill is classified by the job's log and the files: where it landed.  Each
scenario requires that enough of its kills land inside the change: inside a transaction (writes), or
between the start of the restore, migration or import and its end.

The writing jobs are killed after logging a few commits.  A restore, migration or import job is killed at a
random moment of the time one takes from its fork to its end (every second one late in it), or, every 4th,
at a random moment of the time from its safety backup to its end: the rename or the commit comes there.
Those times are learnt from the first job, let end, then made shorter after each kill that came after the
end and longer after each that did not, so that about a quarter of the kills land after the end whatever
the load of the machine.  The restores alternate a database with and without a write-ahead log left by a
crash, and a backup of the current schema and of an older one (migrated before it replaces the database).

GRASSROOTS_CRASH_TRIALS=N runs N kills per scenario instead of the defaults (a long run by hand: N=300 makes
1,200 kills); the summary of each scenario is printed (pytest -s shows it).
"""

from __future__ import annotations

import hashlib
import math
import os
import random
import re
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, NamedTuple

import pytest
from alembic import command

from grassroots_app.domain.backups import BackupKind, parse_backup_name
from grassroots_app.domain.model import Preset, Tier
from grassroots_app.persistence.backup_copies import backup_to
from grassroots_app.persistence.database import Database, alembic_config, head_revision, known_revisions
from grassroots_app.persistence.locations import FOLDER_VARIABLE
from tests.integration import crash_writer
from tests.integration.crash_writer import Job
from tests.integration.support import Env, open_env
from tests.workbooks import write_sheet

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(signal, "SIGKILL"), reason="needs SIGKILL and fork (POSIX)"
)

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("crash_writer.py")
TRIALS_VARIABLE = "GRASSROOTS_CRASH_TRIALS"  # kills per scenario, instead of each scenario's default
SEED = 20250701
FRESH_EVERY = 16  # every 16th kill hits a freshly started interpreter (imports, opening, first steps)
EARLY_EVERY = 8  # every 8th forked writer is killed 0-30 ms after the fork, mostly before it opens the database
MAX_COMMITS = 2  # a writer is killed after logging 0 to 2 commits (at random) ...
MAX_DELAY = 0.08  # ... and at most so many seconds more (a commune with its hamlets takes 0.05-0.1 s)
EARLY_MAX_DELAY = 0.03
FRESH_MAX_DELAY = 2.0  # seconds after its start, at most, that a fresh interpreter is killed
LATE = (0.7, 1.0)  # every second restore, migration or import is killed within this share of what one takes
SOONER, LATER = 0.8, 1.07  # what one takes, after a kill that came after the end, and after one that did not
TRIGGER_EVERY = 4  # every 4th restore, migration or import is killed after its safety backup appeared
REST_GUESS = 0.1  # the share of what a job takes that comes after its safety backup, before the kills teach it
POLL = 0.0005  # seconds between two looks at a job's log or files
READY_TIMEOUT = 30.0
MIN_INSIDE = 5  # kills that must land inside the change, at least, in every scenario
PROVINCE = "Tỉnh Thử Nghiệm"
AREA_COMMUNES = 30  # the database the restore, migration and import work on: 30 communes of 8 hamlets
OLD_REVISION = "0001"  # the schema of every other backup restored
SHEET_ROWS = 200  # groups in the imported spreadsheet

QUOTED_ID = re.compile(r"'([0-9a-f-]{36})'")  # a unit's id in the dump of a row that holds it
Record = tuple[str, str]  # (kind, name)


# --- files ----------------------------------------------------------------------------------


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


def _logged(lines: list[list[str]], word: str) -> list[list[str]]:
    return [words for words in lines if words[0] == word]


@contextmanager
def _connect(path: Path, mode: str = "rw") -> Iterator[sqlite3.Connection]:
    """Open an existing SQLite file with the plain driver ('ro' for a backup), never creating one.

    A file SQLite cannot read fails the test, naming the file (and the kill: its folder).
    """
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True)) as connection:
            yield connection
    except sqlite3.DatabaseError as error:
        pytest.fail(f"{path.parent.name}/{path.name} cannot be read: {error}")


def _dump(path: Path, mode: str = "rw") -> list[str]:
    """Return the database's schema and rows as SQL statements."""
    with _connect(path, mode) as connection:
        return list(connection.iterdump())


def _revision(path: Path) -> str:
    with _connect(path) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _copy(template: Path, target: Path) -> None:
    """Copy a closed database file, and its write-ahead log when it has one (a crash left it)."""
    for suffix in ("", "-wal"):
        if Path(f"{template}{suffix}").exists():
            shutil.copyfile(f"{template}{suffix}", f"{target}{suffix}")


@contextmanager
def _opened(kill: int, path: Path, folder: Path) -> Iterator[Database]:
    """Open the database as the application does (its backups into folder), after checking it is sound."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(FOLDER_VARIABLE, str(folder))
        try:
            db = Database.open(str(path))
        except Exception as error:  # noqa: BLE001 - the failure to report
            pytest.fail(f"Kill {kill}: the database did not open again after the kill: {error!r}")
    try:
        with db.engine.connect() as connection:
            integrity = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
            foreign = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        assert integrity == [("ok",)], f"Kill {kill}: PRAGMA integrity_check found {integrity}"
        assert foreign == [], f"Kill {kill}: PRAGMA foreign_key_check found {foreign}"
        yield db
    finally:
        db.close()


def _backups(kill: int, folder: Path) -> dict[BackupKind, list[Path]]:
    """Return the backups in a folder by kind, after checking that each one passes integrity_check."""
    found: dict[BackupKind, list[Path]] = {kind: [] for kind in BackupKind}
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        name = parse_backup_name(path)
        if name is None:
            continue
        with _connect(path, "ro") as connection:
            integrity = connection.execute("PRAGMA integrity_check").fetchall()
        assert integrity == [("ok",)], f"Kill {kill}: the backup {path.name} is damaged: {integrity}"
        found[name.kind].append(path)
    return found


def _kept(kill: int, backups: dict[BackupKind, list[Path]], kind: BackupKind, dump: list[str]) -> bool:
    """Return whether the job kept a backup of that kind; check that it holds the database as it was."""
    kept = backups[kind]
    assert len(kept) <= 1, f"Kill {kill}: more than one {kind.value} backup: {kept}"
    for path in kept:
        assert _dump(path, "ro") == dump, f"Kill {kill}: the {kind.value} backup is not the database as it was"
    return bool(kept)


def _area(path: Path) -> Env:
    """Create a database of a province with AREA_COMMUNES communes of their hamlets, each with a cadre."""
    env = open_env(path, Preset.TWO_LEVEL)
    province = env.unit(PROVINCE, code=crash_writer.PROVINCE_CODE)
    for seq in range(AREA_COMMUNES):
        commune_id = env.run(crash_writer.add_commune_with_hamlets, province.id, crash_writer.commune_name(0, seq))
        env.cadre(crash_writer.cadre_name(0, seq), Tier.COMMUNE, home_unit_id=commune_id)
    return env


def _at_revision(path: Path, revision: str) -> None:
    """Take a database file back to an older schema (the tables the older schema has keep their rows)."""
    db = Database.open(str(path), backup=False)
    command.downgrade(alembic_config(db.engine), revision)
    db.close()


def _migrated_copy(template: Path, copy: Path) -> Path:
    shutil.copyfile(template, copy)
    Database.open(str(copy), backup=False).close()
    return copy


# --- the job processes ------------------------------------------------------------------------


class Launcher:
    """The crash_writer launcher process: forks jobs that are already past their imports."""

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
        self.running: int | None = None  # the job forked and not yet reaped

    def _line(self, timeout: float | None) -> str | None:
        """Return the next line the launcher printed, or None if none came within the timeout."""
        while b"\n" not in self.pending:
            ready, _, _ = select.select([self.stdout], [], [], timeout)
            if not ready:
                return None
            chunk = os.read(self.stdout, 4096)
            if not chunk:
                raise AssertionError(f"The job launcher ended unexpectedly:\n{self.errors()}")
            self.pending += chunk
        line, self.pending = self.pending.split(b"\n", 1)
        return line.decode()

    def start(self, job: Job) -> int:
        """Fork a job; return its pid."""
        self.stdin.write(("\t".join(job.fields()) + "\n").encode())
        self.stdin.flush()
        pid = self._line(READY_TIMEOUT)
        assert pid is not None, f"The job launcher did not start job {job.run}:\n{self.errors()}"
        self.running = int(pid)
        return self.running

    def ended(self, timeout: float | None = 0) -> int | None:
        """Return the wait status of the last job if it has ended (within the timeout), else None."""
        status = self._line(timeout)
        if status is None:
            return None
        self.running = None
        return int(status)

    def errors(self) -> str:
        """Return what the launcher and its jobs wrote on stderr."""
        self.stderr.flush()
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def close(self) -> None:
        """End the launcher (it ends when its stdin closes), and a job left running by a failure."""
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


def _wait_for(kill: int, launcher: Launcher, ready: Callable[[], bool]) -> None:
    """Wait until the job has got where the test waits for (its log or its files show it)."""
    deadline = time.monotonic() + READY_TIMEOUT
    while not ready():
        status = launcher.ended(timeout=POLL)
        assert status is None, f"Kill {kill}: the job ended by itself ({status}):\n{launcher.errors()}"
        assert time.monotonic() < deadline, f"Kill {kill}: the job did not get there in time"


def _kill_fresh(kill: int, rng: random.Random, job: Job, errors: Path) -> None:
    """Start a job in a new interpreter and kill it at a random moment of its life."""
    with errors.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, str(WRITER), *job.fields()],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr, cwd=ROOT, env=_child_env(),
        )
        try:
            time.sleep(rng.uniform(0, FRESH_MAX_DELAY))
            early = process.poll()
        finally:
            if process.poll() is None:
                os.kill(process.pid, signal.SIGKILL)
            code = process.wait(timeout=30)
    assert early is None and code == -signal.SIGKILL, (
        f"Kill {kill}: the fresh job ended with {early if early is not None else code} "
        f"instead of being killed:\n{errors.read_text(encoding='utf-8', errors='replace')}"
    )


def _kill_forked(kill: int, rng: random.Random, launcher: Launcher, scenario: Scenario, job: Job) -> None:
    """Fork a job, wait as long as the scenario says, then kill it."""
    pid = launcher.start(job)
    scenario.wait(kill, rng, launcher, job)
    early = launcher.ended()
    if early is None:
        os.kill(pid, signal.SIGKILL)
    status = early if early is not None else launcher.ended(timeout=30)
    assert status is not None and os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
        f"Kill {kill}: the job ended with wait status {status} instead of being killed:\n{launcher.errors()}"
    )


# --- the scenarios ----------------------------------------------------------------------------


class Scenario(ABC):
    """A kind of work killed again and again: its jobs, when to kill them, and what must hold after."""

    name: str
    trials: int  # kills by default
    inside: frozenset[str]  # the outcomes (see check) of the kills that landed inside the change
    inside_share: float  # so many of the kills, at least, must land inside the change (and MIN_INSIDE)

    def __init__(self, root: Path) -> None:
        self.root = root / self.name
        self.root.mkdir()

    @abstractmethod
    def prepare(self) -> None:
        """Make the files the jobs start from."""

    @abstractmethod
    def job(self, kill: int) -> Job:
        """Return the job of a kill, its files ready."""

    @abstractmethod
    def wait(self, kill: int, rng: random.Random, launcher: Launcher, job: Job) -> None:
        """Wait, after a forked job started, until the moment to kill it."""

    @abstractmethod
    def check(self, kill: int, job: Job) -> str:
        """Check the files after the kill; return where the kill landed."""

    def finish(self) -> None:  # noqa: B027 - most scenarios have nothing more to check
        """Check what must hold after all the kills."""


class Writes(Scenario):
    """Use cases in a loop on one database: every logged commit kept, no half transaction."""

    name = "writes"
    trials = 64
    inside = frozenset({"killed inside a transaction, rolled back", "killed after a commit, before its log line"})
    inside_share = 0.25

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.database = self.root / "crash.sqlite"
        self.folder = self.root / "backups"
        self.known: dict[Record, str] = {}  # every record logged as committed, and those found committed unlogged
        self.awaited = 0  # commits the test waited for before its kills

    def prepare(self) -> None:
        env = open_env(self.database, Preset.TWO_LEVEL)
        env.unit(PROVINCE, code=crash_writer.PROVINCE_CODE)
        env.db.close()

    def job(self, kill: int) -> Job:
        return Job("write", str(self.database), str(self.root / f"log-{kill}.txt"), kill, str(self.folder))

    def wait(self, kill: int, rng: random.Random, launcher: Launcher, job: Job) -> None:
        """Let the writer open the database (mostly) and commit a few times, then wait a random moment."""
        if kill % EARLY_EVERY == 0:
            time.sleep(rng.uniform(0, EARLY_MAX_DELAY))
            return
        commits = rng.randint(0, MAX_COMMITS)
        _wait_for(kill, launcher, lambda: self._committed(job) >= commits)
        self.awaited += commits
        time.sleep(rng.uniform(0, MAX_DELAY))

    @staticmethod
    def _committed(job: Job) -> int:
        """Return how many commits the writer logged once it opened the database (-1: not yet open)."""
        lines = _complete_lines(Path(job.log))
        return len(_logged(lines, "commit")) if _logged(lines, "open") else -1

    @staticmethod
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

    def check(self, kill: int, job: Job) -> str:
        lines = _complete_lines(Path(job.log))
        for _, _run, _seq, kind, record_id, name in _logged(lines, "commit"):
            self.known[(kind, name)] = record_id
        _backups(kill, self.folder)
        with _opened(kill, self.database, self.folder) as db, db.engine.connect() as connection:
            sql = connection.exec_driver_sql
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

        assert unplaced == 0, f"Kill {kill}: {unplaced} units have no parent link (half a transaction)"
        half = {name: hamlets_of.get(unit_id, 0) for name, unit_id in communes.items()
                if hamlets_of.get(unit_id, 0) != crash_writer.HAMLETS}
        assert not half, f"Kill {kill}: communes without their {crash_writer.HAMLETS} hamlets: {half}"
        assert hamlets == crash_writer.HAMLETS * len(communes), f"Kill {kill}: hamlets outside the written communes"

        held = {("unit", name): unit_id for name, unit_id in communes.items()}
        held |= {("cadre", name): cadre_id for name, cadre_id in cadres.items()}
        lost = {record: record_id for record, record_id in self.known.items() if held.get(record) != record_id}
        assert not lost, f"Kill {kill}: committed transactions missing from the database: {lost}"
        pending = self._in_progress(lines)
        extra = {record for record in held if record not in self.known}
        assert extra <= {pending}, (
            f"Kill {kill}: records never committed before the kill: {extra - {pending}} "
            f"(the transaction in progress was {pending})"
        )

        if not _logged(lines, "open"):
            return "killed before the database was open"
        if pending is None:
            return "killed between two transactions"
        if pending in held:
            self.known[pending] = held[pending]
            return "killed after a commit, before its log line"
        return "killed inside a transaction, rolled back"

    def finish(self) -> None:
        assert len(self.known) >= self.awaited, f"Fewer records kept ({len(self.known)}) than awaited ({self.awaited})"


class Landings(NamedTuple):
    """Where the kill of a restore, migration or import can land, in the order of the job."""

    before: str  # before it started
    working: str  # started; neither its safety backup made nor the database changed
    kept: str  # its safety backup made, the database not yet changed
    changed: str  # the database changed, the end not yet logged
    done: str  # the end logged


@dataclass
class Aim:
    """A time a job takes, learnt from the kills aimed within it: the job ended before its kill, or not."""

    seconds: float

    def learn(self, ended: bool) -> None:
        """Shorten the time after a kill that came after the end, lengthen it after one that did not."""
        self.seconds *= SOONER if ended else LATER


class OneShot(Scenario):
    """One restore, migration or import per kill, on fresh copies of the files, killed at a random moment.

    The database must be the old one or the new one, whole, and it may be the new one only once the safety
    backup, which holds the old one, is made.
    """

    mode: str
    safety: BackupKind  # the backup made before the database is changed
    landings: Landings
    inside_share = 1 / 3

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.inside = frozenset(self.landings[1:4])
        self.old: list[str] = []  # the database before the job, dumped (prepare or stage sets it)
        self.whole: Aim | None = None  # what a job takes from its fork to its end, as the kills learn it
        self.rest: Aim | None = None  # ... and from its safety backup to its end
        self.aimed: Aim | None = None  # which of the two the kill in progress was aimed within

    def job(self, kill: int) -> Job:
        folder = self.root / f"trial-{kill}"
        folder.mkdir()
        database = folder / "grassroots.sqlite"
        source = self.stage(kill, database)
        return Job(self.mode, str(database), str(folder / "log.txt"), kill, str(folder / "backups"), source)

    @abstractmethod
    def stage(self, kill: int, database: Path) -> str:
        """Make the database (and what the job reads) of a kill; return the job's source."""

    def wait(self, kill: int, rng: random.Random, launcher: Launcher, job: Job) -> None:
        """Let the first job end, to learn what one takes; kill the others at a random moment of that time.

        Every TRIGGER_EVERY-th is killed at a random moment after its safety backup appeared instead.
        """
        forked = time.monotonic()
        if self.whole is None:
            _wait_for(kill, launcher, lambda: bool(_logged(_complete_lines(Path(job.log)), "done")))
            done = _logged(_complete_lines(Path(job.log)), "done")
            self.whole = Aim(float(done[0][2]) - forked)
            self.rest = Aim(self.whole.seconds * REST_GUESS)
            return
        if kill % TRIGGER_EVERY == TRIGGER_EVERY - 1:
            _wait_for(kill, launcher, lambda: self._safety_made(Path(job.folder)))
            self.aimed, start, share = self.rest, time.monotonic(), rng.uniform(0, 1)
        else:
            self.aimed, start, share = self.whole, forked, rng.uniform(0, 1) if kill % 2 else rng.uniform(*LATE)
        assert self.aimed is not None
        time.sleep(max(0.0, start + share * self.aimed.seconds - time.monotonic()))

    def _safety_made(self, folder: Path) -> bool:
        names = (parse_backup_name(Path(name)) for name in os.listdir(folder)) if folder.is_dir() else ()
        return any(name is not None and name.kind is self.safety for name in names)

    def check(self, kill: int, job: Job) -> str:
        lines = _complete_lines(Path(job.log))
        started, done = bool(_logged(lines, "start")), bool(_logged(lines, "done"))
        if self.aimed is not None:
            self.aimed.learn(done)
        self.aimed = None
        folder, database = Path(job.folder), Path(job.database)
        backups = _backups(kill, folder)
        now = _dump(database)
        changed = self.changed(kill, job, now, backups)
        kept = _kept(kill, backups, self.safety, self.old)
        assert changed or not done, f"Kill {kill}: the {self.name} ended, but the database is unchanged"
        assert kept or not changed, f"Kill {kill}: the database was changed before its {self.safety.value} backup"
        with _opened(kill, database, folder.with_name("reopened")):
            again = _dump(database)
        assert again == self.reopened(now), f"Kill {kill}: opening the database again changed what it holds"
        shutil.rmtree(folder.parent)  # checked: only a failing kill's files stay for a look
        if not started:
            return self.landings.before
        if not changed:
            return self.landings.kept if kept else self.landings.working
        return self.landings.done if done else self.landings.changed

    @abstractmethod
    def changed(self, kill: int, job: Job, now: list[str], backups: dict[BackupKind, list[Path]]) -> bool:
        """Check that the database (as dumped) is the old one or the new one, whole; return whether new."""

    def reopened(self, now: list[str]) -> list[str]:
        """Return what the database must hold once opened again, given what it held."""
        return now


class Restore(OneShot):
    """A backup restored onto a database: the old database or the backup, whole; the old one kept first."""

    name = mode = "restore"
    trials = 32
    safety = BackupKind.PRE_RESTORE
    landings = Landings(
        "killed before the restore began",
        "killed checking the backup, the database untouched",
        "killed after keeping the database, before replacing it",
        "killed after replacing the database, before its log line",
        "killed after the restore",
    )

    def prepare(self) -> None:
        """The current database (also as a crash leaves it, its log not folded in), its backup, an older one."""
        current = self.root / "current.sqlite"
        env = _area(current)
        backup_to(current, self.root / "backup.sqlite")
        province = env.read(lambda uow: uow.units.by_code(crash_writer.PROVINCE_CODE))
        assert province is not None
        since = crash_writer.commune_name(1, 0)  # the work since the backup, which the restore undoes
        env.run(crash_writer.add_commune_with_hamlets, province.id, since)
        _copy(current, self.root / "crashed.sqlite")  # copied while open: a crash leaves these files
        env.db.close()
        assert Path(f"{self.root / 'crashed.sqlite'}-wal").stat().st_size > 0
        shutil.copyfile(self.root / "backup.sqlite", self.root / "backup-old.sqlite")
        _at_revision(self.root / "backup-old.sqlite", OLD_REVISION)
        self.old = _dump(current)
        self.restored = {
            "backup.sqlite": _dump(self.root / "backup.sqlite", "ro"),
            "backup-old.sqlite": _dump(_migrated_copy(self.root / "backup-old.sqlite", self.root / "migrated.sqlite")),
        }
        assert _dump(self.root / "crashed.sqlite") == self.old != self.restored["backup.sqlite"]
        self.digests = {name: _digest(self.root / name) for name in self.restored}

    def stage(self, kill: int, database: Path) -> str:
        """Alternate the database with and without a crash's log, and the backup of each schema."""
        _copy(self.root / ("crashed.sqlite" if kill % 2 else "current.sqlite"), database)
        source = database.with_name("backup-old.sqlite" if kill // 2 % 2 else "backup.sqlite")
        shutil.copyfile(self.root / source.name, source)
        return str(source)

    def changed(self, kill: int, job: Job, now: list[str], backups: dict[BackupKind, list[Path]]) -> bool:
        source = Path(job.source)
        assert _digest(source) == self.digests[source.name], f"Kill {kill}: the restore changed the backup"
        restored = now == self.restored[source.name]
        assert restored or now == self.old, f"Kill {kill}: the database is neither the old one nor the backup"
        return restored


class Migration(OneShot):
    """A database of an older schema opened: the old schema untouched or the new one complete; backed up first."""

    name = mode = "migrate"
    trials = 32
    safety = BackupKind.PRE_MIGRATION
    revision: str  # the revision of the kill's database (stage sets it), and what it holds once migrated:
    migrated: list[str]
    landings = Landings(
        "killed before the opening",
        "killed backing up before the migration, the old schema untouched",
        "killed migrating, the old schema untouched",
        "killed after the migration, before its log line",
        "killed after the opening",
    )

    def prepare(self) -> None:
        """A database at each older revision, what it holds, and what it holds once migrated."""
        area = self.root / "area.sqlite"
        _area(area).db.close()
        self.revisions = sorted(known_revisions() - {head_revision()})
        self.olds, self.news = {}, {}
        for revision in self.revisions:
            template = self.root / f"{revision}.sqlite"
            shutil.copyfile(area, template)
            _at_revision(template, revision)
            self.olds[revision] = _dump(template)
            self.news[revision] = _dump(_migrated_copy(template, self.root / f"{revision}-migrated.sqlite"))
            assert self.news[revision] != self.olds[revision]

    def stage(self, kill: int, database: Path) -> str:
        """Take the revisions in turn."""
        self.revision = self.revisions[kill % len(self.revisions)]
        self.old, self.migrated = self.olds[self.revision], self.news[self.revision]
        _copy(self.root / f"{self.revision}.sqlite", database)
        return ""

    def changed(self, kill: int, job: Job, now: list[str], backups: dict[BackupKind, list[Path]]) -> bool:
        revision = _revision(Path(job.database))
        assert revision in (self.revision, head_revision()), (
            f"Kill {kill}: the database is at revision {revision}, neither {self.revision} nor the newest"
        )
        migrated = revision == head_revision()
        assert now == (self.migrated if migrated else self.old), (
            f"Kill {kill}: the database at revision {revision} is not the {'migrated' if migrated else 'old'} one"
        )
        for daily in backups[BackupKind.DAILY]:  # made after the migration
            assert _dump(daily, "ro") == self.migrated, f"Kill {kill}: the daily backup is not the migrated database"
        return migrated

    def reopened(self, now: list[str]) -> list[str]:
        return self.migrated  # the next opening migrates a database left at the old schema


class Import(OneShot):
    """A spreadsheet imported in one transaction after a backup: all its rows or none, nothing else changed."""

    name = mode = "import"
    trials = 32
    safety = BackupKind.PRE_IMPORT
    landings = Landings(
        "killed before the import began",
        "killed reading and staging the file, nothing written",
        "killed after the backup, before the commit, nothing written",
        "killed after the commit, before its log line",
        "killed after the import",
    )

    def prepare(self) -> None:
        _area(self.root / "area.sqlite").db.close()
        self.old = _dump(self.root / "area.sqlite")
        self.rows = {self._row(number) for number in range(1, SHEET_ROWS + 1)}
        write_sheet(self.root / "sheet.xlsx", "Đơn vị", [
            ["Đơn vị cấp trên", "Tên đơn vị", "Cấp", "Số hộ"],
            *([f"{PROVINCE} / {commune} / {hamlet}", name, "Tổ", households]
              for name, households, commune, hamlet in sorted(self.rows, key=lambda row: row[1])),
        ])

    @staticmethod
    def _row(number: int) -> tuple[str, int, str, str]:
        """Return the group, households, commune and hamlet of one row of the spreadsheet."""
        commune = crash_writer.commune_name(0, number % AREA_COMMUNES)
        return f"Tổ {number}", number, commune, f"Ấp {number % crash_writer.HAMLETS + 1}"

    def stage(self, kill: int, database: Path) -> str:
        _copy(self.root / "area.sqlite", database)
        return str(self.root / "sheet.xlsx")

    def changed(self, kill: int, job: Job, now: list[str], backups: dict[BackupKind, list[Path]]) -> bool:
        with _connect(Path(job.database)) as connection:
            groups = connection.execute(
                "SELECT g.id, g.name, g.households, c.name, h.name FROM unit g "
                "JOIN unit_link lg ON lg.unit_id = g.id JOIN unit h ON h.id = lg.parent_id "
                "JOIN unit_link lh ON lh.unit_id = h.id JOIN unit c ON c.id = lh.parent_id WHERE g.level = 'group'"
            ).fetchall()
        imported = {tuple(row[1:]) for row in groups}
        assert imported in (set(), self.rows), f"Kill {kill}: {len(imported)} of the file's {len(self.rows)} rows"
        ids = {row[0] for row in groups}
        rest = [line for line in now if ids.isdisjoint(QUOTED_ID.findall(line))]
        assert rest == self.old, f"Kill {kill}: the import changed more than the file's rows"
        for daily in backups[BackupKind.DAILY]:  # made when the database was opened, before the import
            assert _dump(daily, "ro") == self.old, f"Kill {kill}: the daily backup is not the database as it was"
        return bool(imported)


def _trials(scenario: Scenario) -> int:
    text = os.environ.get(TRIALS_VARIABLE, "").strip()
    return int(text) if text else scenario.trials


@pytest.mark.parametrize("kind", [Writes, Restore, Migration, Import], ids=lambda kind: kind.name)
def test_a_killed_job_loses_at_most_the_change_in_progress(
    kind: type[Scenario], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FOLDER_VARIABLE, str(tmp_path / "backups"))  # no test backup in the user's folder
    scenario = kind(tmp_path)
    scenario.prepare()
    trials = _trials(scenario)
    rng = random.Random(f"{SEED} {scenario.name}")
    outcomes: Counter[str] = Counter()
    started = time.monotonic()
    launcher = Launcher(tmp_path / "launcher-stderr.txt")
    try:
        for kill in range(1, trials + 1):
            job = scenario.job(kill)
            if kill % FRESH_EVERY == 0:
                _kill_fresh(kill, rng, job, tmp_path / f"stderr-{kill}.txt")
            else:
                _kill_forked(kill, rng, launcher, scenario, job)
            outcomes[scenario.check(kill, job)] += 1
    finally:
        launcher.close()

    summary = dict(outcomes.most_common())
    print(f"\n{scenario.name}: {trials} kills in {time.monotonic() - started:.0f} s: {summary}")
    inside = sum(outcomes[outcome] for outcome in scenario.inside)
    assert inside >= max(MIN_INSIDE, math.ceil(scenario.inside_share * trials)), (
        f"Too few kills landed inside the change: {summary}"
    )
    scenario.finish()
