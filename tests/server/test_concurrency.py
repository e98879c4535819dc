"""Clerks at once on one server: N processes × M rounds of conflicting assignments (conflict_driver.py).

In each round every process assigns the same cadre to the same hamlet, open-ended, at the same moment: any
two overlap, so exactly one may succeed. The others are refused with the usual message (exit 2, "Lỗi: …");
nothing escapes as a traceback; the no-overlap rule holds in the stored rows; the success is stored (nothing
lost) and audited under the login of the clerk who made it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grassroots_app.domain.model import Preset, Tier
from grassroots_app.persistence.database import Database
from grassroots_app.services import server
from tests.engines import ENGINES, POSTGRESQL, rows
from tests.integration.support import open_env
from tests.server.conflict_driver import CADRE, hamlet
from tests.server.conftest import Shared

pytestmark = pytest.mark.skipif(POSTGRESQL not in ENGINES, reason="no PostgreSQL server can run here (Windows)")
DRIVER = Path(__file__).with_name("conflict_driver.py")
ROOT = DRIVER.parent.parent.parent
PROCESSES, ROUNDS = 4, 8


def test_exactly_one_of_many_conflicting_assignments_succeeds(shared: Shared, tmp_path: Path) -> None:
    with shared.connect() as admin:
        admin.execute("TRUNCATE public.unit, public.cadre, public.setting, public.grasp_rule CASCADE")
        for (login,) in admin.execute("SELECT login FROM grassroots_server.clerk").fetchall():
            admin.execute(f'DROP ROLE IF EXISTS "{login}"')
        admin.execute("DELETE FROM grassroots_server.clerk_scope")
        admin.execute("DELETE FROM grassroots_server.clerk")
    env = open_env(shared.url, Preset.TWO_LEVEL)
    try:
        province = env.unit("Tỉnh Vĩnh Long")
        commune = env.unit("Xã Long Hồ", province)
        for number in range(ROUNDS):
            env.unit(hamlet(number), commune)
        env.cadre(CADRE, Tier.COMMUNE, home_unit_id=commune.id)
    finally:
        env.db.close()
    database = Database.open(shared.url, backup=False)
    try:
        for login in ("an", "binh"):  # two clerks of the same commune
            server.add_clerk(database, login, [commune.id], f"pw-{login}")
    finally:
        database.close()
    start = tmp_path / "start"
    logs = [tmp_path / f"worker-{worker}.jsonl" for worker in range(PROCESSES)]
    logins = [("an", "binh")[worker % 2] for worker in range(PROCESSES)]
    processes = [
        subprocess.Popen([sys.executable, str(DRIVER), shared.clerk_url(login, f"pw-{login}"), str(worker),
                          str(ROUNDS), str(start), str(log)],
                         cwd=ROOT, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        for worker, (log, login) in enumerate(zip(logs, logins, strict=True))
    ]
    for number in range(ROUNDS):  # each round starts when every process is ready for it
        ready = [Path(f"{start}.ready.{number}.{worker}") for worker in range(PROCESSES)]
        deadline = time.monotonic() + 120
        while not all(path.exists() for path in ready) and time.monotonic() < deadline:
            time.sleep(0.005)
        Path(f"{start}.{number}").touch()
    for process in processes:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    found = [json.loads(line) for log in logs for line in log.read_text(encoding="utf-8").splitlines()]
    assert len(found) == PROCESSES * ROUNDS
    assert [record for record in found if record["traceback"]] == []
    for number in range(ROUNDS):
        outcomes = [record for record in found if record["round"] == number]
        succeeded = [record for record in outcomes if record["code"] == 0]
        assert len(succeeded) == 1, outcomes
        for record in outcomes:
            if record["code"] != 0:
                assert record["code"] == 2 and record["err"].startswith("Lỗi: "), record
    overlapping = rows(shared.url, "SELECT unit_id, count(*) FROM assignment GROUP BY unit_id HAVING count(*) > 1")
    assert overlapping == []
    made = {json.loads(record["out"])["id"] for record in found if record["code"] == 0}
    assert {row_id for (row_id,) in rows(shared.url, "SELECT id FROM assignment")} == made
    audited = rows(shared.url, "SELECT row_id, login FROM grassroots_server.audit_log WHERE table_name = 'assignment'"
                               " AND action = 'insert'")
    assert {row_id for row_id, _login in audited} >= made
    assert {login for row_id, login in audited if row_id in made} <= {"an", "binh"}
