"""Benchmark: build the national demo dataset, then time the coverage of one province and of the country.

Run from the repository root:

    .venv/bin/python benchmarks/coverage_national.py [--db PATH] [--preset two-level] [--keep] [--rebuild]
                                                     [--repeat N] [--province CODE]

An existing database file is reused unless --rebuild is given; a file the script builds is deleted at the
end unless --keep is given. Each coverage (the service, gaps and overloaded cadres) is timed against its floor,
one hand-written SQL statement over the same file (benchmarks/floors/coverage.py), with benchmarks/harness.py:
the answers checked equal first, then app and floor turn about.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.floors import coverage as floor  # noqa: E402
from benchmarks.harness import Pair, compare, timed  # noqa: E402
from grassroots_app.demo.build import DEMO_DATE, DemoSummary, Scale, build_demo  # noqa: E402
from grassroots_app.domain.model import Preset  # noqa: E402
from grassroots_app.persistence.database import Database  # noqa: E402
from grassroots_app.persistence.locations import FOLDER_VARIABLE  # noqa: E402
from grassroots_app.persistence.uow import UnitOfWork  # noqa: E402
from grassroots_app.services.coverage import CoverageReport, coverage  # noqa: E402

DEFAULT_DB = ROOT / "benchmarks" / "out" / "national.sqlite"
BACKUP_DIR = ROOT / "benchmarks" / "out" / "backups"


def backed_up_today(path: Path) -> None:
    """Keep the backups under benchmarks/out and make today's now, so that a timed window start has none to make
    in the background (as on every start after the first of the day)."""
    os.environ.setdefault(FOLDER_VARIABLE, str(BACKUP_DIR))
    Database.open(str(path)).close()
PROVINCE_CODE = "79"  # Thành phố Hồ Chí Minh, the province with the most communes
AIMS = {"province": 0.3, "country": 5.0}  # seconds (issue #18); each at most the floor's time


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="the SQLite file to build or reuse")
    presets = [preset.value for preset in Preset]
    parser.add_argument("--preset", choices=presets, default=Preset.TWO_LEVEL.value)
    parser.add_argument("--keep", action="store_true", help="keep a database built by this run")
    parser.add_argument("--rebuild", action="store_true", help="delete an existing database and build anew")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each coverage")
    parser.add_argument("--province", default=PROVINCE_CODE, help="official code of the province to time")
    return parser.parse_args(argv)


def sqlite_files(path: Path) -> list[Path]:
    """Return the database file and its write-ahead log and shared-memory files."""
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def remove(path: Path) -> None:
    """Delete a database file with its companions."""
    for file in sqlite_files(path):
        file.unlink(missing_ok=True)


def print_progress(stage: str, done: int, total: int) -> None:
    """Show the build's progress on one line of stderr."""
    print(f"\r{stage}: {done}/{total}", end="\n" if done == total else "", file=sys.stderr, flush=True)


def build(database: Database, preset: Preset) -> tuple[float, DemoSummary]:
    """Build the national demo; return the seconds it took and its summary."""
    start = time.perf_counter()
    summary = build_demo(database, preset, scale=Scale.NATIONAL, progress=print_progress)
    return time.perf_counter() - start, summary


def counts(path: Path) -> dict[str, int]:
    """Return the units per level and the other rows, read straight from the file."""
    connection = sqlite3.connect(path)
    try:
        found = dict(connection.execute("SELECT level, count(*) FROM unit GROUP BY level").fetchall())
        for table in ("cluster", "cadre", "assignment"):
            found[table] = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return found
    finally:
        connection.close()


def app_coverage(database: Database, under: str | None) -> CoverageReport:
    """Run the coverage service once in a fresh unit of work, as the window does."""
    with UnitOfWork(database) as uow:
        return coverage(uow, DEMO_DATE, under=under)


def same_answer(database: Database, path: Path, under: str | None) -> Callable[[], None]:
    """Return a check that the service and the floor find the same gaps and overloaded cadres."""

    def check() -> None:
        report = app_coverage(database, under).coverage
        found = floor.coverage(path, DEMO_DATE, under)
        assert found.gaps == {(gap.target_id, gap.role, gap.assigned) for gap in report.gaps}, "gaps differ"
        overloaded = {(row.cadre_id, row.targets) for row in report.workload if row.overloaded}
        assert found.overloaded == overloaded, "overloaded cadres differ"

    return check


def pair(name: str, key: str, database: Database, path: Path, under: str | None) -> Pair:
    """Return the app and the floor of one coverage as a harness pair."""
    return Pair(name, timed(lambda: app_coverage(database, under)),
                timed(lambda: floor.coverage(path, DEMO_DATE, under)),
                aim_ratio=1.0, aim_seconds=AIMS[key], check=same_answer(database, path, under))


def province_id(database: Database, code: str) -> str:
    """Return the id of the province with an official code."""
    with UnitOfWork(database) as uow:
        unit = uow.units.by_code(code)
    if unit is None:
        raise SystemExit(f"No unit has the code {code}.")
    return unit.id


def size_mib(path: Path) -> float:
    """Return the size of the database and its companions in MiB."""
    return sum(file.stat().st_size for file in sqlite_files(path) if file.exists()) / 2**20


def table(rows: list[tuple[str, ...]]) -> str:
    """Return rows as an aligned text table, the first row being the header."""
    widths = [max(len(row[index]) for row in rows) for index in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def check_gaps(summary: DemoSummary, report: CoverageReport) -> str:
    """Return whether the coverage found exactly the demo's deliberate gaps."""
    found = {(gap.target_id, gap.role) for gap in report.coverage.gaps}
    wanted = {(gap.target_id, gap.role) for gap in summary.deliberate_gaps}
    return "yes" if found == wanted else f"NO ({len(found)} found, {len(wanted)} deliberate)"


def run(args: argparse.Namespace, report_line: Callable[[str], None]) -> None:
    """Build or reuse the database, time the coverage against its floor, print the figures."""
    preset = Preset(args.preset)
    if args.rebuild:
        remove(args.db)
    existed = args.db.exists()
    database = Database.open(str(args.db), backup=False)
    try:
        summary = None
        if not existed:
            seconds, summary = build(database, preset)
            report_line(f"Built the national {preset.value} demo in {seconds:.1f} s.")
        else:
            report_line(f"Reusing {args.db} (--rebuild to build anew).")
        report_line(f"Database: {args.db}, {size_mib(args.db):.0f} MiB")
        stored = counts(args.db)
        report_line(table([("rows", "count"), *((key, f"{value:,}") for key, value in stored.items())]))
        province = province_id(database, args.province)
        compare([pair(f"coverage of province {args.province}", "province", database, args.db, province),
                 pair("coverage of the country", "country", database, args.db, None)], args.repeat)
        country = app_coverage(database, None)
        report_line(f"Targets in the country: {sum(level.total for level in country.coverage.levels):,}; "
                    f"gaps: {len(country.coverage.gaps)}; overloaded cadres: {len(country.coverage.workload)}")
        if summary is not None:
            report_line(f"Gaps are exactly the deliberate ones: {check_gaps(summary, country)}")
    finally:
        database.close()
        if not existed and not args.keep:
            remove(args.db)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark."""
    run(parse_args(argv), print)
    return 0


if __name__ == "__main__":
    sys.exit(main())
