"""Measure the app against a floor in the same run: interleaved runs, min and median, the ratio.

A benchmark script builds a list of `Pair`s (what the app does, the floor written by hand that gives the same
answer) and calls `compare`, which first checks the answers agree, then times app and floor turn about, so a change
in the machine's load falls on both alike, and prints one row per pair with the ratio of the medians and its aim.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

Timer = Callable[[], float]
"""Runs once and returns the seconds it took (as it measured them: a child process may report its own)."""


COMPILE = "import compileall, grassroots_app, os; compileall.compile_dir(os.path.dirname(grassroots_app.__file__), quiet=1)"


def compile_app() -> None:
    """Write the byte-code of the grassroots_app that fresh processes import, as an installed copy has it.

    Without it a timed start compiles every module of the app from source wherever PYTHONDONTWRITEBYTECODE is set
    (about 0.1 s); an installation reads byte-code.
    """
    with tempfile.TemporaryDirectory() as elsewhere:  # not the working folder: the children do not import from it
        subprocess.run([sys.executable, "-c", COMPILE], check=True, cwd=elsewhere)


def timed(work: Callable[[], object]) -> Timer:
    """A timer for work measured from the outside, wall-clock."""

    def run() -> float:
        started = time.perf_counter()
        work()
        return time.perf_counter() - started

    return run


@dataclass(frozen=True)
class Pair:
    """One row of the table: the app's way and the floor's way to the same answer."""

    name: str
    app: Timer
    floor: Timer | None
    aim_ratio: float | None = None
    aim_seconds: float | None = None
    check: Callable[[], None] | None = None
    """Raises AssertionError when the app and the floor disagree; run once before timing."""


@dataclass(frozen=True)
class Row:
    """The figures of one pair."""

    pair: Pair
    app: list[float]
    floor: list[float]

    @property
    def ratio(self) -> float | None:
        """Median of the app over median of the floor."""
        if not self.floor:
            return None
        return statistics.median(self.app) / statistics.median(self.floor)

    def line(self) -> str:
        """The row as a Markdown table line."""
        ratio = self.ratio
        aims = [f"< {self.pair.aim_seconds:g} s" if self.pair.aim_seconds else "",
                f"≤ {self.pair.aim_ratio:g}×" if self.pair.aim_ratio else ""]
        floor = f"{_seconds(self.floor)}" if self.floor else "—"
        shown = f"{ratio:.2f}×" if ratio is not None else "—"
        met = _met(self, ratio)
        return f"| {self.pair.name} | {_seconds(self.app)} | {floor} | {shown} | {' / '.join(a for a in aims if a) or '—'} | {met} |"


def _seconds(figures: list[float]) -> str:
    return f"{min(figures):.3f} / {statistics.median(figures):.3f}"


def _met(row: Row, ratio: float | None) -> str:
    checks = []
    if row.pair.aim_ratio is not None and ratio is not None:
        checks.append(ratio <= row.pair.aim_ratio)
    if row.pair.aim_seconds is not None:
        checks.append(statistics.median(row.app) < row.pair.aim_seconds)
    if not checks:
        return "—"
    return "yes" if all(checks) else "no"


HEADER = ("| measure | app s (min / median) | floor s (min / median) | ratio of medians | aim | met |\n"
          "| --- | --- | --- | --- | --- | --- |")


def load_line() -> str:
    """The machine's load average and processor count, for the record."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} processors"


def compare(pairs: list[Pair], runs: int = 5) -> list[Row]:
    """Check each pair's answers agree, then time them interleaved and print the table."""
    for pair in pairs:
        if pair.check is not None:
            pair.check()
    app: dict[str, list[float]] = {pair.name: [] for pair in pairs}
    floor: dict[str, list[float]] = {pair.name: [] for pair in pairs}
    print(f"before: {load_line()}", flush=True)
    for run in range(runs):
        for pair in pairs:
            sides = [(app, pair.app), (floor, pair.floor)]
            for figures, timer in sides if run % 2 == 0 else reversed(sides):
                if timer is not None:
                    figures[pair.name].append(timer())
    rows = [Row(pair, app[pair.name], floor[pair.name]) for pair in pairs]
    print(f"after: {load_line()}; {runs} runs each, app and floor alternated")
    print(HEADER)
    for row in rows:
        print(row.line())
    return rows
