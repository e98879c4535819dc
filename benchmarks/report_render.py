"""Benchmark: a quarterly report's data and PDF against reportlab alone drawing the same table cells.

Run from the repository root:

    .venv/bin/python benchmarks/report_render.py [--db PATH] [--quarter 2026-Q3] [--cluster ID] [--area UNIT]
                                                 [--runs 5] [--out DIR]

Times the busiest cluster's report (the one printing the most table rows; `--cluster` names it, as finding it on
the national database reads every cluster's figures) and, with `--area`, a district's or province's report: the
figures read anew (`report_data.figures`) and the PDF written, as the app does when a report is opened, against
the floor `benchmarks/floors/report_pdf.py` given the same cells as plain strings (no draft is stored: the
database is only read). The demo database is built with `grassroots --db PATH demo` when the file does not
exist. The last PDFs of each side are left in `--out` (default `benchmarks/out/`) to be looked at, e.g.
`pdftoppm -r 60 -png benchmarks/out/report_cluster.pdf page`; the check compares their words (`pdftotext`).
For reference, each report's PDF alone (from figures read before timing) against the same floor: what is left of
the app's side is the reading of its figures.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.floors import report_pdf as floor  # noqa: E402
from benchmarks.harness import Pair, compare, timed  # noqa: E402
from grassroots_app.demo.build import DEMO_DATE  # noqa: E402
from grassroots_app.domain.reports.model import ReportFigures, ReportKind  # noqa: E402
from grassroots_app.domain.text import printable  # noqa: E402
from grassroots_app.persistence.database import Database, resolve_url  # noqa: E402
from grassroots_app.persistence.uow import UnitOfWork  # noqa: E402
from grassroots_app.reports.pdf import pdf_bytes  # noqa: E402
from grassroots_app.reports.pdf_annex import ALIGNMENTS  # noqa: E402
from grassroots_app.reports.tables import NONE_ROW, AnnexTable, Kind, annex_tables, cell_text  # noqa: E402
from grassroots_app.services import report_data, reports  # noqa: E402
from grassroots_app.services.units import resolve_unit  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
MM = 72 / 25.4


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=OUT / "report_demo.sqlite", help="demo database (built if missing)")
    parser.add_argument("--quarter", default=f"{DEMO_DATE.year}-Q{(DEMO_DATE.month - 1) // 3 + 1}")
    parser.add_argument("--cluster", help="the cluster to time (default: the one printing the most rows)")
    parser.add_argument("--area", help="also time the report of this district or province (id, code or path)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the rendered files")
    return parser.parse_args(argv)


def rows(figures: ReportFigures) -> int:
    """Return how many table rows a report prints."""
    return sum(map(len, (figures.charges, figures.coverage, figures.attendance, figures.base_days,
                         figures.recommendation_rows)))


def busiest_cluster(uow: UnitOfWork, year: int, quarter: int) -> str:
    """Return the id of the cluster whose report prints the most table rows."""
    sizes = {cluster.id: rows(report_data.cluster_figures(uow, cluster.id, year, quarter))
             for cluster in uow.clusters.all()}
    return max(sizes, key=sizes.__getitem__)


def plain(table: AnnexTable) -> floor.PlainTable:
    """Return an annexed table as the floor's plain strings."""
    def texts(row: tuple[object, ...]) -> list[str]:
        return [printable(cell_text(value, column.kind))  # type: ignore[arg-type]
                for value, column in zip(row, table.columns, strict=True)]

    body = [texts(row) for row in table.rows] or [[NONE_ROW] + [""] * (len(table.columns) - 1)]
    if table.total is not None:
        body.append(texts(table.total))
    return floor.PlainTable([column.header for column in table.columns], body,
                            [column.width_mm * MM for column in table.columns],
                            [ALIGNMENTS[column.kind] for column in table.columns],
                            [column.kind is Kind.TEXT for column in table.columns], table.total is not None)


def words(pdf: Path) -> Counter[str]:
    """Return the words of a PDF as pdftotext reads them."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return Counter(text.split())


def pages(pdf: Path) -> int:
    """Return a PDF's page count."""
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


class Report:
    """One report timed: the app reads its figures and writes its PDF; the floor draws its cells."""

    def __init__(self, database: Database, kind: ReportKind, scope_id: str, year: int, quarter: int, out: Path):
        self.database, self.kind, self.scope_id, self.year, self.quarter = database, kind, scope_id, year, quarter
        self.out = out
        with UnitOfWork(database) as uow:
            self.draft, self.figures = reports.draft_with_figures(uow, kind, scope_id, year, quarter)
        self.rows = rows(self.figures)
        self.tables = [plain(table) for table in annex_tables(self.figures)]

    def app(self) -> bytes:
        """Read the figures anew and write the PDF, as opening a stored report does."""
        with UnitOfWork(self.database) as uow:
            figures = report_data.figures(uow, self.kind, self.scope_id, self.year, self.quarter)
        return pdf_bytes(reports.compose(self.draft, figures))

    def pdf(self) -> bytes:
        """Write the PDF from the figures read before timing: the PDF's share of the app's side."""
        return pdf_bytes(reports.compose(self.draft, self.figures))

    def floor(self) -> bytes:
        """Draw the same cells with reportlab alone."""
        return floor.pdf_bytes(self.tables)

    def check(self) -> None:
        """Write both PDFs and check every word the floor drew is in the app's PDF."""
        app_pdf, floor_pdf = self.out / f"report_{self.kind.value}.pdf", self.out / f"floor_{self.kind.value}.pdf"
        app_pdf.write_bytes(self.app())
        floor_pdf.write_bytes(self.floor())
        missing = words(floor_pdf) - words(app_pdf)
        assert not missing, f"the app's PDF lacks words the floor drew: {list(missing.items())[:10]}"
        self.pages = pages(app_pdf)

    def pairs(self, title: str, aim_seconds: float) -> list[Pair]:
        """Return the harness's pair for this report, and its PDF alone against the same floor for reference."""
        return [Pair(f"{title} ({self.rows:,} rows), data + PDF", timed(self.app), timed(self.floor), aim_ratio=1.5,
                     aim_seconds=aim_seconds, check=self.check),
                Pair(f"reference: {title}, its PDF alone", timed(self.pdf), timed(self.floor))]


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark."""
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if not args.db.exists():
        subprocess.run([sys.executable, "-m", "grassroots_app.cli", "--db", str(args.db), "demo"], check=True)
    year, quarter = (int(part) for part in args.quarter.upper().split("-Q"))
    database = Database.attach(resolve_url(str(args.db)))  # only read: not migrated, no backup
    with UnitOfWork(database) as uow:
        cluster = args.cluster or busiest_cluster(uow, year, quarter)
        area = resolve_unit(uow, args.area) if args.area else None
    busiest = Report(database, ReportKind.CLUSTER, cluster, year, quarter, args.out)
    timed_reports = [(busiest, "busiest cluster report", 2.0)]
    if area is not None:
        timed_reports.append((Report(database, ReportKind.AREA, area.id, year, quarter, args.out),
                              f"{area.name} report", 15.0))
    compare([pair for shown, title, aim in timed_reports for pair in shown.pairs(title, aim)], args.runs)
    for shown, title, _aim in timed_reports:
        print(f"{title}: {shown.pages:,} pages")


if __name__ == "__main__":
    main()
