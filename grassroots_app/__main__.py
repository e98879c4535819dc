"""Start Grassroots. Until the main window exists, this opens the demo summary on the command line."""

from __future__ import annotations

import sys

from grassroots_app import cli
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork


def main(argv: list[str] | None = None) -> int:
    """Build the demo data into an empty database, then print its coverage summary."""
    args = list(sys.argv[1:] if argv is None else argv)
    database = Database.open(args[0] if args else None)
    with UnitOfWork(database) as uow:
        empty = uow.settings.get() is None
    database.close()
    location = ["--db", database.url]
    if empty:
        status = cli.main([*location, "demo"])
        if status:
            return status
    return cli.main([*location, "coverage", "--on", "2026-09-30"])


if __name__ == "__main__":
    sys.exit(main())
