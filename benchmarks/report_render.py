"""Benchmark: time the quarterly report of the demo's busiest cluster: its data, its PDF and its Excel file.

Run from the repository root:

    .venv/bin/python benchmarks/report_render.py [--db PATH] [--quarter 2026-Q3] [--area UNIT] [--out DIR]
    .venv/bin/python benchmarks/report_render.py --sample ROWS

The demo database is built with `grassroots --db PATH demo` when the file does not exist. `--sample` times the
hand-built report of the tests instead (ROWS assignments, no database). The PDF and the .xlsx are left in
`--out` (default `benchmarks/out/`) to be looked at, e.g. `pdftoppm -r 60 -png report_cluster.pdf page`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from grassroots_app.demo.build import DEMO_DATE  # noqa: E402
from grassroots_app.domain.reports.model import ReportDocument, ReportFigures, ReportKind  # noqa: E402
from grassroots_app.persistence.database import Database  # noqa: E402
from grassroots_app.persistence.uow import UnitOfWork  # noqa: E402
from grassroots_app.reports.pdf import write_pdf  # noqa: E402
from grassroots_app.reports.xlsx import write_xlsx  # noqa: E402
from grassroots_app.services import report_data, reports  # noqa: E402
from grassroots_app.services.units import resolve_unit  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
TARGET_SECONDS = {ReportKind.CLUSTER: 2.0, ReportKind.AREA: 15.0}
T = TypeVar("T")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=OUT / "report_demo.sqlite", help="demo database (built if missing)")
    parser.add_argument("--quarter", default=f"{DEMO_DATE.year}-Q{(DEMO_DATE.month - 1) // 3 + 1}")
    parser.add_argument("--area", help="also time the report of this district or province (id, code or path)")
    parser.add_argument("--sample", type=int, metavar="ROWS", help="time the tests' hand-built report instead")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the rendered files")
    return parser.parse_args(argv)


def timed(label: str, action: Callable[[], T]) -> tuple[T, float]:
    """Run an action, print how long it took and return its result and the seconds."""
    start = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - start
    print(f"  {label:<10} {seconds:7.3f} s")
    return result, seconds


def rows(figures: ReportFigures) -> int:
    """Return how many table rows a report prints."""
    return sum(map(len, (figures.charges, figures.coverage, figures.attendance, figures.base_days,
                         figures.recommendation_rows)))


def render(document: ReportDocument, name: str, out: Path) -> float:
    """Write the PDF and the .xlsx of a document; print and return the PDF's seconds."""
    _result, seconds = timed("PDF", lambda: write_pdf(document, out / f"{name}.pdf"))
    timed("Excel", lambda: write_xlsx(document, out / f"{name}.xlsx"))
    return seconds


def report(uow: UnitOfWork, kind: ReportKind, scope_id: str, year: int, quarter: int, out: Path) -> None:
    """Save a draft for a cluster or an area, time its data, its PDF and its Excel file, delete the draft."""
    report_id = reports.save_draft(uow, reports.new_draft(uow, kind, scope_id, year, quarter))
    document, data_seconds = timed("data", lambda: reports.document(uow, report_id))
    reports.delete_draft(uow, report_id)
    print(f"  ({rows(document.figures):,} table rows: {document.figures.title})")
    total = data_seconds + render(document, f"report_{kind.value}", out)
    verdict = "within" if total <= TARGET_SECONDS[kind] else "OVER"
    print(f"  data + PDF {total:7.3f} s ({verdict} the {TARGET_SECONDS[kind]:g} s aim)")


def busiest_cluster(uow: UnitOfWork, year: int, quarter: int) -> str:
    """Return the id of the cluster whose report prints the most table rows."""
    sizes = {cluster.id: rows(report_data.cluster_figures(uow, cluster.id, year, quarter))
             for cluster in uow.clusters.all()}
    return max(sizes, key=sizes.__getitem__)


def run_demo(args: argparse.Namespace) -> None:
    """Time the busiest cluster's report (and an area's when asked) on the demo database."""
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "grassroots_app.cli", "--db", str(args.db), "demo"], check=True)
    year, quarter = (int(part) for part in args.quarter.upper().split("-Q"))
    with UnitOfWork(Database.open(str(args.db), backup=False)) as uow:
        print(f"Busiest cluster, {args.quarter}:")
        report(uow, ReportKind.CLUSTER, busiest_cluster(uow, year, quarter), year, quarter, args.out)
        if args.area:
            print(f"Area {args.area}, {args.quarter}:")
            report(uow, ReportKind.AREA, resolve_unit(uow, args.area).id, year, quarter, args.out)


def run_sample(rows_wanted: int, out: Path) -> None:
    """Time the tests' hand-built report."""
    from tests.unit.report_sample import sample_document

    document = sample_document(rows_wanted)
    print(f"Hand-built sample ({rows(document.figures):,} table rows):")
    render(document, "report_sample", out)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark."""
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.sample:
        run_sample(args.sample, args.out)
    else:
        run_demo(args)


if __name__ == "__main__":
    main()
