"""Use case: build a deterministic, realistic demo dataset: one district, one province or the country.

Besides the hierarchy, the cadres and their assignments, it holds a year of field log (services.demo_fieldlog),
which at the national scale covers only a sample of the provinces (demo_fieldlog.NATIONAL_SAMPLE).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

from vietnam_provinces import Province, Ward

from grassroots_app.domain import hierarchy
from grassroots_app.domain.errors import N_, Labelled, RuleViolation, register_labels
from grassroots_app.domain.model import Flag, Level, Preset, Tier
from grassroots_app.domain.rules import DEFAULT_RULES, GraspRule, rules_for
from grassroots_app.domain.settings import Settings
from grassroots_app.domain.text import fold
from grassroots_app.persistence import bulk
from grassroots_app.persistence.bulk import BulkWriter
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import calendar
from grassroots_app.services.demo_fieldlog import LOG_START, NATIONAL_SAMPLE, Charge, FieldLog, LogCalendar
from grassroots_app.services.setup import init_database

DEMO_DATE = date(2026, 9, 30)
"""The reference day of the demo: on it, exactly the deliberate gaps are uncovered."""

UNIT_START = {Preset.TWO_LEVEL: date(2025, 7, 1), Preset.THREE_LEVEL: date(2020, 1, 1)}
LAST_START = date(2026, 6, 30)  # the latest start of an assignment still running on DEMO_DATE
LAPSE_FIRST, LAPSE_LAST = date(2026, 7, 1), date(2026, 9, 20)  # when a deliberate gap's cadre left
HISTORY_SHARE = 0.1
OVERLOAD_EVERY = 150  # every so many cadres in charge of hamlets or groups is given too much work

Progress = Callable[[str, int, int], None]


class Scale(str, Labelled):
    """How large a demo dataset is."""

    DISTRICT = "district"
    PROVINCE = "province"
    NATIONAL = "national"


register_labels(
    [
        (Scale.DISTRICT, N_("one district")),
        (Scale.PROVINCE, N_("one province")),
        (Scale.NATIONAL, N_("the whole country")),
    ]
)


class DeliberateGap(NamedTuple):
    """A target left without its cadre on DEMO_DATE on purpose."""

    target_id: str
    level: Level
    role: str


@dataclass(frozen=True)
class DemoSummary:
    """What the demo holds: units per level, clusters, cadres, assignments, the field log, its deliberate gaps."""

    preset: Preset
    scale: Scale
    counts: dict[str, int]
    deliberate_gaps: tuple[DeliberateGap, ...]


@dataclass(frozen=True)
class ScaleSpec:
    """The shape of one scale: districts per province (three-level) and children per unit."""

    districts: int
    hamlets: tuple[int, int]
    groups: tuple[int, int]


SCALES = {
    Scale.DISTRICT: ScaleSpec(1, (10, 20), (5, 20)),
    Scale.PROVINCE: ScaleSpec(8, (10, 20), (5, 20)),
    Scale.NATIONAL: ScaleSpec(20, (20, 40), (5, 15)),
}
DISTRICT_COMMUNES = (12, 15)
PROVINCE_COMMUNES = (90, 110)  # the province scale picks a real province of about 100 communes
DISTRICT_CLUSTERS = 3
REMOTE_SHARES = {"mountain": 0.4, "highlands": 0.4}  # the share of rural communes that are remote
REMOTE_SHARE = 0.08
COMMUNES_PER_CLUSTER = 5

# --- Vietnamese data -------------------------------------------------------------------------------

REGIONS = {
    **dict.fromkeys((4, 8, 11, 12, 14, 15, 19, 20), "mountain"),
    **dict.fromkeys((1, 22, 24, 25, 31, 33, 37), "north"),
    **dict.fromkeys((38, 40, 42, 44, 46, 48, 51, 56), "central"),
    **dict.fromkeys((52, 66, 68), "highlands"),
    **dict.fromkeys((75, 79, 80), "south"),
    **dict.fromkeys((82, 86, 91, 92, 96), "mekong"),
}
HAMLET_KINDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("mountain", "xã"): ("bản", "thôn", "bản"),
    ("mountain", "phường"): ("tổ dân phố", "tiểu khu"),
    ("north", "xã"): ("thôn",),
    ("north", "phường"): ("tổ dân phố",),
    ("central", "xã"): ("thôn",),
    ("central", "phường"): ("tổ dân phố", "khối phố"),
    ("highlands", "xã"): ("thôn", "buôn", "làng", "bon"),
    ("highlands", "phường"): ("tổ dân phố",),
    ("south", "xã"): ("ấp",),
    ("south", "phường"): ("khu phố",),
    ("mekong", "xã"): ("ấp", "ấp", "ấp", "sóc"),
    ("mekong", "phường"): ("khóm", "khu phố"),
}
HAMLET_NAMES: dict[str, tuple[str, ...]] = {
    "thôn": (
        "Đông", "Đoài", "Nam", "Bắc", "Trung", "Thượng", "Hạ", "Tiền", "Hậu", "Phú Mỹ", "An Lạc",
        "Yên Thái", "Hòa Bình", "Tân Lập", "Thống Nhất", "Quyết Tiến", "Đồng Tâm", "Bình Minh",
        "Tân Hưng", "Phúc Lộc", "Xuân Hòa", "Đại Đồng", "Lạc Thiện", "Mỹ Lộc", "Văn Phú", "Thanh Bình",
    ),
    "bản": (
        "Na", "Nà Tấu", "Phiêng Lơi", "Huổi Só", "Pá Khoang", "Nậm Cứm", "Co Mạ", "Hua Ná", "Sam Kha",
        "Phai Cát", "Nà Hẩu", "Tà Cọ", "Pom Lót", "Mường Báng", "Huổi Lóng", "Nà Sản", "Lả Mường",
    ),
    "ấp": (
        "An Thạnh", "Bình Hòa", "Long Phú", "Mỹ Hưng", "Tân Thới", "Phước Lợi", "Hòa Thuận",
        "Thạnh Lợi", "Vĩnh Hưng", "Phú Hòa", "Long Hòa", "Tân Lập", "Bà Bèo", "Cây Da", "Rạch Gốc",
        "Kinh Xáng", "Giồng Trôm", "Mương Điều", "Xóm Mới", "Bình Phú",
    ),
    "buôn": ("Ea Tlê", "Ko Siêr", "Cư Bông", "Ea Na", "Tơng Jú", "Ea Kmát", "Ea Ktur", "Drai Sinh"),
    "làng": ("Plei Ơi", "Plei Rơ", "Kon Klor", "Đê Kjiêng", "Plei Bông", "Kon Tu Peng"),
    "bon": ("Bu Prăng", "Bu Dăr", "N'Jriêng", "Ja Ráh", "Bu Sir", "Păng So"),
    "sóc": ("Tro", "Trà Cú", "Bưng Côi", "Ô Đùng", "Phnôm Pi", "Kom Pông"),
}
PLACE_FIRST = (
    "An", "Bình", "Phú", "Tân", "Hòa", "Long", "Mỹ", "Phước", "Vĩnh", "Thạnh", "Đông", "Tây", "Thuận",
    "Hưng", "Xuân", "Quảng", "Đức", "Yên", "Gia", "Kim", "Lạc", "Thanh", "Cẩm", "Hiệp", "Châu",
)
PLACE_SECOND = (
    "Hòa", "Phú", "Lợi", "Hưng", "Thịnh", "Sơn", "Lâm", "Xuyên", "Giang", "Thành", "Lộc", "Khánh",
    "Bình", "An", "Điền", "Châu", "Thủy", "Hải", "Lương", "Định", "Trị", "Mỹ", "Tiến", "Phong",
)
FAMILY_NAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
    "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lâm", "Mai",
)
FAMILY_WEIGHTS = (38, 11, 9, 7, 4, 4, 4, 3, 3, 2, 2, 2, 2, 1.5, 1, 1, 1, 1, 1, 1)
MALE_MIDDLE = ("Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Ngọc", "Xuân", "Hoàng", "Văn")
FEMALE_MIDDLE = ("Thị", "Thị", "Thị", "Thị", "Ngọc", "Thanh", "Thu", "Minh", "Hồng", "Kim", "Mỹ")
MALE_GIVEN = (
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khang", "Khoa",
    "Long", "Nam", "Nghĩa", "Phong", "Phúc", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Toàn", "Trung",
    "Tuấn", "Việt", "Vinh",
)
FEMALE_GIVEN = (
    "An", "Anh", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Loan", "Mai", "Nga", "Ngân",
    "Nhung", "Oanh", "Phương", "Thảo", "Thủy", "Trang", "Vân", "Yến",
)
PHONE_PREFIXES = (
    "91", "94", "98", "97", "96", "86", "88", "89", "90", "93", "70", "77", "32", "33", "35", "39",
)
STANDING_DUTIES = (
    "Trưởng Ban Tổ chức {committee}", "Chủ nhiệm Ủy ban Kiểm tra {committee}",
    "Trưởng Ban Tuyên giáo và Dân vận {committee}", "Chánh Văn phòng {committee}",
    "Phó Chủ tịch UBND {kind}", "Chủ tịch Ủy ban MTTQ Việt Nam {kind}", "Phó Chủ tịch HĐND {kind}",
)
# Positions and workplaces per tier.
# {committee} is "Tỉnh ủy", {party} "Tỉnh ủy Vĩnh Long", {place} "tỉnh Vĩnh Long".
COMMITTEE_POSTS: dict[Tier, tuple[tuple[str, str], ...]] = {
    Tier.PROVINCE: (
        ("Giám đốc Sở Tài chính", "Sở Tài chính {place}"),
        ("Giám đốc Sở Nội vụ", "Sở Nội vụ {place}"),
        ("Giám đốc Sở Xây dựng", "Sở Xây dựng {place}"),
        ("Giám đốc Sở Y tế", "Sở Y tế {place}"),
        ("Giám đốc Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo {place}"),
        ("Giám đốc Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường {place}"),
        ("Giám đốc Sở Công Thương", "Sở Công Thương {place}"),
        ("Chánh Thanh tra", "Thanh tra {place}"),
        ("Phó Trưởng Ban Tổ chức {committee}", "Ban Tổ chức {party}"),
        ("Chủ tịch Hội Nông dân", "Hội Nông dân {place}"),
    ),
    Tier.DISTRICT: (
        ("Trưởng phòng Nội vụ", "Phòng Nội vụ {place}"),
        ("Trưởng phòng Tài chính - Kế hoạch", "Phòng Tài chính - Kế hoạch {place}"),
        ("Trưởng phòng Kinh tế", "Phòng Kinh tế {place}"),
        ("Trưởng phòng Văn hóa - Thông tin", "Phòng Văn hóa - Thông tin {place}"),
        ("Phó Trưởng Ban Tổ chức {committee}", "Ban Tổ chức {party}"),
        ("Chủ tịch Hội Nông dân", "Hội Nông dân {place}"),
        ("Chủ tịch Hội Liên hiệp Phụ nữ", "Hội Liên hiệp Phụ nữ {place}"),
    ),
    Tier.COMMUNE: (
        ("Phó Chủ tịch UBND", "UBND {place}"),
        ("Chủ tịch Ủy ban MTTQ Việt Nam", "Ủy ban MTTQ Việt Nam {place}"),
        ("Chủ tịch Hội Nông dân", "Hội Nông dân {place}"),
        ("Chủ tịch Hội Cựu chiến binh", "Hội Cựu chiến binh {place}"),
        ("Bí thư Đoàn Thanh niên", "Đoàn Thanh niên {place}"),
    ),
}
STAFF_POSTS: dict[Tier, tuple[tuple[str, str], ...]] = {
    Tier.PROVINCE: (
        ("Chuyên viên Ban Tổ chức {committee}", "Ban Tổ chức {party}"),
        ("Chuyên viên Ban Tuyên giáo và Dân vận {committee}", "Ban Tuyên giáo và Dân vận {party}"),
        ("Chuyên viên Văn phòng {committee}", "Văn phòng {party}"),
        ("Chuyên viên Sở Nội vụ", "Sở Nội vụ {place}"),
    ),
    Tier.DISTRICT: (
        ("Chuyên viên Phòng Nội vụ", "Phòng Nội vụ {place}"),
        ("Chuyên viên Phòng Kinh tế", "Phòng Kinh tế {place}"),
        ("Chuyên viên Phòng Tài chính - Kế hoạch", "Phòng Tài chính - Kế hoạch {place}"),
        ("Cán bộ Ban Tổ chức {committee}", "Ban Tổ chức {party}"),
        ("Cán bộ Ban Tuyên giáo {committee}", "Ban Tuyên giáo {party}"),
        ("Cán bộ Ủy ban Kiểm tra {committee}", "Ủy ban Kiểm tra {party}"),
    ),
    Tier.COMMUNE: (
        ("Công chức Văn phòng - Thống kê", "UBND {place}"),
        ("Công chức Tư pháp - Hộ tịch", "UBND {place}"),
        ("Công chức Địa chính - Xây dựng", "UBND {place}"),
        ("Công chức Văn hóa - Xã hội", "UBND {place}"),
        ("Công chức Tài chính - Kế toán", "UBND {place}"),
        ("Phó Chủ tịch Hội Liên hiệp Phụ nữ", "Hội Liên hiệp Phụ nữ {place}"),
        ("Phó Bí thư Đoàn Thanh niên", "Đoàn Thanh niên {place}"),
        ("Cán bộ Văn phòng {committee}", "{party}"),
    ),
}
RETIREMENT = "Nghỉ hưu theo chế độ"
END_REASONS = (
    "Chuyển công tác", RETIREMENT, "Được điều động, luân chuyển", "Phân công lại nhiệm vụ",
    "Thôi giữ chức vụ", "Nghỉ việc theo nguyện vọng",
)
PARTY_BODY = {  # a unit kind -> the party committee word, its member's title, the decision suffix
    "tỉnh": ("Tỉnh ủy", "Tỉnh ủy viên", "TU"),
    "thành phố": ("Thành ủy", "Thành ủy viên", "TU"),
    "huyện": ("Huyện ủy", "Huyện ủy viên", "HU"),
    "quận": ("Quận ủy", "Quận ủy viên", "QU"),
    "thị xã": ("Thị ủy", "Thị ủy viên", "TU"),
}
COMMUNE_PARTY_BODY = ("Đảng ủy", "Đảng ủy viên", "ĐU")
QUOTAS = {Level.CLUSTER: (1, 2), Level.COMMUNE: (1, 3), Level.HAMLET: (1, 4), Level.GROUP: (2, 6)}
FORMER_QUOTA = (1, 3)
BIRTH_YEARS = (1965, 1995)  # committee members are born at least ten years before the youngest
TIER_ORDER = (Tier.COMMUNE, Tier.DISTRICT, Tier.PROVINCE)


def _natural_tiers() -> dict[Preset, dict[Level, Tier]]:
    """Return, per preset and target level, the tier of the default rule's cadres."""
    return {
        preset: {rule.target_level: min(rule.tiers, key=TIER_ORDER.index) for rule in rules}
        for preset, rules in DEFAULT_RULES.items()
    }


NATURAL_TIERS = _natural_tiers()


def capitalized(text: str) -> str:
    """Return the text with its first letter in upper case."""
    return text[:1].upper() + text[1:]


# --- The plan: which units exist -------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A unit to create: its kind, its name after the kind, its official code."""

    kind: str
    short: str
    code: str | None = None

    @property
    def name(self) -> str:
        """Return the full name, the kind first ("Xã Phú Cát")."""
        return f"{capitalized(self.kind)} {self.short}"


@dataclass(frozen=True)
class CommunePlan:
    """A commune and the number of groups in each of its hamlets."""

    place: Place
    groups_per_hamlet: list[int]


@dataclass(frozen=True)
class AreaPlan:
    """The communes under one district, or directly under the province (district None)."""

    district: Place | None
    communes: list[CommunePlan]
    clusters: int


@dataclass(frozen=True)
class ProvincePlan:
    """A province, its region and its areas."""

    place: Place
    region: str
    areas: list[AreaPlan]


def _wards_by_province() -> dict[int, list[Ward]]:
    """Return the official commune-level units grouped by province code, in code order."""
    grouped: dict[int, list[Ward]] = {}
    for ward in Ward.iter_all():
        grouped.setdefault(int(ward.province_code), []).append(ward)
    for wards in grouped.values():
        wards.sort(key=lambda ward: int(ward.code))
    return grouped


def _province_place(province: Province) -> Place:
    code = f"{int(province.code):02d}"
    if province.name.startswith("Thành phố "):
        return Place("thành phố", province.name.removeprefix("Thành phố "), code)
    return Place("tỉnh", province.name, code)


def _ward_place(ward: Ward) -> Place:
    kind = ward.division_type.value
    return Place(kind, ward.name[len(kind) + 1:], f"{int(ward.code):05d}")


def _split(items: Sequence[Any], parts: int) -> list[list[Any]]:
    """Cut a sequence into `parts` contiguous, nearly equal, non-empty pieces."""
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    pieces, start = [], 0
    for index in range(parts):
        end = start + size + (index < extra)
        pieces.append(list(items[start:end]))
        start = end
    return pieces


def _cluster_count(scale: Scale, communes: int) -> int:
    if scale is Scale.DISTRICT:
        return min(DISTRICT_CLUSTERS, communes)
    return max(1, round(communes / COMMUNES_PER_CLUSTER))


def _chosen_provinces(rng: random.Random, scale: Scale, wards: dict[int, list[Ward]]) -> list[Province]:
    provinces = sorted(Province.iter_all(), key=lambda province: int(province.code))
    if scale is Scale.NATIONAL:
        return provinces
    if scale is Scale.PROVINCE:
        low, high = PROVINCE_COMMUNES
        provinces = [p for p in provinces if low <= len(wards[int(p.code)]) <= high]
    return [rng.choice(provinces)]


def _district_names(rng: random.Random, count: int) -> list[str]:
    combos = [f"{first} {second}" for first in PLACE_FIRST for second in PLACE_SECOND if first != second]
    return rng.sample(combos, count)


def _district_kind(communes: list[Place], province: Place) -> str:
    urban = sum(place.kind == "phường" for place in communes) * 2 > len(communes)
    if not urban:
        return "huyện"
    return "quận" if province.kind == "thành phố" else "thị xã"


def _commune_plan(rng: random.Random, place: Place, spec: ScaleSpec) -> CommunePlan:
    hamlets = rng.randint(*spec.hamlets)
    return CommunePlan(place, [rng.randint(*spec.groups) for _ in range(hamlets)])


def _areas(
    rng: random.Random, preset: Preset, scale: Scale, province: Place, communes: list[CommunePlan]
) -> list[AreaPlan]:
    if preset is Preset.TWO_LEVEL:
        return [AreaPlan(None, communes, _cluster_count(scale, len(communes)))]
    pieces = _split(communes, SCALES[scale].districts)
    names = _district_names(rng, len(pieces))
    areas = []
    for name, piece in zip(names, pieces, strict=True):
        kind = _district_kind([commune.place for commune in piece], province)
        areas.append(AreaPlan(Place(kind, name), piece, _cluster_count(scale, len(piece))))
    return areas


def plan_country(rng: random.Random, preset: Preset, scale: Scale) -> list[ProvincePlan]:
    """Return the provinces, districts, communes and hamlet sizes of a demo."""
    wards = _wards_by_province()
    spec = SCALES[scale]
    plans = []
    for province in _chosen_provinces(rng, scale, wards):
        chosen = wards[int(province.code)]
        if scale is Scale.DISTRICT:
            picked = rng.sample(range(len(chosen)), rng.randint(*DISTRICT_COMMUNES))
            chosen = [chosen[index] for index in sorted(picked)]
        place = _province_place(province)
        communes = [_commune_plan(rng, _ward_place(ward), spec) for ward in chosen]
        region = REGIONS[int(province.code)]
        plans.append(ProvincePlan(place, region, _areas(rng, preset, scale, place, communes)))
    return plans


def _all_communes(plans: list[ProvincePlan]) -> Iterator[CommunePlan]:
    for province in plans:
        for area in province.areas:
            yield from area.communes


def plan_totals(plans: list[ProvincePlan]) -> dict[Level, int]:
    """Return how many communes, hamlets and groups the plan holds."""
    communes = list(_all_communes(plans))
    return {
        Level.COMMUNE: len(communes),
        Level.HAMLET: sum(len(commune.groups_per_hamlet) for commune in communes),
        Level.GROUP: sum(sum(commune.groups_per_hamlet) for commune in communes),
    }


GAP_SHARES = {  # level -> (at least, one per so many targets, whether half of them had a cadre who left)
    Level.COMMUNE: (1, 100, True),
    Level.HAMLET: (2, 1000, True),
    Level.GROUP: (3, 2000, False),
}


def choose_gaps(rng: random.Random, totals: dict[Level, int]) -> dict[Level, dict[int, bool]]:
    """Pick the targets (by position in creation order) to leave uncovered: index -> had a cadre."""
    chosen: dict[Level, dict[int, bool]] = {}
    for level, (least, per, lapsed) in GAP_SHARES.items():
        count = min(totals[level], max(least, totals[level] // per))
        picked = rng.sample(range(totals[level]), count)
        had_cadre = (count + 1) // 2 if lapsed else 0
        chosen[level] = {index: position < had_cadre for position, index in enumerate(picked)}
    return chosen


# --- The builder: rows streamed into the bulk writer -----------------------------------------------


CURRENT, FORMER, LAPSED = "current", "former", "lapsed"  # kinds of pool

Decision = tuple[date, str]  # the day an assignment decision takes effect, and its number


@dataclass
class _Pool:
    """Cadres of one body for one role: the current one takes targets until its quota is used.

    A pool of cadres who left (FORMER: replaced by a later decision; LAPSED: left without a successor)
    also knows when the current one left, and why.
    """

    tier: Tier
    flags: frozenset[Flag]
    level: Level
    kind: str
    current: str = ""
    remaining: int = 0
    departure: tuple[Decision, str] = ((date.min, ""), "")


@dataclass
class _Body:
    """A unit whose party committee assigns cadres: its names, its decisions, its pools of cadres."""

    unit_id: str
    place: Place
    tier: Tier
    rounds: list[Decision] = field(default_factory=list)
    pools: dict[tuple[str, str], _Pool] = field(default_factory=dict)

    @property
    def titles(self) -> tuple[str, str, str]:
        """Return the committee's word ("Tỉnh ủy"), its member's title and its decision suffix."""
        return COMMUNE_PARTY_BODY if self.tier is Tier.COMMUNE else PARTY_BODY[self.place.kind]

    def names(self) -> dict[str, str]:
        """Return the values the post templates use."""
        committee = self.titles[0]
        place = f"{self.place.kind} {self.place.short}"
        party = f"{committee} {place}" if self.tier is Tier.COMMUNE else f"{committee} {self.place.short}"
        return {"committee": committee, "party": party, "place": place, "kind": self.place.kind}


Bodies = dict[Tier, _Body]


class _Builder:
    """Creates the rows of the demo in order and streams them into a bulk writer."""

    def __init__(
        self,
        rng: random.Random,
        out: BulkWriter,
        preset: Preset,
        rules: tuple[GraspRule, ...],
        threshold: int,
        gap_plan: dict[Level, dict[int, bool]],
        log: FieldLog,
    ) -> None:
        self.rng = rng
        self.out = out
        self.log = log
        self.preset = preset
        self.start = UNIT_START[preset]
        self.rules = {level: rules_for(rules, level) for level in Level}
        self.threshold = threshold
        self.gap_plan = gap_plan
        self.seen = dict.fromkeys(Level, 0)
        self.in_charge = 0
        self.keys: dict[str, str] = {}
        levels = [level.value for level in hierarchy.unit_levels(preset)]
        self.counts = dict.fromkeys([*levels, "cluster", "cadre", "assignment"], 0)
        self.gaps: list[DeliberateGap] = []
        self.family_weights = list(_cumulative(FAMILY_WEIGHTS))

    # -- identifiers and rows

    def new_id(self) -> str:
        """Return the next identifier drawn from the seeded generator."""
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def key(self, name: str) -> str:
        """Return the search key of a name, remembering the ones already folded."""
        found = self.keys.get(name)
        if found is None:
            found = self.keys[name] = fold(name)
        return found

    def add_unit(
        self,
        level: Level,
        place: Place,
        parent_id: str | None,
        remote: bool = False,
        people: tuple[int | None, int | None, int | None] = (None, None, None),
    ) -> str:
        """Write a unit and its parent link; return its id."""
        unit_id = self.new_id()
        households, population, members = people
        self.out.add("unit", {
            "id": unit_id, "level": level.value, "kind": place.kind, "name": place.name,
            "name_key": self.key(place.name), "code": place.code, "valid_from": self.start,
            "valid_to": None, "is_remote": remote, "households": households,
            "population": population, "party_members": members,
        })
        if parent_id is not None:
            self.out.add("unit_link", {
                "unit_id": unit_id, "parent_id": parent_id, "valid_from": self.start, "valid_to": None,
            })
        self.counts[level.value] += 1
        self.log.unit(unit_id, level, place.kind, place.short, parent_id)
        return unit_id

    def add_assignment(
        self,
        cadre_id: str,
        target_id: str,
        level: Level,
        role: str,
        decision: Decision,
        end: tuple[date, str] | None = None,
    ) -> None:
        """Write an assignment starting on its decision's day, ended on a day for a reason or open."""
        is_cluster = level is Level.CLUSTER
        start, number = decision
        self.out.add("assignment", {
            "id": self.new_id(), "cadre_id": cadre_id,
            "unit_id": None if is_cluster else target_id, "cluster_id": target_id if is_cluster else None,
            "role": role, "start_date": start, "end_date": end[0] if end else None,
            "decision_number": number, "decision_date": start, "note": "",
            "end_reason": end[1] if end else "",
        })
        self.counts["assignment"] += 1
        self.log.charge(Charge(cadre_id, target_id, level, start, end[0] if end else None))

    # -- bodies, cadres and pools

    def new_body(self, unit_id: str, place: Place, tier: Tier) -> _Body:
        """Return the assigning body of a unit with its rounds of decisions."""
        body = _Body(unit_id, place, tier)
        body.rounds = self.rounds(body.titles[2])
        return body

    def rounds(self, suffix: str) -> list[Decision]:
        """Return the days and numbers of a body's assignment decisions, the first one at the start."""
        first = self.start + timedelta(days=self.rng.randint(3, 30))
        span = (LAST_START - first).days
        count = self.rng.randint(2, 4)
        later = sorted({first + timedelta(days=self.rng.randint(60, span)) for _ in range(count)})
        number = self.rng.randint(1, 40)
        decisions = []
        for day in [first, *later]:
            decisions.append((day, f"{number}-QĐ/{suffix}"))
            number += self.rng.randint(2, 40)
        return decisions

    def tier_for(self, rule: GraspRule, level: Level) -> Tier:
        """Return the tier the demo's cadres for a rule work at."""
        natural = NATURAL_TIERS[self.preset][level]
        if not rule.tiers or natural in rule.tiers:
            return natural
        return min(rule.tiers, key=TIER_ORDER.index)

    @staticmethod
    def body_for(bodies: Bodies, tier: Tier) -> _Body:
        """Return the body of the tier, or the nearest one above it."""
        for candidate in TIER_ORDER[TIER_ORDER.index(tier):]:
            if candidate in bodies:
                return bodies[candidate]
        raise LookupError(tier)

    def quota(self, pool: _Pool) -> int:
        """Return how many targets a new cadre of the pool takes; now and then too many."""
        if pool.kind != CURRENT:
            return self.rng.randint(*FORMER_QUOTA)
        if pool.level in (Level.HAMLET, Level.GROUP):
            self.in_charge += 1
            if self.in_charge % OVERLOAD_EVERY == 0:
                return self.threshold + self.rng.randint(1, 3)
        low, high = QUOTAS[pool.level]
        return self.rng.randint(min(low, self.threshold), min(high, self.threshold))

    def pool(self, body: _Body, rule: GraspRule, level: Level, kind: str) -> _Pool:
        """Return the body's pool of a kind for a rule."""
        pool = body.pools.get((rule.role, kind))
        if pool is None:
            pool = _Pool(self.tier_for(rule, level), rule.flags, level, kind)
            body.pools[(rule.role, kind)] = pool
        return pool

    def take(self, body: _Body, rule: GraspRule, level: Level, count: int, hint: str) -> list[str]:
        """Return `count` distinct cadres in charge for the rule, creating them as needed."""
        pool = self.pool(body, rule, level, CURRENT)
        taken: list[str] = []
        for _ in range(count):
            if pool.remaining <= 0 or pool.current in taken:
                pool.current = self.new_cadre(body, pool, hint)
                pool.remaining = self.quota(pool)
            pool.remaining -= 1
            taken.append(pool.current)
        return taken

    def leaver(
        self, body: _Body, rule: GraspRule, level: Level, kind: str, hint: str
    ) -> tuple[str, Decision, str]:
        """Return a cadre who held the role and left: the id, the successor's decision (or the day), why."""
        pool = self.pool(body, rule, level, kind)
        if pool.remaining <= 0:
            pool.departure = self.departure(body, kind)
            pool.current = self.new_cadre(body, pool, hint)
            pool.remaining = self.quota(pool)
        pool.remaining -= 1
        decision, reason = pool.departure
        return pool.current, decision, reason

    def departure(self, body: _Body, kind: str) -> tuple[Decision, str]:
        """Return when a leaving cadre goes (a later decision, or a day before DEMO_DATE), and why."""
        reason = self.rng.choice(END_REASONS)
        if kind == FORMER:
            return self.rng.choice(body.rounds[1:]), reason
        days = self.rng.randint(0, (LAPSE_LAST - LAPSE_FIRST).days)
        return (LAPSE_FIRST + timedelta(days=days), ""), reason

    def new_cadre(self, body: _Body, pool: _Pool, hint: str) -> str:
        """Write a cadre who fits the pool's tier and memberships; return the id."""
        rng = self.rng
        standing = Flag.STANDING in pool.flags
        committee = standing or Flag.COMMITTEE in pool.flags
        party_member = committee or Flag.PARTY_MEMBER in pool.flags or rng.random() < 0.85
        female = rng.random() < (0.3 if committee else 0.45)
        full_name = self.person_name(female)
        position, workplace = self.post(body, pool.tier, standing, committee, party_member, hint)
        (left_on, _number), reason = pool.departure
        retired = pool.kind != CURRENT and reason == RETIREMENT
        youngest = BIRTH_YEARS[1] - 10 if committee else BIRTH_YEARS[1]
        cadre_id = self.new_id()
        self.out.add("cadre", {
            "id": cadre_id, "full_name": full_name, "name_key": self.key(full_name),
            "gender": "female" if female else "male",
            "birth_year": BIRTH_YEARS[0] if retired else rng.randint(BIRTH_YEARS[0], youngest),
            "position": position, "workplace": workplace, "tier": pool.tier.value,
            "is_standing": standing, "is_committee": committee, "is_party_member": party_member,
            "phone": f"0{rng.choice(PHONE_PREFIXES)}{rng.randrange(10**7):07d}",
            "status": "left" if retired else "active", "status_date": left_on if retired else None,
            "home_unit_id": body.unit_id,
        })
        self.counts["cadre"] += 1
        self.log.cadre(cadre_id, full_name, pool.tier, standing, committee)
        return cadre_id

    def person_name(self, female: bool) -> str:
        """Return a Vietnamese full name; "Thị" only for women."""
        rng = self.rng
        family = rng.choices(FAMILY_NAMES, cum_weights=self.family_weights)[0]
        middle = rng.choice(FEMALE_MIDDLE if female else MALE_MIDDLE)
        given = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
        return f"{family} {middle} {given}"

    def post(
        self, body: _Body, tier: Tier, standing: bool, committee: bool, party_member: bool, hint: str
    ) -> tuple[str, str]:
        """Return a cadre's position and workplace."""
        rng = self.rng
        names = body.names()
        if standing:
            duty = rng.choice(STANDING_DUTIES).format(**names)
            return f"Ủy viên Ban Thường vụ {names['committee']}, {duty}", names["party"]
        if committee:
            position, workplace = rng.choice(COMMITTEE_POSTS[tier])
            return f"{body.titles[1]}, {position.format(**names)}", workplace.format(**names)
        if tier is Tier.COMMUNE and hint and party_member and rng.random() < 0.4:
            return f"Đảng viên Chi bộ {hint}", f"{hint}, {names['place']}"
        position, workplace = rng.choice(STAFF_POSTS[tier])
        return position.format(**names), workplace.format(**names)

    # -- targets

    def staff(self, target_id: str, level: Level, bodies: Bodies, hint: str = "") -> None:
        """Put cadres in charge of a target per its rules, or leave it uncovered if it is a chosen gap."""
        index = self.seen[level]
        self.seen[level] += 1
        lapsed = self.gap_plan.get(level, {}).get(index)
        for rule in self.rules[level]:
            body = self.body_for(bodies, self.tier_for(rule, level))
            if lapsed is None:
                self.cover(target_id, level, rule, body, hint)
                continue
            self.gaps.append(DeliberateGap(target_id, level, rule.role))
            if lapsed:
                cadre_id, (left_on, _none), reason = self.leaver(body, rule, level, LAPSED, hint)
                self.add_assignment(cadre_id, target_id, level, rule.role, body.rounds[0], (left_on, reason))

    def cover(self, target_id: str, level: Level, rule: GraspRule, body: _Body, hint: str) -> None:
        """Give a target its cadres from one of the body's decisions, sometimes after a predecessor."""
        rng = self.rng
        decision = body.rounds[0] if rng.random() < 0.75 else rng.choice(body.rounds[1:])
        if rng.random() < HISTORY_SHARE:
            cadre_id, decision, reason = self.leaver(body, rule, level, FORMER, hint)
            self.add_assignment(cadre_id, target_id, level, rule.role, body.rounds[0], (decision[0], reason))
        for cadre_id in self.take(body, rule, level, max(rule.minimum, 1), hint):
            self.add_assignment(cadre_id, target_id, level, rule.role, decision)

    # -- the hierarchy

    def province(self, plan: ProvincePlan, progress: Callable[[], None]) -> None:
        """Write a province and everything under it, reporting each commune done."""
        unit_id = self.add_unit(Level.PROVINCE, plan.place, None)
        bodies = {Tier.PROVINCE: self.new_body(unit_id, plan.place, Tier.PROVINCE)}
        for area in plan.areas:
            self.area(area, unit_id, plan.region, bodies, progress)

    def area(
        self, area: AreaPlan, province_id: str, region: str, bodies: Bodies, progress: Callable[[], None]
    ) -> None:
        """Write a district (or the province's own communes), its clusters, communes, hamlets and groups."""
        bodies = dict(bodies)
        parent_id = province_id
        if area.district is not None:
            parent_id = self.add_unit(Level.DISTRICT, area.district, province_id)
            bodies[Tier.DISTRICT] = self.new_body(parent_id, area.district, Tier.DISTRICT)
        share = REMOTE_SHARES.get(region, REMOTE_SHARE)
        commune_ids = [
            self.add_unit(Level.COMMUNE, commune.place, parent_id, self.is_remote(commune.place, share))
            for commune in area.communes
        ]
        self.clusters(parent_id, area.clusters, commune_ids, bodies)
        for commune, commune_id in zip(area.communes, commune_ids, strict=True):
            self.commune(commune, commune_id, region, bodies)
            progress()
        self.log.area_done()

    def is_remote(self, place: Place, share: float) -> bool:
        """Return whether a commune is remote: islands always, rural communes at the given share."""
        return place.kind == "đặc khu" or (place.kind == "xã" and self.rng.random() < share)

    def clusters(self, parent_id: str, count: int, commune_ids: list[str], bodies: Bodies) -> None:
        """Write the clusters of a district or province, their dated members and their cadres."""
        for number, members in enumerate(_split(commune_ids, count), start=1):
            cluster_id = self.new_id()
            self.out.add("cluster", {
                "id": cluster_id, "name": f"Cụm số {number}", "parent_id": parent_id,
                "valid_from": self.start, "valid_to": None,
            })
            for commune_id in members:
                self.out.add("cluster_member", {
                    "cluster_id": cluster_id, "commune_id": commune_id,
                    "valid_from": self.start, "valid_to": None,
                })
            self.counts["cluster"] += 1
            self.log.cluster(cluster_id, members)
            self.staff(cluster_id, Level.CLUSTER, bodies)

    def commune(self, plan: CommunePlan, commune_id: str, region: str, bodies: Bodies) -> None:
        """Staff a commune, then write its hamlets and groups."""
        self.staff(commune_id, Level.COMMUNE, bodies)
        commune_bodies = {**bodies, Tier.COMMUNE: self.new_body(commune_id, plan.place, Tier.COMMUNE)}
        places = self.hamlet_places(region, plan.place.kind, len(plan.groups_per_hamlet))
        for place, groups in zip(places, plan.groups_per_hamlet, strict=True):
            self.hamlet(place, groups, commune_id, commune_bodies)

    def hamlet_places(self, region: str, commune_kind: str, count: int) -> list[Place]:
        """Return a commune's hamlets: named after places or numbered, all of one kind."""
        kinds = HAMLET_KINDS.get((region, commune_kind)) or HAMLET_KINDS[(region, "xã")]
        kind = self.rng.choice(kinds)
        names = HAMLET_NAMES.get(kind, ())
        named = self.rng.sample(names, min(count, len(names))) if names and self.rng.random() < 0.5 else []
        numbered = [str(number) for number in range(1, count - len(named) + 1)]
        return [Place(kind, name) for name in [*named, *numbered]]

    def hamlet(self, place: Place, groups: int, commune_id: str, bodies: Bodies) -> None:
        """Write a hamlet with its people, its cadre, and its groups."""
        rng = self.rng
        households = [rng.randint(15, 45) for _ in range(groups)]
        total = sum(households)
        people = (total, round(total * rng.uniform(3.3, 4.1)), max(3, total // rng.randint(8, 14)))
        hamlet_id = self.add_unit(Level.HAMLET, place, commune_id, people=people)
        self.staff(hamlet_id, Level.HAMLET, bodies, place.name)
        for number, count in enumerate(households, start=1):
            group = Place("tổ nhân dân tự quản", f"số {number}")
            group_people = (count, round(count * rng.uniform(3.3, 4.1)), rng.randint(0, 6))
            group_id = self.add_unit(Level.GROUP, group, hamlet_id, people=group_people)
            self.staff(group_id, Level.GROUP, bodies, place.name)


def _cumulative(weights: Sequence[float]) -> Iterator[float]:
    total = 0.0
    for weight in weights:
        total += weight
        yield total


def _silent(_stage: str, _done: int, _total: int) -> None:
    """Ignore progress."""


def _prepare(database: Database, preset: Preset) -> tuple[Settings, tuple[GraspRule, ...], LogCalendar]:
    """Return the database's settings, rules and the field log's days, setting it up for the preset if it is new."""
    with UnitOfWork(database, write=True) as uow:
        settings = uow.settings.get()
        if settings is None:
            settings = init_database(uow, preset)
        elif settings.preset is not preset:
            raise RuleViolation(
                N_("This database is set up for the {preset} model, not the {wanted} model."),
                preset=settings.preset,
                wanted=preset,
            )
        end = DEMO_DATE + timedelta(days=1)
        free_days = tuple(free_day.day for free_day in calendar.free_days_between(uow, LOG_START, end))
        days = LogCalendar(free_days, calendar.holiday_table(uow, LOG_START, end), DEMO_DATE)
        return settings, uow.rules.all(), days


def build_demo(
    database: Database,
    preset: Preset,
    seed: int = 1,
    scale: Scale = Scale.DISTRICT,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty database with demo data, all in one transaction, and describe what was built."""
    report = progress or _silent
    if bulk.count_rows(database, "unit"):
        raise RuleViolation(
            N_("Demo data can only be added to an empty database; this one already holds units.")
        )
    settings, rules, days = _prepare(database, preset)
    rng = random.Random(seed)
    planning = N_("Planning the demo hierarchy")
    report(planning, 0, 1)
    plans = plan_country(rng, preset, scale)
    totals = plan_totals(plans)
    gap_plan = choose_gaps(rng, totals)
    report(planning, 1, 1)
    building, saving = N_("Creating communes, hamlets and groups"), N_("Saving the demo data")
    done = 0

    def commune_done() -> None:
        nonlocal done
        done += 1
        report(building, done, totals[Level.COMMUNE])

    with bulk.bulk_load(database) as out:
        log = FieldLog(seed, out, preset, days, NATIONAL_SAMPLE if scale is Scale.NATIONAL else None)
        builder = _Builder(rng, out, preset, rules, settings.workload_threshold, gap_plan, log)
        report(building, 0, totals[Level.COMMUNE])
        for plan in plans:
            log.province(plan.place.code)
            builder.province(plan, commune_done)
        report(saving, 0, 1)
    report(saving, 1, 1)
    return DemoSummary(preset, scale, {**builder.counts, **log.counts}, tuple(builder.gaps))
