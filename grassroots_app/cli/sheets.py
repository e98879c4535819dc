"""The spreadsheet commands of `grassroots`: import a sheet (or only check it), export the data, write the template."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grassroots_app.cli.common import (
    add_command,
    day_option,
    emit,
    lazy_services,
    path_text,
    tr,
)
from grassroots_app.domain.errors import N_, InvalidInput
from grassroots_app.domain.sheets import Issue

if TYPE_CHECKING:
    from grassroots_app.services import session, sheet_export, sheet_import, units
    from grassroots_app.services.session import Database
else:
    session, sheet_export, sheet_import, units = lazy_services("session", "sheet_export", "sheet_import", "units")


def _issue_json(issue: Issue) -> dict[str, Any]:
    """Return an issue of the file as the JSON object scripts rely on."""
    return {"sheet": issue.sheet, "row": issue.row, "column": issue.column, "letter": issue.letter,
            "value": issue.value, "message": issue.error.render(tr), "warning": issue.warning}


def cmd_import(args: argparse.Namespace, db: Database) -> None:
    """Check a file, then (without --dry-run) import it all or not at all."""
    path = Path(args.file)
    with session.UnitOfWork(db, write=not args.dry_run) as uow:
        run = sheet_import.check_file if args.dry_run else sheet_import.import_file
        report = run(uow, path)
    counts = report.counts()
    lines = [sheet_import.summary_text(report, tr)]
    lines += [sheet_import.issue_text(issue, tr) for issue in report.issues()]
    if report.errors():
        lines.append(tr("Nothing was imported: correct the errors and try again."))
    elif report.committed:
        lines.append(tr("Imported."))
    else:
        lines.append(tr("Dry run: nothing was written."))
    data = {"file": report.file, "committed": report.committed, "counts": {f.value: n for f, n in counts.items()},
            "issues": [_issue_json(issue) for issue in report.issues()],
            "backup": str(report.backup) if report.backup else None}
    emit(args, data, lines)
    if report.errors():
        raise InvalidInput(N_("The file has errors; the database is unchanged."))


def cmd_export(args: argparse.Namespace, db: Database) -> None:
    """Write the data standing on a day (all, or under one unit) to an .xlsx file."""
    path = sheet_export.workbook_file(db, args.out)
    day = day_option(args)
    with session.UnitOfWork(db) as uow:
        under = units.resolve_unit(uow, args.under, day).id if args.under is not None else None
        counts = sheet_export.write_export(uow, path, day, under)
    lines = [tr("Wrote {units} units, {clusters} cluster rows, {cadres} cadres and {assignments} assignments "
                "to {path}.").format(path=path, **counts)]
    emit(args, {"file": str(path), "on": day.isoformat(), "rows": counts}, lines)


def cmd_template(args: argparse.Namespace) -> bool:
    """Write the empty exchange workbook (no database needed; never over the database named or a backup)."""
    path = sheet_export.write_template_file(args.db, args.out)
    print(tr("Wrote the empty workbook to {path}.").format(path=path))
    return False


def add_parsers(sub: Any) -> None:
    """Add the import, export and template commands."""
    imported = add_command(sub, "import",
                           N_("import units, clusters, cadres and assignments from an .xlsx or .csv file"), cmd_import,
                           json_flag=True)
    imported.add_argument("file", type=path_text, help=tr(N_("the .xlsx or .csv file")))
    imported.add_argument("--dry-run", action="store_true",
                          help=tr(N_("only show what each row would do; write nothing")))
    exported = add_command(sub, "export", N_("write the data standing on a day to an .xlsx file"), cmd_export,
                           json_flag=True)
    exported.add_argument("--out", required=True, type=path_text, help=tr(N_("the .xlsx file to write")))
    exported.add_argument("--under", help=tr(N_("only this unit and what is under it (id, code or path)")))
    exported.add_argument("--on", help=tr(N_("the day (default: today)")))
    template = sub.add_parser("template", help=tr(N_("write the empty workbook to fill in and import")))
    template.set_defaults(file_handler=cmd_template)
    template.add_argument("--out", required=True, type=path_text, help=tr(N_("the .xlsx file to write")))
