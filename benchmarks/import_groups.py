"""Benchmark: import a 100,000-row sheet of self-governing groups, as a dry run and then for real.

Run from the repository root:

    .venv/bin/python benchmarks/import_groups.py [--rows 100000] [--out DIR]

It builds the district demo (`grassroots demo`) into `--out` (default `benchmarks/out/`), writes an .xlsx of
new groups spread over the demo's hamlets (parent given by path, as a clerk's sheet does), then times reading
plus the dry run, the import (the backup before it included), and a second dry run that finds every row
unchanged, wall-clock and CPU time. Aim: each under 30 s.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402

from grassroots_app.demo.build import build_demo  # noqa: E402
from grassroots_app.domain.model import Level, Preset  # noqa: E402
from grassroots_app.domain.sheets import Fate  # noqa: E402
from grassroots_app.persistence.database import Database  # noqa: E402
from grassroots_app.persistence.uow import UnitOfWork  # noqa: E402
from grassroots_app.services import sheet_export, sheet_import  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
TARGET_SECONDS = 30.0
DAY = date(2026, 9, 30)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="groups in the sheet")
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


def timed(label: str, database: Database, path: Path, dry_run: bool) -> sheet_import.ImportReport:
    """Run the dry run or the import once and print its time and counts."""
    started, cpu = time.perf_counter(), time.process_time()
    with UnitOfWork(database) as uow:
        report = (sheet_import.check_file if dry_run else sheet_import.import_file)(uow, path)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    counts = ", ".join(f"{fate.value} {count}" for fate, count in report.counts().items())
    verdict = "ok" if seconds < TARGET_SECONDS else "over the aim"
    print(f"{label}: {seconds:.1f} s, CPU {cpu:.1f} s ({verdict}, aim {TARGET_SECONDS:.0f} s) — {counts}")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """Build the data, write the sheet, time the dry run and the import."""
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    db_path, sheet_path = args.out / "import_demo.sqlite", args.out / "groups.xlsx"
    for stale in (db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
        stale.unlink(missing_ok=True)
    database = Database.open(str(db_path))
    build_demo(database, Preset.TWO_LEVEL)
    hamlets = hamlet_paths(database)
    started = time.perf_counter()
    write_groups(sheet_path, hamlets, args.rows)
    print(f"sheet: {args.rows:,} groups under {len(hamlets)} hamlets, {sheet_path.stat().st_size / 1e6:.1f} MB, "
          f"written in {time.perf_counter() - started:.1f} s")
    dry = timed("dry run (read + check + roll back)", database, sheet_path, dry_run=True)
    done = timed("import (read + check + backup + commit)", database, sheet_path, dry_run=False)
    again = timed("the same sheet checked again (every row unchanged)", database, sheet_path, dry_run=True)
    with UnitOfWork(database) as uow:
        groups = sum(1 for _ in uow.sheet_queries.units_on(DAY) if _[0].level is Level.GROUP)
    database.close()
    print(f"groups in the database afterwards: {groups:,}")
    return 0 if dry.counts()[Fate.NEW] == again.counts()[Fate.UNCHANGED] == args.rows and done.committed else 1


if __name__ == "__main__":
    sys.exit(main())
