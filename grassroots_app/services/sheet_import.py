"""Importing a spreadsheet: a dry run that shows every row's fate, and an all-or-nothing import."""

from __future__ import annotations

import gc
import logging
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from grassroots_app.domain.backups import BackupKind
from grassroots_app.domain.errors import N_, InvalidInput
from grassroots_app.domain.sheets import ID, Fate, Issue, RowOutcome, SheetKind
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services.setup import require_settings
from grassroots_app.services.sheet_index import UnitIndex
from grassroots_app.services.sheet_people import Departure, apply_departures, import_assignment, import_cadre
from grassroots_app.services.sheet_places import Job, import_cluster, import_unit
from grassroots_app.services.sheet_rows import RowContext, RowFailed
from grassroots_app.spreadsheets.reading import Table, Workbook, read_file

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]  # rows done, rows in all; may raise to cancel (nothing is written)
ORDER = (SheetKind.UNITS, SheetKind.CLUSTERS, SheetKind.CADRES, SheetKind.ASSIGNMENTS)
PROGRESS_EVERY = 500
SHOWN_VALUE = 80  # the most characters of a cell a problem line repeats (a cell may hold 32,767)
FATE_LABELS = {
    Fate.NEW: N_("new"),
    Fate.CHANGED: N_("changed"),
    Fate.UNCHANGED: N_("unchanged"),
    Fate.ERROR: N_("with errors"),
}


@dataclass
class ImportReport:
    """What an import found in a file: every row's fate and every problem, and whether it was written."""

    file: str
    outcomes: list[RowOutcome] = field(default_factory=list)
    file_issues: list[Issue] = field(default_factory=list)
    committed: bool = False
    backup: Path | None = None

    def issues(self) -> list[Issue]:
        """Return every problem and correction, those of the file's layout first."""
        return [*self.file_issues, *(issue for outcome in self.outcomes for issue in outcome.issues)]

    def errors(self) -> list[Issue]:
        """Return the problems that stop the import (not the corrections made)."""
        return [issue for issue in self.issues() if not issue.warning]

    def counts(self) -> dict[Fate, int]:
        """Return how many rows are new, changed, unchanged and in error."""
        counted = Counter(outcome.fate for outcome in self.outcomes)
        return {fate: counted.get(fate, 0) for fate in Fate}


def issue_text(issue: Issue, translate: Callable[[str], str]) -> str:
    """Return one problem of an imported file as a sentence naming sheet, row, column and value."""
    message = issue.error.render(translate)
    if issue.column:
        where = translate(N_("Sheet '{sheet}', row {row}, column '{column}' ({letter})")).format(
            sheet=issue.sheet, row=issue.row, column=issue.column, letter=issue.letter or "—")
    else:
        where = translate(N_("Sheet '{sheet}', row {row}")).format(sheet=issue.sheet, row=issue.row)
    shown = issue.value if len(issue.value) <= SHOWN_VALUE else issue.value[:SHOWN_VALUE - 1] + "…"
    value = f" '{shown}'" if issue.value else ""
    kind = translate(N_("note")) if issue.warning else translate(N_("error"))
    return f"{where}:{value} — {kind}: {message}"


def fates_text(report: ImportReport, translate: Callable[[str], str]) -> str:
    """Return how many rows the import adds, changes, skips as unchanged and refuses (or did, once imported)."""
    wording = N_("{new} added, {changed} changed, {unchanged} unchanged (skipped), {error} refused") \
        if report.committed else \
        N_("{new} to add, {changed} to change, {unchanged} unchanged (to skip), {error} refused (with errors)")
    return translate(wording).format(**{fate.value: count for fate, count in report.counts().items()})


def has_work(report: ImportReport) -> bool:
    """Return whether importing the checked file would add or change anything."""
    counts = report.counts()
    return counts[Fate.NEW] + counts[Fate.CHANGED] > 0


def summary_text(report: ImportReport, translate: Callable[[str], str]) -> str:
    """Return the file's name, its number of rows and how many rows are added, changed, skipped and refused."""
    return translate(N_("{file}: {rows} rows: {summary}.")).format(file=report.file, rows=len(report.outcomes),
                                                                  summary=fates_text(report, translate))


def check_file(uow: UnitOfWork, path: Path, progress: Progress | None = None) -> ImportReport:
    """Dry run: find every row's fate as the import would, then roll everything back."""
    with _collector_paused():
        return _stage(uow, read_file(path), path, progress)


def import_file(uow: UnitOfWork, path: Path, progress: Progress | None = None) -> ImportReport:
    """Import a file in one transaction, after a backup; with any error nothing at all is written."""
    has_units = uow.units.any()
    with _collector_paused():
        report = _stage(uow, read_file(path), path, progress)
    if report.errors():
        return report
    if has_units:
        report.backup = uow.backup_before(BackupKind.PRE_IMPORT)
    uow.commit()
    report.committed = True
    return report


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file is read and staged (the window's is paused already).

    A 100,000-row sheet makes millions of cells, rows and units, none of them in a cycle: the collector would
    only walk them again and again (about a quarter of reading the file).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _stage(uow: UnitOfWork, workbook: Workbook, path: Path, progress: Progress | None) -> ImportReport:
    """Stage every row of the file in the unit of work, in the order parents come before what they hold."""
    report = ImportReport(path.name, file_issues=list(workbook.issues))
    for table in workbook.tables:
        report.file_issues.extend(table.issues)
    if any(not issue.warning for issue in report.file_issues):
        return report
    job = Job(uow, require_settings(uow).preset, UnitIndex(uow), uow.rules.all())
    departures: list[Departure] = []
    handlers = {
        SheetKind.UNITS: lambda row: import_unit(job, row),
        SheetKind.CLUSTERS: lambda row: import_cluster(job, row),
        SheetKind.CADRES: lambda row: import_cadre(job, row, departures),
        SheetKind.ASSIGNMENTS: lambda row: import_assignment(job, row),
    }
    tables = sorted(workbook.tables, key=lambda table: ORDER.index(table.spec.kind))
    total, done = sum(len(table.records) for table in tables), 0
    for table in tables:
        given = [text for record in table.records if (text := record.text(ID))]
        if table.spec.kind is SheetKind.UNITS:
            job.index.prefetch(given)
        elif table.spec.kind is SheetKind.ASSIGNMENTS:
            job.stored_assignments = uow.assignments.existing(given)
        done = _stage_table(table, handlers[table.spec.kind], report, (done, total), progress)
        job.flush()
    apply_departures(job, departures)
    if progress is not None:
        progress(total, total)
    return report


def _stage_table(
    table: Table, handle: Callable[[RowContext], None], report: ImportReport, position: tuple[int, int],
    progress: Progress | None,
) -> int:
    """Stage the rows of one sheet, recording each row's outcome; return the rows done so far in all."""
    done, total = position
    for record in table.records:
        row = RowContext(table.name, table.spec, record)
        try:
            if row.outcome.fate is not Fate.ERROR:  # a cell already refused (an error value, TRUE for a name)
                handle(row)
        except RowFailed:
            pass
        except (ArithmeticError, AttributeError, LookupError, ValueError, TypeError) as error:  # a case missed
            log.exception("Row %s of sheet %r failed unexpectedly", record.row, table.name)
            row.fail(InvalidInput(N_("This row could not be read ({reason}); check its cells."),
                                  reason=f"{type(error).__name__}: {error}"[:200]))
        report.outcomes.append(row.outcome)
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
    return done
