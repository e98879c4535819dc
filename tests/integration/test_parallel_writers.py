"""Three processes run 100 mixed commands each on one database at once (parallel_driver.py), on each engine.

Every command either succeeds or is refused by a rule of the model with a Vietnamese message (exit 2);
none dies with a traceback or fails because another process holds the database; every success is in the
database afterwards; and the rules still hold.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.cli.support import Cli
from tests.engines import is_file, rows
from tests.integration.parallel_driver import HAMLETS, SHARED_CADRES

DRIVER = Path(__file__).with_name("parallel_driver.py")
ROOT = DRIVER.parent.parent.parent
PROCESSES = 3
COMMANDS = 100
# The table where each command that makes something (and prints its id) keeps it.
MADE_IN = {("units", "add"): "unit", ("cadres", "add"): "cadre", ("assign",): "assignment",
           ("log", "add"): "activity", ("meetings", "add"): "meeting", ("recommendations", "add"): "recommendation"}


@pytest.fixture
def records(tmp_path: Path, database_location: str) -> tuple[str, list[dict[str, Any]]]:
    """Run the processes side by side on a small two-level database; return it and every command's record."""
    cli = Cli(database_location)
    assert cli("init", "--model", "two-level").code == 0
    assert cli("units", "add", "Tỉnh Vĩnh Long", "--from", "2025-01-01").code == 0
    assert cli("units", "add", "Xã Long Hồ", "--parent", "Tỉnh Vĩnh Long", "--from", "2025-01-01").code == 0
    for hamlet in HAMLETS:
        parent, name = hamlet.rsplit("/", 1)
        assert cli("units", "add", name, "--parent", parent, "--from", "2025-01-01").code == 0
    for name in SHARED_CADRES:
        assert cli("cadres", "add", name, "--tier", "commune").code == 0
    logs = [tmp_path / f"worker-{worker}.jsonl" for worker in range(PROCESSES)]
    processes = [
        subprocess.Popen([sys.executable, str(DRIVER), str(cli.db), str(worker), str(COMMANDS), str(log)],
                         cwd=ROOT, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        for worker, log in enumerate(logs)
    ]
    for process in processes:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    found = [json.loads(line) for log in logs for line in log.read_text(encoding="utf-8").splitlines()]
    return database_location, found


def test_every_command_succeeds_or_is_refused_by_a_rule(records: tuple[str, list[dict[str, Any]]]) -> None:
    database, found = records
    assert len(found) >= PROCESSES * COMMANDS
    crashed = [record for record in found if record["traceback"] or "Traceback" in record["err"]]
    assert not crashed, f"{len(crashed)} of {len(found)} commands crashed, first: {crashed[0]}"
    for record in found:
        assert record["code"] in (0, 2), record
        if record["code"] == 2:  # a refusal by a rule: the ordinary message, not a busy or locked database
            assert record["err"].startswith("Lỗi: "), record
            assert "locked" not in record["err"] and "bận" not in record["err"], record
    refused = sum(record["code"] == 2 for record in found)
    assert refused < len(found) // 4, f"{refused} of {len(found)} refused"
    for record in found:
        table = MADE_IN.get(tuple(record["args"][:1])) or MADE_IN.get(tuple(record["args"][:2]))
        if record["code"] == 0 and table:
            made = json.loads(record["out"])["id"]
            stored = rows(database, f"SELECT count(*) FROM {table} WHERE id = ?", made)  # noqa: S608
            assert stored == [(1,)], f"lost: {record}"
    if is_file(database):
        assert rows(database, "PRAGMA integrity_check") == [("ok",)]
    overlapping = rows(
        database,
        "SELECT count(*) FROM assignment a JOIN assignment b ON a.id < b.id AND a.cadre_id = b.cadre_id"
        " AND a.role = b.role AND coalesce(a.unit_id, a.cluster_id) = coalesce(b.unit_id, b.cluster_id)"
        " AND (b.end_date IS NULL OR a.start_date < b.end_date)"
        " AND (a.end_date IS NULL OR b.start_date < a.end_date)"
    )
    assert overlapping == [(0,)]
