"""The window's start and close on the national database, each in a fresh process started offscreen.

    .venv/bin/python benchmarks/ui_start.py [--db benchmarks/out/national.sqlite] [--runs 5]

- Start to first painted window: from starting the process (imports included) to the main window's first paint,
  turn about with the floor `benchmarks/floors/bare_window.py`, a fresh process showing a bare QMainWindow of the
  same size (aims: under 1 s, at most 3 times the floor). For reference, not a floor: the same bare window after
  importing SQLAlchemy's ORM and SQLModel, the libraries the app needs before it can open a database.
- Closing just after start: the window is closed as soon as it has painted; from that request to the process's
  end (the gap count and the other background reads have just started; aim: under 1 s, no floor).

Build the database first with benchmarks/coverage_national.py --keep. The children import grassroots_app as this
interpreter would (PYTHONPATH set to another checkout measures that one), from its byte-code, written first as an
installation has it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MARKER = "first-paint "
CLOSING = "closing"


def child(database: Path, close: bool) -> None:
    """Open the real main window; print its size at its first paint, then end at once, or close it as a clerk
    would and end as the application does."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from grassroots_app.ui.app import build_window, parse_arguments, set_manners

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and watched is window:
                watched.removeEventFilter(self)
                print(f"{MARKER}{window.width()}x{window.height()}", flush=True)
                if not close:
                    os._exit(0)  # the figure is taken: the background reads may still run
                print(CLOSING, flush=True)
                QTimer.singleShot(0, window.close)
            return False

    app = QApplication(sys.argv[:1])
    set_manners(app)
    with tempfile.TemporaryDirectory() as scratch:
        arguments = parse_arguments(["--db", str(database), "--settings", str(Path(scratch) / "s.ini")])
        window = build_window(arguments)
        watcher = FirstPaint()
        window.installEventFilter(watcher)
        window.show()
        app.exec()
        window.context.close()  # as grassroots_app.ui.app.main does once the event loop has ended


def _started(*command: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, *command], stdout=subprocess.PIPE, text=True)


def _until(process: subprocess.Popen[str], prefix: str) -> str:
    """Read the child's lines until one starts with the prefix; return it."""
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(prefix):
            return line.strip()
    raise AssertionError(f"the child ended without printing {prefix!r}")


def first_paint(*command: str) -> tuple[float, str]:
    """Start a child and return the seconds to its first-paint line, and the window size it printed."""
    started = time.perf_counter()
    process = _started(*command)
    line = _until(process, MARKER)
    elapsed = time.perf_counter() - started
    process.wait()
    return elapsed, line[len(MARKER):]


def close_after_start(database: Path) -> float:
    """Start the app, and return the seconds from the close request after its first paint to the process's end."""
    process = _started(__file__, "--child", "close", "--db", str(database))
    _until(process, CLOSING)
    asked = time.perf_counter()
    assert process.wait() == 0
    return time.perf_counter() - asked


def main() -> int:
    """Check the sizes agree, then time start and floor turn about, and the close."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path(__file__).resolve().parent / "out" / "national.sqlite")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=("start", "close"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        child(arguments.db, close=arguments.child == "close")
        return 0
    if not arguments.db.exists():
        print(f"{arguments.db} is missing: build it with benchmarks/coverage_national.py", file=sys.stderr)
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    root = str(Path(__file__).resolve().parent.parent)
    sys.path.insert(0, root)
    from benchmarks.coverage_national import backed_up_today  # noqa: PLC0415 - the timed children import nothing more
    from benchmarks.harness import Pair, compare, compile_app  # noqa: PLC0415

    backed_up_today(arguments.db)
    compile_app()
    app = (__file__, "--child", "start", "--db", str(arguments.db))
    size = first_paint(*app)[1]
    bare = (str(Path(__file__).resolve().parent / "floors" / "bare_window.py"), *size.split("x"))

    def same_size() -> None:
        assert first_paint(*bare)[1] == size, "the floor's window is not the app's size"

    compare([
        Pair("start to first painted window", lambda: first_paint(*app)[0], lambda: first_paint(*bare)[0],
             aim_ratio=3, aim_seconds=1, check=same_size),
        Pair("reference: the bare window after importing SQLAlchemy and SQLModel",
             lambda: first_paint(*bare, "--libraries")[0], lambda: first_paint(*bare)[0]),
        Pair("closing the window just after start", lambda: close_after_start(arguments.db), None, aim_seconds=1),
    ], arguments.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
