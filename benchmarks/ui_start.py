"""Time from process start to the first painted main window, on the national database.

    .venv/bin/python benchmarks/ui_start.py [--db benchmarks/out/national.sqlite] [--runs 5]

Each run is a fresh process (imports included), started offscreen; it prints the figure it measured.
Build the database first with benchmarks/coverage_national.py.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

DEFAULT_DB = Path(__file__).resolve().parent / "out" / "national.sqlite"
MARKER = "first-paint-seconds="


def measure_once(database: Path) -> None:
    """Open the real main window and print the time to its first paint (child process)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from grassroots_app.ui.app import build_window, parse_arguments

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                print(f"{MARKER}{time.perf_counter() - STARTED:.3f}", flush=True)
                QApplication.quit()
            return False

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        arguments = parse_arguments(["--db", str(database), "--settings", str(Path(scratch) / "s.ini")])
        window = build_window(arguments)
        watcher = FirstPaint()
        window.installEventFilter(watcher)
        window.show()
        app.exec()
        window.context.tasks.pool.clear()
        os._exit(0)  # the background counts may still run; the figure is taken


def main() -> int:
    """Run several fresh processes and print min and median."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        measure_once(arguments.db)
        return 0
    if not arguments.db.exists():
        print(f"{arguments.db} is missing: build it with benchmarks/coverage_national.py", file=sys.stderr)
        return 1
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.coverage_national import backed_up_today  # noqa: PLC0415 - the timed children import nothing more

    backed_up_today(arguments.db)
    environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    figures = []
    for _ in range(arguments.runs):
        output = subprocess.run(
            [sys.executable, __file__, "--child", "--db", str(arguments.db)],
            capture_output=True, text=True, env=environment, check=True,
        ).stdout
        figures.append(float(next(line for line in output.splitlines() if line.startswith(MARKER))[len(MARKER):]))
    print(f"start to first painted window ({arguments.db.name}, {arguments.runs} runs): "
          f"min {min(figures):.2f} s, median {statistics.median(figures):.2f} s (aim: under 1.5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
