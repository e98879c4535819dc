"""The import and export sheets: their columns with Vietnamese headers, and the tolerant reading of their cells."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum
from typing import TypeVar

from grassroots_app.domain.calendar import check_day
from grassroots_app.domain.errors import N_, DomainError, InvalidInput
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import CadreStatus, Gender, Level, Tier
from grassroots_app.domain.text import (
    CODE_LENGTH,
    DECISION_LENGTH,
    KIND_LENGTH,
    NAME_LENGTH,
    NOTE_LENGTH,
    PHONE_LENGTH,
    fold,
    nfc,
)

T = TypeVar("T")
EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 01/01/1900 (Excel's 1900 leap-year bug included)
HEADER_SEARCH_ROWS = 30  # title rows above the header, at most
ID_LENGTH = 36  # the ids the database stores (UUIDs)


class SheetKind(str, Enum):
    """What a sheet holds."""

    UNITS = "units"
    CLUSTERS = "clusters"
    CADRES = "cadres"
    ASSIGNMENTS = "assignments"
    MERGES = "merges"


@dataclass(frozen=True)
class Column:
    """A column of an import or export sheet: its key in code, its Vietnamese header and other accepted headers."""

    key: str
    header: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    width: int = 16
    limit: int | None = None  # the longest text the column may hold (its database column's size)

    def names(self) -> set[str]:
        """Return the folded headers this column is recognised by."""
        return {header_key(name) for name in (self.header, *self.aliases)}


@dataclass(frozen=True)
class SheetSpec:
    """An import or export sheet: its title, the names it is recognised by, and its columns in order."""

    kind: SheetKind
    title: str
    aliases: tuple[str, ...]
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        """Return the column with this key."""
        return self._by_key[key]

    @functools.cached_property
    def _by_key(self) -> dict[str, Column]:
        """The columns by key (looked up for every cell of every imported row)."""
        return {column.key: column for column in self.columns}


def header_key(text: str) -> str:
    """Return a header folded for matching: no case, diacritics, punctuation or repeated spaces."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text)).split())


ID = "id"
UNITS = SheetSpec(SheetKind.UNITS, "Đơn vị", ("Đơn vị hành chính", "Don vi", "Địa bàn"), (
    Column(ID, "Mã định danh", aliases=("ID", "Mã hệ thống"), width=38),
    Column("parent", "Đơn vị cấp trên", aliases=("Cấp trên", "Thuộc", "Trực thuộc"), width=44),
    Column("parent_code", "Mã đơn vị cấp trên", aliases=("Mã cấp trên",), width=12),
    Column("name", "Tên đơn vị", required=True, aliases=("Tên", "Tên địa bàn", "Tên thôn, tổ"), width=28,
           limit=NAME_LENGTH),
    Column("level", "Cấp", aliases=("Cấp hành chính",), width=8),
    Column("kind", "Loại", aliases=("Loại đơn vị",), width=14, limit=KIND_LENGTH),
    Column("code", "Mã đơn vị", aliases=("Mã", "Mã số", "Mã hành chính"), width=10, limit=CODE_LENGTH),
    Column("start", "Từ ngày", aliases=("Ngày thành lập",), width=12),
    Column("remote", "Vùng sâu, vùng xa", aliases=("Vùng sâu",), width=10),
    Column("households", "Số hộ", width=9),
    Column("population", "Số nhân khẩu", aliases=("Nhân khẩu", "Dân số"), width=11),
    Column("party_members", "Số đảng viên", width=11),
))
CLUSTERS = SheetSpec(SheetKind.CLUSTERS, "Cụm", ("Cụm xã", "Cum"), (
    Column(ID, "Mã cụm", aliases=("Mã định danh cụm",), width=38),
    Column("name", "Tên cụm", required=True, width=18, limit=NAME_LENGTH),
    Column("parent", "Thuộc", required=True, aliases=("Đơn vị cấp trên", "Cấp trên"), width=30),
    Column("start", "Cụm từ ngày", aliases=("Ngày thành lập cụm",), width=12),
    Column("commune", "Xã, phường trong cụm", aliases=("Xã", "Xã, phường", "Xã trong cụm"), width=40),
    Column("commune_code", "Mã xã", aliases=("Mã xã, phường",), width=10),
    Column("joined", "Vào cụm từ ngày", aliases=("Ngày vào cụm",), width=12),
))
CADRES = SheetSpec(SheetKind.CADRES, "Cán bộ", ("Can bo", "Danh sách cán bộ"), (
    Column(ID, "Mã định danh", aliases=("ID", "Mã cán bộ"), width=38),
    Column("name", "Họ và tên", required=True, aliases=("Họ tên", "Tên cán bộ"), width=24,
           limit=NAME_LENGTH),
    Column("birth_year", "Năm sinh", width=9),
    Column("gender", "Giới tính", width=9),
    Column("tier", "Cấp công tác", required=True, aliases=("Cán bộ cấp",), width=11),
    Column("position", "Chức vụ", width=24, limit=NAME_LENGTH),
    Column("workplace", "Nơi công tác", aliases=("Đơn vị công tác",), width=24, limit=NAME_LENGTH),
    Column("standing", "Ủy viên Ban Thường vụ", aliases=("Ủy viên BTV", "UV BTV"), width=10),
    Column("committee", "Cấp ủy viên", aliases=("Cấp ủy",), width=10),
    Column("party_member", "Đảng viên", width=10),
    Column("phone", "Điện thoại", aliases=("Số điện thoại",), width=13, limit=PHONE_LENGTH),
    Column("status", "Tình trạng", aliases=("Trạng thái",), width=14),
    Column("status_date", "Ngày thôi công tác", aliases=("Ngày nghỉ",), width=12),
    Column("home", "Nơi cư trú", aliases=("Địa bàn cư trú",), width=36),
))
ASSIGNMENTS = SheetSpec(SheetKind.ASSIGNMENTS, "Phân công", ("Phan cong", "Phân công phụ trách"), (
    Column(ID, "Mã định danh", aliases=("ID", "Mã phân công"), width=38),
    Column("cadre_id", "Mã cán bộ", width=38),
    Column("cadre", "Cán bộ", aliases=("Họ và tên", "Họ tên", "Cán bộ phụ trách"), width=24),
    Column("target", "Địa bàn phụ trách", aliases=("Địa bàn", "Phụ trách"), width=44),
    Column("target_code", "Mã địa bàn", width=12),
    Column("role", "Vai trò", aliases=("Nhiệm vụ",), width=30, limit=NAME_LENGTH),
    Column("start", "Từ ngày", required=True, aliases=("Ngày bắt đầu",), width=12),
    Column("end", "Đến ngày", aliases=("Ngày kết thúc",), width=12),
    Column("decision", "Số quyết định", aliases=("Quyết định", "Số QĐ"), width=14,
           limit=DECISION_LENGTH),
    Column("decision_date", "Ngày quyết định", aliases=("Ngày QĐ",), width=12),
    Column("note", "Ghi chú", width=24, limit=NOTE_LENGTH),
    Column("end_reason", "Lý do kết thúc", width=24, limit=NOTE_LENGTH),
))
SHEETS: tuple[SheetSpec, ...] = (UNITS, CLUSTERS, CADRES, ASSIGNMENTS)
MERGES = SheetSpec(SheetKind.MERGES, "Sáp nhập", ("Sap nhap",), (
    Column("on", "Ngày sáp nhập", width=12),
    Column("source", "Đơn vị sáp nhập", width=44),
    Column("source_code", "Mã đơn vị sáp nhập", width=12),
    Column("target", "Sáp nhập vào", width=44),
    Column("target_code", "Mã đơn vị nhận", width=12),
    Column("note", "Ghi chú", width=30),
))
INFORMATION_SHEETS: tuple[SheetSpec, ...] = (MERGES,)  # the export writes them to be read; the import skips them


def spec_named(name: str, specs: tuple[SheetSpec, ...]) -> SheetSpec | None:
    """Return the spec among these that a sheet's name (or one of its other names) calls for, None for none."""
    wanted = header_key(name)
    return next((spec for spec in specs if wanted in {header_key(title) for title in (spec.title, *spec.aliases)}),
                None)

# Words the sheets use for levels, tiers, genders and statuses (compared folded).
LEVEL_WORDS: dict[Level, str] = {
    Level.PROVINCE: "Tỉnh", Level.DISTRICT: "Huyện", Level.COMMUNE: "Xã", Level.HAMLET: "Thôn", Level.GROUP: "Tổ",
}
_LEVEL_SYNONYMS: dict[Level, tuple[str, ...]] = {
    Level.PROVINCE: ("tỉnh", "cấp tỉnh"),
    Level.DISTRICT: ("huyện", "cấp huyện", "quận", "thị xã"),
    Level.COMMUNE: ("xã", "cấp xã", "phường", "đặc khu", "thị trấn"),
    Level.HAMLET: ("thôn", "ấp", "thôn, ấp", "ấp, khu phố", "thôn, tổ dân phố", "khu phố", "tổ dân phố", "bản",
                   "làng", "buôn", "bon", "phum", "sóc", "khóm", "khối phố", "tiểu khu"),
    Level.GROUP: ("tổ", "tổ nhân dân tự quản", "tổ NDTQ", "tổ tự quản", "tổ dân cư"),
}
TIER_WORDS: dict[Tier, str] = {Tier.PROVINCE: "Tỉnh", Tier.DISTRICT: "Huyện", Tier.COMMUNE: "Xã"}
GENDER_WORDS: dict[Gender, str] = {Gender.MALE: "Nam", Gender.FEMALE: "Nữ"}
STATUS_WORDS: dict[CadreStatus, str] = {CadreStatus.ACTIVE: "Đang công tác", CadreStatus.LEFT: "Đã nghỉ"}
_STATUS_SYNONYMS: dict[CadreStatus, tuple[str, ...]] = {
    CadreStatus.ACTIVE: ("đang công tác", "công tác", "đang làm"),
    CadreStatus.LEFT: ("đã nghỉ", "nghỉ", "nghỉ hưu", "thôi công tác", "chuyển công tác"),
}
YES_WORD = "x"
_YES = {"x", "co", "1", "yes", "true", "dung", "v"}
_NO = {"", "khong", "0", "no", "false", "-"}
_DATE_PATTERN = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})")
_ISO_PATTERN = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_SERIAL = re.compile(r"[0-9]{1,7}")  # ASCII digits only: '²' and '①' are digits to str.isdigit, not to int()


# The error values a spreadsheet shows in a cell whose formula failed.
ERROR_CODES = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
                         "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"})
FLAG_KEYS = frozenset({"remote", "standing", "committee", "party_member"})  # the columns that take TRUE/FALSE


@dataclass(frozen=True)
class ErrorValue:
    """A cell holding a spreadsheet error (#REF!, #N/A), or a formula saved without its value ('=A1*2')."""

    code: str

    @property
    def uncalculated(self) -> bool:
        """Return whether the cell is a formula whose value was never calculated."""
        return self.code.startswith("=")


def cell_text(value: object) -> str:
    """Return a cell as NFC text: whole numbers without '.0', dates as dd/mm/yyyy, nothing as ''."""
    if value is None:
        return ""
    if isinstance(value, ErrorValue):
        return value.code
    if isinstance(value, bool):
        return YES_WORD if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return format_date(value)
    return nfc(str(value))


def parse_date(value: object) -> date | None:
    """Return a date from a date cell, an Excel serial, dd/mm/yyyy or yyyy-mm-dd; None for an empty cell."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return check_day(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2_958_466:  # up to 31/12/9999
            return check_day(EXCEL_EPOCH + timedelta(days=int(value)))
        raise _not_a_date(value)
    text = cell_text(value)
    if not text:
        return None
    if _SERIAL.fullmatch(text):
        return parse_date(int(text))
    for pattern, order in ((_DATE_PATTERN, (2, 1, 0)), (_ISO_PATTERN, (0, 1, 2))):
        match = pattern.fullmatch(text)
        if match:
            numbers = [int(part) for part in match.groups()]
            try:
                return check_day(date(numbers[order[0]], numbers[order[1]], numbers[order[2]]))
            except ValueError:
                raise _not_a_date(text) from None
    raise _not_a_date(text)


def _not_a_date(value: object) -> InvalidInput:
    return InvalidInput(N_("'{value}' is not a date; write dd/mm/yyyy."), value=cell_text(value))


def parse_count(value: object) -> int | None:
    """Return a whole number from a number cell or text such as '1.234' or '1 234'; None when empty."""
    if isinstance(value, bool):
        raise InvalidInput(N_("'{value}' is not a whole number."), value=cell_text(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise InvalidInput(N_("'{value}' is not a whole number."), value=cell_text(value))
    text = cell_text(value)
    if not text:
        return None
    digits = re.sub(r"(?<=[0-9])[.,\s](?=[0-9]{3}([^0-9]|$))", "", text)
    if re.fullmatch(r"-?[0-9]{1,18}", digits):
        return int(digits)
    raise InvalidInput(N_("'{value}' is not a whole number."), value=text)


def parse_flag(value: object) -> bool:
    """Return whether a yes/no cell says yes ('x', 'có', '1'); refuse anything else that is not a no."""
    if isinstance(value, bool):
        return value
    folded = fold(cell_text(value))
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise InvalidInput(N_("'{value}' is neither yes ('x') nor no (empty)."), value=cell_text(value))


def _lookup(words: dict[T, tuple[str, ...]]) -> dict[str, T]:
    """Return {folded word: member} for the words naming each member."""
    return {header_key(word): member for member, synonyms in words.items() for word in synonyms}


def _choice(value: object, words: dict[T, tuple[str, ...]], lookup: dict[str, T], message: str) -> T | None:
    text = cell_text(value)
    if not text:
        return None
    found = lookup.get(header_key(text))
    if found is None:
        raise InvalidInput(message, value=text, known=", ".join(synonyms[0] for synonyms in words.values()))
    return found


_TIER_SYNONYMS: dict[Tier, tuple[str, ...]] = {tier: (word, "cấp " + word) for tier, word in TIER_WORDS.items()}
_GENDER_SYNONYMS: dict[Gender, tuple[str, ...]] = {gender: (word,) for gender, word in GENDER_WORDS.items()}
_LEVELS, _TIERS = _lookup(_LEVEL_SYNONYMS), _lookup(_TIER_SYNONYMS)
_GENDERS, _STATUSES = _lookup(_GENDER_SYNONYMS), _lookup(_STATUS_SYNONYMS)


def parse_level(value: object) -> Level | None:
    """Return the level a cell names ('Xã', 'thôn', 'Tổ'), None when empty."""
    return _choice(value, _LEVEL_SYNONYMS, _LEVELS, N_("'{value}' is not a level; write one of: {known}."))


def parse_tier(value: object) -> Tier | None:
    """Return the tier a cell names ('Tỉnh', 'Huyện', 'Xã'), None when empty."""
    return _choice(value, _TIER_SYNONYMS, _TIERS,
                   N_("'{value}' is not a tier of government; write one of: {known}."))


def parse_gender(value: object) -> Gender | None:
    """Return the gender a cell names ('Nam', 'Nữ'), None when empty."""
    return _choice(value, _GENDER_SYNONYMS, _GENDERS, N_("'{value}' is not a gender; write one of: {known}."))


def parse_status(value: object) -> CadreStatus | None:
    """Return the working status a cell names, None when empty."""
    return _choice(value, _STATUS_SYNONYMS, _STATUSES,
                   N_("'{value}' is not a working status; write one of: {known}."))


@dataclass(frozen=True)
class Cell:
    """A cell as read: its value and where it is."""

    value: object
    letter: str


@dataclass(frozen=True)
class Record:
    """A data row of a sheet: its row number and its cells by column key."""

    row: int
    cells: dict[str, Cell]

    def value(self, key: str) -> object:
        """Return the raw value of a column (None when absent)."""
        cell = self.cells.get(key)
        return cell.value if cell is not None else None

    def text(self, key: str) -> str:
        """Return a column as NFC text."""
        return cell_text(self.value(key))


@dataclass(frozen=True)
class Issue:
    """What is wrong (or was corrected) in one cell of an imported sheet."""

    sheet: str
    row: int
    column: str
    letter: str
    value: str
    error: DomainError
    warning: bool = False


class Fate(str, Enum):
    """What an import does with a row."""

    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    ERROR = "error"


@dataclass
class RowOutcome:
    """The fate of one row: new, changed (with the changed columns), unchanged or error, and its issues."""

    sheet: str
    row: int
    label: str
    fate: Fate = Fate.UNCHANGED
    changed: tuple[str, ...] = ()
    issues: list[Issue] = field(default_factory=list)
