"""Report records on a real SQLite file: drafts saved and edited, issued with the next number of the committee's
term (continuing across years, restarting with a new term), read-only once issued, undoable, refused cleanly."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from grassroots_app.domain.errors import InvalidInput, NotFound, RuleViolation
from grassroots_app.domain.reports.model import Narrative, ReportKind, ReportStatus, Signer
from grassroots_app.domain.reports.records import ReportDraft, ReportTerm
from grassroots_app.services import reports
from tests.integration.fieldlog_support import Place, build_place, refused, undone_and_redone
from tests.integration.support import Env

SIGNER = Signer("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn An")


@pytest.fixture
def place(two_level: Env) -> Place:
    """The small province of the field log tests (Cụm Bắc holds Xã Long Hồ)."""
    return build_place(two_level)


def draft(area: Place, year: int = 2026, quarter: int = 3, **fields: object) -> ReportDraft:
    """Return a complete draft of Cụm Bắc's report on a quarter."""
    values: dict[str, object] = {
        "symbol": "BC/BTCTU", "place": "Vĩnh Long", "higher_body": "ĐẢNG BỘ TỈNH VĨNH LONG",
        "issuing_body": "BAN TỔ CHỨC", "subject": f"Kết quả quý {quarter} năm {year}",
        "narrative": Narrative(situation="Tình hình ổn định.", recipients=("Thường trực Tỉnh ủy", "Lưu."),
                               signer=SIGNER),
    }
    values.update(fields)
    return ReportDraft(ReportKind.CLUSTER, area.cluster.id, year, quarter, date(2026, 10, 5), **values)  # type: ignore[arg-type]


def saved(env: Env, area: Place, **fields: object) -> str:
    """Save a new draft; return its id."""
    return env.run(reports.save_draft, draft(area, **fields))


def test_a_draft_is_saved_edited_listed_and_deleted(two_level: Env, place: Place) -> None:
    report_id = saved(two_level, place, subject="  Kết quả   quý III ")
    stored = two_level.run(reports.get_report, report_id)
    assert (stored.status, stored.number, stored.draft.subject) == (ReportStatus.DRAFT, None, "Kết quả quý III")
    assert stored.draft.narrative.recipients == ("Thường trực Tỉnh ủy", "Lưu.")
    edited = replace(stored.draft, narrative=replace(stored.draft.narrative, assessment="Ưu điểm:\n- Sâu sát."))
    assert two_level.run(reports.save_draft, edited) == report_id
    again = two_level.run(reports.get_report, report_id)
    assert again.draft.narrative.assessment == "Ưu điểm:\n- Sâu sát."
    assert again.created_at == stored.created_at and again.updated_at >= stored.updated_at
    other = saved(two_level, place, quarter=2)
    assert [record.id for record in two_level.run(reports.list_reports)] == [report_id, other]
    assert [record.id for record in two_level.run(reports.list_reports, 2026, ReportKind.AREA)] == []
    two_level.run(reports.delete_draft, other)
    assert [record.id for record in two_level.run(reports.list_reports, year=2026)] == [report_id]


def test_numbers_continue_across_years_and_restart_with_a_new_term(two_level: Env, place: Place) -> None:
    two_level.run(reports.set_report_term, ReportTerm(2021, 5))
    assert two_level.run(reports.report_term) == ReportTerm(2021, 5)
    issued = [
        (2024, 3, date(2024, 10, 5)), (2025, 4, date(2025, 12, 20)),  # one term: 2021-2025
        (2025, 4, date(2026, 1, 10)), (2026, 1, date(2026, 4, 5)),  # the next: 2026-2030
    ]
    numbers = [two_level.run(reports.issue_report, saved(two_level, place, year=year, quarter=quarter), on)
               for year, quarter, on in issued]
    assert numbers == [1, 2, 1, 2]
    other_series = saved(two_level, place, symbol="BC/HU")
    assert two_level.run(reports.issue_report, other_series, date(2026, 10, 5)) == 1
    record = two_level.run(reports.list_reports, 2026)[-1]
    assert (record.number, record.term_start, record.number_text) == (2, 2026, "Số 02-BC/BTCTU")


def test_an_issued_report_is_read_only(two_level: Env, place: Place) -> None:
    report_id = saved(two_level, place)
    two_level.run(reports.issue_report, report_id, date(2026, 10, 5))
    stored = two_level.run(reports.get_report, report_id)
    message = "Số 01-BC/BTCTU was issued on 05/10/2026; an issued report is read-only"
    refused(two_level, RuleViolation, message, reports.save_draft, replace(stored.draft, subject="Khác"))
    refused(two_level, RuleViolation, message, reports.delete_draft, report_id)
    refused(two_level, RuleViolation, message, reports.issue_report, report_id, date(2026, 10, 6))


def test_the_document_carries_the_heading_and_the_figures(two_level: Env, place: Place) -> None:
    report_id = saved(two_level, place)
    document = two_level.run(reports.document, report_id)
    assert document.heading.number == "Số    -BC/BTCTU"
    assert (document.status, document.figures.title) == (ReportStatus.DRAFT, "Cụm Bắc (xã Long Hồ)")
    two_level.run(reports.issue_report, report_id, date(2026, 10, 7))
    document = two_level.run(reports.document, report_id)
    assert (document.heading.number, document.heading.issued_on, document.status) == (
        "Số 01-BC/BTCTU", date(2026, 10, 7), ReportStatus.ISSUED)
    assert document.narrative.signer == SIGNER


def test_a_new_draft_has_the_default_texts_and_the_last_heading(two_level: Env, place: Place) -> None:
    first = two_level.run(reports.new_draft, ReportKind.CLUSTER, place.cluster.id, 2026, 3, date(2026, 10, 2))
    assert (first.higher_body, first.issuing_body, first.symbol, first.place) == (
        "TỈNH ỦY VĨNH LONG", "BAN TỔ CHỨC", "BC/BTCTU", "Vĩnh Long")
    assert first.subject == "Kết quả thực hiện công tác nắm cơ sở quý III năm 2026 của Cụm Bắc (xã Long Hồ)"
    assert first.narrative.results.startswith("1. Phân công cán bộ phụ trách địa bàn: trong quý có 2 đồng chí")
    assert first.narrative.situation.startswith("Cụm gồm 1 xã, 2 ấp và 1 tổ nhân dân tự quản.")
    saved(two_level, place, symbol="BC/BTCHU", place="Long Hồ")
    area = two_level.run(reports.new_draft, ReportKind.AREA, place.province.id, 2026, 3)
    assert (area.symbol, area.place, area.narrative.signer) == ("BC/BTCHU", "Long Hồ", SIGNER)
    assert area.subject.endswith("trên địa bàn tỉnh Vĩnh Long")


def test_a_new_draft_takes_no_heading_from_another_committee(two_level: Env, place: Place) -> None:
    saved(two_level, place, symbol="BC/BTCHU", place="Long Hồ")
    other = two_level.unit("Tỉnh Cà Mau")
    draft_elsewhere = two_level.run(reports.new_draft, ReportKind.AREA, other.id, 2026, 3)
    assert (draft_elsewhere.higher_body, draft_elsewhere.symbol, draft_elsewhere.place) == (
        "TỈNH ỦY CÀ MAU", "BC/BTCTU", "Cà Mau")
    assert draft_elsewhere.narrative.signer != SIGNER
    at_home = two_level.run(reports.new_draft, ReportKind.AREA, place.province.id, 2026, 3)
    assert (at_home.symbol, at_home.place, at_home.narrative.signer) == ("BC/BTCHU", "Long Hồ", SIGNER)


def test_saving_and_issuing_can_be_undone_and_redone(two_level: Env, place: Place) -> None:
    undone_and_redone(two_level, reports.save_draft, draft(place))
    report_id = saved(two_level, place)
    undone_and_redone(two_level, reports.issue_report, report_id, date(2026, 10, 5))


@pytest.mark.parametrize(
    ("fields", "error", "match"),
    [
        ({"scope_id": "no-such-cluster"}, NotFound, "No cluster has the id"),
        ({"quarter": 5}, InvalidInput, "between 1 and 4, not 5"),
        ({"year": 2019, "quarter": 4}, RuleViolation, "did not exist between 01/10/2019 and 31/12/2019"),
        ({"year": 2099, "quarter": 1}, InvalidInput, "Quarter 1 of 2099 has not begun yet"),
        ({"kind": "weekly"}, InvalidInput, "'weekly' is not a kind of report"),
        ({"subject": "x" * 501}, InvalidInput, "longer than 500 characters"),
    ],
)
def test_a_bad_draft_is_refused_and_nothing_is_written(
    two_level: Env, place: Place, fields: dict[str, object], error: type[Exception], match: str
) -> None:
    refused(two_level, error, match, reports.save_draft, replace(draft(place), **fields))  # type: ignore[arg-type]


def test_an_area_report_covers_a_district_or_a_province(two_level: Env, place: Place) -> None:
    wrong = replace(draft(place), kind=ReportKind.AREA, scope_id=place.long_ho.id)
    refused(two_level, RuleViolation, "not a commune", reports.save_draft, wrong)


def test_issuing_is_refused_cleanly(two_level: Env, place: Place) -> None:
    unsigned = saved(two_level, place, narrative=Narrative(), place="")
    refused(two_level, InvalidInput, "Fill in the place / the signer's name before issuing", reports.issue_report,
            unsigned, date(2026, 10, 5))
    report_id = saved(two_level, place)
    refused(two_level, RuleViolation, r"before the quarter begins \(01/07/2026\)", reports.issue_report, report_id,
            date(2026, 6, 30))
    two_level.run(reports.issue_report, saved(two_level, place), date(2026, 10, 10))
    refused(two_level, RuleViolation, "dated 10/10/2026; a later number cannot carry an earlier date",
            reports.issue_report, report_id, date(2026, 10, 9))
    refused(two_level, NotFound, "No report has the id 'nope'", reports.issue_report, "nope", date(2026, 10, 9))
    refused(two_level, NotFound, "No report has the id 'nope'", reports.document, "nope")
