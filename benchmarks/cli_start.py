"""Time `grassroots` commands on a tiny database, each a fresh process, against a fresh interpreter reading one row.

    .venv/bin/python benchmarks/cli_start.py [--runs 5]

Sets up a new two-level database in a scratch folder (`grassroots init`), then times `--help`, `units list`,
`coverage` and `calendar` as fresh processes (imports included, from the app's byte-code written first, as an
installation has it), turn about with the floor
`benchmarks/floors/sqlite_row.py`, a fresh interpreter that opens the same file with sqlite3 and reads one row
(aim: every command under 0.5 s). For reference, not a command: a fresh interpreter importing SQLAlchemy's ORM
and SQLModel, which every command on a database needs, against the same floor.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.harness import Pair, compare, compile_app, timed  # noqa: E402

FLOOR = Path(__file__).resolve().parent / "floors" / "sqlite_row.py"
COMMANDS = (["--help"], ["units", "list"], ["coverage"], ["calendar"])
AIM_SECONDS = 0.5
LIBRARIES = "import sqlalchemy.orm, sqlmodel"


def grassroots(database: Path, *words: str) -> str:
    """Run one command in a fresh process and return what it printed (it must succeed). It runs in the database's
    folder: `-m` puts the working folder first on the path, and PYTHONPATH may name another checkout to measure."""
    return subprocess.run([sys.executable, "-m", "grassroots_app.cli", "--db", str(database), *words],
                          capture_output=True, text=True, check=True, cwd=database.parent).stdout


def floor(database: Path) -> str:
    """Run the floor in a fresh process and return what it printed."""
    return subprocess.run([sys.executable, str(FLOOR), str(database)], capture_output=True, text=True,
                          check=True).stdout


def libraries() -> None:
    """Import the persistence libraries in a fresh interpreter."""
    subprocess.run([sys.executable, "-c", LIBRARIES], check=True)


def pairs(database: Path) -> list[Pair]:
    """One pair per command, each against the same floor, and the libraries' share for reference."""

    def check() -> None:
        assert floor(database).strip(), "the floor read no row"

    read_one_row = timed(partial(floor, database))
    commands = [Pair(f"grassroots {' '.join(words)}", timed(partial(grassroots, database, *words)), read_one_row,
                     aim_seconds=AIM_SECONDS, check=check) for words in COMMANDS]
    return [*commands, Pair("reference: importing SQLAlchemy and SQLModel", timed(libraries), read_one_row)]


def main() -> int:
    """Set up the tiny database and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        database = Path(scratch) / "tiny.sqlite"
        os.environ["GRASSROOTS_BACKUP_DIR"] = str(Path(scratch) / "backups")  # not the user's backup folder
        compile_app()
        grassroots(database, "init", "--model", "two-level")
        compare(pairs(database), arguments.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
