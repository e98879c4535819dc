"""Floor of a command on a tiny database: a fresh interpreter opens the SQLite file and reads one row.

    python benchmarks/floors/sqlite_row.py DATABASE

Prints the database's schema version (Alembic's one row), as the interpreter start plus one read costs.
"""

from __future__ import annotations

import sqlite3
import sys

with sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True) as connection:
    print(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
