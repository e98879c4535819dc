"""A process that changes a Grassroots database until it is killed (see test_crash_safety.py).

    python crash_writer.py MODE DATABASE LOG RUN FOLDER [SOURCE]
                                    run one job (a job whose parent died, or that ran LIFETIME seconds,
                                    stops by itself)
    python crash_writer.py --serve  a launcher: import once, then fork a job per request

A job works on DATABASE as the application does, its backups going to the backup folder FOLDER:

- write: opens the database (Database.open) and runs use cases, each in its own UnitOfWork and
  transaction, one after the other, until killed:
  - a commune with HAMLETS hamlets under it, staged with units.create_unit and committed together
    (the parent and its children must be all there or all missing);
  - every second round, a cadre living in that commune (cadres.add_cadre);
- restore: restores the backup SOURCE onto the database (backup.restore), once;
- migrate: opens a database of an older schema (Database.open: a backup, then the migration), once;
- import: opens the database, then imports the spreadsheet SOURCE (sheet_import.import_file), once.

It appends to LOG, with plain os.write calls (which a killed process cannot lose):

    open RUN                              the database is open (write)
    begin RUN SEQ                         a round starts (write)
    commit RUN SEQ unit|cadre ID NAME     after commit() returned (write; the log is then fsynced)
    start RUN TIME                        the restore, migration or import starts (TIME: time.monotonic())
    done RUN TIME                         it returned; the job then waits to be killed

so that the test knows which changes were made before the kill.  A transaction begun but whose commit
line is missing is the one in progress: it may or may not be in the database.

The launcher (--serve) exists because importing the application takes most of a second, too long to
pay fifty times: it imports everything once, then for each line of tab-separated job fields read on
stdin forks a job (a process of its own, which opens the database itself), prints the job's pid, waits
for it to die and prints its wait status.  It never opens a database itself.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import alembic.command  # noqa: F401 - imported once by the launcher: the migrating jobs start without it
import python_calamine  # noqa: F401 - the same for the importing jobs

from grassroots_app.domain.model import Cadre, Tier
from grassroots_app.persistence import backup
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import cadres, sheet_import, units

HAMLETS = 8
PROVINCE_CODE = "99"
DAY = date(2020, 1, 1)
LIFETIME = 60.0  # seconds: a job nobody killed (its test died) stops by itself

Work = Callable[[], object]  # a restore, a migration or an import, ready to start


@dataclass(frozen=True)
class Job:
    """What one process is to do, and where: a mode of work on a database, logged to a file."""

    mode: str
    database: str
    log: str
    run: int
    folder: str  # the backup folder
    source: str = ""  # the backup to restore or the spreadsheet to import

    def fields(self) -> list[str]:
        """Return the job as command-line arguments (and tab-separated request fields)."""
        return [self.mode, self.database, self.log, str(self.run), self.folder, self.source]

    @classmethod
    def parse(cls, fields: Sequence[str]) -> Job:
        """Return the job that fields() gave."""
        mode, database, log, run, folder, *source = fields
        return cls(mode, database, log, int(run), folder, *source[:1])


def commune_name(run: int, seq: int) -> str:
    """Return the name of the commune a round writes."""
    return f"Xã R{run} S{seq}"


def cadre_name(run: int, seq: int) -> str:
    """Return the name of the cadre a round writes."""
    return f"Cán bộ R{run} S{seq}"


def add_commune_with_hamlets(uow: UnitOfWork, province_id: str, name: str) -> str:
    """One use case, one transaction: a commune and its hamlets; return the commune's id."""
    commune = units.create_unit(uow, units.NewUnit(name, province_id, DAY))
    for number in range(1, HAMLETS + 1):
        units.create_unit(uow, units.NewUnit(f"Ấp {number}", commune.id, DAY))
    uow.commit()
    return commune.id


class Log:
    """The job's log, appended with plain os.write calls."""

    def __init__(self, path: str) -> None:
        self.descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def line(self, text: str, sync: bool = False) -> None:
        """Append one line (and flush it to disk when asked)."""
        os.write(self.descriptor, (text + "\n").encode("utf-8"))
        if sync:
            os.fsync(self.descriptor)


class Lifetime:
    """How long a job may go on: while its parent lives, and LIFETIME seconds at most."""

    def __init__(self) -> None:
        self.parent, self.deadline = os.getppid(), time.monotonic() + LIFETIME

    def left(self) -> bool:
        """Return whether the job may go on."""
        return os.getppid() == self.parent and time.monotonic() < self.deadline


def write(job: Job, log: Log, lifetime: Lifetime) -> None:
    """Open the database and write rounds until killed (or orphaned, or past the lifetime)."""
    db = Database.open(job.database)
    with UnitOfWork(db) as uow:
        province = uow.units.by_code(PROVINCE_CODE)
    if province is None:
        raise RuntimeError(f"The database has no province coded {PROVINCE_CODE}.")
    log.line(f"open {job.run}", sync=True)
    seq = 0
    while lifetime.left():
        log.line(f"begin {job.run} {seq}")
        name = commune_name(job.run, seq)
        with UnitOfWork(db) as uow:
            commune_id = add_commune_with_hamlets(uow, province.id, name)
        log.line(f"commit {job.run} {seq} unit {commune_id} {name}", sync=True)
        if seq % 2 == 0:
            name = cadre_name(job.run, seq)
            new = Cadre(id="", full_name=name, tier=Tier.COMMUNE, home_unit_id=commune_id)
            with UnitOfWork(db) as uow:
                cadre = cadres.add_cadre(uow, new)
            log.line(f"commit {job.run} {seq} cadre {cadre.id} {name}", sync=True)
        seq += 1


def restore(job: Job) -> Work:
    """Restore the backup onto the database, as `grassroots restore --yes` does."""
    return lambda: backup.restore(Path(job.database), Path(job.source))


def migrate(job: Job) -> Work:
    """Open a database of an older schema as the application does: back it up, migrate it."""
    return lambda: Database.open(job.database)


def import_sheet(job: Job) -> Work:
    """Open the database; the work: import the spreadsheet in one transaction, as `grassroots import` does."""
    db = Database.open(job.database)

    def work() -> None:
        with UnitOfWork(db) as uow:
            report = sheet_import.import_file(uow, Path(job.source))
        if not report.committed:
            raise RuntimeError(f"The import was refused: {report.errors()[:3]}")

    return work


ONCE: dict[str, Callable[[Job], Work]] = {"restore": restore, "migrate": migrate, "import": import_sheet}


def once(job: Job, log: Log, lifetime: Lifetime) -> None:
    """Prepare one piece of work, do it between a start and a done line, then wait to be killed."""
    work = ONCE[job.mode](job)
    log.line(f"start {job.run} {time.monotonic()}")
    work()
    log.line(f"done {job.run} {time.monotonic()}", sync=True)
    while lifetime.left():
        time.sleep(0.01)


def run(job: Job) -> None:
    """Do the job until killed (or orphaned, or past its lifetime)."""
    os.environ[backup.FOLDER_VARIABLE] = job.folder
    log, lifetime = Log(job.log), Lifetime()
    if job.mode == "write":
        write(job, log, lifetime)
    else:
        once(job, log, lifetime)


def _child(job: Job) -> None:
    """Run a forked job; never return into the launcher's code (ending by itself is exit status 1)."""
    try:
        run(job)
        print(f"Job {job.mode} {job.run} stopped by itself.", file=sys.stderr)
    except BaseException:  # noqa: BLE001 - reported on stderr, the test fails on the exit status
        traceback.print_exc()
    finally:
        sys.stderr.flush()
        os._exit(1)


def serve() -> None:
    """Fork a job for each request on stdin; report its pid, then its wait status, on stdout."""
    for request in sys.stdin:
        job = Job.parse(request.rstrip("\n").split("\t"))
        pid = os.fork()
        if pid == 0:
            _child(job)
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print(status, flush=True)


def main(argv: list[str] | None = None) -> None:
    """Run one job until killed, or serve as the launcher of jobs."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--serve"]:
        serve()
    elif len(args) in (5, 6):
        job = Job.parse(args)
        run(job)
        raise SystemExit(f"Job {job.mode} {job.run} stopped by itself.")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
