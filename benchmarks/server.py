"""Benchmark: the app on a shared PostgreSQL server beside the same app on the SQLite file, and 50 clerks at once.

Run from the repository root:

    .venv/bin/python benchmarks/server.py [--national PATH] [--url ADMIN_URL] [--runs N]
                                          [--sessions 50] [--seconds 60]

Without --url a throwaway server is started on loopback (tools/pg_server.py) and the national file is loaded into
it with the app's own `server load` (several minutes); with --url an administrator's URL of a database already
loaded and set up (`grassroots server init`, `server load`) is used. Each figure is taken on both engines in the
same run, turn about (benchmarks/harness.py): the app on the server as "app", the app on the file as "floor", so
the ratio is the server's time over the file's, and the answers are checked equal first.

Then SESSIONS clerks, each scoped to one commune of the country, work at once for SECONDS: each opens the tree
below their commune, searches, reads their commune's coverage, and now and then assigns a cadre and ends the
assignment again (each an edit through the app's use cases, in its own transaction). Printed: the operations done
per second, the median and 95th-percentile latency of each kind, and the errors (refusals by a rule counted apart).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402

from benchmarks.coverage_national import DEFAULT_DB, province_id  # noqa: E402
from benchmarks.harness import Pair, compare, timed  # noqa: E402
from grassroots_app.demo.build import DEMO_DATE  # noqa: E402
from grassroots_app.domain.errors import DomainError  # noqa: E402
from grassroots_app.persistence.database import Database  # noqa: E402
from grassroots_app.persistence.uow import UnitOfWork  # noqa: E402
from grassroots_app.services import assignments, browse, server, workspace  # noqa: E402
from grassroots_app.services.coverage import coverage  # noqa: E402
from grassroots_app.services.report_data import cluster_figures  # noqa: E402
from tools import pg_server  # noqa: E402

PROVINCE_CODE = "79"
BUSIEST_CLUSTER = "cf4f3e73-563b-40a8-866a-9aff8c913d9d"  # the national demo's cluster whose report holds the most
SEARCH = "tân hiệp"  # fewer hits than the list holds: both engines give them all
HAMLET_ROLE = "Cán bộ xã phụ trách thôn, tổ dân phố"
PASSWORD = "clerk-password"  # noqa: S105 - throwaway clerks of a benchmark


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--national", type=Path, default=DEFAULT_DB, help="the national SQLite file (read only)")
    parser.add_argument("--url", help="an administrator's URL of a server database already loaded and set up")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each figure on each engine")
    parser.add_argument("--sessions", type=int, default=50, help="clerks working at once")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long they work")
    return parser.parse_args(argv)


def loaded_server(national: Path) -> tuple[str, pg_server.Server]:
    """Start a throwaway server, load the national file into it and set it up; return the administrator's URL."""
    running = pg_server.start()
    name = running.create_database()
    url = running.url(name)
    started = time.perf_counter()
    database = server.open_server(url)
    try:
        server.init_server(database)
        server.load_office(database, national)
    finally:
        database.close()
    print(f"loaded {national.name} into the server in {time.perf_counter() - started:.0f} s", flush=True)
    return url, running


def read(database: Database, query: object, *args: object) -> object:
    """Run a read use case in a fresh unit of work, as the window and the command line do."""
    with UnitOfWork(database) as uow:
        return query(uow, *args)  # type: ignore[operator]


def same(kind: str, on_server: object, on_file: object) -> None:
    """Fail when the two engines' answers differ."""
    assert on_server == on_file, f"{kind}: the server and the file answer differently"


def engine_pairs(on_server: Database, on_file: Database, province: str) -> list[Pair]:
    """Return the figures to time on both engines, each with its check that both answer the same."""
    def coverage_of(under: str | None) -> object:
        def answer(database: Database) -> object:
            report = read(database, coverage, DEMO_DATE, under).coverage  # type: ignore[attr-defined]
            return sorted((gap.target_id, gap.role, gap.assigned) for gap in report.gaps)
        return answer

    figures = {
        "coverage of province 79": coverage_of(province),
        "coverage of the country": coverage_of(None),
        "expand province 79": lambda database: [row.id for row in read(database, browse.children, province,
                                                                       DEMO_DATE)],  # type: ignore[attr-defined]
        f"search keystroke '{SEARCH}'": lambda database: sorted(
            hit.id for hit in read(database, browse.search, SEARCH, DEMO_DATE)),  # type: ignore[attr-defined]
        "busiest cluster report's data": lambda database: read(
            database, cluster_figures, BUSIEST_CLUSTER, 2026, 3).charges,  # type: ignore[attr-defined]
    }
    return [Pair(name, timed(lambda f=figure: f(on_server)), timed(lambda f=figure: f(on_file)),
                 check=lambda name=name, f=figure: same(name, f(on_server), f(on_file)))
            for name, figure in figures.items()]


@dataclass(frozen=True)
class Clerk:
    """A benchmark clerk: their login, commune, its hamlets and a cadre who may be put in charge of them."""

    login: str
    commune: str
    hamlets: tuple[str, ...]
    cadre: str


CANDIDATES = text("""
    SELECT c.id,
           ARRAY(SELECT l.unit_id FROM unit_link l JOIN unit h ON h.id = l.unit_id
                  WHERE l.parent_id = c.id AND h.level = 'hamlet' AND l.valid_to IS NULL),
           (SELECT k.id FROM cadre k WHERE k.home_unit_id = c.id AND k.tier = 'commune' LIMIT 1)
      FROM unit c WHERE c.level = 'commune' AND c.valid_to IS NULL ORDER BY md5(c.id) LIMIT :many""")


def make_clerks(url: str, count: int) -> list[Clerk]:
    """Make `count` clerks, each scoped to one commune of the country that has hamlets and a commune cadre."""
    engine = create_engine(url)
    with engine.connect() as connection:
        candidates = connection.execute(CANDIDATES, {"many": count * 3}).all()
    engine.dispose()
    chosen = [(commune, tuple(hamlets), cadre) for commune, hamlets, cadre in candidates if hamlets and cadre][:count]
    database = server.open_server(url)
    try:
        known = {clerk.login for clerk in server.clerks(database)}
        clerks = [Clerk(f"bench_{index}", commune, hamlets, cadre)
                  for index, (commune, hamlets, cadre) in enumerate(chosen)]
        for clerk in clerks:
            if clerk.login not in known:
                server.add_clerk(database, clerk.login, [clerk.commune], PASSWORD)
        return clerks
    finally:
        database.close()


def work(url: str, clerk: Clerk, seconds: float, seed: int) -> list[tuple[str, float, str]]:
    """Work as one clerk until the time is up; return (kind, seconds, outcome) of every operation."""
    database = Database.attach(url)
    rng = random.Random(seed)
    done: list[tuple[str, float, str]] = []
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        kind = rng.choices(["expand", "search", "coverage", "assign"], weights=[5, 2, 2, 1])[0]
        started = time.perf_counter()
        outcome = "ok"
        try:
            if kind == "expand":
                read(database, browse.children, clerk.commune, DEMO_DATE)
            elif kind == "search":
                read(database, browse.search, SEARCH[: rng.randint(3, len(SEARCH))], DEMO_DATE)
            elif kind == "coverage":
                read(database, coverage, DEMO_DATE, clerk.commune)
            else:
                start = DEMO_DATE - timedelta(days=rng.randint(0, 3000))
                new = assignments.NewAssignment(clerk.cadre, rng.choice(clerk.hamlets), start, HAMLET_ROLE)
                made, _step = workspace.record_edit(database, assignments.assign, new)
                workspace.record_edit(database, assignments.end_assignment, made.id, start + timedelta(days=1),
                                      "Điều động công tác")  # ended early: a reason is needed
        except DomainError:
            outcome = "refused"
        except Exception as error:  # noqa: BLE001 - an error is counted, not raised: the run goes on
            outcome = f"error: {type(error).__name__}: {error}"[:200]
        done.append((kind, time.perf_counter() - started, outcome))
    database.close()
    return done


def _work(arguments: tuple[str, Clerk, float, int]) -> list[tuple[str, float, str]]:
    return work(*arguments)


def sessions(url: str, clerks: list[Clerk], seconds: float) -> None:
    """Run the clerks at once, one process each, and print throughput, latencies and errors."""
    name = url.rsplit("/", 1)[1]
    host = url.split("@", 1)[1].rsplit("/", 1)[0]
    jobs = [(f"postgresql+psycopg://{clerk.login}:{PASSWORD}@{host}/{name}", clerk, seconds, index)
            for index, clerk in enumerate(clerks)]
    with multiprocessing.get_context("spawn").Pool(len(jobs)) as pool:
        results = [operation for done in pool.map(_work, jobs) for operation in done]
    total = len(results)
    errors = [outcome for _kind, _seconds, outcome in results if outcome.startswith("error")]
    refused = sum(outcome == "refused" for _kind, _seconds, outcome in results)
    print(f"\n{len(clerks)} clerks at once for {seconds:g} s: {total} operations, {total / seconds:.1f} a second, "
          f"{len(errors)} errors, {refused} refused by a rule")
    print("| operation | count | median s | p95 s |\n| --- | --- | --- | --- |")
    for kind in ("expand", "search", "coverage", "assign"):
        times = sorted(seconds for found, seconds, _outcome in results if found == kind)
        if times:
            p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
            print(f"| {kind} | {len(times)} | {statistics.median(times):.3f} | {p95:.3f} |")
    for error in sorted(set(errors))[:5]:
        print(f"  {error}")


def main(argv: Sequence[str] | None = None) -> int:
    """Time both engines, then the clerks at once."""
    args = parse_args(argv)
    running = None
    url = args.url
    if url is None:
        url, running = loaded_server(args.national)
    on_server, on_file = Database.attach(url), Database.attach(f"sqlite:///{args.national}")
    try:
        province = province_id(on_file, PROVINCE_CODE)
        compare(engine_pairs(on_server, on_file, province), args.runs)
        sessions(url, make_clerks(url, args.sessions), args.seconds)
    finally:
        on_server.close()
        on_file.close()
        if running is not None:
            running.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
