"""The PDF report: header lines, sections and table values are searchable text; A4; every font embedded."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from grassroots_app.domain.formats import format_date
from grassroots_app.domain.reports.model import Narrative, ReportDocument
from grassroots_app.reports.pdf import pdf_bytes, write_pdf
from grassroots_app.reports.pdf_text import SECTION_TITLES
from grassroots_app.reports.tables import Kind, annex_tables, cell_text
from tests.unit.report_sample import empty_figures, sample_document

A4 = (595.28, 841.89)
STANDARD_14 = {"Courier", "Helvetica", "Times-Roman", "Symbol", "ZapfDingbats"}


def page_texts(data: bytes) -> list[str]:
    """Return each page's text, NFC-normalized, with every run of white space made one space."""
    reader = PdfReader(BytesIO(data))
    return [" ".join(unicodedata.normalize("NFC", page.extract_text()).split()) for page in reader.pages]


@pytest.fixture(scope="module")
def document() -> ReportDocument:
    return sample_document(120)


@pytest.fixture(scope="module")
def data(document: ReportDocument) -> bytes:
    return pdf_bytes(document)


@pytest.fixture(scope="module")
def pages(data: bytes) -> list[str]:
    return page_texts(data)


def test_the_first_page_holds_the_header_the_type_and_the_subject(pages: list[str]) -> None:
    first = pages[0]
    for line in ("ĐẢNG BỘ TỈNH VĨNH LONG", "BAN TỔ CHỨC", "Số 12-BC/BTCTU", "ĐẢNG CỘNG SẢN VIỆT NAM",
                 "Vĩnh Long, ngày 05 tháng 02 năm 2026", "BÁO CÁO",
                 "Kết quả thực hiện công tác nắm cơ sở quý III năm 2026 của Cụm số 2"):
        assert line in first, line
    assert first.index("ĐẢNG BỘ TỈNH VĨNH LONG") < first.index("BÁO CÁO") < first.index(SECTION_TITLES[0])


def test_sections_recipients_and_signer_follow_in_order(pages: list[str]) -> None:
    text = " ".join(pages)
    positions = [text.index(title) for title in SECTION_TITLES]
    assert positions == sorted(positions)
    assert "Không có." in text  # section V is empty
    closing = ["Nơi nhận:", "- Ban Thường vụ Tỉnh ủy (b/c),", "- Lưu.", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ",
               "Nguyễn Văn Ửng"]
    assert all(line in text for line in closing)
    assert text.index(SECTION_TITLES[-1]) < text.index("Nơi nhận:") < text.index("Phụ lục 1")


def test_pages_are_a4_and_numbered_from_the_second(data: bytes, pages: list[str]) -> None:
    reader = PdfReader(BytesIO(data))
    assert len(reader.pages) > 8
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(A4[0], abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(A4[1], abs=0.5)
    assert not pages[0].startswith("1 ")
    assert all(text.startswith(f"{number} ") for number, text in enumerate(pages[1:], start=2))


def fonts_of(resources: Any) -> list[Any]:
    """Return the fonts of a resource dictionary and of the forms it draws."""
    resources = resources.get_object() if resources else {}
    fonts = [font.get_object() for font in (resources.get("/Font") or {}).values()]
    for xobject in (resources.get("/XObject") or {}).values():
        fonts += fonts_of(xobject.get_object().get("/Resources"))
    return fonts


def test_every_font_is_embedded_and_none_is_a_standard_one(data: bytes) -> None:
    reader = PdfReader(BytesIO(data))
    seen = set()
    for page in reader.pages:
        for font in fonts_of(page.get("/Resources")):
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
            base = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
            assert base.split("-")[0] not in STANDARD_14
            seen.add(base)
    assert seen == {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}


def test_table_values_are_printed_with_decimal_commas_and_dd_mm_yyyy(document: ReportDocument,
                                                                     pages: list[str]) -> None:
    text = " ".join(pages)
    tables = annex_tables(document.figures)
    for number, table in enumerate(tables, start=1):
        assert f"Phụ lục {number} {table.title.upper()}" in text
    for table in tables:
        for row in (*table.rows[:3], *table.rows[-2:], *([table.total] if table.total else [])):
            for value, column in zip(row, table.columns, strict=True):
                if column.kind is not Kind.ORDINAL and value is not None:
                    assert cell_text(value, column.kind) in text, (table.key, value)
    assert "85,71 %" in text and "19,05 %" in text


def test_the_header_row_repeats_and_rows_stay_whole_across_pages(document: ReportDocument,
                                                                  pages: list[str]) -> None:
    charges = [index for index, text in enumerate(pages) if "/2025" in text]  # charges alone start in 2025
    assert len(charges) >= 4
    assert all("Người phụ trách" in pages[index] and "Quyết định" in pages[index] for index in charges)
    assert sum(text.count("Phụ lục 1 ") for text in pages) == 1
    for charge in document.figures.charges:
        [page] = [text for text in pages if format_date(charge.start) in text]
        assert charge.cadre_name in page and charge.target_path in page
    listing = [index for index, text in enumerate(pages) if "tuyến đường liên ấp" in text]
    assert len(listing) >= 2 and all("Tình trạng cuối quý" in pages[index] for index in listing)


def test_an_empty_report_prints_nothing_rows_and_empty_sections(tmp_path: Path, document: ReportDocument) -> None:
    empty = replace(document, narrative=Narrative(), figures=empty_figures())
    target = tmp_path / "empty.pdf"
    write_pdf(empty, target)
    text = " ".join(page_texts(target.read_bytes()))
    assert text.count("Không có.") == 5
    assert text.count("Không có ") >= 6  # the empty tables' single row
    assert "Biểu đồ" not in text and "- Lưu." in text
