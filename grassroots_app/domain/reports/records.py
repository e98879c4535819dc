"""Report records: a draft the clerk edits, an issued report that keeps its number; the committee's term (pure).

Numbers run from 1 for each type of document (its symbol, "BC/BTCTU") within one term of the committee,
not reset each year (Hướng dẫn 36-HD/VPTW); the term is a setting (first year, length in years).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from grassroots_app.domain.calendar import check_quarter, check_year, quarter_span
from grassroots_app.domain.errors import N_, InvalidInput, Labelled, RuleViolation, enum_member, register_labels
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.reports.model import Narrative, ReportKind, ReportStatus, Signer
from grassroots_app.domain.text import TextField, check_characters, clean_text

MAX_LINE = 200  # a heading field, a recipient, the signer's name or title
MAX_SUBJECT = 500
MAX_SYMBOL = 40
MAX_SECTION = 20000  # one narrative section
MAX_RECIPIENTS = 30
MAX_TERM_YEARS = 10
DRAFT_NUMBER = "   "  # the blank left for the number until the report is issued
_BLANK_LINES = re.compile(r"\n{3,}")


class Part(str, Labelled):
    """A part of a report that must be filled in before it is issued."""

    SYMBOL = "symbol"
    PLACE = "place"
    ISSUING_BODY = "issuing_body"
    SUBJECT = "subject"
    SIGNER = "signer"


register_labels(
    [
        (Part.SYMBOL, N_("the document symbol")),
        (Part.PLACE, N_("the place")),
        (Part.ISSUING_BODY, N_("the issuing body")),
        (Part.SUBJECT, N_("the subject")),
        (Part.SIGNER, N_("the signer's name")),
    ]
)


@dataclass(frozen=True)
class ReportTerm:
    """The committee's term: the first year of a term and the length of every term in years."""

    start_year: int = 2025
    years: int = 5

    def __post_init__(self) -> None:
        check_year(self.start_year)
        if not 1 <= self.years <= MAX_TERM_YEARS:
            raise InvalidInput(N_("A term lasts from 1 to {most} years."), most=MAX_TERM_YEARS)

    def start_of(self, day: date) -> int:
        """Return the first year of the term a day falls in."""
        return self.start_year + (day.year - self.start_year) // self.years * self.years


@dataclass(frozen=True)
class ReportDraft:
    """What the clerk writes of a report: what it covers, its heading and its narrative; `id` "" until saved."""

    kind: ReportKind
    scope_id: str
    year: int
    quarter: int
    issued_on: date  # the date the document carries
    symbol: str = ""
    place: str = ""
    higher_body: str = ""
    issuing_body: str = ""
    subject: str = ""
    narrative: Narrative = field(default_factory=Narrative)
    id: str = ""


@dataclass(frozen=True)
class ReportRecord:
    """A stored report: the draft, its status, and once issued its number and the first year of its term."""

    draft: ReportDraft
    status: ReportStatus
    number: int | None
    term_start: int | None
    created_at: datetime
    updated_at: datetime

    @property
    def id(self) -> str:
        """Return the report's id."""
        return self.draft.id

    @property
    def number_text(self) -> str:
        """Return the number as the heading prints it: "Số 12-BC/BTCTU" (a blank for a draft)."""
        return number_text(self.number, self.draft.symbol)


def number_text(number: int | None, symbol: str) -> str:
    """Return "Số 05-BC/BTCTU" (numbers below 10 with a leading zero), or "Số     -BC/BTCTU" without a number."""
    return f"Số {DRAFT_NUMBER if number is None else f'{number:02d}'}-{symbol}"


def _line(text: str, limit: int) -> str:
    """Return one line of text normalized, or refuse control characters or a line longer than the limit."""
    return clean_text(text, limit, TextField.REPORT)


def clean_section(text: str) -> str:
    """Return a section's text NFC-normalized, line ends unified, trailing spaces and extra blank lines removed."""
    check_characters(text, TextField.REPORT)
    lines = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cleaned = _BLANK_LINES.sub("\n\n", "\n".join(line.rstrip() for line in lines)).strip("\n")
    if len(cleaned) > MAX_SECTION:
        raise InvalidInput(N_("A section is longer than {limit} characters."), limit=MAX_SECTION)
    return cleaned


def _narrative(narrative: Narrative) -> Narrative:
    recipients = tuple(line for line in (_line(item, MAX_LINE) for item in narrative.recipients) if line)
    if len(recipients) > MAX_RECIPIENTS:
        raise InvalidInput(N_("A report has at most {most} recipients."), most=MAX_RECIPIENTS)
    signer = narrative.signer
    return replace(
        narrative, situation=clean_section(narrative.situation), results=clean_section(narrative.results),
        assessment=clean_section(narrative.assessment), next_tasks=clean_section(narrative.next_tasks),
        proposals=clean_section(narrative.proposals), recipients=recipients,
        signer=Signer(*(_line(text, MAX_LINE) for text in (signer.capacity, signer.title, signer.name))),
    )


def report_kind(value: str) -> ReportKind:
    """Return the kind of report a value names, or refuse an unknown one."""
    return enum_member(ReportKind, value, N_("'{kind}' is not a kind of report."), "kind")


def clean_draft(draft: ReportDraft) -> ReportDraft:
    """Return the draft with its texts normalized, or refuse a bad kind, quarter or an overlong text."""
    check_quarter(draft.quarter)
    check_year(draft.year)
    return replace(
        draft,
        kind=report_kind(draft.kind),
        symbol=_line(draft.symbol, MAX_SYMBOL).replace(" ", ""),
        place=_line(draft.place, MAX_LINE),
        higher_body=_line(draft.higher_body, MAX_LINE),
        issuing_body=_line(draft.issuing_body, MAX_LINE),
        subject=_line(draft.subject, MAX_SUBJECT),
        narrative=_narrative(draft.narrative),
    )


def check_editable(record: ReportRecord) -> None:
    """Refuse to change an issued report."""
    if record.status is ReportStatus.ISSUED:
        raise RuleViolation(
            N_("Report {number} was issued on {day}; an issued report is read-only."),
            number=record.number_text, day=format_date(record.draft.issued_on),
        )


def check_issuable(draft: ReportDraft) -> None:
    """Refuse to issue a report whose symbol, place, issuing body, subject or signer's name is empty."""
    filled = {
        Part.SYMBOL: draft.symbol, Part.PLACE: draft.place, Part.ISSUING_BODY: draft.issuing_body,
        Part.SUBJECT: draft.subject, Part.SIGNER: draft.narrative.signer.name,
    }
    missing = tuple(part for part, text in filled.items() if not text)
    if missing:
        raise InvalidInput(N_("Fill in {missing} before issuing the report."), missing=missing)


def check_issue_date(draft: ReportDraft, on: date, last_issued: date | None) -> None:
    """Refuse a date before the report's quarter begins, or before the last report issued in the same series."""
    first = quarter_span(draft.year, draft.quarter)[0]
    if on < first:
        raise RuleViolation(
            N_("A report on quarter {quarter} of {year} cannot be dated before the quarter begins ({day})."),
            quarter=draft.quarter, year=draft.year, day=format_date(first),
        )
    if last_issued is not None and on < last_issued:
        raise RuleViolation(
            N_("The last report numbered in this series is dated {day}; a later number cannot carry an earlier date."),
            day=format_date(last_issued),
        )
