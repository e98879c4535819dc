"""One of several processes trying, at the same moments, to assign one cadre to one hamlet over overlapping periods.

    python conflict_driver.py URL WORKER ROUNDS START LOG

In each round r it says it is ready (the file START.ready.r.WORKER), waits for the file START.r, then runs
`grassroots assign` (its own transaction, as the command line does) on hamlet r, open-ended from a day of
its own. Each attempt's exit status, output and any escaped traceback go to LOG as JSON lines.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import time
import traceback
from pathlib import Path

from grassroots_app.cli import main

CADRE, ROLE = "Trần Văn Hùng", "Cán bộ xã phụ trách thôn, tổ dân phố"
COMMUNE = "Tỉnh Vĩnh Long/Xã Long Hồ"


def hamlet(round_number: int) -> str:
    """Return the name of the hamlet of a round."""
    return f"Ấp {round_number + 1}"


def attempt(url: str, round_number: int, day: str) -> dict[str, object]:
    """Run one assignment and return its record."""
    out, err = io.StringIO(), io.StringIO()
    record: dict[str, object] = {"round": round_number, "day": day, "traceback": None}
    target = f"{COMMUNE}/{hamlet(round_number)}"
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            record["code"] = main(["--db", url, "assign", CADRE, target, "--role", ROLE, "--from", day, "--json"])
        except BaseException:  # noqa: BLE001 - what escaped main is the failure being counted
            record["code"], record["traceback"] = None, traceback.format_exc()
    record["out"], record["err"] = out.getvalue(), err.getvalue()
    return record


if __name__ == "__main__":
    url, worker, rounds, start, log = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
    records = []
    for number in range(rounds):
        Path(f"{start}.ready.{number}.{worker}").touch()
        while not Path(f"{start}.{number}").exists():
            time.sleep(0.001)
        records.append(attempt(url, number, f"2026-0{1 + worker % 9}-1{worker % 10}"))
    Path(log).write_text("\n".join(json.dumps(record, ensure_ascii=False) for record in records), encoding="utf-8")
