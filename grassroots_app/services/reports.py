"""Use cases of the quarterly reports: a new draft with its default texts, saving and listing drafts, issuing
one with the next number of the committee's term, the finished document for the renderers, the term setting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from grassroots_app.domain.errors import N_
from grassroots_app.domain.hierarchy import guess_kind
from grassroots_app.domain.model import Level, Unit, new_id
from grassroots_app.domain.reports.model import (
    Heading,
    Narrative,
    ReportDocument,
    ReportFigures,
    ReportKind,
    ReportStatus,
    Signer,
)
from grassroots_app.domain.reports.records import (
    ReportDraft,
    ReportRecord,
    ReportTerm,
    check_editable,
    check_issuable,
    check_issue_date,
    clean_draft,
    number_text,
)
from grassroots_app.domain.reports.sentences import default_situation, default_subject, results_text
from grassroots_app.domain.text import fold
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import lookup, report_data
from grassroots_app.services.clusters import get_cluster
from grassroots_app.services.setup import require_settings
from grassroots_app.services.units import get_unit

ISSUING_BODY = "BAN TỔ CHỨC"
# The party committee a district or province unit has, by the unit's kind, and the symbol of its organization
# committee's reports: the heading of an advisory body names that committee first (Hướng dẫn 36-HD/VPTW, 1.2).
COMMITTEES = {
    "tỉnh": ("TỈNH ỦY", "BC/BTCTU"),
    "thành phố": ("THÀNH ỦY", "BC/BTCTU"),
    "huyện": ("HUYỆN ỦY", "BC/BTCHU"),
    "quận": ("QUẬN ỦY", "BC/BTCQU"),
    "thị xã": ("THỊ ỦY", "BC/BTCTU"),
}
SIGNER_TITLE = "TRƯỞNG BAN"
RECENT_REPORTS = 50  # how far back a new draft looks for its committee's heading


# --- the committee's term --------------------------------------------------------------------------


def report_term(uow: UnitOfWork) -> ReportTerm:
    """Return the committee's term (by default five-year terms from 2025)."""
    return uow.report_term.get()


def set_report_term(uow: UnitOfWork, term: ReportTerm) -> ReportTerm:
    """Store the committee's term: its first year and the length of every term."""
    require_settings(uow)
    uow.report_term.save(term)
    uow.commit()
    return term


# --- drafts ----------------------------------------------------------------------------------------


def _owner(uow: UnitOfWork, kind: ReportKind, scope_id: str) -> Unit:
    """Return the district or province whose committee reports: the area itself, or the unit a cluster belongs to."""
    return get_unit(uow, get_cluster(uow, scope_id).parent_id if kind is ReportKind.CLUSTER else scope_id)


def _province_of(uow: UnitOfWork, unit: Unit) -> Unit:
    """Return the province a unit lies in (itself for a province)."""
    while unit.level is not Level.PROVINCE and unit.parent_id is not None:
        unit = get_unit(uow, unit.parent_id)
    return unit


def _bare_name(unit: Unit) -> str:
    """Return a unit's name without its kind ("Tỉnh Cao Bằng" -> "Cao Bằng"); a number keeps it ("Quận 1")."""
    kind = guess_kind(unit.level, unit.name)
    bare = unit.name[len(kind):].strip() if fold(unit.name).startswith(fold(kind) + " ") else unit.name
    return unit.name if bare.isdigit() else bare


def _committee(owner: Unit) -> tuple[str, str]:
    """Return the party committee of a district or province ("TỈNH ỦY CAO BẰNG") and its report symbol."""
    committee, symbol = COMMITTEES.get(owner.kind) or COMMITTEES[guess_kind(owner.level, owner.name)]
    return f"{committee} {_bare_name(owner).upper()}", symbol


def _last_of_owner(uow: UnitOfWork, owner_id: str) -> ReportRecord | None:
    """Return the report saved most recently by the committee of a district or province (among the latest ones)."""
    recent = uow.reports.latest_edited(RECENT_REPORTS)
    scopes = {(record.draft.kind, record.draft.scope_id) for record in recent}  # a few clusters, reported again
    owners = {scope: _owner(uow, *scope).id for scope in scopes}
    return next((record for record in recent if owners[record.draft.kind, record.draft.scope_id] == owner_id), None)


def _default_heading(uow: UnitOfWork, draft: ReportDraft) -> ReportDraft:
    """Return the draft with the heading, recipients and signer of the same committee's last report, else defaults."""
    owner = _owner(uow, draft.kind, draft.scope_id)
    last = _last_of_owner(uow, owner.id)
    if last is not None:
        kept = last.draft
        narrative = replace(draft.narrative, recipients=kept.narrative.recipients, signer=kept.narrative.signer)
        return replace(draft, symbol=kept.symbol, place=kept.place, higher_body=kept.higher_body,
                       issuing_body=kept.issuing_body, narrative=narrative)
    committee, symbol = _committee(owner)
    narrative = replace(draft.narrative, signer=Signer("", SIGNER_TITLE, ""))
    return replace(draft, symbol=symbol, place=_bare_name(_province_of(uow, owner)), higher_body=committee,
                   issuing_body=ISSUING_BODY, narrative=narrative)


def new_draft(
    uow: UnitOfWork, kind: ReportKind, scope_id: str, year: int, quarter: int, today: date | None = None
) -> ReportDraft:
    """Return a new draft (not stored) with its default subject, section I skeleton and section II from the figures.

    The heading, recipients and signer are those of the last report saved (else defaults from the area).
    """
    return draft_with_figures(uow, kind, scope_id, year, quarter, today)[0]


def draft_with_figures(
    uow: UnitOfWork, kind: ReportKind, scope_id: str, year: int, quarter: int, today: date | None = None
) -> tuple[ReportDraft, ReportFigures]:
    """Return a new draft as new_draft() writes it, with the figures it was written from."""
    draft = clean_draft(ReportDraft(kind, scope_id, year, quarter, today or date.today()))
    figures = report_data.figures(uow, draft.kind, scope_id, year, quarter)
    narrative = Narrative(situation=default_situation(figures), results=results_text(figures))
    return _default_heading(uow, replace(draft, subject=default_subject(figures), narrative=narrative)), figures


def _stored(uow: UnitOfWork, report_id: str) -> ReportRecord:
    return lookup.by_id(uow.reports.get(report_id), N_("No report has the id '{id}'."), report_id)


def save_draft(uow: UnitOfWork, draft: ReportDraft) -> str:
    """Store a new draft (id "") or the changes to a draft; return its id. An issued report cannot change."""
    require_settings(uow)
    cleaned = clean_draft(draft)
    report_data.check_scope(uow, cleaned.kind, cleaned.scope_id, report_data.quarter_ref(cleaned.year, cleaned.quarter))
    now = datetime.now()
    if cleaned.id:
        existing = _stored(uow, cleaned.id)
        check_editable(existing)
        record = replace(existing, draft=cleaned, updated_at=now)
    else:
        record = ReportRecord(replace(cleaned, id=new_id()), ReportStatus.DRAFT, None, None, now, now)
    uow.reports.put(record)
    uow.commit()
    return record.id


def get_report(uow: UnitOfWork, report_id: str) -> ReportRecord:
    """Return the stored report with that id."""
    return _stored(uow, report_id)


def list_reports(uow: UnitOfWork, year: int | None = None, kind: ReportKind | None = None) -> list[ReportRecord]:
    """Return the stored reports (of a year, of a kind), the latest quarter first."""
    return uow.reports.find(year, kind)


def delete_draft(uow: UnitOfWork, report_id: str) -> None:
    """Delete a draft; an issued report is kept."""
    check_editable(_stored(uow, report_id))
    uow.reports.remove(report_id)
    uow.commit()


def next_number(uow: UnitOfWork, symbol: str, issued_on: date) -> int:
    """Return the number a report of a symbol issued on a day would take: the next one of the committee's term."""
    return uow.reports.last_issued(symbol, report_term(uow).start_of(issued_on))[0] + 1


def issue_report(uow: UnitOfWork, report_id: str, issued_on: date) -> int:
    """Issue a draft on a day with the next number of its symbol in the committee's term; return the number.

    The report must name its symbol, place, issuing body, subject and signer; its date may not come before
    its quarter began, nor before the last report numbered in the same series.
    """
    require_settings(uow)
    record = _stored(uow, report_id)
    check_editable(record)
    check_issuable(record.draft)
    term_start = report_term(uow).start_of(issued_on)
    last_number, last_day = uow.reports.last_issued(record.draft.symbol, term_start)
    check_issue_date(record.draft, issued_on, last_day)
    issued = replace(record, draft=replace(record.draft, issued_on=issued_on), status=ReportStatus.ISSUED,
                     number=last_number + 1, term_start=term_start, updated_at=datetime.now())
    uow.reports.put(issued)
    uow.commit()
    return last_number + 1


# --- the document ----------------------------------------------------------------------------------


def compose(draft: ReportDraft, figures: ReportFigures, number: int | None = None,
            status: ReportStatus = ReportStatus.DRAFT) -> ReportDocument:
    """Return a report ready to render from its texts, its figures, and once issued its number."""
    heading = Heading(draft.higher_body, draft.issuing_body, number_text(number, draft.symbol), draft.place,
                      draft.issued_on, draft.subject)
    return ReportDocument(heading, draft.narrative, figures, status)


def document(uow: UnitOfWork, report_id: str) -> ReportDocument:
    """Return a stored report ready to render: its heading, its narrative and its figures computed anew."""
    record = _stored(uow, report_id)
    draft = record.draft
    figures = report_data.figures(uow, draft.kind, draft.scope_id, draft.year, draft.quarter)
    return compose(draft, figures, record.number, record.status)
