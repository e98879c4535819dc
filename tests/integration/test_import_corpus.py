"""The import against a generated corpus of bad spreadsheets and CSV files: each refused clearly, nothing written.

For every file, the dry run and the import must refuse it (no traceback, no commit), naming the sheet, row and column
(or, for a file that cannot be read at all, the file or sheet), and the database must be as it was, byte for byte in
its SQL dump. The counts are printed: tried / refused clearly / refused with a traceback / wrongly accepted.
"""

from __future__ import annotations

import traceback
from collections import Counter
from pathlib import Path

import pytest

from grassroots_app.domain.errors import DomainError
from grassroots_app.domain.model import Preset, Tier
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import sheet_import
from tests.engines import NewDatabase
from tests.integration.bad_sheets import Case, corpus
from tests.integration.support import Env, open_env

IDENTITY = str


def seed(location: str | Path) -> Env:
    """A province, a commune, a hamlet, a cadre in charge and two namesakes told apart by birth year."""
    env = open_env(location, Preset.TWO_LEVEL)
    province = env.unit("Tỉnh Lạng Sơn", code="20")
    commune = env.unit("Xã Tân Đoàn", province, code="06010")
    env.unit("Thôn Bản Nầm", commune)
    env.cadre("Hoàng Văn Thụ", Tier.COMMUNE, is_party_member=True)
    env.cadre("Nguyễn Văn An", Tier.COMMUNE, birth_year=1980)
    env.cadre("Nguyễn Văn An", Tier.COMMUNE, birth_year=1985)
    return env


def verdict(env: Env, case: Case, path: Path, dry_run: bool) -> tuple[str, str]:
    """Return ('clear' | 'traceback' | 'accepted' | 'unclear', detail) for one run of the import on one file."""
    try:
        with UnitOfWork(env.db) as uow:
            report = (sheet_import.check_file if dry_run else sheet_import.import_file)(uow, path)
    except DomainError as error:  # the file could not be read at all
        message = error.render(IDENTITY)
        return ("clear" if case.text and case.text in message else "unclear"), message
    except Exception:  # noqa: BLE001 - counted, and shown in full
        return "traceback", traceback.format_exc()
    errors = report.errors()
    if report.committed or not errors:
        return "accepted", "; ".join(sheet_import.issue_text(issue, IDENTITY) for issue in report.issues())
    sheet, row, column = case.where(path)
    texts = [sheet_import.issue_text(issue, IDENTITY) for issue in errors]
    placed = not sheet or any((e.sheet, e.row, e.column) == (sheet, row, column) for e in errors)
    said = not case.text or any(case.text in text for text in texts)
    return ("clear" if placed and said else "unclear"), " | ".join(texts[:3])


def test_every_bad_file_is_refused_clearly_and_changes_nothing(
    engine: str, new_database: NewDatabase, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    cases = corpus()
    assert len({case.name for case in cases}) == len(cases)
    env = seed(new_database(request, engine))
    before = env.dump()
    counts: Counter[str] = Counter()
    failures: list[str] = []
    for case in cases:
        path = case.path(tmp_path)
        case.write(path)
        outcomes = [verdict(env, case, path, dry_run) for dry_run in (True, False)]
        changed = env.dump() != before
        kinds = {kind for kind, _detail in outcomes}
        kind = ("traceback" if "traceback" in kinds else "accepted" if "accepted" in kinds or changed
                else "unclear" if "unclear" in kinds else "clear")
        counts[kind] += 1
        if kind != "clear":
            failures.append(f"{case.name} [{kind}{', database changed' if changed else ''}]: "
                            + " || ".join(detail for _kind, detail in outcomes))
        if changed:  # a new database seeded alike: the ids differ, so the next cases compare with its own dump
            env.db.close()
            env = seed(new_database(request, engine))
            before = env.dump()
        path.unlink()
    print(f"\nImport corpus: {len(cases)} tried / {counts['clear']} refused clearly / {counts['traceback']} refused "
          f"with a traceback / {counts['accepted']} wrongly accepted / {counts['unclear']} refused without naming "
          "the place")
    print("\n".join(failures))
    assert failures == []
    assert len(cases) >= 200
