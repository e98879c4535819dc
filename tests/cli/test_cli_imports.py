"""The command line's parser is built without the database's and the files' libraries: `grassroots --help` and
the refusal of a mistyped command load none of them, and a command loads only those it runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("sqlalchemy", "sqlmodel", "openpyxl", "python_calamine", "reportlab", "alembic", "icalendar",
         "vietnam_provinces", "grassroots_app.persistence")


def _loaded_after(code: str) -> set[str]:
    """Return which of HEAVY a fresh interpreter has loaded after running the code."""
    probe = f"import sys\n{code}\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    printed = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return {name for name in printed.splitlines()[-1].split(",") if name}  # after what the code printed


def test_building_the_parser_and_its_help_loads_no_heavy_library() -> None:
    code = ("import grassroots_app.cli as cli\nparser = cli.build_parser()\nparser.format_help()\n"
            "[sub.format_help() for action in parser._subparsers._group_actions for sub in action.choices.values()]")
    assert _loaded_after(code) == set()


def test_listing_units_loads_the_database_but_no_workbook_nor_pdf_library(tmp_path: Path) -> None:
    code = (f"import grassroots_app.cli as cli\ndb = {str(tmp_path / 'x.sqlite')!r}\n"
            "assert cli.main(['--db', db, 'init', '--model', 'two-level']) == 0\n"
            "assert cli.main(['--db', db, 'units', 'list']) == 0")
    loaded = _loaded_after(code)
    assert {"sqlalchemy", "grassroots_app.persistence"} <= loaded
    assert not loaded & {"openpyxl", "python_calamine", "reportlab", "icalendar"}
