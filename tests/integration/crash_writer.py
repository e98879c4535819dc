"""A process that writes to a Grassroots database in a loop until it is killed (see test_crash_safety.py).

    python crash_writer.py DATABASE LOG RUN     write until killed (a writer whose parent died, or that
                                                ran LIFETIME seconds, stops by itself)
    python crash_writer.py --serve              a launcher: import once, then fork a writer per request

The writer opens the database as the application does (Database.open) and runs use cases, each in its
own UnitOfWork and transaction, one after the other:

- a commune with HAMLETS hamlets under it, staged with units.create_unit and committed together
  (the parent and its children must be all there or all missing);
- every second round, a cadre living in that commune (cadres.add_cadre).

It appends to LOG, with plain os.write calls (which a killed process cannot lose):

    open RUN                              the database is open
    begin RUN SEQ                         a round starts
    commit RUN SEQ unit|cadre ID NAME     after commit() returned (the log is then fsynced)

so that the test knows which transactions were committed before the kill.  A transaction begun but
whose commit line is missing is the one in progress: it may or may not be in the database.

The launcher (--serve) exists because importing the application takes most of a second, too long to
pay fifty times: it imports everything once, then for each line "DATABASE<TAB>LOG<TAB>RUN" read on stdin
forks a writer (a process of its own, which opens the database itself), prints the writer's pid, waits
for it to die and prints its wait status.  It never opens a database itself.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from datetime import date

from grassroots_app.domain.model import Cadre, Tier
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import cadres, units

HAMLETS = 8
PROVINCE_CODE = "99"
DAY = date(2020, 1, 1)
LIFETIME = 60.0  # seconds: a writer nobody killed (its test died) stops by itself


def commune_name(run: int, seq: int) -> str:
    """Return the name of the commune a round writes."""
    return f"Xã R{run} S{seq}"


def cadre_name(run: int, seq: int) -> str:
    """Return the name of the cadre a round writes."""
    return f"Cán bộ R{run} S{seq}"


def _add_commune_with_hamlets(uow: UnitOfWork, province_id: str, name: str) -> str:
    """One use case, one transaction: a commune and its hamlets; return the commune's id."""
    commune = units.create_unit(uow, units.NewUnit(name, province_id, DAY))
    for number in range(1, HAMLETS + 1):
        units.create_unit(uow, units.NewUnit(f"Ấp {number}", commune.id, DAY))
    uow.commit()
    return commune.id


def write(database_path: str, log_path: str, run: int) -> None:
    """Open the database and write rounds until killed (or orphaned, or past its LIFETIME)."""
    parent, deadline = os.getppid(), time.monotonic() + LIFETIME
    log = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def line(text: str, sync: bool = False) -> None:
        os.write(log, (text + "\n").encode("utf-8"))
        if sync:
            os.fsync(log)

    db = Database.open(database_path)
    with UnitOfWork(db) as uow:
        province = uow.units.by_code(PROVINCE_CODE)
    if province is None:
        raise RuntimeError(f"The database has no province coded {PROVINCE_CODE}.")
    line(f"open {run}", sync=True)
    seq = 0
    while os.getppid() == parent and time.monotonic() < deadline:
        line(f"begin {run} {seq}")
        name = commune_name(run, seq)
        with UnitOfWork(db) as uow:
            commune_id = _add_commune_with_hamlets(uow, province.id, name)
        line(f"commit {run} {seq} unit {commune_id} {name}", sync=True)
        if seq % 2 == 0:
            name = cadre_name(run, seq)
            new = Cadre(id="", full_name=name, tier=Tier.COMMUNE, home_unit_id=commune_id)
            with UnitOfWork(db) as uow:
                cadre = cadres.add_cadre(uow, new)
            line(f"commit {run} {seq} cadre {cadre.id} {name}", sync=True)
        seq += 1


def _child(database_path: str, log_path: str, run: int) -> None:
    """Run a forked writer; never return into the launcher's code (ending by itself is exit status 1)."""
    try:
        write(database_path, log_path, run)
        print(f"Writer {run} stopped by itself.", file=sys.stderr)
    except BaseException:  # noqa: BLE001 - reported on stderr, the test fails on the exit status
        traceback.print_exc()
    finally:
        sys.stderr.flush()
        os._exit(1)


def serve() -> None:
    """Fork a writer for each request on stdin; report its pid, then its wait status, on stdout."""
    for request in sys.stdin:
        database_path, log_path, run = request.rstrip("\n").split("\t")
        pid = os.fork()
        if pid == 0:
            _child(database_path, log_path, int(run))
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print(status, flush=True)


def main(argv: list[str] | None = None) -> None:
    """Write until killed, or serve as the launcher of writers."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--serve"]:
        serve()
    elif len(args) == 3:
        write(args[0], args[1], int(args[2]))
        raise SystemExit(f"Writer {args[2]} stopped by itself.")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
