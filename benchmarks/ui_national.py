"""Benchmark: expanding the hierarchy tree and the search keystrokes on the national demo database, offscreen.

Run from the repository root:

    .venv/bin/python benchmarks/ui_national.py [--db PATH] [--runs 5] [--province 79]

Each expansion (the province, its commune with the most hamlets, that commune's hamlet with the most groups) is
timed in a fresh tree from the expand call to the repaint, against the floor benchmarks/floors/bare_tree.py (a bare
QTreeView over a QStandardItemModel holding the same children's names, expanded the same way), turn about
(benchmarks/harness.py). A keystroke is timed twice: how long it holds the UI thread (aim 100 ms: the search runs
in a worker process), and from the text to the painted hits. The database is the one
benchmarks/coverage_national.py builds; it is built (and kept) when missing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from benchmarks.coverage_national import DEFAULT_DB, backed_up_today, build  # noqa: E402
from benchmarks.floors import bare_tree  # noqa: E402
from benchmarks.harness import Pair, compare  # noqa: E402
from grassroots_app.demo.build import DEMO_DATE  # noqa: E402
from grassroots_app.domain.model import Preset  # noqa: E402
from grassroots_app.domain.text import fold  # noqa: E402
from grassroots_app.persistence.database import Database  # noqa: E402
from grassroots_app.services import browse  # noqa: E402
from grassroots_app.services.browse import NodeRow  # noqa: E402
from grassroots_app.services.units import resolve_unit  # noqa: E402
from grassroots_app.ui.context import AppContext  # noqa: E402
from grassroots_app.ui.errors import ErrorReporter  # noqa: E402
from grassroots_app.ui.settings import WindowSettings  # noqa: E402
from grassroots_app.ui.units.hierarchy_view import HierarchyTree  # noqa: E402
from grassroots_app.ui.units.search import SearchBox  # noqa: E402

EXPAND_AIM = (2.0, 0.030)  # at most twice the bare tree, under 30 ms
KEYSTROKE_AIM = 0.100
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
        """Process events until the widget has been painted again (or hidden: a search without hits)."""
        self.painted = False
        widget.update()
        while not self.painted and widget.isVisible():
            app.processEvents()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="the national SQLite file (built when missing)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each side")
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


def painted_tree(app: QApplication, context: AppContext, opened: Sequence[str]) -> HierarchyTree:
    """Build a fresh tree, expand the rows of a path above the one to time and wait for the paint (untimed)."""
    tree = HierarchyTree(context)
    tree.resize(600, 900)
    tree.show()
    for node_id in opened:
        tree.view.expand(tree.model.index_of_id(node_id))
    PaintWatch(tree.view.viewport()).wait(app, tree.view.viewport())
    return tree


def app_expand(app: QApplication, context: AppContext, path: Sequence[NodeRow]) -> Callable[[], float]:
    """The app's side: expand the last row of the path in a fresh tree, timed up to the repaint."""

    def run() -> float:
        tree = painted_tree(app, context, [row.id for row in path[:-1]])
        watch = PaintWatch(tree.view.viewport())
        started = time.perf_counter()
        tree.view.expand(tree.model.index_of_id(path[-1].id))
        watch.wait(app, tree.view.viewport())
        seconds = time.perf_counter() - started
        tree.close()
        tree.deleteLater()
        return seconds

    return run


def expand_pair(app: QApplication, context: AppContext, label: str, path: Sequence[NodeRow]) -> Pair:
    """Expanding the last row of a path: the app's tree against the bare tree holding the same children."""
    children = context.read(browse.children, path[-1].id, DEMO_DATE)
    names = [(row.name, row.kind) for row in children]
    levels = []  # the rows of each level the app's tree holds, and which one leads down
    for parent, row in zip([None, *path[:-1]], path, strict=True):
        siblings = context.read(browse.children, parent.id if parent else None, DEMO_DATE)
        levels.append(([(sibling.name, sibling.kind) for sibling in siblings],
                       [sibling.id for sibling in siblings].index(row.id)))

    def check() -> None:
        tree = painted_tree(app, context, [row.id for row in path])
        index = tree.model.index_of_id(path[-1].id)
        shown = [str(tree.model.index(row, 0, index).data()) for row in range(tree.model.rowCount(index))]
        floor = bare_tree.BareTree(levels, names)
        assert shown == floor.shown_children(), label
        tree.close()
        floor.close()

    return Pair(f"expand {label} ({len(children)} children)", app_expand(app, context, path),
                lambda: bare_tree.expand_once(levels, names),
                aim_ratio=EXPAND_AIM[0], aim_seconds=EXPAND_AIM[1], check=check)


def biggest(context: AppContext, parent: NodeRow) -> NodeRow:
    """Return the child of a row with the most children."""
    return max(context.read(browse.children, parent.id, DEMO_DATE), key=lambda row: row.child_count)


def prefixes(context: AppContext, province_id: str) -> list[str]:
    """Return 3- to 6-letter folded prefixes of real names: a province, communes, a hamlet, a group kind."""
    commune = context.read(browse.children, province_id, DEMO_DATE)[7]
    hamlet = context.read(browse.children, commune.id, DEMO_DATE)[3]
    words = [fold(name).split(" ", 1)[-1] for name in (commune.name, hamlet.name)]
    return list(dict.fromkeys(["ho c", "an nho", words[0][:3], words[0][:6], "xa " + words[0][:3], words[1][:4],
                               "phuong"]))


def keystroke(app: QApplication, box: SearchBox, text: str, blocked: bool) -> float:
    """Type the last letter of the text and search: the UI thread's share (blocked), or up to the painted hits."""
    box.edit.setText(text[:-1])
    box.search_now()
    while getattr(box, "searching", False):  # (a search box that searched on the UI thread had no such flag)
        app.processEvents()
    watch = PaintWatch(box.results.viewport())
    started = time.perf_counter()
    box.edit.setText(text)
    box.search_now()
    held = time.perf_counter() - started
    while getattr(box, "searching", False):  # (a search box that searched on the UI thread had no such flag)
        app.processEvents()
    watch.wait(app, box.results.viewport())
    return held if blocked else time.perf_counter() - started


def keystroke_pairs(app: QApplication, box: SearchBox, texts: Sequence[str]) -> list[Pair]:
    """Each keystroke: the UI thread held (aim 100 ms) and the painted hits (no floor, for the record)."""
    pairs = []
    for text in texts:
        pairs.append(Pair(f"keystroke '{text}': UI thread held", lambda t=text: keystroke(app, box, t, True),
                          None, aim_seconds=KEYSTROKE_AIM))
        pairs.append(Pair(f"keystroke '{text}': hits painted", lambda t=text: keystroke(app, box, t, False), None))
    return pairs


def collect(app: QApplication, context: AppContext, args: argparse.Namespace) -> None:
    """Build every pair and compare them."""
    province = context.read(browse.children, None, DEMO_DATE)
    province_row = next(row for row in province if row.id == context.read(resolve_unit, args.province).id)
    commune = biggest(context, province_row)
    hamlet = biggest(context, commune)
    pairs = [expand_pair(app, context, "province", [province_row]),
             expand_pair(app, context, "commune", [province_row, commune]),
             expand_pair(app, context, "hamlet", [province_row, commune, hamlet])]
    box = SearchBox(context)
    box.resize(400, 600)
    box.show()
    pairs += keystroke_pairs(app, box, prefixes(context, province_row.id))
    compare(pairs, args.runs)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    args = parse_args(argv)
    app = QApplication.instance() or QApplication([])
    backed_up_today(args.db)
    database = open_database(args.db)
    try:
        with tempfile.TemporaryDirectory() as folder:
            context = make_context(database, Path(folder))
            print(f"Database: {args.db}; province {args.province}; as of {DEMO_DATE}")
            collect(app, context, args)
            context.tasks.wait()
    finally:
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
