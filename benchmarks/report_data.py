"""Benchmark: the figures of a quarterly report, for the demo's busiest cluster and for province-size areas.

Run from the repository root:

    .venv/bin/python benchmarks/report_data.py [--district PATH] [--province-demo PATH] [--national PATH]
                                               [--province CODE] [--rebuild] [--repeat N]

The district and province demos (demo.build at Scale.DISTRICT and Scale.PROVINCE, with their field log) are
built into benchmarks/out/ on the first run and reused after (--rebuild to build anew); each gives its busiest
cluster and its whole province. The national database is the one coverage_national.py keeps
(benchmarks/out/national.sqlite): only read, attached without migrating it, and skipped when missing. The
quarter timed is the one of the demo's reference day.
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.coverage_national import DEFAULT_DB, province_id, remove, table  # noqa: E402
from grassroots_app.demo.build import DEMO_DATE, Scale, build_demo  # noqa: E402
from grassroots_app.domain.calendar import quarter_of  # noqa: E402
from grassroots_app.domain.model import Preset  # noqa: E402
from grassroots_app.domain.reports.model import ReportFigures  # noqa: E402
from grassroots_app.persistence.database import Database, resolve_url  # noqa: E402
from grassroots_app.persistence.uow import UnitOfWork  # noqa: E402
from grassroots_app.services.report_data import area_figures, cluster_figures  # noqa: E402

DISTRICT_DB = ROOT / "benchmarks" / "out" / "report_district.sqlite"
PROVINCE_DB = ROOT / "benchmarks" / "out" / "report_province.sqlite"
PROVINCE_CODE = "79"  # Thành phố Hồ Chí Minh, the province with the most communes
TARGETS = {"cluster": 2.0, "area": 15.0}
YEAR, QUARTER = DEMO_DATE.year, quarter_of(DEMO_DATE)
FIELD_LOG = ("activity", "recommendation", "rating", "base_visit")

Figures = Callable[[UnitOfWork, str, int, int], ReportFigures]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--district", type=Path, default=DISTRICT_DB, help="the district demo to build or reuse")
    parser.add_argument("--province-demo", type=Path, default=PROVINCE_DB,
                        help="the province demo (about 100 communes) to build or reuse")
    parser.add_argument("--national", type=Path, default=DEFAULT_DB, help="the national database (read only)")
    parser.add_argument("--province", default=PROVINCE_CODE, help="official code of the province to time")
    parser.add_argument("--rebuild", action="store_true", help="build the demos anew")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each report")
    return parser.parse_args(argv)


def timed(database: Database, figures: Figures, scope_id: str, repeat: int) -> tuple[list[float], ReportFigures]:
    """Compute a report's figures `repeat` times, each in a fresh unit of work; return the times and the figures."""
    times: list[float] = []
    found: ReportFigures | None = None
    for _ in range(repeat):
        found = None
        gc.collect()
        with UnitOfWork(database) as uow:
            start = time.perf_counter()
            found = figures(uow, scope_id, YEAR, QUARTER)
            times.append(time.perf_counter() - start)
    assert found is not None
    return times, found


def weight(figures: ReportFigures) -> int:
    """Return how much a cluster's report holds: its rows and the activities counted in them."""
    done = sum(row.committee_meetings + row.cell_meetings + row.visits for row in figures.attendance)
    return len(figures.charges) + len(figures.recommendation_rows) + done


def busiest_cluster(database: Database) -> str:
    """Return the id of the cluster whose report holds the most."""
    with UnitOfWork(database) as uow:
        ids = [cluster.id for cluster in uow.clusters.all()]
        return max(ids, key=lambda cluster_id: weight(cluster_figures(uow, cluster_id, YEAR, QUARTER)))


def field_log_rows(path: Path) -> str:
    """Return the field log's row counts, read straight from the file."""
    connection = sqlite3.connect(path)
    try:
        return ", ".join(f"{name} {connection.execute(f'SELECT count(*) FROM {name}').fetchone()[0]:,}"
                         for name in FIELD_LOG)
    finally:
        connection.close()


def row(label: str, times: list[float], target: float, figures: ReportFigures) -> tuple[str, ...]:
    """Return one line of the results table."""
    median = statistics.median(times)
    sizes = f"{len(figures.communes)} communes, {len(figures.charges):,} charges, {len(figures.attendance):,} cadres"
    return (label, f"{min(times):.3f}", f"{median:.3f}", f"{target}", "yes" if median < target else "no", sizes)


def demo(path: Path, scale: Scale, rebuild: bool, repeat: int, report_line: Callable[[str], None]
         ) -> list[tuple[str, ...]]:
    """Build or reuse a demo of a scale; time its busiest cluster and its whole province."""
    if rebuild:
        remove(path)
    existed = path.exists()
    database = Database.open(str(path), backup=False)
    try:
        if not existed:
            start = time.perf_counter()
            build_demo(database, Preset.TWO_LEVEL, scale=scale)
            report_line(f"Built the {scale.value} demo in {time.perf_counter() - start:.1f} s: {path}")
        report_line(f"{scale.value.capitalize()} demo field log: {field_log_rows(path)}")
        cluster_id = busiest_cluster(database)
        cluster_times, cluster = timed(database, cluster_figures, cluster_id, repeat)
        with UnitOfWork(database) as uow:
            area_id = uow.units.roots()[0].id
        area_times, area = timed(database, area_figures, area_id, repeat)
    finally:
        database.close()
    return [row(f"{scale.value} demo, busiest cluster", cluster_times, TARGETS["cluster"], cluster),
            row(f"{scale.value} demo, {area.title}", area_times, TARGETS["area"], area)]


def national(args: argparse.Namespace, report_line: Callable[[str], None]) -> list[tuple[str, ...]]:
    """Time a province of the national database, when there is one."""
    if not args.national.exists():
        report_line(f"No national database at {args.national}: build it with coverage_national.py --keep.")
        return []
    report_line(f"National database field log: {field_log_rows(args.national)}")
    database = Database.attach(resolve_url(str(args.national)))
    try:
        times, figures = timed(database, area_figures, province_id(database, args.province), args.repeat)
    finally:
        database.close()
    return [row(f"national province {args.province}: {figures.title}", times, TARGETS["area"], figures)]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark."""
    args = parse_args(argv)
    demos = [demo(path, scale, args.rebuild, args.repeat, print) for path, scale in
             ((args.district, Scale.DISTRICT), (args.province_demo, Scale.PROVINCE))]
    rows = [*(line for lines in demos for line in lines), *national(args, print)]
    header = (f"report figures, quarter {QUARTER}/{YEAR}", "min s", "median s", "target s", "met", "size")
    print(table([header, *rows]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
