"""Reading the cells of the import's sheets as clerks type them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from grassroots_app.domain.errors import InvalidInput
from grassroots_app.domain.model import CadreStatus, Gender, Level, Tier
from grassroots_app.domain.sheets import (
    UNITS,
    Issue,
    cell_text,
    header_key,
    parse_count,
    parse_date,
    parse_flag,
    parse_gender,
    parse_level,
    parse_status,
    parse_tier,
)
from grassroots_app.services.sheet_import import issue_text


@pytest.mark.parametrize(("value", "expected"), [
    (45292, date(2024, 1, 1)), (45292.0, date(2024, 1, 1)), ("45292", date(2024, 1, 1)),
    ("02/01/2024", date(2024, 1, 2)), ("2/1/2024", date(2024, 1, 2)), ("02-01-2024", date(2024, 1, 2)),
    ("02.01.2024", date(2024, 1, 2)), ("2024-01-02", date(2024, 1, 2)), (datetime(2024, 1, 2, 8, 30), date(2024, 1, 2)),
    (date(2024, 1, 2), date(2024, 1, 2)), ("", None), (None, None), (" ", None),
])
def test_dates_are_read_from_serials_cells_and_text(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["31/02/2024", "2024/13/01", "mai", "01/01/24", -3, 1e9])
def test_bad_dates_are_refused_naming_the_value(value: object) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_date(value)
    assert refused.value.params["value"] == cell_text(value)


@pytest.mark.parametrize(("value", "expected"), [
    (12, 12), (12.0, 12), ("12", 12), ("1.234", 1234), ("1,234", 1234), ("1 234", 1234), ("", None), (None, None),
    ("-5", -5),
])
def test_counts_are_read_from_numbers_and_text(value: object, expected: int | None) -> None:
    assert parse_count(value) == expected


@pytest.mark.parametrize("value", ["12,5", 12.5, "mười", True])
def test_what_is_not_a_whole_number_is_refused(value: object) -> None:
    with pytest.raises(InvalidInput):
        parse_count(value)


def test_yes_and_no() -> None:
    assert [parse_flag(v) for v in ("x", "X", "có", "Co", "1", True, 1.0)] == [True] * 7
    assert [parse_flag(v) for v in ("", None, "không", "0", False)] == [False] * 5
    with pytest.raises(InvalidInput):
        parse_flag("có lẽ")


def test_words_for_levels_tiers_genders_and_statuses() -> None:
    assert [parse_level(v) for v in ("Xã", "phuong", "Thôn", "ấp", "Tổ NDTQ", "tỉnh", "")] == [
        Level.COMMUNE, Level.COMMUNE, Level.HAMLET, Level.HAMLET, Level.GROUP, Level.PROVINCE, None]
    assert [parse_tier(v) for v in ("Tỉnh", "cấp huyện", "xa")] == [Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE]
    assert [parse_gender(v) for v in ("Nam", "nữ", "NU")] == [Gender.MALE, Gender.FEMALE, Gender.FEMALE]
    assert parse_status("Đã nghỉ") is CadreStatus.LEFT and parse_status("đang công tác") is CadreStatus.ACTIVE
    with pytest.raises(InvalidInput) as refused:
        parse_level("Khu vực")
    assert refused.value.params["known"].startswith("tỉnh, huyện, xã")


def test_headers_match_without_case_diacritics_or_punctuation() -> None:
    name = UNITS.column("name")
    assert header_key(" TÊN  đơn-vị ") == "ten don vi" and "ten don vi" in name.names()
    assert header_key("Vùng sâu, vùng xa") == header_key("vung sau vung xa")


def test_cells_become_nfc_text() -> None:
    assert cell_text("Tho\u0302n  1 ") == "Thôn 1"
    assert cell_text(6010.0) == "6010" and cell_text(None) == "" and cell_text(date(2024, 1, 2)) == "02/01/2024"


def test_an_issue_shows_a_long_value_cut_short() -> None:
    error = InvalidInput("Too long.")
    long_issue = Issue("Đơn vị", 2, "Tên đơn vị", "B", "z" * 200_000, error)
    shown = f"Sheet 'Đơn vị', row 2, column 'Tên đơn vị' (B): '{'z' * 79}…' — error: Too long."
    assert issue_text(long_issue, str) == shown
    short_issue = Issue("Đơn vị", 2, "Tên đơn vị", "B", "z" * 80, error)
    assert f"'{'z' * 80}'" in issue_text(short_issue, str)
