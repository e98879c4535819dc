"""One of several processes running the `grassroots` command line on one database file at once.

    python parallel_driver.py DATABASE WORKER COMMANDS LOG

Runs COMMANDS mixed commands (seeded by WORKER) through `grassroots_app.cli.main`, in this process, one
after the other, each opening the database as the command line does. Each command is written to LOG as
one JSON line: its arguments, exit status, standard output and error, and the traceback of an exception
that escaped main (there must be none). See test_parallel_writers.py.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from grassroots_app.cli import main

COMMUNE = "Tỉnh Vĩnh Long/Xã Long Hồ"
HAMLETS = [f"{COMMUNE}/Ấp {number}" for number in (1, 2, 3)]
SHARED_CADRES = ["Trần Văn Hùng", "Lê Thị Mai"]
FIELDS = ["land", "social_policy", "infrastructure", "other"]


class Worker:
    """The commands of one process, with what it created so far to refer to."""

    def __init__(self, database: str, worker: int, log: Path) -> None:
        self.database, self.worker, self.log = database, worker, log
        self.random = random.Random(worker)
        self.count = 0
        self.cadres: list[str] = list(SHARED_CADRES)
        self.assignments: list[str] = []

    def run(self, *args: str) -> dict[str, Any]:
        """Run one command, log it and return its record."""
        out, err = io.StringIO(), io.StringIO()
        record: dict[str, Any] = {"worker": self.worker, "args": list(args), "traceback": None}
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                record["code"] = main(["--db", self.database, *args])
            except BaseException:  # noqa: BLE001 - what escaped main is the failure being counted
                record["code"] = None
                record["traceback"] = traceback.format_exc()
        record["out"], record["err"] = out.getvalue(), err.getvalue()
        with self.log.open("a", encoding="utf-8") as file:
            file.write(json.dumps(record, ensure_ascii=False) + "\n")
        return record

    def created(self, record: dict[str, Any]) -> str | None:
        """Return the id a --json command printed when it succeeded."""
        return json.loads(record["out"])["id"] if record["code"] == 0 else None

    def add_unit(self) -> None:
        self.run("units", "add", f"Ấp W{self.worker} N{self.count}", "--parent", COMMUNE, "--from", "2025-01-01",
                 "--json")

    def add_cadre(self) -> None:
        made = self.created(self.run("cadres", "add", f"Cán bộ W{self.worker} N{self.count}", "--tier",
                                     "commune", "--json"))
        if made:
            self.cadres.append(made)

    def assign(self) -> None:
        """Assign a cadre (often one every process shares: the rules refuse a second overlapping one)."""
        cadre = self.random.choice(self.cadres)
        made = self.created(self.run("assign", cadre, self.random.choice(HAMLETS), "--from", "2025-08-01",
                                     "--json"))
        if made:
            self.assignments.append(made)

    def unassign(self) -> None:
        if not self.assignments:
            self.assign()
            return
        assignment = self.assignments.pop(self.random.randrange(len(self.assignments)))
        self.run("unassign", assignment, "--on", "2026-03-01", "--reason", "Chuyển công tác")

    def log_activity(self) -> None:
        self.run("log", "add", "--cadre", self.random.choice(self.cadres), "--target", self.random.choice(HAMLETS),
                 "--kind", "household_visit", "--date", "2025-09-02", "--minutes", "30", "--json")

    def add_meeting(self) -> None:
        self.run("meetings", "add", f"Họp W{self.worker} N{self.count}", "--on", "2025-09-10", "--json")

    def add_recommendation(self) -> None:
        self.run("recommendations", "add", "--unit", self.random.choice(HAMLETS), "--date", "2025-09-03",
                 "--cadre", self.random.choice(self.cadres), "--field", self.random.choice(FIELDS),
                 "--content", f"Kiến nghị W{self.worker} N{self.count}", "--json")

    def read(self) -> None:
        self.run(*self.random.choice([
            ("units", "list", "--under", COMMUNE, "--json"),
            ("cadres", "list", "--json"),
            ("coverage", "--on", "2025-09-01", "--json"),
            ("log", "list", "--json"),
        ]))

    def step(self) -> None:
        """Run one command chosen at random, writes more often than reads."""
        actions: list[Callable[[], None]] = [
            self.add_unit, self.add_cadre, self.assign, self.assign, self.unassign, self.log_activity,
            self.add_meeting, self.add_recommendation, self.read, self.read,
        ]
        self.random.choice(actions)()
        self.count += 1


def run(database: str, worker: int, commands: int, log: Path) -> None:
    """Run the worker's commands."""
    driver = Worker(database, worker, log)
    for _ in range(commands):
        driver.step()


if __name__ == "__main__":
    run(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
