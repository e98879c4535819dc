"""Text in every workbook the app writes stays text (never a live formula), and stored control characters never
crash an export: the export's sheets, the import's error list, the report's annexed tables, the .ics, the PDF."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import icalendar
import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from grassroots_app.domain.calendar import MeetingCategory
from grassroots_app.domain.meetings import Meeting
from grassroots_app.domain.model import Preset, Tier
from grassroots_app.domain.sheets import Fate
from grassroots_app.persistence.backup_copies import output_guard
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.reports.pdf import pdf_bytes
from grassroots_app.reports.xlsx import write_xlsx
from grassroots_app.services import ics, meetings, sheet_export, sheet_import
from grassroots_app.services.files import save_workbook
from grassroots_app.spreadsheets.writing import SheetContent
from tests import engines
from tests.integration.support import Env, open_env
from tests.unit.report_sample import sample_document
from tests.unit.test_report_pdf import page_texts

ON = date(2026, 9, 30)
RISKY = ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+84 912 345 678", "-1+2", "@SUM(A1:A9)",
         "\tthụt đầu dòng", "\rdòng mới"]
CONTROLS = "Xã Cũ\x00\x07\x1b\x0b"  # an old database may hold them: openpyxl refuses them (IllegalCharacterError)
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
CONTROL_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def formulas(path: Path) -> list[str]:
    """Return the names of the sheets' XML parts that hold a formula element."""
    with zipfile.ZipFile(path) as archive:
        return [name for name in archive.namelist()
                if name.startswith("xl/worksheets/") and re.search(rb"<f[ >]", archive.read(name))]


def cells(path: Path) -> list[tuple[object, str, bool]]:
    """Return every non-empty cell as openpyxl reads it: value, data type, quote prefix."""
    book = load_workbook(path)
    try:
        return [(cell.value, cell.data_type, bool(cell.quotePrefix))
                for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]
    finally:
        book.close()


def calamine_values(path: Path) -> list[object]:
    """Return every non-empty value as python-calamine (the import's reader) reads it."""
    book = CalamineWorkbook.from_path(str(path))
    return [value for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python()
            for value in row if value != ""]


def assert_text_cells(path: Path, texts: list[str]) -> None:
    """Each text is in the file as a string cell (quote-prefixed), read back unchanged by calamine; no formula."""
    assert formulas(path) == []
    read = cells(path)
    values = calamine_values(path)
    for text in texts:
        assert text in values, text
        if "\r" not in text:  # openpyxl reads an escaped CR as written ("_x000D_"); Excel and calamine as CR
            assert (text, "s", True) in read, text


def stored(env: Env, query: str, *params: object) -> None:
    """Change the database with the engine's own driver, as an older Grassroots (without today's checks) could."""
    env.sql(query, *params)


def storable(env: Env, text: str) -> str:
    """Return the text as the engine can hold it: PostgreSQL's text never holds NUL."""
    return text if engines.is_file(env.location) else text.replace("\x00", "")


def test_the_one_cell_writer_keeps_text_as_text(two_level: Env, tmp_path: Path) -> None:
    path = tmp_path / "loi.xlsx"
    rows = [[text, index, CONTROLS] for index, text in enumerate(RISKY)]
    save_workbook([SheetContent("Lỗi", RISKY[0], [(RISKY[1], 20), ("Dòng", 8), ("Giá trị", 20)], rows)], path,
                  output_guard(two_level.db))
    assert_text_cells(path, RISKY)
    assert calamine_values(path).count(CONTROLS) == len(RISKY)


def test_export_writes_risky_names_as_text_and_they_import_back_unchanged(
    two_level: Env, engine: str, new_database: engines.NewDatabase, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    province = two_level.unit("Tỉnh Lạng Sơn", code="20")
    for name in RISKY[:5]:
        two_level.unit(name, province)
    two_level.cadre("=cmd|' /C calc'!A0", Tier.COMMUNE)
    path = tmp_path / "du-lieu.xlsx"
    with UnitOfWork(two_level.db) as uow:
        sheet_export.write_export(uow, path, ON)
    assert_text_cells(path, RISKY[:5])
    with UnitOfWork(two_level.db) as uow:
        again = sheet_import.check_file(uow, path)
    assert again.errors() == [] and again.counts()[Fate.UNCHANGED] == len(again.outcomes)
    empty = open_env(new_database(request, engine), Preset.TWO_LEVEL)
    try:
        with UnitOfWork(empty.db) as uow:
            imported = sheet_import.import_file(uow, path)
        assert imported.errors() == [] and imported.committed
        names = {row[0] for row in empty.sql("SELECT name FROM unit")}
        assert set(RISKY[:5]) <= names
        assert empty.sql("SELECT full_name FROM cadre") == [("=cmd|' /C calc'!A0",)]
    finally:
        empty.db.close()


def test_export_of_stored_control_characters_does_not_crash(two_level: Env, tmp_path: Path) -> None:
    province = two_level.unit("Tỉnh Lạng Sơn", code="20")
    commune = two_level.unit("Xã Cũ", province)
    controls = storable(two_level, CONTROLS)
    stored(two_level, "UPDATE unit SET name = ? WHERE id = ?", controls, commune.id)
    path = tmp_path / "du-lieu.xlsx"
    with UnitOfWork(two_level.db) as uow:
        sheet_export.write_export(uow, path, ON)
    assert controls in calamine_values(path)  # escaped as Excel does (_x0007_): read back exactly
    assert formulas(path) == []


def test_the_report_tables_hold_text_as_text_and_survive_control_characters(tmp_path: Path) -> None:
    document = sample_document(20)
    figures = document.figures
    charges = tuple(replace(row, target_path=RISKY[index % len(RISKY)], cadre_name=CONTROLS)
                    for index, row in enumerate(figures.charges))
    document = replace(document, figures=replace(figures, charges=charges),
                       heading=replace(document.heading, subject=f"{RISKY[0]} {CONTROLS}"))
    path = tmp_path / "phu-luc.xlsx"
    write_xlsx(document, path)
    assert_text_cells(path, RISKY)
    assert CONTROLS in calamine_values(path)
    pages = page_texts(pdf_bytes(document))  # the PDF too, without the control characters
    assert "Xã Cũ" in "".join(pages)
    assert not any(CONTROL_TEXT.search(page) for page in pages)


def test_the_ics_of_stored_control_characters_holds_none(two_level: Env) -> None:
    two_level.run(meetings.add_meeting, Meeting("", "Họp chi bộ", datetime(2026, 7, 3, 14), 90,
                                                MeetingCategory.COMMITTEE, "Tỉnh ủy", "Hội trường A", ()))
    controls = storable(two_level, CONTROLS)
    stored(two_level, "UPDATE meeting SET title = ?, place = ?", f"{RISKY[0]} {controls}", controls)
    data = two_level.read(lambda uow: ics.export_ics(uow, date(2026, 7, 1), date(2026, 8, 1)))
    assert CONTROL_BYTES.findall(data) == []
    (event,) = [e for e in icalendar.Calendar.from_ical(data).walk("VEVENT") if isinstance(e.start, datetime)]
    assert str(event["SUMMARY"]) == f"{RISKY[0]} Xã Cũ"

