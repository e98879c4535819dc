"""Repositories of the quarterly reports: the stored reports, and the committee's term in the `setting` table."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from grassroots_app.domain.reports.model import Narrative, ReportKind, ReportStatus, Signer
from grassroots_app.domain.reports.records import ReportDraft, ReportRecord, ReportTerm
from grassroots_app.persistence.tables import ReportRow, SettingRow

TERM_KEY = "reports.term"
SECTIONS = ("situation", "results", "assessment", "next_tasks", "proposals")
HEADING = ("symbol", "place", "higher_body", "issuing_body", "subject", "issued_on")


def _record(row: ReportRow) -> ReportRecord:
    """Return the report a row holds."""
    narrative = Narrative(
        **{name: getattr(row, name) for name in SECTIONS},
        recipients=tuple(line for line in row.recipients.split("\n") if line),
        signer=Signer(row.signer_capacity, row.signer_title, row.signer_name),
    )
    draft = ReportDraft(
        ReportKind(row.kind), row.scope_id, row.year, row.quarter, narrative=narrative, id=row.id,
        **{name: getattr(row, name) for name in HEADING},
    )
    return ReportRecord(draft, ReportStatus(row.status), row.number, row.term_start, row.created_at, row.updated_at)


def _write(record: ReportRecord, row: ReportRow) -> None:
    """Copy a report into its row."""
    draft, narrative = record.draft, record.draft.narrative
    row.kind, row.scope_id, row.year, row.quarter = draft.kind.value, draft.scope_id, draft.year, draft.quarter
    row.status, row.number, row.term_start = record.status.value, record.number, record.term_start
    for name in HEADING:
        setattr(row, name, getattr(draft, name))
    for name in SECTIONS:
        setattr(row, name, getattr(narrative, name))
    row.recipients = "\n".join(narrative.recipients)
    signer = narrative.signer
    row.signer_capacity, row.signer_title, row.signer_name = signer.capacity, signer.title, signer.name
    row.created_at, row.updated_at = record.created_at, record.updated_at


class ReportRepository:
    """Stored reports."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, report_id: str) -> ReportRecord | None:
        """Return the report with that id."""
        row = self.session.get(ReportRow, report_id)
        return _record(row) if row else None

    def put(self, record: ReportRecord) -> None:
        """Store a report, new or in place of the one with the same id."""
        row = self.session.get(ReportRow, record.id) or ReportRow(
            id=record.id, kind="", scope_id="", year=record.draft.year, quarter=record.draft.quarter, status="",
            issued_on=record.draft.issued_on, created_at=record.created_at, updated_at=record.updated_at,
        )
        _write(record, row)
        self.session.add(row)
        self.session.flush()

    def remove(self, report_id: str) -> None:
        """Delete a report."""
        self.session.delete(self.session.get_one(ReportRow, report_id))
        self.session.flush()

    def find(self, year: int | None = None, kind: ReportKind | None = None) -> list[ReportRecord]:
        """Return the reports (of a year, of a kind), the latest quarter first, then the last edited first."""
        query = select(ReportRow)
        if year is not None:
            query = query.where(ReportRow.year == year)
        if kind is not None:
            query = query.where(ReportRow.kind == ReportKind(kind).value)
        ordered = query.order_by(col(ReportRow.year).desc(), col(ReportRow.quarter).desc(),
                                 col(ReportRow.updated_at).desc(), col(ReportRow.id))
        return [_record(row) for row in self.session.exec(ordered)]

    def latest_edited(self, limit: int) -> list[ReportRecord]:
        """Return the reports saved most recently, the latest first."""
        query = select(ReportRow).order_by(col(ReportRow.updated_at).desc(), col(ReportRow.id)).limit(limit)
        return [_record(row) for row in self.session.exec(query)]

    def last_issued(self, symbol: str, term_start: int) -> tuple[int, date | None]:
        """Return the highest number issued with a symbol in a term (0: none yet) and the latest date issued."""
        query = select(func.max(ReportRow.number), func.max(ReportRow.issued_on)).where(
            ReportRow.symbol == symbol, ReportRow.term_start == term_start,
            ReportRow.status == ReportStatus.ISSUED.value,
        )
        number, day = self.session.exec(query).one()
        return number or 0, day


class ReportTermRepository:
    """The committee's term, kept as JSON in the `setting` table under `reports.term`."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self) -> ReportTerm:
        """Return the stored term, or the default one."""
        row = self.session.get(SettingRow, TERM_KEY)
        if row is None:
            return ReportTerm()
        value = json.loads(row.value)
        return ReportTerm(int(value["start_year"]), int(value["years"]))

    def save(self, term: ReportTerm) -> None:
        """Store the term."""
        value = json.dumps({"start_year": term.start_year, "years": term.years})
        self.session.merge(SettingRow(key=TERM_KEY, value=value))
        self.session.flush()
