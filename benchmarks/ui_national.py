"""Benchmark: the hierarchy tree and the search box on the national demo database, offscreen.

Run from the repository root:

    .venv/bin/python benchmarks/ui_national.py [--db PATH] [--repeat 7] [--province 79]

Times (a) building the tree (model and view) up to its first paint, (b) expanding a province, a commune
and a hamlet, (c) one search keystroke from the text to the painted hits. The database is the one
benchmarks/coverage_national.py builds; it is built (and kept) when missing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QModelIndex, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from benchmarks.coverage_national import DEFAULT_DB, backed_up_today, build, table  # noqa: E402
from grassroots_app.demo.build import DEMO_DATE  # noqa: E402
from grassroots_app.domain.model import Preset  # noqa: E402
from grassroots_app.domain.text import fold  # noqa: E402
from grassroots_app.persistence.database import Database  # noqa: E402
from grassroots_app.services import browse  # noqa: E402
from grassroots_app.services.units import resolve_unit  # noqa: E402
from grassroots_app.ui.context import AppContext  # noqa: E402
from grassroots_app.ui.errors import ErrorReporter  # noqa: E402
from grassroots_app.ui.settings import WindowSettings  # noqa: E402
from grassroots_app.ui.units.hierarchy_view import HierarchyTree  # noqa: E402
from grassroots_app.ui.units.search import SearchBox  # noqa: E402
from grassroots_app.ui.units.tree_model import NodeKind  # noqa: E402

TARGETS = {"expand": 0.050, "keystroke": 0.100}
PROVINCE_CODE = "79"  # Thành phố Hồ Chí Minh, the province with the most communes


class PaintWatch(QObject):
    """Notes when a widget has been painted."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Remember a paint event."""
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False

    def wait(self, app: QApplication, widget: QWidget) -> None:
        """Process events until the widget has been painted again."""
        self.painted = False
        widget.update()
        while not self.painted:
            app.processEvents()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="the national SQLite file (built when missing)")
    parser.add_argument("--repeat", type=int, default=7, help="timed runs of each step")
    parser.add_argument("--province", default=PROVINCE_CODE, help="official code of the province to expand")
    return parser.parse_args(argv)


def open_database(path: Path) -> Database:
    """Open the national database, building it first when it does not exist."""
    existed = path.exists()
    database = Database.open(str(path), backup=False)
    if not existed:
        seconds, _summary = build(database, Preset.TWO_LEVEL)
        print(f"Built the national demo in {seconds:.1f} s.")
    return database


def make_context(database: Database, folder: Path) -> AppContext:
    """Return a window context on the database, dated on the demo day, with settings in a scratch folder."""
    errors = ErrorReporter(folder / "grassroots.log", show_dialogs=False)
    return AppContext(database, WindowSettings(folder / "settings.ini"), errors, as_of=DEMO_DATE)


def timed(action: Callable[[], object]) -> float:
    """Return the seconds an action took."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def first_paint(app: QApplication, context: AppContext) -> tuple[float, HierarchyTree]:
    """Build the tree, show it and wait for its first paint; return the time and the tree."""
    start = time.perf_counter()
    tree = HierarchyTree(context)
    watch = PaintWatch(tree.view.viewport())
    tree.resize(600, 900)
    tree.show()
    while not watch.painted:
        app.processEvents()
    return time.perf_counter() - start, tree


def expand(app: QApplication, tree: HierarchyTree, index: QModelIndex) -> float:
    """Expand a row (reading its children) and wait for the repaint; return the time."""
    watch = PaintWatch(tree.view.viewport())
    start = time.perf_counter()
    tree.view.expand(index)
    watch.wait(app, tree.view.viewport())
    return time.perf_counter() - start


def expansions(app: QApplication, context: AppContext, province_id: str, grouped: bool) -> dict[str, float]:
    """Open a fresh tree and time expanding the province, then its largest commune, then a hamlet."""
    _seconds, tree = first_paint(app, context)
    model = tree.model
    model.set_group_by_cluster(grouped)
    times = {"province": expand(app, tree, model.index_of_id(province_id))}
    parent = model.index_of_id(province_id)
    if grouped:
        cluster = max(model.node(parent).children, key=lambda node: node.child_count)  # type: ignore[union-attr]
        times["cluster"] = expand(app, tree, model.index_of_id(cluster.id))
        parent = model.index_of_id(cluster.id)
    units = [node for node in model.node(parent).children if node.kind is NodeKind.UNIT]  # type: ignore[union-attr]
    commune = max(units, key=lambda node: node.child_count)
    times[f"commune ({commune.child_count} hamlets)"] = expand(app, tree, model.index_of_id(commune.id))
    hamlet = max(commune.children, key=lambda node: node.child_count)
    times[f"hamlet ({hamlet.child_count} groups)"] = expand(app, tree, model.index_of_id(hamlet.id))
    tree.close()
    tree.deleteLater()
    return times


def prefixes(context: AppContext, province_id: str) -> list[str]:
    """Return 3- to 6-letter folded prefixes of real names: a province, communes, a hamlet, a group kind."""
    commune = context.read(browse.children, province_id, DEMO_DATE)[7]
    hamlet = context.read(browse.children, commune.id, DEMO_DATE)[3]
    words = [fold(name).split(" ", 1)[-1] for name in (commune.name, hamlet.name)]
    return ["ho c", words[0][:3], words[0][:6], "xa " + words[0][:3], words[1][:4], "phuong"]


def keystroke(app: QApplication, box: SearchBox, text: str) -> float:
    """Put the text in the field, run its search and wait for the hits to be painted; return the time."""
    box.edit.setText(text[:-1])
    box.search_now()
    watch = PaintWatch(box.results.viewport())
    start = time.perf_counter()
    box.edit.setText(text)
    box.search_now()
    watch.wait(app, box.results.viewport())
    return time.perf_counter() - start


def row(name: str, times: list[float], target: float | None) -> tuple[str, ...]:
    """Return one line of the figures table, in milliseconds."""
    median = statistics.median(times)
    met = "" if target is None else ("yes" if median < target else "NO")
    limit = "" if target is None else f"{target * 1000:.0f}"
    return name, f"{min(times) * 1000:.1f}", f"{median * 1000:.1f}", limit, met


def collect(app: QApplication, context: AppContext, args: argparse.Namespace) -> list[tuple[str, ...]]:
    """Run every timed step `repeat` times and return the table rows."""
    province_id = context.read(resolve_unit, args.province).id
    rows = [("step", "min ms", "median ms", "target ms", "met")]
    paints = []
    for _ in range(args.repeat):
        seconds, tree = first_paint(app, context)
        paints.append(seconds)
        tree.close()
        tree.deleteLater()
    rows.append(row("tree built and first painted", paints, None))
    for grouped in (False, True):
        runs = [expansions(app, context, province_id, grouped) for _ in range(args.repeat)]
        for step in runs[0]:
            label = ("cluster mode: " if grouped else "expand ") + step
            rows.append(row(label, [run[step] for run in runs], TARGETS["expand"]))
    box = SearchBox(context)
    box.resize(400, 600)
    box.show()
    for text in prefixes(context, province_id):
        times = [keystroke(app, box, text) for _ in range(args.repeat)]
        rows.append(row(f"keystroke '{text}' ({box.results.count()} hits)", times, TARGETS["keystroke"]))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    args = parse_args(argv)
    app = QApplication.instance() or QApplication([])
    backed_up_today(args.db)
    database = open_database(args.db)
    try:
        with tempfile.TemporaryDirectory() as folder:
            context = make_context(database, Path(folder))
            print(f"Database: {args.db}; province {args.province}; {args.repeat} runs each; as of {DEMO_DATE}")
            print(table(collect(app, context, args)))
    finally:
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
