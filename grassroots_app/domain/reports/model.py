"""The finished figures and texts of a quarterly report, as renderers receive them (pure data, no queries).

Everything is already in the words and order the document prints: names, paths and labels in Vietnamese,
rows sorted. Numbers stay numbers; the renderers format them (decimal comma, dd/mm/yyyy).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class ReportKind(str, Enum):
    """What the report covers: one cluster, or a whole district or province (all its clusters)."""

    CLUSTER = "cluster"
    AREA = "area"


class ReportStatus(str, Enum):
    """A draft can still be edited; an issued report keeps its number and is read-only."""

    DRAFT = "draft"
    ISSUED = "issued"


@dataclass(frozen=True)
class QuarterRef:
    """A quarter of a year: [first, end)."""

    year: int
    quarter: int  # 1..4
    first: date
    end: date  # the day after the quarter's last day


@dataclass(frozen=True)
class ChargeRow:
    """Who was in charge of what during the quarter (one assignment that ran on some day of it)."""

    target_path: str  # "Xã A / Ấp B" (below the area), as on the last day the assignment ran in the quarter
    level_label: str  # "xã", "ấp", "cụm"...
    role: str
    cadre_name: str
    start: date
    end: date | None  # None: still running after the quarter
    decision: str  # its number and date, "12-QĐ/HU, 05/01/2026", or ""


@dataclass(frozen=True)
class CoverageRow:
    """Coverage of one commune at the end of the quarter and at the end of the previous one."""

    commune: str
    hamlets: int
    hamlets_covered: int
    groups: int
    groups_covered: int
    commune_covered: bool
    gaps: int
    gaps_before: int  # at the end of the previous quarter (0 if the commune was not in the area then)


@dataclass(frozen=True)
class AttendanceRow:
    """A cadre's meetings attended and visits made in the quarter, against their target."""

    cadre_name: str
    tier_label: str
    targets: str  # what they are in charge of, short: "Xã A; Ấp B"
    committee_meetings: int
    cell_meetings: int
    visits: int  # household visits, group meetings, work with the commune, other
    target: int  # meetings the quarter asks (0: none set)
    met: bool


@dataclass(frozen=True)
class BaseDayRow:
    """One meeting-free day of the quarter: visits planned, activities recorded, targets reached."""

    day: date
    planned: int
    held: int  # activities recorded that day by cadres in the area
    targets_visited: int


@dataclass(frozen=True)
class RecommendationRow:
    """A residents' recommendation handled or still pending in the quarter."""

    raised_on: date
    unit: str
    field_label: str
    content: str
    status_label: str  # as at the end of the quarter
    due: date | None
    overdue: bool  # at the end of the quarter
    forwarded_to: str
    carried_over: bool  # raised before the quarter and still pending at its start


@dataclass(frozen=True)
class RecommendationFigures:
    """Counts for the quarter: raised in it, and the state at its end (carried-over ones included)."""

    carried_over: int
    raised: int
    resolved: int  # resolved at the base during the quarter
    forwarded: int  # forwarded during the quarter
    answered: int  # answered during the quarter
    closed: int  # closed during the quarter
    pending: int  # still open or forwarded at the end of the quarter
    overdue: int  # pending and past due at the end of the quarter
    by_field: tuple[tuple[str, int], ...]  # (field label, raised in the quarter)


@dataclass(frozen=True)
class GradeCount:
    """How many units of a level got one grade, and the share as reports print it."""

    grade_label: str
    count: int
    share_text: str  # "18/21 = 85,71 %"


@dataclass(frozen=True)
class RatingLevelRow:
    """The latest ratings of one level (communes' party committees, hamlets) in the area."""

    level_label: str
    total: int
    grades: tuple[GradeCount, ...]  # the four grades, best first
    good_or_better: GradeCount  # grade_label "Hoàn thành tốt nhiệm vụ trở lên"


@dataclass(frozen=True)
class ReportFigures:
    """Everything a quarterly report states, for one cluster or one area, as it stood in the quarter."""

    kind: ReportKind
    title: str  # "Cụm số 1 (xã A, xã B, xã C)" or "Tỉnh Nghệ An"
    quarter: QuarterRef
    communes: tuple[str, ...]
    charges: tuple[ChargeRow, ...]
    coverage: tuple[CoverageRow, ...]
    attendance: tuple[AttendanceRow, ...]
    base_days: tuple[BaseDayRow, ...]
    recommendations: RecommendationFigures
    recommendation_rows: tuple[RecommendationRow, ...]
    ratings_year: int | None  # the year of the latest ratings shown (None: none yet)
    ratings: tuple[RatingLevelRow, ...]
    clusters: tuple[str, ...] = ()  # an area report: its clusters' titles
    hamlet_kinds: tuple[str, ...] = ()  # the kinds of the hamlets in the area in the quarter ("bản", "thôn")


@dataclass(frozen=True)
class Signer:
    """Who signs: `capacity` is "T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN" or "" (the head signs directly)."""

    capacity: str
    title: str  # "PHÓ BÍ THƯ" / "TRƯỞNG BAN"
    name: str


@dataclass(frozen=True)
class Narrative:
    """The clerk's text: sections I-V (paragraphs separated by blank lines), recipients, signer."""

    situation: str = ""
    results: str = ""
    assessment: str = ""
    next_tasks: str = ""
    proposals: str = ""
    recipients: tuple[str, ...] = ("Lưu.",)
    signer: Signer = field(default_factory=lambda: Signer("", "", ""))


@dataclass(frozen=True)
class Heading:
    """The header blocks: bodies, number, place and date (Hướng dẫn 36-HD/VPTW)."""

    higher_body: str  # "ĐẢNG BỘ TỈNH VĨNH LONG"
    issuing_body: str  # "BAN TỔ CHỨC" / "HUYỆN ỦY ..."
    number: str  # "Số 12-BC/BTCTU"; "Số     -BC/..." for a draft
    place: str  # "Vĩnh Long"
    issued_on: date
    subject: str  # "Kết quả thực hiện công tác nắm cơ sở quý III năm 2026 của Cụm số 1"


@dataclass(frozen=True)
class ReportDocument:
    """A report ready to render: heading, narrative and figures."""

    heading: Heading
    narrative: Narrative
    figures: ReportFigures
    status: ReportStatus = ReportStatus.DRAFT
