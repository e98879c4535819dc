"""The demo's field log: a year of activities, base-day plans, residents' recommendations and quality ratings.

The year runs from 1 October 2025 to the demo date. Committee members attend the monthly meetings of the
commune party committees and of the party cells of the places they are in charge of, some more often
than their target, some less; the cadres in charge of hamlets attend their party cell's meetings. On the
meeting-free days every cadre goes to one of their targets in turn (household visits, group meetings,
work with the commune); the quarters in PLANNED_QUARTERS have a stored base-day plan, and the activities
of those days fulfil its visits. Residents raise recommendations during these activities, which are then
resolved at the base or forwarded to a named body, answered and closed, or still wait (some overdue).
Every commune and hamlet is rated for 2025 and for the first two quarters of 2026.

The rows go through the demo's bulk writer, drawn from a generator of their own so that the hierarchy and
the cadres are the same as without them. At the national scale, to keep the build within a third more
time, only the two largest cities (NATIONAL_SAMPLE: Hà Nội, and Thành phố Hồ Chí Minh, the province the
benchmarks time) get activities, plans, recommendations and quarterly ratings; every commune and hamlet
of the country still gets its 2025 rating.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, timedelta
from typing import NamedTuple

from grassroots_app.domain.activities import DEFAULT_ATTENDANCE_TARGETS, ActivityKind, target_for
from grassroots_app.domain.calendar import HolidayTable, quarter_of
from grassroots_app.domain.model import Cadre, Level, Preset, Tier
from grassroots_app.domain.ratings import Grade
from grassroots_app.domain.recommendations import RecommendationField, RecommendationStatus
from grassroots_app.persistence.bulk import BulkWriter

LOG_START = date(2025, 10, 1)  # the field log covers the year from here to the demo date
PLANNED_QUARTERS = ((2026, 3),)  # the quarters with a stored base-day plan
RATED_PERIODS = ((2025, None), (2026, 1), (2026, 2))  # (year, quarter or None for the whole year)
NATIONAL_SAMPLE = frozenset({"01", "79"})  # the official codes of the provinces logged at the national scale
WHOLE_YEAR = 0  # the quarter stored for a yearly rating

DONE_PLANNED, DONE_UNPLANNED = 0.8, 0.4  # the share of free days a cadre goes to the base
GROUP_LOGGED = 0.3  # the share of group cadres' unplanned outings that reach the clerk's log
ATTENDANCE_FACTOR = (0.5, 2.0)  # meetings attended a year, as a share of the cadre's target
CELL_SHARE = 0.4  # of a committee member's meetings, those in a party cell rather than the committee
HAMLET_CELL_RATE = (0.4, 0.9)  # the monthly chance that a hamlet's cadre attends its cell's meeting
RAISE_SHARE = 0.12  # the share of activities at a hamlet or group where residents raise something
OPEN_SHARE = 0.1  # recommendations nobody has acted on yet
DUE_SHARE = 0.75
DUE_DAYS = (15, 30, 30, 45, 60, 90)
NO_SCORE_SHARE = 0.2
GRADE_WEIGHTS = {Grade.EXCELLENT: 15, Grade.GOOD: 64, Grade.COMPLETED: 18, Grade.NOT_COMPLETED: 3}
SCORES = {Grade.EXCELLENT: (90, 98), Grade.GOOD: (70, 89.5), Grade.COMPLETED: (50, 69.5),
          Grade.NOT_COMPLETED: (35, 49.5)}
QUARTER_DRIFT = 0.15  # the chance that a quarter's grade is one step off the year's

MINUTES = {
    ActivityKind.COMMITTEE_MEETING: (120, 150, 180, 240),
    ActivityKind.CELL_MEETING: (90, 105, 120, 150),
    ActivityKind.GROUP_MEETING: (60, 90, 90, 120),
    ActivityKind.HOUSEHOLD_VISIT: (60, 90, 120, 150, 180, 240),
    ActivityKind.COMMUNE_WORK: (120, 180, 240),
    ActivityKind.OTHER: (60, 90, 120, 180),
}
NOTES = {  # {month}: the month; {place}: the target in running text ("ấp Bình Hòa"); {n}: households
    ActivityKind.COMMITTEE_MEETING: (
        "Dự hội nghị Ban Chấp hành Đảng bộ {place} tháng {month}",
        "Dự họp thường kỳ Đảng ủy tháng {month}, góp ý dự thảo nghị quyết",
        "Dự họp Đảng ủy, nghe báo cáo tình hình kinh tế - xã hội tháng {month}",
        "",
    ),
    ActivityKind.CELL_MEETING: (
        "Dự sinh hoạt chi bộ {place} tháng {month}",
        "Dự sinh hoạt chuyên đề của chi bộ {place}",
        "Dự sinh hoạt chi bộ, góp ý kế hoạch phát triển đảng viên",
        "",
    ),
    ActivityKind.GROUP_MEETING: (
        "Dự họp tổ, triển khai vệ sinh môi trường",
        "Họp tổ bàn việc bê tông hóa đường nội tổ",
        "Dự họp tổ, phổ biến phòng chống lừa đảo qua mạng",
        "Họp tổ bình xét hộ nghèo, cận nghèo",
        "",
    ),
    ActivityKind.HOUSEHOLD_VISIT: (
        "Thăm {n} hộ, nắm tình hình đời sống",
        "Thăm hộ nghèo, gia đình chính sách ở {place}",
        "Thăm {n} hộ, tuyên truyền phòng chống ma túy",
        "Nắm tình hình sản xuất, tiêu thụ nông sản của {n} hộ",
        "",
    ),
    ActivityKind.COMMUNE_WORK: (
        "Làm việc với Thường trực Đảng ủy {place}",
        "Làm việc với {place} về kết quả thực hiện nghị quyết quý",
        "Nắm tình hình, tháo gỡ khó khăn ở {place}",
        "",
    ),
    ActivityKind.OTHER: (
        "Dự ngày hội Đại đoàn kết toàn dân tộc ở {place}",
        "Tham gia ra quân vệ sinh môi trường ở {place}",
        "",
    ),
}
FIELD_WEIGHTS = {
    RecommendationField.LAND: 25, RecommendationField.SOCIAL_POLICY: 22, RecommendationField.INFRASTRUCTURE: 25,
    RecommendationField.SECURITY: 12, RecommendationField.ADMINISTRATION: 10, RecommendationField.OTHER: 6,
}
FORWARD_SHARE = {  # of the recommendations acted on, those forwarded rather than resolved at the base
    RecommendationField.LAND: 0.7, RecommendationField.SOCIAL_POLICY: 0.5, RecommendationField.INFRASTRUCTURE: 0.65,
    RecommendationField.SECURITY: 0.35, RecommendationField.ADMINISTRATION: 0.4, RecommendationField.OTHER: 0.4,
}
CONTENTS = {  # what residents ask for ({place}: the hamlet in running text), and the answer a body gives
    RecommendationField.LAND: (
        ("Đề nghị sớm cấp giấy chứng nhận quyền sử dụng đất cho các hộ đã nộp hồ sơ từ năm trước.",
         "Hồ sơ đủ điều kiện; giấy chứng nhận được cấp trong quý tới."),
        ("Tranh chấp ranh giới đất giữa hai hộ ở {place}, đề nghị hòa giải.",
         "Đã tổ chức hòa giải, hai bên thống nhất ranh giới theo hiện trạng sử dụng."),
        ("Đề nghị công khai phương án bồi thường, hỗ trợ khi thu hồi đất làm đường.",
         "Phương án bồi thường đã được niêm yết tại trụ sở UBND và nhà văn hóa."),
        ("Đề nghị cho chuyển mục đích đất vườn sang đất ở theo quy hoạch.",
         "Việc chuyển mục đích sử dụng đất thực hiện khi kế hoạch sử dụng đất năm sau được phê duyệt."),
        ("Phản ánh việc san lấp đất nông nghiệp trái phép ven kênh ở {place}.",
         "Đã kiểm tra, lập biên bản, yêu cầu khôi phục hiện trạng đất."),
        ("Diện tích đo đạc thực tế chênh lệch với giấy chứng nhận, đề nghị đo đạc lại.",
         "Đã đo đạc lại; giấy chứng nhận được chỉnh lý theo kết quả đo."),
    ),
    RecommendationField.SOCIAL_POLICY: (
        ("Đề nghị cho hộ cận nghèo được vay vốn ưu đãi để chăn nuôi.",
         "Hộ đủ điều kiện vay vốn; ngân hàng đã giải ngân."),
        ("Đề nghị bổ sung người cao tuổi neo đơn ở {place} vào danh sách hưởng trợ cấp xã hội.",
         "Đã bổ sung vào danh sách hưởng trợ cấp xã hội từ tháng sau."),
        ("Đề nghị hỗ trợ sửa chữa nhà cho gia đình chính sách có nhà bị dột nát.",
         "Đã đưa vào kế hoạch hỗ trợ nhà ở năm sau."),
        ("Phản ánh trợ cấp cho người khuyết tật chi trả chậm trong quý.",
         "Đã chi trả đủ khoản còn chậm; từ quý sau chi trả đúng hạn."),
        ("Đề nghị cấp thẻ bảo hiểm y tế còn thiếu cho trẻ em dưới 6 tuổi.",
         "Đã cấp thẻ bảo hiểm y tế cho các cháu còn thiếu."),
        ("Đề nghị mở lớp dạy nghề ngắn hạn cho lao động nông thôn.", "Đã đưa vào kế hoạch mở lớp dạy nghề năm sau."),
    ),
    RecommendationField.INFRASTRUCTURE: (
        ("Đề nghị sửa chữa đoạn đường trục chính của {place} bị sạt lở, đi lại khó khăn mùa mưa.",
         "Đã bố trí kinh phí, thi công sửa chữa trong tháng tới."),
        ("Đề nghị lắp đèn chiếu sáng tuyến đường vào {place}.",
         "Tuyến đường được đưa vào kế hoạch lắp đèn chiếu sáng năm sau."),
        ("Đề nghị nạo vét kênh thủy lợi nội đồng trước vụ mới.", "Đã nạo vét xong trước vụ mới."),
        ("Nước sinh hoạt thường xuyên bị cắt, đề nghị mở rộng đường ống cấp nước.",
         "Đơn vị cấp nước đã khảo sát, mở rộng đường ống trong năm sau."),
        ("Đề nghị xây cầu bê tông thay cầu tạm cho học sinh đi học.",
         "Công trình được đưa vào kế hoạch đầu tư công trung hạn."),
        ("Nhà văn hóa {place} xuống cấp, đề nghị sửa chữa.", "Đã bố trí kinh phí sửa chữa nhà văn hóa."),
    ),
    RecommendationField.SECURITY: (
        ("Thanh niên tụ tập, chạy xe lạng lách ban đêm trên tuyến đường chính, đề nghị xử lý.",
         "Công an đã tăng cường tuần tra, xử lý các trường hợp vi phạm."),
        ("Có người lạ vận động người dân vay tiền lãi suất cao, đề nghị kiểm tra.",
         "Công an đã xác minh, cảnh báo người dân và xử lý theo quy định."),
        ("Xảy ra mất trộm gia súc ở {place}, đề nghị tăng cường tuần tra.",
         "Đã tổ chức tuần tra ban đêm cùng tổ bảo vệ an ninh, trật tự ở cơ sở."),
        ("Cơ sở karaoke hoạt động quá giờ quy định, gây ồn ào.", "Đã kiểm tra, lập biên bản và xử phạt cơ sở vi phạm."),
    ),
    RecommendationField.ADMINISTRATION: (
        ("Đề nghị rút ngắn thời gian giải quyết hồ sơ chứng thực, đăng ký hộ tịch.",
         "Đã rà soát quy trình; hồ sơ được trả kết quả đúng hạn."),
        ("Người cao tuổi chưa quen nộp hồ sơ trực tuyến, đề nghị bố trí người hướng dẫn tại bộ phận một cửa.",
         "Đã bố trí công chức hướng dẫn tại bộ phận một cửa vào thứ Hai và thứ Năm hằng tuần."),
        ("Đề nghị hướng dẫn thủ tục tách thửa, chuyển nhượng quyền sử dụng đất.",
         "Đã niêm yết quy trình, thành phần hồ sơ tách thửa tại bộ phận một cửa."),
        ("Đề nghị niêm yết công khai phí, lệ phí các thủ tục tại trụ sở sau sắp xếp.",
         "Đã niêm yết công khai thủ tục, phí và lệ phí tại trụ sở."),
    ),
    RecommendationField.OTHER: (
        ("Hộ chăn nuôi xả nước thải ra kênh chung gây ô nhiễm, đề nghị xử lý.",
         "Đã kiểm tra, nhắc nhở hộ vi phạm và hướng dẫn xử lý chất thải."),
        ("Đề nghị hỗ trợ giống cây trồng sau đợt hạn mặn.", "Đã đưa vào kế hoạch hỗ trợ giống của năm sau."),
        ("Đề nghị tổ chức tiêm phòng dịch bệnh cho đàn gia súc, gia cầm.", "Đã tổ chức tiêm phòng đợt bổ sung."),
    ),
}
BODIES = {  # the bodies a commune's recommendations go to: {commune}, {district}, {province} in running text
    Preset.TWO_LEVEL: {
        RecommendationField.LAND: ("UBND {commune}", "Phòng Kinh tế {commune}",
                                   "Sở Nông nghiệp và Môi trường {province}", "Văn phòng Đăng ký đất đai {province}"),
        RecommendationField.SOCIAL_POLICY: ("UBND {commune}", "Phòng Văn hóa - Xã hội {commune}",
                                            "Chi nhánh Ngân hàng Chính sách xã hội {province}"),
        RecommendationField.INFRASTRUCTURE: ("UBND {commune}", "Phòng Kinh tế {commune}", "Sở Xây dựng {province}"),
        RecommendationField.SECURITY: ("Công an {commune}",),
        RecommendationField.ADMINISTRATION: ("UBND {commune}", "Trung tâm Phục vụ hành chính công {province}"),
        RecommendationField.OTHER: ("UBND {commune}", "Sở Nông nghiệp và Môi trường {province}"),
    },
    Preset.THREE_LEVEL: {
        RecommendationField.LAND: ("UBND {commune}", "Phòng Tài nguyên và Môi trường {district}",
                                   "Chi nhánh Văn phòng Đăng ký đất đai {district}"),
        RecommendationField.SOCIAL_POLICY: ("UBND {commune}", "Phòng Lao động - Thương binh và Xã hội {district}",
                                            "Phòng Giao dịch Ngân hàng Chính sách xã hội {district}"),
        RecommendationField.INFRASTRUCTURE: ("UBND {commune}", "Phòng Kinh tế và Hạ tầng {district}"),
        RecommendationField.SECURITY: ("Công an {commune}", "Công an {district}"),
        RecommendationField.ADMINISTRATION: ("UBND {commune}", "Văn phòng HĐND và UBND {district}"),
        RecommendationField.OTHER: ("UBND {commune}", "Phòng Nông nghiệp và Phát triển nông thôn {district}"),
    },
}
RESOLVE_NOTES = (
    "Tổ hòa giải ở cơ sở đã hòa giải thành.",
    "Chi bộ và Ban nhân dân đã vận động, giải quyết xong.",
    "Đã giải thích chính sách, người dân thống nhất.",
)
CLOSE_NOTES = ("Người dân đồng tình với kết quả giải quyết.", "Đã thông báo kết quả cho người dân.", "")
RATING_NOTES = {
    Grade.EXCELLENT: ("Đề nghị khen thưởng.", ""),
    Grade.NOT_COMPLETED: ("Không hoàn thành chỉ tiêu phát triển đảng viên mới.",
                          "Để xảy ra khiếu kiện đông người kéo dài."),
}


STEP_DAYS = {
    RecommendationStatus.RESOLVED: "resolved_on", RecommendationStatus.FORWARDED: "forwarded_on",
    RecommendationStatus.ANSWERED: "answered_on", RecommendationStatus.CLOSED: "closed_on",
}
Step = tuple[date, RecommendationStatus | None, RecommendationStatus, str]  # day, old, new, note


class Charge(NamedTuple):
    """A cadre in charge of a target from a day to a day (None: still)."""

    cadre_id: str
    target_id: str
    level: Level
    start: date
    end: date | None

    def holds(self, day: date) -> bool:
        """Return whether the cadre is in charge on the day."""
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class LogCalendar:
    """The days the field log falls on: the meeting-free days of its year, and the working days."""

    free_days: tuple[date, ...]
    holidays: HolidayTable
    last_day: date

    def meeting_day(self, year: int, month: int, earliest: int) -> date:
        """Return the first working day of a month from a day on that is not a meeting-free day."""
        day = date(year, month, earliest)
        while not self.holidays.is_working_day(day) or day in self.free_days:
            day += timedelta(days=1)
        return day

    @cached_property
    def months(self) -> list[tuple[int, int]]:
        """Return the (year, month) of every month of the log."""
        found, day = [], LOG_START
        while day <= self.last_day:
            found.append((day.year, day.month))
            day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        return found

    @cached_property
    def quarters(self) -> dict[tuple[int, int], list[date]]:
        """Return the meeting-free days of the log by quarter."""
        found: dict[tuple[int, int], list[date]] = defaultdict(list)
        for day in self.free_days:
            found[(day.year, quarter_of(day))].append(day)
        return dict(found)


@dataclass
class _Area:
    """What one district (or a province without districts) holds, for its field log."""

    charges: list[Charge] = field(default_factory=list)
    places: dict[str, str] = field(default_factory=dict)  # unit id -> its name in running text ("ấp Bình Hòa")
    hamlets: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # commune -> hamlets
    members: dict[str, list[str]] = field(default_factory=dict)  # cluster -> communes
    parent: dict[str, str] = field(default_factory=dict)  # hamlet -> commune, group -> hamlet
    meeting_days: dict[tuple[str, int, int], date] = field(default_factory=dict)  # (unit, year, month) -> day


class FieldLog:
    """Writes the demo's field log into the bulk writer, one district (or province) at a time."""

    def __init__(
        self, seed: int, out: BulkWriter, preset: Preset, calendar: LogCalendar, sample: frozenset[str] | None = None
    ) -> None:
        self.rng = random.Random(f"{seed}/field log")
        self.out = out
        self.preset = preset
        self.calendar = calendar
        self.sample = sample  # the codes of the provinces to log (None: all of them)
        self.active = True
        self.area = _Area()
        self.provinces: dict[str, str] = {}  # id -> its name in running text ("tỉnh Lạng Sơn")
        self.targets: dict[str, int] = {}  # cadre id -> meetings a year due
        self.counts = dict.fromkeys(["activity", "base_visit", "recommendation", "rating"], 0)
        self.fields = list(FIELD_WEIGHTS)
        self.field_weights = list(FIELD_WEIGHTS.values())

    def new_id(self) -> str:
        """Return the next identifier drawn from the field log's generator."""
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    # -- what the demo builder reports

    def province(self, code: str | None) -> None:
        """Start a province: its field log is written when it is in the sample (or there is no sample)."""
        self.active = self.sample is None or code in self.sample

    def unit(self, unit_id: str, level: Level, kind: str, short: str, parent_id: str | None) -> None:
        """Note a new unit; rate it when it is a commune or a hamlet."""
        if level in (Level.COMMUNE, Level.HAMLET):
            self.rate(unit_id)
        if not self.active:
            return
        if parent_id is None:
            self.provinces[unit_id] = f"{kind} {short}"
            return
        self.area.places[unit_id] = f"{kind} {short}"
        self.area.parent[unit_id] = parent_id
        if level is Level.HAMLET:
            self.area.hamlets[parent_id].append(unit_id)

    def cluster(self, cluster_id: str, communes: list[str]) -> None:
        """Note the communes of a cluster."""
        self.area.members[cluster_id] = communes

    def cadre(self, cadre_id: str, full_name: str, tier: Tier, standing: bool, committee: bool) -> None:
        """Note the party meetings a year a new cadre must attend."""
        if self.active:
            cadre = Cadre(cadre_id, full_name, tier, is_standing=standing, is_committee=committee)
            self.targets[cadre_id] = target_for(cadre, DEFAULT_ATTENDANCE_TARGETS)

    def charge(self, charge: Charge) -> None:
        """Note an assignment."""
        if self.active:
            self.area.charges.append(charge)

    def area_done(self) -> None:
        """Write the activities, plans and recommendations of the area just built, then forget it."""
        if self.active:
            self.free_days()
            self.committee_meetings()
            self.cell_meetings()
        self.area = _Area()
        self.targets.clear()

    # -- ratings

    def rate(self, unit_id: str) -> None:
        """Rate a commune or hamlet for 2025 and (when the field log is written) for two quarters of 2026."""
        yearly = self.rng.choices(list(GRADE_WEIGHTS), weights=list(GRADE_WEIGHTS.values()))[0]
        for year, quarter in RATED_PERIODS if self.active else RATED_PERIODS[:1]:
            grade = yearly if quarter is None else self.drift(yearly)
            self.write_rating(unit_id, year, quarter, grade)

    def drift(self, grade: Grade) -> Grade:
        """Return a quarter's grade: mostly the year's, now and then one step better or worse."""
        if self.rng.random() >= QUARTER_DRIFT:
            return grade
        order = list(GRADE_WEIGHTS)
        index = order.index(grade) + self.rng.choice((-1, 1))
        return order[min(max(index, 0), len(order) - 1)]

    def write_rating(self, unit_id: str, year: int, quarter: int | None, grade: Grade) -> None:
        """Write one rating, with a score of its grade's range most of the time."""
        score = None
        if self.rng.random() >= NO_SCORE_SHARE:
            low, high = SCORES[grade]
            score = self.rng.randint(int(low * 2), int(high * 2)) / 2
        notes = RATING_NOTES.get(grade, ("",))
        self.out.add("rating", {
            "id": self.new_id(), "unit_id": unit_id, "year": year, "quarter": quarter or WHOLE_YEAR,
            "grade": grade.value, "score": score, "note": self.rng.choice(notes),
        })
        self.counts["rating"] += 1

    # -- activities

    def by_cadre(self, levels: Sequence[Level]) -> dict[str, list[Charge]]:
        """Return the area's charges on targets of the levels, by cadre."""
        found: dict[str, list[Charge]] = defaultdict(list)
        for charge in self.area.charges:
            if charge.level in levels:
                found[charge.cadre_id].append(charge)
        return found

    def free_days(self) -> None:
        """Send each cadre to one of their targets in turn on the meeting-free days (planned in some quarters)."""
        by_cadre = self.by_cadre(list(Level))
        for period, days in self.calendar.quarters.items():
            planned = period in PLANNED_QUARTERS
            for charges in by_cadre.values():
                self.outings(charges, days, planned)

    def outings(self, charges: Sequence[Charge], days: Sequence[date], planned: bool) -> None:
        """Take a cadre to their least visited target on each free day of a quarter."""
        seen: Counter[str] = Counter()
        for day in days:
            options = [charge for charge in charges if charge.holds(day)]
            if not options:
                continue
            charge = min(options, key=lambda option: seen[option.target_id])
            seen[charge.target_id] += 1
            visit_id = self.visit(day, charge) if planned else None
            if self.rng.random() < self.done_share(charge.level, planned):
                self.activity(charge.cadre_id, charge.target_id, charge.level, self.outing_kind(charge.level), day,
                              visit_id)

    @staticmethod
    def done_share(level: Level, planned: bool) -> float:
        """Return the chance that a cadre's outing on a free day is logged (unplanned ones of groups seldom are)."""
        if planned:
            return DONE_PLANNED
        return DONE_UNPLANNED * (GROUP_LOGGED if level is Level.GROUP else 1.0)

    def outing_kind(self, level: Level) -> ActivityKind:
        """Return what a cadre does on a free day at a target of a level."""
        roll = self.rng.random()
        if level is Level.CLUSTER:
            return ActivityKind.COMMUNE_WORK
        if level is Level.COMMUNE:
            return ActivityKind.COMMUNE_WORK if roll < 0.75 else ActivityKind.HOUSEHOLD_VISIT
        if level is Level.GROUP:
            return ActivityKind.GROUP_MEETING if roll < 0.45 else ActivityKind.HOUSEHOLD_VISIT
        return ActivityKind.HOUSEHOLD_VISIT if roll < 0.85 else ActivityKind.OTHER

    def visit(self, day: date, charge: Charge) -> str:
        """Write a planned base-day visit; return its id."""
        visit_id = self.new_id()
        on_cluster = charge.level is Level.CLUSTER
        self.out.add("base_visit", {
            "id": visit_id, "day": day, "cadre_id": charge.cadre_id,
            "unit_id": None if on_cluster else charge.target_id, "cluster_id": charge.target_id if on_cluster else None,
            "note": "",
        })
        self.counts["base_visit"] += 1
        return visit_id

    def committee_meetings(self) -> None:
        """Take the committee members to party meetings in their communes, each near their target a year."""
        for cadre_id, charges in self.by_cadre((Level.CLUSTER, Level.COMMUNE)).items():
            rate = min(0.95, self.rng.uniform(*ATTENDANCE_FACTOR) * self.targets.get(cadre_id, 0) / 12)
            for year, month in self.calendar.months:
                if self.rng.random() < rate:
                    charge = self.rng.choice(charges)
                    communes = self.area.members.get(charge.target_id, [charge.target_id])
                    self.party_meeting(charge, self.rng.choice(communes), year, month)

    def party_meeting(self, charge: Charge, commune: str, year: int, month: int) -> None:
        """Attend a commune's committee meeting, or the meeting of one of its party cells, in a month."""
        hamlets = self.area.hamlets.get(commune, [])
        if hamlets and self.rng.random() < CELL_SHARE:
            self.cell_meeting(charge.cadre_id, self.rng.choice(hamlets), year, month, charge)
            return
        day = self.meeting_day(commune, year, month, 1)
        if charge.holds(day) and day <= self.calendar.last_day:
            self.activity(charge.cadre_id, commune, Level.COMMUNE, ActivityKind.COMMITTEE_MEETING, day)

    def cell_meetings(self) -> None:
        """Take the cadres in charge of hamlets to the monthly meeting of one of their cells, each at their own rate."""
        for cadre_id, charges in self.by_cadre((Level.HAMLET,)).items():
            rate = self.rng.uniform(*HAMLET_CELL_RATE)
            for year, month in self.calendar.months:
                if self.rng.random() < rate:
                    charge = self.rng.choice(charges)
                    self.cell_meeting(cadre_id, charge.target_id, year, month, charge)

    def cell_meeting(self, cadre_id: str, hamlet: str, year: int, month: int, charge: Charge) -> None:
        """Attend a hamlet's party cell meeting of a month, while the charge holds."""
        day = self.meeting_day(hamlet, year, month, 3)
        if charge.holds(day) and day <= self.calendar.last_day:
            self.activity(cadre_id, hamlet, Level.HAMLET, ActivityKind.CELL_MEETING, day)

    def meeting_day(self, unit_id: str, year: int, month: int, earliest: int) -> date:
        """Return the day a unit's party committee or cell meets in a month (the same for everyone)."""
        key = (unit_id, year, month)
        day = self.area.meeting_days.get(key)
        if day is None:
            day = self.calendar.meeting_day(year, month, earliest + self.rng.randint(0, 6))
            self.area.meeting_days[key] = day
        return day

    def activity(
        self, cadre_id: str, target_id: str, level: Level, kind: ActivityKind, day: date, visit_id: str | None = None
    ) -> None:
        """Write an activity with its duration and a short note; residents now and then raise a recommendation."""
        on_cluster = level is Level.CLUSTER
        minutes = self.rng.choice(MINUTES[kind]) if self.rng.random() < 0.95 else 0
        note = self.rng.choice(NOTES[kind]).format(month=day.month, place=self.place_of(target_id),
                                                   n=self.rng.randint(3, 12))
        self.out.add("activity", {
            "id": self.new_id(), "cadre_id": cadre_id, "unit_id": None if on_cluster else target_id,
            "cluster_id": target_id if on_cluster else None, "kind": kind.value, "day": day,
            "duration_minutes": minutes, "notes": note, "visit_id": visit_id,
        })
        self.counts["activity"] += 1
        if level in (Level.HAMLET, Level.GROUP) and self.rng.random() < RAISE_SHARE:
            hamlet = self.area.parent[target_id] if level is Level.GROUP else target_id
            self.recommendation(hamlet, cadre_id, day)

    def place_of(self, target_id: str) -> str:
        """Return a target's name in running text; for a cluster, one of its communes' (the one worked with)."""
        members = self.area.members.get(target_id)
        return self.area.places[self.rng.choice(members) if members else target_id]

    # -- recommendations

    def recommendation(self, hamlet: str, cadre_id: str, raised_on: date) -> None:
        """Write a recommendation raised at a hamlet and the steps it has gone through by the demo date."""
        rng = self.rng
        subject = rng.choices(self.fields, weights=self.field_weights)[0]
        content, answer = rng.choice(CONTENTS[subject])
        due = raised_on + timedelta(days=rng.choice(DUE_DAYS)) if rng.random() < DUE_SHARE else None
        row: dict[str, object] = {
            "id": self.new_id(), "unit_id": hamlet, "cadre_id": cadre_id, "raised_on": raised_on,
            "content": content.format(place=self.area.places[hamlet]), "field": subject.value,
            "due": due, "status": RecommendationStatus.OPEN.value, "forwarded_to": "", "forwarded_on": None,
            "answered_on": None, "answer": "", "resolved_on": None, "closed_on": None,
        }
        steps: list[Step] = [(raised_on, None, RecommendationStatus.OPEN, "")]
        if rng.random() >= OPEN_SHARE:
            if rng.random() < FORWARD_SHARE[subject]:
                self.forwarded(row, steps, subject, answer, self.area.parent[hamlet])
            else:
                self.resolved(row, steps)
        self.out.add("recommendation", row)
        for day, old, new, note in steps:
            self.out.add("recommendation_change", {
                "recommendation_id": row["id"], "day": day, "old_status": old.value if old else None,
                "new_status": new.value, "note": note,
            })
        self.counts["recommendation"] += 1

    def step(
        self, row: dict[str, object], steps: list[Step], new: RecommendationStatus, after: tuple[int, int], note: str
    ) -> bool:
        """Take the recommendation a step some days after its last one, unless that falls after the demo date."""
        previous, _older, old, _note = steps[-1]
        day = previous + timedelta(days=self.rng.randint(*after))
        if day > self.calendar.last_day:
            return False
        steps.append((day, old, new, note))
        row["status"] = new.value
        row[STEP_DAYS[new]] = day
        return True

    def resolved(self, row: dict[str, object], steps: list[Step]) -> None:
        """Resolve a recommendation at the base, then (mostly) close it."""
        if self.step(row, steps, RecommendationStatus.RESOLVED, (2, 40), self.rng.choice(RESOLVE_NOTES)):
            self.closed(row, steps, (0, 15))

    def forwarded(
        self, row: dict[str, object], steps: list[Step], subject: RecommendationField, answer: str, commune: str
    ) -> None:
        """Forward a recommendation to a body of its field, which (mostly) answers; then (mostly) close it."""
        body = self.rng.choice(BODIES[self.preset][subject]).format(**self.body_names(commune))
        if not self.step(row, steps, RecommendationStatus.FORWARDED, (1, 15), ""):
            return
        row["forwarded_to"] = body
        if self.rng.random() < 0.75 and self.step(row, steps, RecommendationStatus.ANSWERED, (10, 90), ""):
            row["answer"] = answer
            self.closed(row, steps, (1, 20))

    def closed(self, row: dict[str, object], steps: list[Step], after: tuple[int, int]) -> None:
        """Close a resolved or answered recommendation, most of the time."""
        if self.rng.random() < 0.7:
            self.step(row, steps, RecommendationStatus.CLOSED, after, self.rng.choice(CLOSE_NOTES))

    def body_names(self, commune: str) -> dict[str, str]:
        """Return the names the bodies of a commune's recommendations are written with."""
        above = self.area.parent[commune]
        province = self.provinces[self.area.parent.get(above, above)]
        return {"commune": self.area.places[commune], "district": self.area.places.get(above, ""), "province": province}
