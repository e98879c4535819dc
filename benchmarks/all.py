"""Run every benchmark of the national table in one go and print its rows as one table.

    .venv/bin/python benchmarks/all.py [--db benchmarks/out/national.sqlite] [--runs 5] [--stalls 7]
                                       [--cluster ID] [--area 79] [--log benchmarks/out/all.log]

Each script runs in its own process, one after another, on the same database (migrated by the first script that
opens it: time a copy of a shared file). Every script checks its floor gives the same answer, then times app and
floor turn about; this runner keeps each script's table rows, the machine's load before and after, and the
longest UI-thread gap of each `ui_stalls.py` run, and prints them together at the end. The whole output of the
scripts goes to `--log`.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

HERE = Path(__file__).resolve().parent
ROW = re.compile(r"^\| (?!measure |---)")
LONGEST = re.compile(r"^UI thread probed .*")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=HERE / "out" / "national.sqlite")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each side")
    parser.add_argument("--stalls", type=int, default=7, help="runs of ui_stalls.py")
    parser.add_argument("--cluster", help="the cluster whose report to time (default: the script finds the busiest)")
    parser.add_argument("--area", default="79", help="the province whose report to time")
    parser.add_argument("--log", type=Path, default=HERE / "out" / "all.log")
    return parser.parse_args(argv)


def scripts(args: argparse.Namespace) -> list[list[str]]:
    """Return each script to run with its arguments, in the order of the issue's table."""
    db, runs = str(args.db), str(args.runs)
    report = ["report_render.py", "--db", db, "--area", args.area, "--runs", runs]
    if args.cluster:
        report += ["--cluster", args.cluster]
    return [
        ["ui_start.py", "--db", db, "--runs", runs],
        ["ui_national.py", "--db", db, "--runs", runs],
        *(["ui_stalls.py", "--db", db] for _ in range(args.stalls)),
        ["coverage_national.py", "--db", db, "--repeat", runs],
        report,
        ["import_groups.py", "--runs", runs],
        ["ui_memory.py", "--db", db, "--runs", runs],
        ["cli_start.py", "--runs", runs],
    ]


def run(command: list[str], log: TextIO) -> list[str]:
    """Run one script, copy its output to the log, return the lines this runner keeps."""
    print(f"running {' '.join(command)}", file=sys.stderr, flush=True)
    done = subprocess.run([sys.executable, str(HERE / command[0]), *command[1:]], capture_output=True, text=True,
                          check=False)
    print(f"$ {' '.join(command)}\n{done.stdout}{done.stderr}", file=log, flush=True)
    if done.returncode != 0:
        return [f"| {command[0]} failed (exit {done.returncode}): see the log | | | | | |"]
    kept = [line for line in done.stdout.splitlines() if ROW.match(line) or LONGEST.match(line)]
    loads = [line for line in done.stdout.splitlines() if line.startswith(("before: load", "after: load"))]
    return kept + [f"  ({command[0]}: {line})" for line in loads]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the scripts and print the table."""
    args = parse_args(argv)
    if not args.db.exists():
        print(f"{args.db} is missing: build it with benchmarks/coverage_national.py --keep", file=sys.stderr)
        return 1
    args.log.parent.mkdir(parents=True, exist_ok=True)
    with args.log.open("w", encoding="utf-8") as log:
        kept = [line for command in scripts(args) for line in run(command, log)]
    print("| measure | app (min / median) | floor (min / median) | ratio | aim | met |\n| --- | --- | --- | --- | --- | --- |")
    for line in kept:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
