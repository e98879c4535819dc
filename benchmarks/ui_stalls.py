"""How long the UI thread is blocked while the main window loads its background work on the national database.

    .venv/bin/python benchmarks/ui_stalls.py [--db benchmarks/out/national.sqlite] [--settle 2]

Opens the real main window offscreen, then a 10 ms timer on the UI thread records the gap between its
ticks until every background task (gap marks, roster, unit panel) has finished and `--settle` seconds
more have passed; then moves the "as of" date back a day (everything is counted and loaded again) and
probes until that work is done too; then makes a series of typical edits through the window's context (add a
cadre, assign them to a hamlet, rate a commune, record and delete a meeting, undo, redo), each once the work of
the one before is done. Prints the longest gap and every gap over 100 ms (aim: none), and each edit's time from
asking for it to its announcement (it runs on a worker thread).
Build the database first with benchmarks/coverage_national.py --keep.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.coverage_national import backed_up_today  # noqa: E402
from grassroots_app.domain.calendar import MeetingCategory  # noqa: E402
from grassroots_app.domain.meetings import Meeting  # noqa: E402
from grassroots_app.domain.model import Cadre, Tier, new_id  # noqa: E402
from grassroots_app.domain.ratings import Grade, Rating  # noqa: E402
from grassroots_app.services import assignments, browse, cadres, meetings, ratings  # noqa: E402
from grassroots_app.services.workspace import UnitOfWork  # noqa: E402
from grassroots_app.ui.app import build_window, parse_arguments  # noqa: E402
from grassroots_app.ui.context import AppContext  # noqa: E402
from grassroots_app.ui.main_window import MainWindow  # noqa: E402

DEFAULT_DB = ROOT / "benchmarks" / "out" / "national.sqlite"
TICK_MS = 10
LIMIT_S = 0.100


class Probe:
    """Records the gaps between ticks of a short timer on the UI thread."""

    def __init__(self) -> None:
        self.gaps: list[tuple[float, float]] = []  # (seconds since start, gap)
        self.started = self.last = time.perf_counter()
        self.timer = QTimer(interval=TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        """Note the time since the previous tick."""
        now = time.perf_counter()
        self.gaps.append((now - self.started, now - self.last))
        self.last = now


def rate_otherwise(uow: UnitOfWork, unit_id: str, year: int) -> Rating:
    """Rate a unit for the first quarter with another grade than it has (an edit that changes something each run;
    read in the edit, on its worker thread, not on the UI thread being probed)."""
    rated = ratings.ratings_at(uow, unit_id, year, 1)[0].rating
    grade = Grade.EXCELLENT if rated is not None and rated.grade is Grade.GOOD else Grade.GOOD
    return ratings.set_rating(uow, unit_id, year, 1, grade)


def first_commune_and_hamlet(context: AppContext) -> tuple[str, str]:
    """Return the ids of the first province's first commune and of its first hamlet (read before probing: a clerk
    finds them in the tree, not in one turn of the event loop)."""
    province = context.read(browse.children, None, context.as_of)[0]
    commune = context.read(browse.children, province.id, context.as_of)[0]
    return commune.id, context.read(browse.children, commune.id, context.as_of)[0].id


def typical_edits(window: MainWindow, commune: str, hamlet: str) -> list[tuple[str, Callable[[], object]]]:
    """Return the edits to time, each a name and a call, on a commune and a hamlet (the commune shown in the unit
    panel, as a clerk would have it)."""
    context: AppContext = window.context
    window.panel.show_target(commune)
    made: dict[str, str] = {}

    def add_cadre() -> None:
        context.edit("add", cadres.add_cadre, Cadre(new_id(), "Nguyễn Văn Đo Thử", Tier.COMMUNE),
                     on_done=lambda cadre: made.update(cadre=cadre.id))

    def add_meeting() -> None:
        meeting = Meeting("", "Họp đo thử", datetime.combine(context.as_of, datetime.min.time()).replace(hour=8),
                          60, MeetingCategory.COMMITTEE, attendee_ids=(made["cadre"],))
        context.edit("meet", meetings.add_meeting, meeting, on_done=lambda view: made.update(meeting=view.meeting.id))

    return [
        ("add a cadre", add_cadre),
        ("assign", lambda: context.edit(
            "assign", assignments.assign, assignments.NewAssignment(made["cadre"], hamlet, context.as_of))),
        ("rate a commune", lambda: context.edit(
            "rate", rate_otherwise, commune, context.as_of.year)),
        ("record a meeting", add_meeting),
        ("delete the meeting", lambda: context.edit("delete", meetings.delete_meeting, made["meeting"])),
        ("undo", context.undo_last),
        ("redo", context.redo_next),
    ]


def main() -> int:  # noqa: PLR0915 - one script, read top to bottom
    """Open the window, probe until the background work is done, print the stalls."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--settle", type=float, default=2.0, help="seconds to keep probing after the work")
    arguments = parser.parse_args()
    if not arguments.db.exists():
        print(f"{arguments.db} is missing: build it with benchmarks/coverage_national.py --keep", file=sys.stderr)
        return 1
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        backed_up_today(arguments.db)
        options = parse_arguments(["--db", str(arguments.db), "--settings", str(Path(scratch) / "s.ini")])
        window = build_window(options)
        window.context.errors.show_dialogs = False  # a refused edit is printed at the end, not a message to click
        window.show()
        places = first_commune_and_hamlet(window.context)
        probe = Probe()
        idle_since: list[float] = []
        phases = ["edits", "as-of change", "start"]
        edits: list[tuple[str, Callable[[], object]]] = []
        timed: list[tuple[str, float, float]] = []  # (edit, seconds since start, its own time)
        began: list[tuple[str, float]] = []  # the edit under way: its name and start

        def edit_done(_changes: object) -> None:  # each edit, undo and redo announces what it changed when done
            if began:
                name, at = began.pop()
                timed.append((name, at - probe.started, time.perf_counter() - at))

        window.context.events.data_changed.connect(edit_done)

        def check_done() -> None:
            if window.context.tasks.busy or window.context.editing or window.marks_timer.isActive():
                idle_since.clear()
                return
            idle_since.append(time.perf_counter()) if not idle_since else None
            if time.perf_counter() - idle_since[0] < arguments.settle:
                return
            idle_since.clear()
            if phases[-1] == "edits" and edits:
                name, edit = edits.pop(0)
                began.append((name, time.perf_counter()))
                edit()  # a refusal is shown in a message (logged: no dialogs here)
                return
            print(f"{phases.pop()} done at {time.perf_counter() - probe.started:.1f} s")
            if phases == ["edits", "as-of change"]:
                window.context.set_as_of(window.context.as_of - timedelta(days=1))
            elif phases == ["edits"]:
                edits.extend(typical_edits(window, *places))
            else:
                app.quit()

        watcher = QTimer(interval=50)
        watcher.timeout.connect(check_done)
        watcher.start()
        app.exec()
        window.close()
    if window.context.errors.last_message:
        print(f"  refused: {window.context.errors.last_message}")
    stalls = [(at, gap) for at, gap in probe.gaps if gap > LIMIT_S]
    longest = max(gap for _at, gap in probe.gaps)
    print(f"UI thread probed for {probe.gaps[-1][0]:.1f} s ({len(probe.gaps)} ticks of {TICK_MS} ms): "
          f"longest gap {longest * 1000:.0f} ms (aim: under {LIMIT_S * 1000:.0f} ms)")
    for at, gap in stalls:
        print(f"  at {at:6.2f} s: blocked {gap * 1000:.0f} ms")
    for name, at, took in timed:
        during = [gap for when, gap in probe.gaps if at <= when <= at + took + 1.0]
        print(f"  edit {name!r} at {at:6.2f} s done in {took * 1000:.0f} ms; longest gap in its second: "
              f"{max(during, default=0) * 1000:.0f} ms")
    longest_five = sorted(probe.gaps, key=lambda item: -item[1])[:5]
    print("five longest: " + ", ".join(f"{gap * 1000:.0f} ms at {at:.1f} s" for at, gap in longest_five))
    return 0


if __name__ == "__main__":
    sys.exit(main())
