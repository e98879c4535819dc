"""The pure parts of the quarterly reports: the committee's term and numbering, drafts cleaned and guarded,
recommendations followed over their days in the area, shares as reports print them, the default sentences."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from grassroots_app.domain.errors import InvalidInput, RuleViolation
from grassroots_app.domain.model import Level
from grassroots_app.domain.ratings import Grade
from grassroots_app.domain.recommendations import (
    Recommendation,
    RecommendationField,
    RecommendationStatus,
    StatusChange,
)
from grassroots_app.domain.reports.inputs import Placed, RatedUnit
from grassroots_app.domain.reports.model import (
    AttendanceRow,
    BaseDayRow,
    ChargeRow,
    CoverageRow,
    GradeCount,
    Narrative,
    QuarterRef,
    RatingLevelRow,
    RecommendationFigures,
    ReportFigures,
    ReportKind,
    ReportStatus,
    Signer,
)
from grassroots_app.domain.reports.recommendations import follow, recommendation_figures, recommendation_rows
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
from grassroots_app.domain.reports.rows import rating_rows
from grassroots_app.domain.reports.scope import Scope, ScopeRow
from grassroots_app.domain.reports.sentences import default_situation, default_subject, results_text
from grassroots_app.domain.reports.wording import in_sentence, span_note
from tests.unit.test_architecture import FRAMEWORKS, PACKAGE, imported_modules, top

S, F = RecommendationStatus, RecommendationField
Q3 = QuarterRef(2026, 3, date(2026, 7, 1), date(2026, 10, 1))
EVE, MID = date(2026, 6, 30), date(2026, 8, 15)


def label(member: object) -> str:
    """Label enum members by value, as a stand-in for the Vietnamese catalog."""
    return str(getattr(member, "value", member))


# --- the term and the numbers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "start"),
    [(date(2025, 1, 1), 2025), (date(2029, 12, 31), 2025), (date(2030, 1, 1), 2030), (date(2024, 6, 1), 2020)],
)
def test_the_term_a_day_falls_in(day: date, start: int) -> None:
    assert ReportTerm(2025, 5).start_of(day) == start


def test_a_term_of_no_years_is_refused() -> None:
    with pytest.raises(InvalidInput, match="from 1 to 10 years"):
        ReportTerm(2025, 0)


def test_numbers_print_with_two_digits_and_a_blank_for_a_draft() -> None:
    assert number_text(12, "BC/BTCTU") == "Số 12-BC/BTCTU"
    assert number_text(5, "BC/BTCTU") == "Số 05-BC/BTCTU"
    assert number_text(None, "BC/BTCTU") == "Số    -BC/BTCTU"


# --- drafts ----------------------------------------------------------------------------------------


def draft(**fields: object) -> ReportDraft:
    """Return a complete draft of a cluster report on the third quarter of 2026."""
    narrative = Narrative(signer=Signer("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn An"))
    values: dict[str, object] = {
        "kind": ReportKind.CLUSTER, "scope_id": "c", "year": 2026, "quarter": 3, "issued_on": date(2026, 10, 5),
        "symbol": "BC/BTCTU", "place": "Vĩnh Long", "higher_body": "ĐẢNG BỘ TỈNH VĨNH LONG",
        "issuing_body": "BAN TỔ CHỨC", "subject": "Kết quả quý III", "narrative": narrative,
    }
    values.update(fields)
    return ReportDraft(**values)  # type: ignore[arg-type]


def test_a_draft_is_cleaned_keeping_its_paragraphs() -> None:
    text = "  Dòng một  \r\nDòng hai\n\n\n\nĐoạn hai   \n"
    narrative = Narrative(situation=text, recipients=(" Thường trực Tỉnh ủy ", "", "Lưu."))
    cleaned = clean_draft(draft(narrative=narrative, symbol=" BC/ BTCTU", kind="cluster"))
    assert cleaned.narrative.situation == "  Dòng một\nDòng hai\n\nĐoạn hai"
    assert cleaned.narrative.recipients == ("Thường trực Tỉnh ủy", "Lưu.")
    assert (cleaned.symbol, cleaned.kind) == ("BC/BTCTU", ReportKind.CLUSTER)


@pytest.mark.parametrize(
    ("fields", "match"),
    [({"kind": "weekly"}, "not a kind of report"), ({"quarter": 5}, "between 1 and 4"),
     ({"year": 1800}, "between 1900 and 2200"), ({"subject": "x" * 501}, "longer than 500")],
)
def test_a_bad_draft_is_refused(fields: dict[str, object], match: str) -> None:
    with pytest.raises(InvalidInput, match=match):
        clean_draft(draft(**fields))


def test_an_issued_report_is_read_only() -> None:
    now = datetime(2026, 10, 5, 9, 0)
    record = ReportRecord(draft(), ReportStatus.DRAFT, None, None, now, now)
    check_editable(record)
    with pytest.raises(RuleViolation, match="Số 12-BC/BTCTU was issued on 05/10/2026; an issued report is read-only"):
        check_editable(replace(record, status=ReportStatus.ISSUED, number=12, term_start=2025))


def test_issuing_needs_the_heading_and_the_signer() -> None:
    check_issuable(draft())
    with pytest.raises(InvalidInput, match="Fill in the place / the signer's name before issuing"):
        check_issuable(draft(place="", narrative=Narrative()))


def test_a_report_is_not_dated_before_its_quarter_nor_before_the_last_number() -> None:
    check_issue_date(draft(), date(2026, 7, 1), date(2026, 7, 1))
    with pytest.raises(RuleViolation, match="before the quarter begins \\(01/07/2026\\)"):
        check_issue_date(draft(), date(2026, 6, 30), None)
    with pytest.raises(RuleViolation, match="dated 10/10/2026; a later number cannot carry an earlier date"):
        check_issue_date(draft(), date(2026, 10, 9), date(2026, 10, 10))


# --- wording ---------------------------------------------------------------------------------------


def test_partial_spans_are_noted_with_their_days() -> None:
    first, end = Q3.first, Q3.end
    assert span_note(first, end, first, end) == ""
    assert span_note(first, MID, first, end) == " (đến 14/08/2026)"
    assert span_note(MID, end, first, end) == " (từ 15/08/2026)"
    assert span_note(date(2026, 7, 2), MID, first, end) == " (từ 02/07/2026 đến 14/08/2026)"


def test_names_inside_a_sentence_lower_their_kind() -> None:
    assert in_sentence("Xã Long Hồ", "xã") == "xã Long Hồ"
    assert in_sentence("Thành phố Hồ Chí Minh", "thành phố") == "thành phố Hồ Chí Minh"
    assert in_sentence("Long Hồ", "xã") == "Long Hồ"


# --- recommendations followed over their days in the area ------------------------------------------


def rec(rec_id: str, raised_on: date, due: date | None = None) -> Recommendation:
    """Return an open recommendation raised at Ấp 1."""
    return Recommendation(rec_id, "ap1", raised_on, "cadre", f"Kiến nghị {rec_id}", F.LAND, due)


def history(rec_id: str, raised_on: date, *steps: tuple[date, RecommendationStatus]) -> list[StatusChange]:
    """Return a history: the raising, then the steps in order."""
    changes, old = [StatusChange(rec_id, raised_on, None, S.OPEN)], S.OPEN
    for day, new in steps:
        changes.append(StatusChange(rec_id, day, old, new))
        old = new
    return changes


def scope_with_hamlet(since: date = EVE, until: date = Q3.end) -> Scope:
    """Return a cluster's scope: Xã A and its Ấp 1 over [since, until)."""
    return Scope([ScopeRow("xa", Level.COMMUNE, "xã", "Xã A", None, "xa", since, until),
                  ScopeRow("ap1", Level.HAMLET, "ấp", "Ấp 1", "xa", "xa", since, until)], Q3)


def test_carried_over_raised_and_handled_in_the_quarter() -> None:
    recs = {
        "old-open": (rec("old-open", date(2026, 5, 2), due=date(2026, 9, 1)), []),
        "old-done": (rec("old-done", date(2026, 4, 2)), [(date(2026, 6, 1), S.RESOLVED)]),
        "stepped-first-day": (rec("stepped-first-day", date(2026, 6, 2)), [(Q3.first, S.FORWARDED)]),
        "new": (rec("new", date(2026, 8, 1)), [(date(2026, 8, 2), S.RESOLVED), (date(2026, 9, 1), S.CLOSED)]),
        "later": (rec("later", date(2026, 10, 3)), []),
    }
    placed = [Placed(item, Q3.first, Q3.end) for item, _steps in recs.values()]
    histories = {key: history(key, item.raised_on, *steps) for key, (item, steps) in recs.items()}
    followed = follow(placed, histories)
    assert sorted(item.recommendation.id for item in followed) == ["new", "old-open", "stepped-first-day"]
    figures = recommendation_figures(followed, label)
    counts = (figures.carried_over, figures.raised, figures.resolved, figures.forwarded, figures.closed)
    assert counts == (2, 1, 1, 1, 1)
    assert (figures.pending, figures.overdue, figures.by_field) == (2, 1, (("land", 1),))
    rows = recommendation_rows(followed, scope_with_hamlet(), label)
    assert [(row.unit, row.status_label, row.carried_over, row.overdue) for row in rows] == [
        ("Xã A / Ấp 1", "open", True, True), ("Xã A / Ấp 1", "forwarded", True, False),
        ("Xã A / Ấp 1", "closed", False, False)]


def test_a_unit_that_left_the_area_counts_only_its_days() -> None:
    item = rec("r", date(2026, 7, 10))
    steps = history("r", item.raised_on, (date(2026, 9, 1), S.RESOLVED))
    before = follow([Placed(item, Q3.first, MID)], {"r": steps})
    after = follow([Placed(item, MID, Q3.end)], {"r": steps})
    first, second = recommendation_figures(before, label), recommendation_figures(after, label)
    assert (first.raised, first.resolved, first.pending, first.carried_over) == (1, 0, 1, 0)
    assert (second.raised, second.resolved, second.pending, second.carried_over) == (0, 1, 0, 1)


# --- ratings ---------------------------------------------------------------------------------------


def test_shares_are_printed_with_a_decimal_comma() -> None:
    grades = [Grade.EXCELLENT] * 3 + [Grade.GOOD] * 15 + [Grade.COMPLETED] * 2 + [Grade.NOT_COMPLETED]
    rated = [RatedUnit(f"h{index}", Level.HAMLET, "ấp" if index % 2 else "khu phố", grade)
             for index, grade in enumerate(grades)]
    rated.append(RatedUnit("c", Level.COMMUNE, "xã", Grade.GOOD))
    communes, hamlets = rating_rows(rated, label)
    assert (communes.level_label, communes.total, communes.good_or_better.share_text) == (
        "Đảng bộ xã", 1, "1/1 = 100,00 %")
    assert (hamlets.level_label, hamlets.total) == ("Chi bộ ấp, khu phố", 21)
    assert [grade.share_text for grade in hamlets.grades] == [
        "3/21 = 14,29 %", "15/21 = 71,43 %", "2/21 = 9,52 %", "1/21 = 4,76 %"]
    assert hamlets.good_or_better == GradeCount("Hoàn thành tốt nhiệm vụ trở lên", 18, "18/21 = 85,71 %")


# --- the default texts -----------------------------------------------------------------------------


def figures() -> ReportFigures:
    """Return the figures of a small cluster: two communes, some meetings, recommendations and ratings."""
    charges = (
        ChargeRow("Cụm số 1", "cụm", "UVBTV phụ trách cụm", "Trần Văn Hùng", date(2025, 7, 1), None, ""),
        ChargeRow("Xã A", "xã", "TUV phụ trách xã", "Lê Văn Bình", date(2025, 7, 1), None, ""),
        ChargeRow("Xã A / Ấp 1", "ấp", "Cán bộ phụ trách ấp", "Lê Thị Mai", date(2025, 7, 1), MID, ""),
        ChargeRow("Xã A / Ấp 1", "ấp", "Cán bộ phụ trách ấp", "Phạm Văn Cường", MID, None, ""),
        ChargeRow("Phường B / Khu phố 2", "khu phố", "Cán bộ phụ trách ấp", "Lê Thị Mai", date(2025, 7, 1), None, ""),
    )
    coverage = (CoverageRow("Xã A", 3, 2, 20, 20, True, 1, 2),
                CoverageRow("Phường B (từ 15/08/2026)", 2, 2, 9, 8, False, 2, 0))
    attendance = (AttendanceRow("Lê Văn Bình", "cấp tỉnh", "Xã A", 1, 2, 4, 1, True),
                  AttendanceRow("Lê Thị Mai", "cấp xã", "Ấp 1; Khu phố 2", 0, 1, 1030, 2, False))
    base_days = (BaseDayRow(date(2026, 7, 9), 10, 7, 6), BaseDayRow(date(2026, 7, 15), 5, 3, 3))
    recs = RecommendationFigures(3, 15, 6, 5, 2, 4, 8, 2, (("đất đai", 9), ("an ninh, trật tự", 6)))
    grades = tuple(GradeCount(name, 0, "0/21 = 0,00 %") for name in ("a", "b", "c", "d"))
    ratings = (RatingLevelRow("Chi bộ ấp, khu phố", 21, grades, GradeCount("Hoàn thành tốt nhiệm vụ trở lên", 18,
                                                                          "18/21 = 85,71 %")),)
    return ReportFigures(ReportKind.CLUSTER, "Cụm số 1 (xã A, phường B)", Q3, ("Xã A", "Phường B"), charges,
                         coverage, attendance, base_days, recs, (), 2025, ratings, hamlet_kinds=("khu phố", "ấp"))


def test_the_results_are_written_as_sentences_with_the_figures() -> None:
    text = results_text(figures())
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 5
    assert "có 4 đồng chí được phân công phụ trách 1 cụm, 1 xã, 1 ấp và 1 khu phố" in paragraphs[0]
    assert "1/2 xã, phường và 4/5 ấp, khu phố có đủ cán bộ phụ trách" in paragraphs[0]
    assert "còn 3 vị trí chưa có cán bộ phụ trách (cuối quý trước: 2)" in paragraphs[0]
    assert paragraphs[1].startswith("2. Dự sinh hoạt và đi cơ sở: trong quý, các đồng chí phụ trách đã dự 3 cuộc "
                                    "sinh hoạt chi bộ, 1 cuộc họp đảng ủy xã và thực hiện 1.034 lượt")
    assert paragraphs[1].endswith("; 1/2 đồng chí đạt chỉ tiêu dự sinh hoạt của quý.")
    assert "quý có 2 ngày hạn chế họp" in paragraphs[2] and "ghi nhận 10 hoạt động tại 9 lượt địa bàn" in paragraphs[2]
    assert ("tiếp nhận 15 kiến nghị của nhân dân (ngoài 3 kiến nghị chuyển từ quý trước), đã giải quyết tại cơ sở 6, "
            "chuyển cơ quan có thẩm quyền 5") in paragraphs[3]
    assert "tập trung vào: đất đai (9); an ninh, trật tự (6)." in paragraphs[3]
    assert paragraphs[4] == ("5. Kết quả đánh giá, xếp loại chất lượng năm 2025: 18/21 = 85,71 % chi bộ ấp, khu phố "
                             "hoàn thành tốt nhiệm vụ trở lên.")


def test_the_default_subject_and_situation() -> None:
    assert default_subject(figures()) == (
        "Kết quả thực hiện công tác nắm cơ sở quý III năm 2026 của Cụm số 1 (xã A, phường B)")
    area = replace(figures(), kind=ReportKind.AREA, title="Tỉnh Vĩnh Long")
    assert default_subject(area).endswith("quý III năm 2026 trên địa bàn tỉnh Vĩnh Long")
    situation = default_situation(figures()).split("\n\n")
    assert situation[0] == "Cụm gồm 2 xã, phường, 5 ấp, khu phố và 29 tổ nhân dân tự quản."
    assert situation[1] == "1. Tình hình chính trị, tư tưởng: …"


# --- layering --------------------------------------------------------------------------------------

PURE = ("model", "inputs", "scope", "wording", "rows", "recommendations", "records", "sentences")


@pytest.mark.parametrize("name", PURE)
def test_the_report_builders_and_texts_are_pure(name: str) -> None:
    path = PACKAGE / "domain" / "reports" / f"{name}.py"
    bad = [module for module in imported_modules(path)
           if top(module) in FRAMEWORKS or module.startswith(("grassroots_app.persistence", "grassroots_app.services",
                                                               "grassroots_app.i18n"))]
    assert bad == []
