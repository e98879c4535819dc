"""Run the `grassroots` entry point, in this process or as a real one, on a real database (file or server)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grassroots_app.cli import main
from tests import engines

ENTRY = Path(sys.executable).parent / ("grassroots.exe" if os.name == "nt" else "grassroots")


def cp1252_environment() -> dict[str, str]:
    """Return the environment of a child whose standard streams Python would open in cp1252 (as Windows does)."""
    hidden = {"QT_QPA_PLATFORM", "DISPLAY", "PYTHONUTF8", "PYTHONIOENCODING"}
    environment = {key: value for key, value in os.environ.items() if key not in hidden}
    return {**environment, "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"}


@dataclass
class Result:
    """What one command printed and returned."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        """Parse the standard output as JSON."""
        return json.loads(self.out)


@dataclass
class Cli:
    """The entry point bound to one database: an SQLite file's path, or a PostgreSQL URL."""

    db: Path | str

    def __call__(self, *args: str) -> Result:
        """Call the entry point function `grassroots_app.cli:main` with `--db FILE ARGS…`."""
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--db", str(self.db), *args])
        return Result(code, out.getvalue(), err.getvalue())

    def process(self, *args: str) -> Result:
        """Run the installed `grassroots` script as a separate process."""
        done = subprocess.run(
            [str(ENTRY), "--db", str(self.db), *args], capture_output=True, text=True, encoding="utf-8", timeout=300,
        )
        return Result(done.returncode, done.stdout, done.stderr)

    def dump(self) -> list[str]:
        """Return the whole database content as lines (to show nothing changed)."""
        return engines.dump(self.db)
