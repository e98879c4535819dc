"""The annexed tables of a report, built once from its figures for both the PDF and the Excel file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from ..domain.formats import format_date, format_number, format_percent
from ..domain.ratings import share
from ..domain.reports.formatting import format_change
from ..domain.reports.model import (
    AttendanceRow,
    BaseDayRow,
    ChargeRow,
    CoverageRow,
    RatingLevelRow,
    RecommendationFigures,
    RecommendationRow,
    ReportFigures,
)
from ..domain.reports.sentences import HAMLETS_IN_GENERAL, hamlet_words

CellValue = str | int | float | date | None


class Kind(str, Enum):
    """What a column holds, which decides how both renderers write and align it."""

    TEXT = "text"
    ORDINAL = "ordinal"  # the row number (STT)
    INTEGER = "integer"
    CHANGE = "change"  # a signed integer: +2, -1
    SHARE = "share"  # a fraction, printed as a percentage
    DATE = "date"


@dataclass(frozen=True)
class Column:
    """One column: its header, what it holds and its width in the PDF (millimetres of 165)."""

    header: str
    kind: Kind
    width_mm: float


@dataclass(frozen=True)
class AnnexTable:
    """One annexed table: title, short sheet name, columns, rows and an optional total row."""

    key: str
    title: str
    sheet: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[CellValue, ...], ...]
    total: tuple[CellValue, ...] | None = None


NUMBER = Column("STT", Kind.ORDINAL, 10)
TOTAL_LABEL = "Tổng cộng"
NONE_ROW = "Không có"  # the one row of an empty table
COMMUNE = "Đơn vị hành chính cấp xã"  # right in both models: xã, phường, đặc khu (two-level), thị trấn (three-level)
GAPS, GAPS_BEFORE = "Chỗ trống cuối quý", "Chỗ trống cuối quý trước"
ITEM, RECOMMENDATIONS = "Nội dung", "Số kiến nghị"  # the headers the charts read


def cell_text(value: CellValue, kind: Kind) -> str:
    """Write one cell as the document prints it (decimal comma, dd/mm/yyyy; empty for none)."""
    if value is None or isinstance(value, str):
        return value or ""
    if isinstance(value, date):
        return format_date(value)
    if kind is Kind.SHARE:
        return format_percent(value)
    return format_change(int(value)) if kind is Kind.CHANGE else format_number(value)


def numbered(rows: Sequence[tuple[CellValue, ...]]) -> tuple[tuple[CellValue, ...], ...]:
    """Put the row number (STT) in front of every row."""
    return tuple((index, *row) for index, row in enumerate(rows, start=1))


def column_sums(rows: tuple[tuple[CellValue, ...], ...], columns: tuple[Column, ...]) -> tuple[CellValue, ...] | None:
    """Return the total row of numbered rows ("Tổng cộng", then the sums of the number columns), or None."""
    if not rows:
        return None
    sums = [
        sum(int(value) for row in rows if isinstance(value := row[index], int | float))
        if column.kind in (Kind.INTEGER, Kind.CHANGE) else None
        for index, column in enumerate(columns)
    ]
    return (None, TOTAL_LABEL, *sums[2:])


def charges_table(charges: tuple[ChargeRow, ...]) -> AnnexTable:
    """Who was in charge of what during the quarter."""
    columns = (
        NUMBER,
        Column("Địa bàn phụ trách", Kind.TEXT, 28),
        Column("Cấp", Kind.TEXT, 9),
        Column("Người phụ trách", Kind.TEXT, 22),
        Column("Chức trách", Kind.TEXT, 34),
        Column("Từ ngày", Kind.DATE, 19),
        Column("Đến ngày", Kind.DATE, 19),
        Column("Quyết định (số, ngày)", Kind.TEXT, 24),
    )
    rows = [
        (charge.target_path, charge.level_label, charge.cadre_name, charge.role, charge.start, charge.end,
         charge.decision)
        for charge in charges
    ]
    return AnnexTable("charges", "Phân công phụ trách địa bàn trong quý", "Phân công", columns, numbered(rows))


def coverage_table(coverage: tuple[CoverageRow, ...], hamlets: str = HAMLETS_IN_GENERAL) -> AnnexTable:
    """Coverage per commune at the end of the quarter, against the end of the previous one.

    `hamlets` names the hamlets as the report's text does ("thôn, bản").
    """
    columns = (
        NUMBER,
        Column(COMMUNE, Kind.TEXT, 34),
        Column(f"Số {hamlets}", Kind.INTEGER, 14),
        Column(f"{hamlets[:1].upper()}{hamlets[1:]} có người phụ trách", Kind.INTEGER, 18),
        Column("Số tổ NDTQ", Kind.INTEGER, 14),
        Column("Tổ NDTQ có người phụ trách", Kind.INTEGER, 18),
        Column("Xã có người phụ trách", Kind.TEXT, 15),
        Column(GAPS, Kind.INTEGER, 14),
        Column(GAPS_BEFORE, Kind.INTEGER, 14),
        Column("Tăng (+), giảm (-)", Kind.CHANGE, 14),
    )
    rows = numbered([
        (row.commune, row.hamlets, row.hamlets_covered, row.groups, row.groups_covered,
         "Có" if row.commune_covered else "Không", row.gaps, row.gaps_before, row.gaps - row.gaps_before)
        for row in coverage
    ])
    return AnnexTable("coverage", "Phủ kín địa bàn theo xã cuối quý", "Phủ kín địa bàn", columns, rows,
                      column_sums(rows, columns))


def attendance_result(row: AttendanceRow) -> str:
    """Say whether a cadre met their target ("—" when none is set)."""
    if not row.target:
        return "—"
    return "Đạt" if row.met else "Chưa đạt"


def attendance_table(attendance: tuple[AttendanceRow, ...]) -> AnnexTable:
    """Meetings attended and visits made per cadre, against their target."""
    columns = (
        NUMBER,
        Column("Họ và tên", Kind.TEXT, 30),
        Column("Đối tượng", Kind.TEXT, 22),
        Column("Địa bàn phụ trách", Kind.TEXT, 33),
        Column("Dự họp cấp ủy", Kind.INTEGER, 13),
        Column("Dự sinh hoạt chi bộ", Kind.INTEGER, 14),
        Column("Tiếp xúc, thăm hỏi", Kind.INTEGER, 14),
        Column("Chỉ tiêu trong quý", Kind.INTEGER, 14),
        Column("Kết quả", Kind.TEXT, 15),
    )
    rows = [
        (row.cadre_name, row.tier_label, row.targets, row.committee_meetings, row.cell_meetings, row.visits,
         row.target or None, attendance_result(row))
        for row in attendance
    ]
    return AnnexTable("attendance", "Dự sinh hoạt, tiếp xúc cơ sở của cán bộ phụ trách", "Dự sinh hoạt", columns,
                      numbered(rows))


def base_days_table(base_days: tuple[BaseDayRow, ...]) -> AnnexTable:
    """The meeting-free days of the quarter: visits planned, activities recorded, targets reached."""
    columns = (
        NUMBER,
        Column("Ngày dành cho cơ sở", Kind.DATE, 35),
        Column("Lượt đăng ký xuống cơ sở", Kind.INTEGER, 40),
        Column("Hoạt động đã ghi nhận", Kind.INTEGER, 40),
        Column("Địa bàn được đến", Kind.INTEGER, 40),
    )
    rows = numbered([(day.day, day.planned, day.held, day.targets_visited) for day in base_days])
    return AnnexTable("base_days", "Ngày dành cho cơ sở trong quý", "Ngày cơ sở", columns, rows,
                      column_sums(rows, columns))


def recommendation_figures_table(figures: RecommendationFigures) -> AnnexTable:
    """The quarter's recommendation counts: carried over, raised, handled, pending, overdue."""
    columns = (NUMBER, Column(ITEM, Kind.TEXT, 120), Column(RECOMMENDATIONS, Kind.INTEGER, 35))
    rows = [
        ("Chuyển từ quý trước (chưa giải quyết xong)", figures.carried_over),
        ("Tiếp nhận trong quý", figures.raised),
        ("Giải quyết tại cơ sở", figures.resolved),
        ("Chuyển cơ quan có thẩm quyền", figures.forwarded),
        ("Đã được trả lời", figures.answered),
        ("Đã kết thúc", figures.closed),
        ("Còn đang xử lý cuối quý", figures.pending),
        ("Trong đó: quá hạn", figures.overdue),
    ]
    return AnnexTable("recommendation_figures", "Tổng hợp kiến nghị của nhân dân", "Kiến nghị - tổng hợp", columns,
                      numbered(rows))


def recommendation_fields_table(figures: RecommendationFigures) -> AnnexTable:
    """Recommendations raised in the quarter, per field."""
    columns = (NUMBER, Column("Lĩnh vực", Kind.TEXT, 120), Column("Tiếp nhận trong quý", Kind.INTEGER, 35))
    rows = numbered(list(figures.by_field))
    return AnnexTable("recommendation_fields", "Kiến nghị tiếp nhận trong quý theo lĩnh vực", "Kiến nghị - lĩnh vực",
                      columns, rows, column_sums(rows, columns))


def recommendation_state(row: RecommendationRow) -> str:
    """Describe where a recommendation stands: status, the body it went to, overdue, carried over."""
    parts = [f"{row.status_label} ({row.forwarded_to})" if row.forwarded_to else row.status_label]
    if row.overdue:
        parts.append("quá hạn")
    if row.carried_over:
        parts.append("từ quý trước")
    return "; ".join(parts)


def recommendation_list_table(recommendations: tuple[RecommendationRow, ...]) -> AnnexTable:
    """Every recommendation handled or pending in the quarter."""
    columns = (
        NUMBER,
        Column("Ngày tiếp nhận", Kind.DATE, 19),
        Column("Đơn vị", Kind.TEXT, 22),
        Column("Lĩnh vực", Kind.TEXT, 17),
        Column("Nội dung", Kind.TEXT, 46),
        Column("Tình trạng cuối quý", Kind.TEXT, 32),
        Column("Hạn giải quyết", Kind.DATE, 19),
    )
    rows = [
        (row.raised_on, row.unit, row.field_label, row.content, recommendation_state(row), row.due)
        for row in recommendations
    ]
    return AnnexTable("recommendations", "Danh sách kiến nghị của nhân dân", "Kiến nghị - danh sách", columns,
                      numbered(rows))


def rating_rows(level: RatingLevelRow) -> list[tuple[CellValue, ...]]:
    """Return one level's rows: each grade, then "good or better", with count, total and share."""
    grades = (*level.grades, level.good_or_better)
    return [
        (level.level_label, grade.grade_label, grade.count, level.total, share(grade.count, level.total))
        for grade in grades
    ]


def ratings_table(year: int | None, ratings: tuple[RatingLevelRow, ...]) -> AnnexTable:
    """The latest quality ratings per level, with their shares."""
    columns = (
        Column("Loại hình", Kind.TEXT, 38),
        Column("Xếp loại", Kind.TEXT, 62),
        Column("Số lượng", Kind.INTEGER, 20),
        Column("Tổng số", Kind.INTEGER, 20),
        Column("Tỷ lệ", Kind.SHARE, 25),
    )
    title = f"Kết quả đánh giá, xếp loại chất lượng năm {year}" if year else "Kết quả đánh giá, xếp loại chất lượng"
    rows = tuple(row for level in ratings for row in rating_rows(level))
    return AnnexTable("ratings", title, "Xếp loại chất lượng", columns, rows)


def annex_tables(figures: ReportFigures) -> list[AnnexTable]:
    """Build every annexed table of a report, in the order the document prints them."""
    return [
        charges_table(figures.charges),
        coverage_table(figures.coverage, hamlet_words(figures)),
        attendance_table(figures.attendance),
        base_days_table(figures.base_days),
        recommendation_figures_table(figures.recommendations),
        recommendation_fields_table(figures.recommendations),
        recommendation_list_table(figures.recommendation_rows),
        ratings_table(figures.ratings_year, figures.ratings),
    ]
