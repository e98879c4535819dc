"""Export, import and their round trip on real databases of each engine; bad sheets leave the database as it was."""

from __future__ import annotations

import gc
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from openpyxl import Workbook, load_workbook

from grassroots_app.demo.build import build_demo
from grassroots_app.domain.errors import InvalidInput
from grassroots_app.domain.model import Preset, Tier
from grassroots_app.domain.sheets import Fate
from grassroots_app.persistence.backup_copies import output_guard
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import sheet_export, sheet_import, units
from tests.engines import NewDatabase
from tests.integration.support import D0, Env, open_env
from tests.workbooks import write_sheet

ON = date(2026, 9, 30)


def workbook_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Return every sheet's rows as read back from the file."""
    book = load_workbook(path, read_only=True)
    try:
        return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}
    finally:
        book.close()


def export(env: Env, path: Path, under: str | None = None) -> Path:
    with UnitOfWork(env.db) as uow:
        sheet_export.write_export(uow, path, ON, under)
    return path


def run_import(env: Env, path: Path, dry_run: bool = False) -> sheet_import.ImportReport:
    with UnitOfWork(env.db) as uow:
        return (sheet_import.check_file if dry_run else sheet_import.import_file)(uow, path)


def test_export_import_export_gives_the_same_rows(
    database_location: str, engine: str, new_database: NewDatabase, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    demo = open_env(database_location, Preset.TWO_LEVEL, initialized=False)
    build_demo(demo.db, Preset.TWO_LEVEL)
    first = export(demo, tmp_path / "first.xlsx")
    empty = open_env(new_database(request, engine), Preset.TWO_LEVEL)
    report = run_import(empty, first)
    assert report.errors() == [] and report.committed
    assert report.counts()[Fate.NEW] == len(report.outcomes) > 5000
    second = export(empty, tmp_path / "second.xlsx")
    first_rows, second_rows = workbook_rows(first), workbook_rows(second)
    assert first_rows == second_rows
    assert {title: len(rows) for title, rows in first_rows.items()} == {
        "Đơn vị": 2167, "Cụm": 14, "Cán bộ": 717, "Phân công": 2163}
    again = run_import(demo, first, dry_run=True)
    assert again.counts()[Fate.UNCHANGED] == len(again.outcomes)


def test_a_subtree_export_holds_only_that_subtree(database_location: str, tmp_path: Path) -> None:
    demo = open_env(database_location, Preset.TWO_LEVEL, initialized=False)
    build_demo(demo.db, Preset.TWO_LEVEL)
    whole = workbook_rows(export(demo, tmp_path / "all.xlsx"))["Đơn vị"]
    commune = next(row for row in whole[2:] if row[4] == "Xã")
    part = workbook_rows(export(demo, tmp_path / "part.xlsx", under=str(commune[0])))["Đơn vị"]
    assert part[2][0] == commune[0] and part[2][1] == commune[1]
    assert all(str(row[1]).startswith(f"{commune[1]} / {commune[3]}") for row in part[3:])
    assert 1 < len(part) - 2 < len(whole) - 2


@pytest.fixture
def area(database_location: str) -> Env:
    """A province with one commune, one hamlet, one cadre of each tier, saved and ready to compare."""
    env = open_env(database_location, Preset.TWO_LEVEL)
    province = env.unit("Tỉnh Lạng Sơn", code="20")
    commune = env.unit("Xã Tân Đoàn", province, code="06010")
    env.unit("Thôn Bản Nầm", commune)
    env.cadre("Hoàng Văn Thụ", Tier.COMMUNE, is_party_member=True)
    return env


GROUPS = ["Đơn vị cấp trên", "Tên đơn vị", "Cấp", "Từ ngày"]
HAMLET = "Tỉnh Lạng Sơn / Xã Tân Đoàn / Thôn Bản Nầm"


def assert_refused(env: Env, path: Path, sheet: str, row: int, column: str, reason: str) -> None:
    """Both the dry run and the import report the error at that cell, and the database is unchanged."""
    before = env.dump()
    for dry_run in (True, False):
        report = run_import(env, path, dry_run)
        errors = report.errors()
        assert not report.committed
        assert [(e.sheet, e.row, e.column) for e in errors][:1] == [(sheet, row, column)], errors
        assert reason in errors[0].error.render(lambda text: text)
    assert env.dump() == before


def test_a_missing_required_column_is_named(area: Env, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", "Đơn vị", [["Đơn vị cấp trên", "Cấp"], [HAMLET, "Tổ"]])
    assert_refused(area, path, "Đơn vị", 1, "Tên đơn vị", "required column")


def test_an_unknown_parent_is_named(area: Env, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", "Đơn vị", [GROUPS, [HAMLET, "Tổ 1", "Tổ", None],
                                                       ["Tỉnh Lạng Sơn / Xã Không Có / Thôn 2", "Tổ 2", "Tổ", None]])
    assert_refused(area, path, "Đơn vị", 3, "Đơn vị cấp trên", "Xã Không Có")
    refused = run_import(area, path, dry_run=True).outcomes[1]
    assert (refused.row, refused.label, refused.fate) == (3, "Tổ 2", Fate.ERROR)


def test_a_wrong_level_is_named(area: Env, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", "Đơn vị", [GROUPS, ["Tỉnh Lạng Sơn", "Thôn Mới", "Thôn", None]])
    assert_refused(area, path, "Đơn vị", 2, "Cấp", "must be a commune")


def test_a_duplicate_code_is_named(area: Env, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", "Đơn vị", [
        ["Đơn vị cấp trên", "Tên đơn vị", "Mã đơn vị"], ["Tỉnh Lạng Sơn", "Xã Mới A", "99001"],
        ["Tỉnh Lạng Sơn", "Xã Mới B", "99001"]])
    assert_refused(area, path, "Đơn vị", 3, "Mã đơn vị", "already belongs to 'Xã Mới A'")


def test_a_code_of_a_unit_elsewhere_is_refused(area: Env, tmp_path: Path) -> None:
    area.unit("Tỉnh Cao Bằng", code="04")
    path = write_sheet(tmp_path / "s.xlsx", "Đơn vị", [
        ["Đơn vị cấp trên", "Tên đơn vị", "Mã đơn vị"], ["Tỉnh Cao Bằng", "Xã Mới", "06010"]])
    assert_refused(area, path, "Đơn vị", 2, "Đơn vị cấp trên", "under another unit")


def test_an_overlapping_assignment_is_named(area: Env, tmp_path: Path) -> None:
    header = ["Cán bộ", "Địa bàn phụ trách", "Từ ngày"]
    path = write_sheet(tmp_path / "s.xlsx", "Phân công", [
        header, ["Hoàng Văn Thụ", HAMLET, "01/01/2024"], ["Hoàng Văn Thụ", HAMLET, "01/06/2025"]])
    assert_refused(area, path, "Phân công", 3, "Từ ngày", "already holds the role")


def test_an_invalid_date_is_named(area: Env, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", "Đơn vị", [GROUPS, [HAMLET, "Tổ 1", "Tổ", "31/02/2024"]])
    assert_refused(area, path, "Đơn vị", 2, "Từ ngày", "31/02/2024")


def test_tcvn3_text_is_converted_and_said(area: Env, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", "Đơn vị", [GROUPS, [HAMLET, "Tæ d©n c\xad sè 1", "Tổ", None]])
    before = area.dump()
    report = run_import(area, path, dry_run=True)
    notes = [issue for issue in report.issues() if issue.warning]
    assert [(n.row, n.column, n.letter) for n in notes] == [(2, "Tên đơn vị", "B")]
    assert "Tổ dân cư số 1" in notes[0].error.render(lambda text: text)
    assert report.outcomes[0].label == "Tổ dân cư số 1" and report.outcomes[0].fate is Fate.NEW
    assert area.dump() == before


def test_undecodable_legacy_text_is_refused(area: Env, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", "Đơn vị", [GROUPS, [HAMLET, "Th«n ÿx", "Tổ", None]])
    report = run_import(area, path, dry_run=True)
    assert [(e.row, e.column) for e in report.errors()][:1] == [(2, "Tên đơn vị")]


def test_a_large_file_with_one_bad_row_at_the_end_changes_nothing(area: Env, tmp_path: Path) -> None:
    rows: list[list[object]] = [GROUPS] + [[HAMLET, f"Tổ {n}", "Tổ", None] for n in range(1, 50_000)]
    rows.append([HAMLET, "Tổ cuối", "Tổ", "không rõ"])
    path = write_sheet(tmp_path / "big.xlsx", "Đơn vị", rows)
    assert_refused(area, path, "Đơn vị", 50_001, "Từ ngày", "không rõ")


def test_tolerant_reading_title_rows_merged_cells_serial_dates_and_loose_headers(area: Env, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sach"
    sheet.append(["DANH SÁCH TỔ NHÂN DÂN TỰ QUẢN"])
    sheet.merge_cells("A1:D1")
    sheet.append([])
    sheet.append(["tu ngay", "TEN DON VI ", "Don vi cap tren", "So ho"])
    sheet.append([45292, "Tổ  1 ", HAMLET, "1.234"])
    sheet.append(["02/01/2024", "Tổ 2", None, "12"])
    sheet.merge_cells("C4:C5")
    book.save(tmp_path / "loose.xlsx")
    report = run_import(area, tmp_path / "loose.xlsx")
    assert report.errors() == [] and report.committed
    with UnitOfWork(area.db) as uow:
        hamlet = uow.units.by_code("06010")
        assert hamlet is not None
        groups = {u.name: u for u in uow.units.children(uow.units.children(hamlet.id)[0].id)}
    assert groups["Tổ 1"].period.start == date(2024, 1, 1) and groups["Tổ 1"].attributes.households == 1234
    assert groups["Tổ 2"].period.start == date(2024, 1, 2)


def test_csv_with_bom_is_read_and_a_second_import_changes_only_what_differs(area: Env, tmp_path: Path) -> None:
    path = tmp_path / "groups.csv"
    path.write_bytes("\ufeffĐơn vị cấp trên,Tên đơn vị,Số hộ\n".encode() +
                     f"{HAMLET},Tổ 1,10\n{HAMLET},Tổ 2,20\n".encode())
    assert run_import(area, path).counts()[Fate.NEW] == 2
    path.write_bytes("Đơn vị cấp trên;Tên đơn vị;Số hộ\n".encode() + f"{HAMLET};Tổ 1;10\n{HAMLET};Tổ 2;25\n".encode())
    report = run_import(area, path)
    assert [(o.fate, o.changed) for o in report.outcomes] == [(Fate.UNCHANGED, ()), (Fate.CHANGED, ("Số hộ",))]


@pytest.mark.sqlite_only  # the backup is a copy of the SQLite file
def test_an_import_into_a_database_with_units_is_backed_up_first(area: Env, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", "Đơn vị", [GROUPS, [HAMLET, "Tổ 1", "Tổ", D0]])
    report = run_import(area, path)
    assert report.committed and report.backup is not None and report.backup.is_file()


class Stop(Exception):
    """The clerk pressed Cancel."""


def test_a_cancelled_import_writes_nothing(area: Env, tmp_path: Path) -> None:
    rows: list[list[object]] = [GROUPS] + [[HAMLET, f"Tổ {n}", "Tổ", None] for n in range(1, 1_200)]
    path = write_sheet(tmp_path / "s.xlsx", "Đơn vị", rows)
    seen: list[tuple[int, int]] = []

    def cancel_at_the_second_report(done: int, total: int) -> None:
        seen.append((done, total))
        if len(seen) == 2:
            raise Stop

    before = area.dump()
    with UnitOfWork(area.db) as uow, pytest.raises(Stop):
        sheet_import.import_file(uow, path, cancel_at_the_second_report)
    assert seen == [(500, 1199), (1000, 1199)]
    assert area.dump() == before


def test_an_assignment_ended_by_one_row_makes_room_for_the_next(area: Env, tmp_path: Path) -> None:
    cadre = area.read(lambda uow: uow.cadres.named("Hoàng Văn Thụ")[0])
    with UnitOfWork(area.db) as uow:
        hamlet_id = uow.units.children(uow.units.by_code("06010").id)[0].id  # type: ignore[union-attr]
    area.assign(cadre, hamlet_id, date(2024, 1, 1))
    header = ["Cán bộ", "Địa bàn phụ trách", "Từ ngày", "Đến ngày", "Lý do kết thúc"]
    path = write_sheet(tmp_path / "s.xlsx", "Phân công", [
        header, ["Hoàng Văn Thụ", HAMLET, "01/01/2024", "01/03/2025", ""],
        ["Hoàng Văn Thụ", HAMLET, "01/03/2025", None, None]])
    report = run_import(area, path)
    assert [(o.fate, o.changed) for o in report.outcomes] == [(Fate.CHANGED, ("Đến ngày",)), (Fate.NEW, ())]
    assert report.committed


def write_ods(path: Path, title: str, rows: Sequence[Sequence[str]]) -> Path:
    """Write a minimal OpenDocument spreadsheet (as LibreOffice Calc saves it) with text cells."""
    cells = "".join(
        "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'
            for value in row) + "</table:table-row>" for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
        f'<office:spreadsheet><table:table table:name="{escape(title)}">{cells}</table:table></office:spreadsheet>'
        "</office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


def test_an_opendocument_spreadsheet_is_read_too(area: Env, tmp_path: Path) -> None:
    path = write_ods(tmp_path / "to.ods", "Đơn vị", [["Đơn vị cấp trên", "Tên đơn vị"], [HAMLET, "Tổ 7"]])
    report = run_import(area, path)
    assert report.committed and [(o.label, o.fate) for o in report.outcomes] == [("Tổ 7", Fate.NEW)]


CADRE_HEADER = ["Họ và tên", "Năm sinh", "Cấp công tác", "Nơi công tác"]


def cadres_named(env: Env, name: str) -> list[tuple[str, int | None, str]]:
    return sorted((c.full_name, c.birth_year, c.workplace) for c in env.read(lambda uow: uow.cadres.named(name)))


def test_namesakes_told_apart_by_birth_year_or_workplace_are_two_people(area: Env, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", "Cán bộ", [CADRE_HEADER, ["Lò Văn Páo", 1970, "Xã", "UBND xã"],
                                                     ["Lò Văn Páo", 1982, "Xã", "UBND xã"],
                                                     ["Lò Văn Páo", 1970, "Xã", "Trường tiểu học"]])
    report = run_import(area, path)
    assert report.committed and [o.fate for o in report.outcomes] == [Fate.NEW] * 3
    assert cadres_named(area, "Lò Văn Páo") == [("Lò Văn Páo", 1970, "Trường tiểu học"),
                                                ("Lò Văn Páo", 1970, "UBND xã"), ("Lò Văn Páo", 1982, "UBND xã")]


def test_a_stored_cadre_is_matched_by_name_only_when_one_fits_and_the_row_says_which(area: Env,
                                                                                   tmp_path: Path) -> None:
    area.cadre("Nguyễn Văn An", Tier.COMMUNE, birth_year=1980)
    area.cadre("Nguyễn Văn An", Tier.COMMUNE, birth_year=1985)
    path = write_sheet(tmp_path / "s.xlsx", "Cán bộ", [CADRE_HEADER, ["Nguyễn Văn An", 1985, "Xã", "Đảng ủy xã"]])
    report = run_import(area, path)
    notes = [issue.error.render(str) for issue in report.issues() if issue.warning]
    assert report.committed and report.outcomes[0].fate is Fate.CHANGED
    assert notes == [notes[0]] and "Nguyễn Văn An (1985" in notes[0]
    assert cadres_named(area, "Nguyễn Văn An") == [("Nguyễn Văn An", 1980, ""), ("Nguyễn Văn An", 1985, "Đảng ủy xã")]
    ambiguous = write_sheet(tmp_path / "a.xlsx", "Phân công", [["Cán bộ", "Địa bàn phụ trách", "Từ ngày"],
                                                              ["Nguyễn Văn An", HAMLET, "01/01/2024"]])
    assert_refused(area, ambiguous, "Phân công", 2, "Cán bộ", "2 cadres are named 'Nguyễn Văn An'")
    message = run_import(area, ambiguous, dry_run=True).errors()[0].error.render(str)
    assert "Nguyễn Văn An (1980" in message and "Nguyễn Văn An (1985, Đảng ủy xã" in message


def test_two_rows_for_one_name_without_ids_are_refused_naming_both(area: Env, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", "Cán bộ", [CADRE_HEADER, ["Lò Văn Páo", None, "Xã", None],
                                                     ["Lò Văn Páo", 1970, "Xã", None]])
    assert_refused(area, path, "Cán bộ", 3, "Họ và tên", "Row 2 also names 'Lò Văn Páo'")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-le", "cp1258", "tcvn3"])
def test_csv_files_in_unicode_and_legacy_encodings_are_read_and_the_encoding_said(
        area: Env, tmp_path: Path, encoding: str) -> None:
    from tests.integration.bad_sheets import encode_cp1258
    text = f"Đơn vị cấp trên,Tên đơn vị,Số hộ\r\n{HAMLET},Tổ dân cư số 1,12\r\n"
    tcvn3 = "§¬n vÞ cÊp trªn,Tªn ®¬n vÞ,Sè hé\r\nTØnh L¹ng S¬n / X· T©n §oµn / Th«n B¶n NÇm,Tæ d©n c\xad sè 1,12\r\n"
    data = {"cp1258": encode_cp1258(text), "tcvn3": tcvn3.encode("cp1252")}.get(encoding) or text.encode(encoding)
    path = tmp_path / "groups.csv"
    path.write_bytes(data)
    report = run_import(area, path)
    assert report.committed and [(o.label, o.fate) for o in report.outcomes] == [("Tổ dân cư số 1", Fate.NEW)]
    said = {"cp1258": "Windows-1258", "tcvn3": "TCVN3"}.get(encoding)
    assert [issue.error.render(str) for issue in report.issues()] == (
        [f"The file is not in Unicode: it was read as {said} text."] if said else [])


def test_headers_typed_in_tcvn3_are_recognised(area: Env, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", "Sheet1", [["§¬n vÞ cÊp trªn", "Tªn ®¬n vÞ"], [HAMLET, "Tæ 3"]])
    report = run_import(area, path)
    assert report.committed and [(o.label, o.fate) for o in report.outcomes] == [("Tổ 3", Fate.NEW)]


def test_a_hidden_sheet_of_notes_is_left_aside_with_a_word(area: Env, tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Đơn vị"
    book.active.append(GROUPS)
    book.active.append([HAMLET, "Tổ 4", "Tổ", None])
    notes = book.create_sheet("Ghi chú")
    notes.append(["chỉ là ghi chú"])
    notes.sheet_state = "hidden"
    book.save(tmp_path / "s.xlsx")
    report = run_import(area, tmp_path / "s.xlsx")
    assert report.committed and [(i.sheet, i.warning) for i in report.issues()] == [("Ghi chú", True)]


def test_an_unexpected_failure_in_a_row_is_that_rows_error_and_is_logged(
        area: Env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    from grassroots_app.services import sheet_places
    real = sheet_places.import_unit

    def failing(job: sheet_places.Job, row: sheet_places.RowContext) -> None:
        if row.text("name") == "Tổ 2":
            raise KeyError("a case nobody foresaw")
        real(job, row)

    monkeypatch.setattr(sheet_import, "import_unit", failing)
    path = write_sheet(tmp_path / "s.xlsx", "Đơn vị", [GROUPS, [HAMLET, "Tổ 1", "Tổ", None], [HAMLET, "Tổ 2", "Tổ", None]])
    before = area.dump()
    report = run_import(area, path)
    assert not report.committed and [(o.row, o.fate) for o in report.outcomes] == [(2, Fate.NEW), (3, Fate.ERROR)]
    assert [(e.sheet, e.row) for e in report.errors()] == [("Đơn vị", 3)]
    assert "a case nobody foresaw" in report.errors()[0].error.render(str)
    assert any(record.exc_info and "Row 3 of sheet 'Đơn vị'" in record.getMessage() for record in caplog.records)
    assert area.dump() == before


def test_an_old_excel_xls_workbook_is_read_and_a_far_cell_in_it_refused_by_sheet(area: Env, tmp_path: Path) -> None:
    from tests.integration.bad_sheets import xls
    path = tmp_path / "old.xls"
    xls("Đơn vị", [GROUPS, [HAMLET, "Tổ 8", "Tổ", "01/01/2024"]])(path)
    report = run_import(area, path, dry_run=True)
    assert report.errors() == [] and [(o.label, o.fate) for o in report.outcomes] == [("Tổ 8", Fate.NEW)]
    xls("Đơn vị", [GROUPS, [HAMLET, "Tổ 8", "Tổ", "01/01/2024"]], [(65535, 65535, 1)])(path)
    with pytest.raises(InvalidInput, match="The sheet 'Đơn vị' reaches row 65536 and column 65536"):
        run_import(area, path, dry_run=True)


def test_an_imported_hamlet_without_a_kind_takes_its_siblings_kind(area: Env, tmp_path: Path) -> None:
    commune = "Tỉnh Lạng Sơn / Xã Tân Đoàn"
    path = write_sheet(tmp_path / "s.xlsx", "Đơn vị", [
        ["Đơn vị cấp trên", "Tên đơn vị", "Loại", "Từ ngày"],
        [commune, "Khòn Pổ", None, D0],  # thôn: its only sibling is a thôn
        [commune, "Nà Pàn", "xóm", D0],
        [commune, "Pác Kéo", "xóm", D0],
        [commune, "Nà Lừa", "xóm", D0],
        [commune, "Bó Pia", None, D0],  # xóm: now the kind most used under the commune
    ])
    assert run_import(area, path).committed
    kinds = dict(area.sql("SELECT name, kind FROM unit WHERE level = 'hamlet'"))
    assert kinds == {"Thôn Bản Nầm": "thôn", "Khòn Pổ": "thôn", "Nà Pàn": "xóm", "Pác Kéo": "xóm", "Nà Lừa": "xóm",
                     "Bó Pia": "xóm"}


MERGE_DAY = date(2025, 7, 1)
MERGE_NOTE = "Theo Nghị quyết 1672/NQ-UBTVQH15"


def merged_area(env: Env) -> Env:
    """The area with a second commune merged into Xã Tân Đoàn, with the clerk's note."""
    with UnitOfWork(env.db) as uow:
        province = next(unit for unit in uow.units.roots() if unit.name == "Tỉnh Lạng Sơn")
        commune = uow.units.by_code("06010")
    assert commune is not None
    gone = env.unit("Xã Tràng Phái", province, code="06013")
    env.run(units.merge_units, gone.id, commune.id, MERGE_DAY, units.Carry.END, note=MERGE_NOTE)
    return env


def test_the_export_lists_each_merge_with_its_day_units_and_note_and_the_template_does_not(
    area: Env, tmp_path: Path,
) -> None:
    path = export(merged_area(area), tmp_path / "du-lieu.xlsx")
    merges = workbook_rows(path)["Sáp nhập"]
    assert merges[1] == ("Ngày sáp nhập", "Đơn vị sáp nhập", "Mã đơn vị sáp nhập", "Sáp nhập vào", "Mã đơn vị nhận",
                         "Ghi chú")
    assert merges[2:] == [(datetime(2025, 7, 1), "Tỉnh Lạng Sơn / Xã Tràng Phái", "06013",
                           "Tỉnh Lạng Sơn / Xã Tân Đoàn", "06010", MERGE_NOTE)]
    assert load_workbook(path)["Sáp nhập"]["A3"].number_format == "dd/mm/yyyy"
    with UnitOfWork(area.db) as uow:
        sheet_export.write_template(tmp_path / "mau.xlsx", output_guard(uow.database))
    assert "Sáp nhập" not in workbook_rows(tmp_path / "mau.xlsx")


def test_an_export_with_merges_imports_back_without_a_sheet_left_aside(
    area: Env, engine: str, new_database: NewDatabase, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    path = export(merged_area(area), tmp_path / "du-lieu.xlsx")
    assert len(workbook_rows(path)["Sáp nhập"]) == 3  # title, header, the merge
    again = run_import(area, path, dry_run=True)
    assert again.issues() == [] and again.counts()[Fate.UNCHANGED] == len(again.outcomes)
    empty = open_env(new_database(request, engine), Preset.TWO_LEVEL)
    report = run_import(empty, path)
    assert report.issues() == [] and report.committed


def test_a_repeated_cell_is_converted_said_and_refused_on_every_row_it_is_in(area: Env, tmp_path: Path) -> None:
    legacy_hamlet = "TØnh L¹ng S¬n / X· T©n §oµn / Th«n B¶n NÇm"  # each distinct text is checked once, then cached
    path = write_sheet(tmp_path / "s.xlsx", "Đơn vị", [
        GROUPS, [legacy_hamlet, "Tổ 1", "Tổ", None], [legacy_hamlet, "Tổ 2", "Tổ", None],
        [HAMLET, "Tổ\u200b3", "Tổ", None], [HAMLET, "Tổ\u200b3", "Tổ", None]])
    report = run_import(area, path, dry_run=True)
    assert [(n.row, n.column) for n in report.issues() if n.warning] == [(2, "Đơn vị cấp trên"), (3, "Đơn vị cấp trên")]
    assert [(e.row, e.column) for e in report.errors()] == [(4, "Tên đơn vị"), (5, "Tên đơn vị")]
    assert [o.fate for o in report.outcomes[:2]] == [Fate.NEW, Fate.NEW]


def test_rows_under_a_unit_added_earlier_in_the_same_sheet_find_it_by_path(area: Env, tmp_path: Path) -> None:
    new_hamlet = "Tỉnh Lạng Sơn / Xã Tân Đoàn / Thôn Mới"
    before = write_sheet(tmp_path / "s.xlsx", "Đơn vị", [
        GROUPS, [new_hamlet, "Tổ 1", "Tổ", None], ["Tỉnh Lạng Sơn / Xã Tân Đoàn", "Thôn Mới", "Thôn", None]])
    assert [(e.row, e.column) for e in run_import(area, before).errors()] == [(2, "Đơn vị cấp trên")]
    path = write_sheet(tmp_path / "t.xlsx", "Đơn vị", [
        GROUPS, ["Tỉnh Lạng Sơn / Xã Tân Đoàn", "Thôn Mới", "Thôn", None], [new_hamlet, "Tổ 1", "Tổ", None],
        [new_hamlet.upper(), "Tổ 2", "Tổ", None], [new_hamlet, "Tổ 3", "Tổ", None]])
    report = run_import(area, path)
    assert report.committed and [o.fate for o in report.outcomes] == [Fate.NEW] * 4
    with UnitOfWork(area.db) as uow:
        commune = uow.units.by_code("06010")
        assert commune is not None
        hamlet = next(unit for unit in uow.units.children(commune.id) if unit.name == "Thôn Mới")
        assert sorted(unit.name for unit in uow.units.children(hamlet.id)) == ["Tổ 1", "Tổ 2", "Tổ 3"]


def test_the_garbage_collector_is_as_it_was_after_an_import_even_a_refused_one(area: Env, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "s.xlsx", "Đơn vị", [GROUPS, [HAMLET, "Tổ 1", "Tổ", None]])
    assert gc.isenabled()
    assert run_import(area, path, dry_run=True).counts()[Fate.NEW] == 1 and gc.isenabled()
    with pytest.raises(InvalidInput):
        run_import(area, tmp_path / "missing.xlsx")
    assert gc.isenabled()
    gc.disable()  # as in the window, which collects on its own timer
    try:
        assert run_import(area, path).committed and not gc.isenabled()
    finally:
        gc.enable()
