"""The window's memory on the national database: resident size once its loads settle, and after an "as of" change.

    .venv/bin/python benchmarks/ui_memory.py [--db /work/bench/national.sqlite] [--runs 3]

Each run is a fresh process, offscreen: the real main window opens on the database, waits until every background
read has been shown (tree, roster, coverage marks), and prints its resident set size (VmRSS); then the "as of" day
moves back a quarter, the loads settle again, and it prints the size once more. The floor is a bare QMainWindow
shown in a fresh process. The aim is under 300 MB at every moment measured.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

MARKER = "rss-mib="
AIM_MIB = 300 * 1000 * 1000 / 2**20  # 300 MB
SETTLE_SECONDS = 1.0  # no background read for this long: the loads have settled


def rss_mib() -> float:
    """Return this process's resident set size in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def settle(app: object, busy: object) -> None:
    """Process events until no background read has run for a while."""
    quiet_since = time.perf_counter()
    while time.perf_counter() - quiet_since < SETTLE_SECONDS:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)
        if busy():  # type: ignore[operator]
            quiet_since = time.perf_counter()


def window_child(database: Path) -> None:
    """Open the main window, let it settle, print the RSS; move "as of" back, settle, print again."""
    from PySide6.QtWidgets import QApplication

    from grassroots_app.ui.app import build_window, parse_arguments

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        window = build_window(parse_arguments(["--db", str(database), "--settings", str(Path(scratch) / "s.ini")]))
        window.show()
        context = window.context
        settle(app, lambda: context.tasks.busy or window.roster.model.total == 0)
        print(f"{MARKER}{rss_mib():.1f}", flush=True)
        context.set_as_of(context.as_of - timedelta(days=91))
        settle(app, lambda: context.tasks.busy)
        print(f"{MARKER}{rss_mib():.1f}", flush=True)
        context.tasks.pool.clear()
        os._exit(0)


def bare_child() -> None:
    """Show a bare main window, let it paint, print the RSS."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1200, 800)
    window.show()
    settle(app, lambda: False)
    print(f"{MARKER}{rss_mib():.1f}", flush=True)
    os._exit(0)


def measured(*arguments: str) -> list[float]:
    """Run a child of this script and return the sizes it printed."""
    environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    output = subprocess.run([sys.executable, __file__, *arguments], capture_output=True, text=True,
                            env=environment, check=True).stdout
    return [float(line[len(MARKER):]) for line in output.splitlines() if line.startswith(MARKER)]


def figures(values: list[float]) -> str:
    """Min / median / max in MiB."""
    return f"{min(values):.0f} / {statistics.median(values):.0f} / {max(values):.0f}"


def main() -> int:
    """Measure the window and the floor in fresh processes, turn about, and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path(__file__).resolve().parent / "out" / "national.sqlite")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=("window", "bare"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child == "window":
        window_child(arguments.db)
    elif arguments.child == "bare":
        bare_child()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.coverage_national import backed_up_today
    from benchmarks.harness import load_line

    backed_up_today(arguments.db)
    settled, changed, bare = [], [], []
    print(f"before: {load_line()}", flush=True)
    for _ in range(arguments.runs):
        first, after = measured("--child", "window", "--db", str(arguments.db))
        settled.append(first)
        changed.append(after)
        bare += measured("--child", "bare")
    print(f"after: {load_line()}; {arguments.runs} fresh processes each")
    print("| measure | window MiB (min / median / max) | bare window MiB | aim | met |\n| --- | --- | --- | --- | --- |")
    for name, values in (("loads settled", settled), ('after an "as of" change', changed)):
        met = "yes" if max(values) < AIM_MIB else "no"
        print(f"| {name} | {figures(values)} | {figures(bare)} | < 300 MB ({AIM_MIB:.0f} MiB) | {met} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
