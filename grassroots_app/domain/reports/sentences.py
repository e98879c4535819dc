"""The default texts of a report: its subject, a skeleton of section I and section II with the figures filled in
as Vietnamese sentences the clerk can edit (pure). Paragraphs are separated by blank lines."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from grassroots_app.domain.formats import format_number
from grassroots_app.domain.hierarchy import UNIT_KINDS, guess_kind
from grassroots_app.domain.model import Level
from grassroots_app.domain.reports.formatting import quarter_label
from grassroots_app.domain.reports.model import ReportFigures, ReportKind
from grassroots_app.domain.reports.wording import lower_first

HAMLETS_IN_GENERAL = "thôn, tổ dân phố"
KIND_ORDER = ("cụm", *UNIT_KINDS[Level.COMMUNE], *UNIT_KINDS[Level.HAMLET])
SITUATION_HEADINGS = (
    "1. Tình hình chính trị, tư tưởng",
    "2. Tình hình kinh tế - xã hội",
    "3. Tình hình quốc phòng, an ninh, trật tự, an toàn xã hội",
    "4. Tình hình hoạt động của hệ thống chính trị ở cơ sở",
)


def _n(number: int) -> str:
    return format_number(number)


def _listed(parts: list[str]) -> str:
    """Return "a", "a và b" or "a, b và c"."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} và {parts[-1]}"


def _kinds(level: Level, kinds: Iterable[str], default: str) -> str:
    """Return the kinds of a level found, in the usual order ("xã, phường"), or the default."""
    found = set(kinds)
    named = [kind for kind in UNIT_KINDS[level] if kind in found]
    return ", ".join(named) or default


def _communes(figures: ReportFigures) -> str:
    return _kinds(Level.COMMUNE, (guess_kind(Level.COMMUNE, name) for name in figures.communes), "xã")


def hamlet_words(figures: ReportFigures) -> str:
    """Return how the report names its hamlets: the kinds in the area ("thôn, bản"), or "thôn, tổ dân phố".

    The kinds come from the area's hamlets, not from those with a cadre in the quarter, so that every quarter's
    draft and its annex name the same hamlets the same way.
    """
    return _kinds(Level.HAMLET, figures.hamlet_kinds, HAMLETS_IN_GENERAL)


def default_subject(figures: ReportFigures) -> str:
    """Return the subject line: "Kết quả thực hiện công tác nắm cơ sở quý III năm 2026 của Cụm số 1 (…)"."""
    when = quarter_label(figures.quarter.quarter, figures.quarter.year)
    cluster = figures.kind is ReportKind.CLUSTER
    where = f"của {figures.title}" if cluster else f"trên địa bàn {lower_first(figures.title)}"
    return f"Kết quả thực hiện công tác nắm cơ sở {when} {where}"


def default_situation(figures: ReportFigures) -> str:
    """Return section I as a skeleton: the area in figures, then one paragraph to write per heading."""
    hamlets = sum(row.hamlets for row in figures.coverage)
    groups = sum(row.groups for row in figures.coverage)
    area = "Cụm" if figures.kind is ReportKind.CLUSTER else "Địa bàn"
    opening = (
        f"{area} gồm {_n(len(figures.coverage))} {_communes(figures)}, {_n(hamlets)} {hamlet_words(figures)} "
        f"và {_n(groups)} tổ nhân dân tự quản."
    )
    return "\n\n".join([opening, *(f"{heading}: …" for heading in SITUATION_HEADINGS)])


def _charges(figures: ReportFigures) -> str:
    """Return the paragraph on who was in charge, and the coverage at the end of the quarter."""
    targets = Counter(kind for _path, kind in {(row.target_path, row.level_label) for row in figures.charges})
    cadres = len({row.cadre_name for row in figures.charges})
    ordered = sorted(targets, key=lambda kind: KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER))
    held = _listed([f"{_n(targets[kind])} {kind}" for kind in ordered]) if targets else "địa bàn"
    text = f"1. Phân công cán bộ phụ trách địa bàn: trong quý có {_n(cadres)} đồng chí được phân công phụ trách {held}."
    rows = figures.coverage
    if rows:
        communes = sum(row.commune_covered for row in rows)
        hamlets, covered = sum(row.hamlets for row in rows), sum(row.hamlets_covered for row in rows)
        gaps, before = sum(row.gaps for row in rows), sum(row.gaps_before for row in rows)
        text += (
            f" Đến cuối quý, {_n(communes)}/{_n(len(rows))} {_communes(figures)} và {_n(covered)}/{_n(hamlets)} "
            f"{hamlet_words(figures)} có đủ cán bộ phụ trách theo quy định; còn {_n(gaps)} vị trí chưa có cán bộ phụ trách "
            f"(cuối quý trước: {_n(before)})."
        )
    return text


def _meetings(figures: ReportFigures) -> str:
    """Return the paragraph on the meetings attended and the other work at the base."""
    rows = figures.attendance
    cells, committees = sum(row.cell_meetings for row in rows), sum(row.committee_meetings for row in rows)
    visits = sum(row.visits for row in rows)
    text = (
        f"2. Dự sinh hoạt và đi cơ sở: trong quý, các đồng chí phụ trách đã dự {_n(cells)} cuộc sinh hoạt chi bộ, "
        f"{_n(committees)} cuộc họp đảng ủy xã và thực hiện {_n(visits)} lượt công tác khác ở cơ sở (thăm hộ dân, "
        f"dự họp tổ nhân dân tự quản, làm việc với xã)"
    )
    due = [row for row in rows if row.target > 0]
    if due:
        met = sum(row.met for row in due)
        text += f"; {_n(met)}/{_n(len(due))} đồng chí đạt chỉ tiêu dự sinh hoạt của quý"
    return text + "."


def _base_days(figures: ReportFigures) -> str:
    """Return the paragraph on the meeting-free days."""
    days = figures.base_days
    planned, held = sum(day.planned for day in days), sum(day.held for day in days)
    places = sum(day.targets_visited for day in days)
    return (
        f"3. Ngày dành cho cơ sở: quý có {_n(len(days))} ngày hạn chế họp để cán bộ đi cơ sở; theo kế hoạch bố trí "
        f"{_n(planned)} lượt cán bộ đi cơ sở, thực tế ghi nhận {_n(held)} hoạt động tại {_n(places)} lượt địa bàn."
    )


def _recommendations(figures: ReportFigures) -> str:
    """Return the paragraph on residents' recommendations."""
    rec = figures.recommendations
    text = (
        f"4. Kiến nghị của nhân dân: tiếp nhận {_n(rec.raised)} kiến nghị của nhân dân (ngoài {_n(rec.carried_over)} "
        f"kiến nghị chuyển từ quý trước), đã giải quyết tại cơ sở {_n(rec.resolved)}, chuyển cơ quan có thẩm quyền "
        f"{_n(rec.forwarded)}, nhận trả lời {_n(rec.answered)}, kết thúc {_n(rec.closed)}; đến cuối quý còn "
        f"{_n(rec.pending)} kiến nghị đang chờ xử lý, trong đó {_n(rec.overdue)} kiến nghị quá hạn."
    )
    if rec.by_field:
        fields = "; ".join(f"{label} ({_n(number)})" for label, number in rec.by_field)
        text += f" Các kiến nghị tập trung vào: {fields}."
    return text


def _ratings(figures: ReportFigures) -> str:
    """Return the paragraph on the latest ratings: "18/21 = 85,71 % chi bộ ấp hoàn thành tốt nhiệm vụ trở lên"."""
    if figures.ratings_year is None or not figures.ratings:
        return "5. Đánh giá, xếp loại chất lượng: chưa có kết quả đánh giá, xếp loại chất lượng."
    shares = [
        f"{row.good_or_better.share_text} {lower_first(row.level_label)} {lower_first(row.good_or_better.grade_label)}"
        for row in figures.ratings
    ]
    return f"5. Kết quả đánh giá, xếp loại chất lượng năm {figures.ratings_year}: " + "; ".join(shares) + "."


def results_text(figures: ReportFigures) -> str:
    """Return section II with the figures filled in: charges, meetings, base days, recommendations, ratings."""
    parts = (_charges, _meetings, _base_days, _recommendations, _ratings)
    return "\n\n".join(part(figures) for part in parts)
