"""A realistic quarterly cluster report built by hand (Vietnamese names, several pages of rows)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from grassroots_app.domain.reports.model import (
    AttendanceRow,
    BaseDayRow,
    ChargeRow,
    CoverageRow,
    GradeCount,
    Heading,
    Narrative,
    QuarterRef,
    RatingLevelRow,
    RecommendationFigures,
    RecommendationRow,
    ReportDocument,
    ReportFigures,
    ReportKind,
    Signer,
)

FAMILIES = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Dương")
MIDDLES = ("Văn", "Thị", "Minh", "Thanh", "Quốc", "Hoàng", "Ngọc", "Đức")
GIVENS = ("An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hùng", "Khoa", "Lâm", "Mai", "Nghĩa", "Phúc", "Quyên",
          "Sơn", "Tâm", "Thảo", "Uyên", "Việt", "Xuân", "Yến", "Đạt", "Ơn", "Ửng")
COMMUNES = ("Xã Hựu Thành", "Xã Trà Côn", "Xã Vĩnh Xuân", "Xã Thuận Thới", "Thị trấn Trà Ôn", "Xã Lục Sĩ Thành")
FIELDS = ("Đất đai", "Chính sách xã hội", "Hạ tầng, giao thông", "An ninh, trật tự", "Thủ tục hành chính")
STATUSES = ("Đang xử lý", "Đã giải quyết tại cơ sở", "Đã chuyển", "Đã trả lời", "Đã kết thúc")
GRADES = ("Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ",
          "Không hoàn thành nhiệm vụ")
QUARTER = QuarterRef(2026, 3, date(2026, 7, 1), date(2026, 10, 1))


def person(index: int) -> str:
    """Return a Vietnamese full name, different for every index below 1,840."""
    return f"{FAMILIES[index % 10]} {MIDDLES[index // 10 % 8]} {GIVENS[index // 80 % 23]}"


def charges(count: int) -> tuple[ChargeRow, ...]:
    """Return `count` assignments over the cluster's communes, hamlets and groups."""
    rows = []
    for index in range(count):
        commune = COMMUNES[index % len(COMMUNES)]
        if index < len(COMMUNES):
            target, level, role = commune, "xã", "Huyện ủy viên phụ trách xã, thị trấn"
        else:
            target = f"{commune} / Ấp Mỹ Hòa {index % 9 + 1}"
            level, role = ("ấp", "Cán bộ huyện phụ trách ấp, khu phố") if index % 3 else (
                "tổ NDTQ", "Cán bộ, đảng viên phụ trách tổ NDTQ")
            target += "" if index % 3 else f" / Tổ {index % 17 + 1}"
        end = None if index % 5 else date(2026, 8, 31)
        decision = f"{index % 40 + 1:02d}-QĐ/HU, 05/01/2026" if index % 4 else ""
        rows.append(ChargeRow(target, level, role, person(index), date(2025, 7, 1) + timedelta(days=index), end,
                              decision))
    return tuple(rows)


def coverage() -> tuple[CoverageRow, ...]:
    """Return one coverage row per commune, a few of them with gaps."""
    return tuple(
        CoverageRow(commune, 8 + index, 8 + index - index % 3, 40 + 7 * index, 40 + 7 * index - index % 2,
                    index != 4, index % 3 + index % 2, (index * 2) % 5)
        for index, commune in enumerate(COMMUNES)
    )


def attendance(count: int) -> tuple[AttendanceRow, ...]:
    """Return `count` cadres with their meetings and visits against their target."""
    return tuple(
        AttendanceRow(person(index), "Huyện ủy viên" if index % 4 == 0 else "Cán bộ huyện",
                      f"{COMMUNES[index % 6]}; Ấp Mỹ Hòa {index % 9 + 1}", index % 3, index % 4, index % 7,
                      2 if index % 4 == 0 else 0, index % 3 + index % 4 >= 2)
        for index in range(count)
    )


def recommendation_rows(count: int) -> tuple[RecommendationRow, ...]:
    """Return `count` recommendations, some overdue, forwarded or carried over."""
    return tuple(
        RecommendationRow(date(2026, 7, 1) + timedelta(days=index % 90), COMMUNES[index % 6], FIELDS[index % 5],
                          f"Đề nghị sửa chữa tuyến đường liên ấp số {index + 1} bị sạt lở, ảnh hưởng việc đi lại "
                          "của bà con trong mùa mưa lũ.",
                          STATUSES[index % 5], date(2026, 9, 30) if index % 2 else None, index % 7 == 0,
                          "Ủy ban nhân dân huyện Trà Ôn" if index % 5 == 2 else "", index % 6 == 0)
        for index in range(count)
    )


def ratings() -> tuple[RatingLevelRow, ...]:
    """Return the communes' and hamlets' latest ratings (18 of 21 good or better)."""
    def level(label: str, counts: tuple[int, ...]) -> RatingLevelRow:
        total = sum(counts)
        grades = tuple(GradeCount(grade, count, f"{count}/{total}")
                       for grade, count in zip(GRADES, counts, strict=True))
        good = counts[0] + counts[1]
        return RatingLevelRow(label, total, grades, GradeCount("Hoàn thành tốt nhiệm vụ trở lên", good, ""))
    return level("Đảng bộ xã, thị trấn", (4, 14, 2, 1)), level("Chi bộ ấp, khu phố", (10, 38, 7, 0))


def sample_figures(rows: int = 120) -> ReportFigures:
    """Return the figures of one cluster's third quarter of 2026, with `rows` assignments."""
    return ReportFigures(
        kind=ReportKind.CLUSTER,
        title="Cụm số 2 (xã Hựu Thành, xã Trà Côn, xã Vĩnh Xuân…)",
        quarter=QUARTER,
        communes=COMMUNES,
        charges=charges(rows),
        coverage=coverage(),
        attendance=attendance(rows // 2),
        base_days=tuple(BaseDayRow(date(2026, month, day), 12 + day, 9 + day // 3, 7 + month % 3)
                        for month in (7, 8, 9) for day in (9, 15)),
        recommendations=RecommendationFigures(4, 37, 12, 9, 5, 6, 18, 3,
                                              tuple((field, 9 - index) for index, field in enumerate(FIELDS))),
        recommendation_rows=recommendation_rows(rows // 3),
        ratings_year=2025,
        ratings=ratings(),
        hamlet_kinds=("ấp",),
    )


def empty_figures() -> ReportFigures:
    """Return the figures of a quarter in which nothing was recorded."""
    nothing = RecommendationFigures(0, 0, 0, 0, 0, 0, 0, 0, ())
    return replace(sample_figures(), communes=(), charges=(), coverage=(), attendance=(), base_days=(),
                   recommendations=nothing, recommendation_rows=(), ratings_year=None, ratings=(), hamlet_kinds=())


def sample_document(rows: int = 120) -> ReportDocument:
    """Return a complete cluster report: heading, narrative with every section, figures."""
    heading = Heading("Đảng bộ tỉnh Vĩnh Long", "Ban Tổ chức", "Số 12-BC/BTCTU", "Vĩnh Long", date(2026, 2, 5),
                      "Kết quả thực hiện công tác nắm cơ sở quý III năm 2026 của Cụm số 2")
    narrative = Narrative(
        situation="Trong quý, tình hình chính trị, trật tự an toàn xã hội trên địa bàn cụm ổn định; đời sống "
                  "nhân dân từng bước được nâng lên.\n\nMột số ấp bị ảnh hưởng của mưa lũ cuối tháng 9.",
        results="1. Công tác phân công: 100% xã, thị trấn có huyện ủy viên phụ trách; 96 trên 100 ấp có cán bộ "
                "huyện phụ trách.\n2. Dự sinh hoạt: các đồng chí dự 58 cuộc họp cấp ủy, 71 cuộc sinh hoạt chi bộ.\n"
                "3. Kiến nghị của nhân dân: tiếp nhận 37 kiến nghị, giải quyết tại cơ sở 12 kiến nghị (32,43 %).",
        assessment="Ưu điểm: cán bộ phụ trách bám sát cơ sở.\nHạn chế: một số đồng chí chưa dự đủ số buổi "
                   "sinh hoạt theo quy định; nguyên nhân chủ yếu do trùng lịch công tác.",
        next_tasks="Tiếp tục kiện toàn phân công phụ trách các ấp còn trống; theo dõi, đôn đốc giải quyết dứt "
                   "điểm các kiến nghị quá hạn.",
        proposals="",
        recipients=("Ban Thường vụ Tỉnh ủy (b/c)", "Các đồng chí Ủy viên Ban Thường vụ", "Lưu."),
        signer=Signer("T/M Ban Thường vụ", "Phó Bí thư", "Nguyễn Văn Ửng"),
    )
    return ReportDocument(heading, narrative, sample_figures(rows))
