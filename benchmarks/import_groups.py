"""Benchmark: import a 100,000-row sheet of self-governing groups, against its floor, and the dry run.

Run from the repository root:

    .venv/bin/python benchmarks/import_groups.py [--rows 100000] [--runs 5] [--out DIR]

It builds the district demo (`grassroots demo`) into `--out` (default `benchmarks/out/`) and writes an .xlsx of
new groups spread over the demo's hamlets (parent given by path, as a clerk's sheet does). Each run imports the
sheet into a fresh copy of the demo (read, check every row, pre-import backup, commit), turn about with the floor
`benchmarks/floors/import_sheet.py` (python-calamine and one sqlite3 `executemany` into another fresh copy);
before timing, one run of each is checked to insert the same groups (names, parents, kinds, counts). The dry run
(read, check, roll back) is timed on the demo itself. Aims: under 30 s, and at most twice the floor.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402

from benchmarks.floors.import_sheet import import_sheet  # noqa: E402
from benchmarks.harness import Pair, compare  # noqa: E402
from grassroots_app.demo.build import build_demo  # noqa: E402
from grassroots_app.domain.model import Preset  # noqa: E402
from grassroots_app.domain.sheets import Fate  # noqa: E402
from grassroots_app.persistence.database import Database  # noqa: E402
from grassroots_app.persistence.uow import UnitOfWork  # noqa: E402
from grassroots_app.services import sheet_export, sheet_import  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
AIM_SECONDS = 30.0
AIM_RATIO = 2.0
DAY = date(2026, 9, 30)
Inserted = set[tuple[object, ...]]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="groups in the sheet")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of app and floor each")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the database and the sheet")
    return parser.parse_args(argv)


def hamlet_paths(database: Database) -> list[str]:
    """Return the paths of the demo's hamlets, from its own export."""
    with UnitOfWork(database) as uow:
        units = sheet_export.export_sheets(uow, DAY)[0].rows
    return [f"{row[1]} / {row[3]}" for row in units if row[4] == "Thôn"]


def write_groups(path: Path, hamlets: list[str], rows: int) -> None:
    """Write a sheet of new groups under the hamlets, with a title row above the header."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Đơn vị")
    sheet.append(["DANH SÁCH TỔ NHÂN DÂN TỰ QUẢN"])
    sheet.append(["Đơn vị cấp trên", "Tên đơn vị", "Cấp", "Số hộ", "Số nhân khẩu"])
    for number in range(rows):
        sheet.append([hamlets[number % len(hamlets)], f"Tổ tự quản số {100 + number // len(hamlets)}", "Tổ",
                      30 + number % 40, 120 + number % 150])
    book.save(path)


def build(out: Path, rows: int) -> tuple[Path, Path]:
    """Build the demo database (checkpointed into one file) and write the sheet; return their paths."""
    db_path, sheet_path = out / "import_demo.sqlite", out / "groups.xlsx"
    for stale in (db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
        stale.unlink(missing_ok=True)
    database = Database.open(str(db_path))
    build_demo(database, Preset.TWO_LEVEL)
    hamlets = hamlet_paths(database)
    database.close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    write_groups(sheet_path, hamlets, rows)
    print(f"sheet: {rows:,} groups under {len(hamlets)} hamlets, {sheet_path.stat().st_size / 1e6:.1f} MB")
    return db_path, sheet_path


def app_import(database_path: Path, sheet: Path) -> float:
    """Import the sheet with the app into the database; return the seconds the import took."""
    database = Database.open(str(database_path), backup=False)
    try:
        started = time.perf_counter()
        with UnitOfWork(database, write=True) as uow:
            report = sheet_import.import_file(uow, sheet)
        seconds = time.perf_counter() - started
    finally:
        database.close()
    if not report.committed or report.errors():
        raise AssertionError(f"the import was refused: {report.errors()[:3]}")
    return seconds


def floor_import(database_path: Path, sheet: Path) -> float:
    """Import the sheet with the floor into the database; return the seconds it took."""
    started = time.perf_counter()
    import_sheet(sheet, database_path)
    return time.perf_counter() - started


def on_copy(base: Path, work: Callable[[Path], float], keep: Callable[[Path], None] | None = None) -> Callable[[], float]:
    """A timer running work on a fresh copy of the base database (the copying not timed), in a folder of its own."""

    def run() -> float:
        with tempfile.TemporaryDirectory(dir=base.parent) as folder:
            copy = Path(folder) / base.name
            shutil.copyfile(base, copy)
            seconds = work(copy)
            if keep is not None:
                keep(copy)
            return seconds

    return run


def inserted(base: Path, copy: Path) -> Inserted:
    """Return the units the copy holds that the base does not: name, parent path, kind, level, counts, start."""
    with sqlite3.connect(copy) as connection:
        connection.execute("ATTACH DATABASE ? AS base", (str(base),))
        rows = connection.execute(
            "SELECT u.name, u.name_key, p.name, l.parent_id, u.kind, u.level, u.households, u.population, "
            "u.valid_from, l.valid_from FROM unit u JOIN unit_link l ON l.unit_id = u.id JOIN unit p ON p.id = "
            "l.parent_id WHERE u.id NOT IN (SELECT id FROM base.unit)").fetchall()
    return set(rows)


def check(base: Path, sheet: Path, rows: int) -> Callable[[], None]:
    """Return the check that app and floor insert the same groups, every row of the sheet."""

    def run() -> None:
        found: dict[str, Inserted] = {}
        on_copy(base, lambda copy: app_import(copy, sheet), lambda copy: found.update(app=inserted(base, copy)))()
        on_copy(base, lambda copy: floor_import(copy, sheet), lambda copy: found.update(floor=inserted(base, copy)))()
        if found["app"] != found["floor"] or len(found["app"]) != rows:
            raise AssertionError(f"app and floor differ: {len(found['app'])} and {len(found['floor'])} groups, "
                                 f"{len(found['app'] ^ found['floor'])} not in both")
        print(f"checked: app and floor insert the same {rows:,} groups (names, parents, kinds, counts, days)")

    return run


def dry_run(base: Path, sheet: Path, rows: int) -> Callable[[], float]:
    """A timer of the dry run on the demo itself (rolled back), checking it finds every row new."""

    def run() -> float:
        database = Database.open(str(base), backup=False)
        try:
            started = time.perf_counter()
            with UnitOfWork(database) as uow:
                report = sheet_import.check_file(uow, sheet)
            seconds = time.perf_counter() - started
        finally:
            database.close()
        if report.counts()[Fate.NEW] != rows:
            raise AssertionError(f"the dry run found {report.counts()}")
        return seconds

    return run


def main(argv: Sequence[str] | None = None) -> int:
    """Build the data, write the sheet, check app and floor agree, time them turn about and the dry run."""
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    base, sheet = build(args.out, args.rows)
    pairs = [
        Pair(f"import a {args.rows:,}-row sheet (fresh copy of the district demo)",
             on_copy(base, lambda copy: app_import(copy, sheet)), on_copy(base, lambda copy: floor_import(copy, sheet)),
             aim_ratio=AIM_RATIO, aim_seconds=AIM_SECONDS, check=check(base, sheet, args.rows)),
        Pair(f"dry run of the {args.rows:,}-row sheet", dry_run(base, sheet, args.rows), None,
             aim_seconds=AIM_SECONDS),
    ]
    compare(pairs, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
