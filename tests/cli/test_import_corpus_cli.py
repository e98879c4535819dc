"""A sample of the bad-file corpus through `grassroots import`: exit 2, the place named in Vietnamese, nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.support import Cli, Result
from tests.integration.bad_sheets import Case, corpus
from tests.integration.test_import_corpus import seed

SAMPLE_EVERY = 12
BY_PROCESS = ("cell-at-xfd1048576", "ods-repeat-bomb", "xls-cell-at-65535-65535", "unit-name-bel-csv",
              "encoding-tcvn3-whole-file", "xls-short-sheet-record")  # the last makes python-calamine panic


def sample() -> list[Case]:
    """Return every twelfth case of the corpus and those run as a separate process."""
    cases = corpus()
    return [case for index, case in enumerate(cases) if index % SAMPLE_EVERY == 0 or case.name in BY_PROCESS]


def assert_refused_in_vietnamese(case: Case, path: Path, result: Result) -> None:
    """Exit 2, no traceback, and the sheet, row and column (or the file) named in the Vietnamese output."""
    printed = result.out + result.err
    assert result.code == 2, printed
    assert "Traceback" not in printed and "panicked" not in printed, printed
    sheet, row, column = case.where(path)
    if sheet:
        assert f"Trang '{sheet}', dòng {row}" in printed, printed
        assert not column or f"cột '{column}'" in printed, printed
    if case.text and not sheet:
        assert case.text in printed, printed


@pytest.mark.parametrize("case", sample(), ids=lambda case: case.name)
def test_a_bad_file_exits_2_naming_the_place_and_changes_nothing(case: Case, cli: Cli, tmp_path: Path) -> None:
    seed(cli.db).db.close()
    before = cli.dump()
    path = case.path(tmp_path)
    case.write(path)
    run = cli.process if case.name in BY_PROCESS else cli
    for extra in (("--dry-run",), ()):
        assert_refused_in_vietnamese(case, path, run("import", str(path), *extra))
    assert cli.dump() == before
