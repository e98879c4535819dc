"""The unit of work: one session, one transaction, the repositories over it."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from sqlmodel import Session

from grassroots_app.domain.backups import BackupKind
from grassroots_app.persistence.activity_repository import ActivityRepository
from grassroots_app.persistence.attendance_targets import AttendanceTargetRepository
from grassroots_app.persistence.backup_copies import backup_before
from grassroots_app.persistence.browse import BrowseQueries
from grassroots_app.persistence.calendar_repository import (
    BaseVisitRepository,
    CalendarQueries,
    CalendarSettingsRepository,
    HolidayOverrideRepository,
    MeetingRepository,
)
from grassroots_app.persistence.contention import writes_everything
from grassroots_app.persistence.database import Database, for_writing
from grassroots_app.persistence.fieldlog_queries import FieldLogQueries
from grassroots_app.persistence.journal import ChangeSet, apply_changes, start_journal, take_journal
from grassroots_app.persistence.queries import ReadQueries
from grassroots_app.persistence.rating_repository import RatingRepository
from grassroots_app.persistence.recommendation_repository import RecommendationRepository
from grassroots_app.persistence.report_queries import ReportQueries
from grassroots_app.persistence.report_repository import ReportRepository, ReportTermRepository
from grassroots_app.persistence.repositories import (
    AssignmentRepository,
    CadreRepository,
    RuleRepository,
    SettingsRepository,
)
from grassroots_app.persistence.sheet_queries import SheetQueries
from grassroots_app.persistence.unit_repository import ClusterRepository, UnitRepository


class UnitOfWork:
    """Everything done inside `with uow:` is committed by `commit()` or rolled back on leaving.

    A unit of work that will commit says so with `write=True`: its transaction then takes the database's
    write lock at once (BEGIN IMMEDIATE on SQLite, waiting for another program's write to end), so that a
    write never fails because another program wrote after it began reading. Reading alone takes no lock.
    With `record=True` (which writes) the committed row changes are kept in `change_set`, for undo and redo.
    With `trial=True` (which writes) a use case is only tried, to learn whether the rules refuse it: `commit()`
    stages without committing, nothing is backed up, and leaving rolls everything back.
    """

    def __init__(self, database: Database, record: bool = False, write: bool = False, trial: bool = False) -> None:
        self.database = database
        self.record = record
        self.trial = trial
        self.write = write or record or trial
        self.change_set = ChangeSet()

    def __enter__(self) -> UnitOfWork:
        if self.write:
            self.database.refuse_writes_if_backup()
        writes = self.write or writes_everything()
        engine = for_writing(self.database.engine) if writes else self.database.engine
        self.session = Session(engine, expire_on_commit=False)
        self.session.begin()
        if self.record:
            start_journal(self.session)
        self.settings = SettingsRepository(self.session)
        self.rules = RuleRepository(self.session)
        self.units = UnitRepository(self.session)
        self.clusters = ClusterRepository(self.session)
        self.cadres = CadreRepository(self.session)
        self.assignments = AssignmentRepository(self.session)
        self.queries = ReadQueries(self.session)
        self.browse = BrowseQueries(self.session, self.database.scoped)
        self.calendar_settings = CalendarSettingsRepository(self.session)
        self.holiday_overrides = HolidayOverrideRepository(self.session)
        self.meetings = MeetingRepository(self.session)
        self.base_visits = BaseVisitRepository(self.session)
        self.calendar_queries = CalendarQueries(self.session)
        self.attendance_targets = AttendanceTargetRepository(self.session)
        self.activities = ActivityRepository(self.session)
        self.recommendations = RecommendationRepository(self.session)
        self.ratings = RatingRepository(self.session)
        self.fieldlog_queries = FieldLogQueries(self.session)
        self.reports = ReportRepository(self.session)
        self.report_term = ReportTermRepository(self.session)
        self.report_queries = ReportQueries(self.session)
        self.sheet_queries = SheetQueries(self.session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.session.rollback()
        self.session.close()

    def backup_before(self, kind: BackupKind, unless_empty: bool = False) -> Path | None:
        """Back up the database (an SQLite file; others are skipped) before the change about to be made.

        The copy holds what is committed, none of this unit of work's changes: call it before staging any.
        With `unless_empty`, a database without any unit is not backed up (there is nothing to lose).
        A backup that cannot be made refuses the change.
        """
        if self.trial or (unless_empty and not self.units.any()):
            return None
        return backup_before(self.database, kind)

    def replay(self, change_set: ChangeSet) -> None:
        """Stage recorded row changes (an undo or a redo), refusing if the rows are no longer as they expect."""
        apply_changes(self.session.connection(), change_set)

    def commit(self) -> None:
        """Make everything done so far permanent (and, when recording, keep what changed)."""
        self.database.refuse_writes_if_damaged()
        self.session.flush()
        if self.trial:
            return
        if self.record:
            self.change_set = take_journal(self.session)
        self.session.commit()
        self.database.committed = True
