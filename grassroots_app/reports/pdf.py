"""Render a quarterly report as a signed-ready PDF in the official Party format (never queries)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, PageBreak, SimpleDocTemplate

from ..domain.reports.model import ReportDocument
from .pdf_annex import annexes
from .pdf_style import (
    BOTTOM,
    LEFT,
    PAGE_HEIGHT,
    PAGE_NUMBER_SIZE,
    PAGE_WIDTH,
    REGULAR,
    RIGHT,
    TEXT_WIDTH,
    TOP,
    register_fonts,
)
from .pdf_text import closing, header, sections, title
from .tables import annex_tables

PAGE_NUMBER_FROM_TOP = 12 * mm  # inside the top margin


def page_number(canvas: Canvas, document: SimpleDocTemplate) -> None:
    """Print the page number at the top centre (from the second page, as Party documents do)."""
    canvas.saveState()
    canvas.setFont(REGULAR, PAGE_NUMBER_SIZE)
    canvas.drawCentredString(LEFT + TEXT_WIDTH / 2, PAGE_HEIGHT - PAGE_NUMBER_FROM_TOP, str(document.page))
    canvas.restoreState()


def story(report: ReportDocument) -> list[Flowable]:
    """Return the document's flowables: header, title, sections, the last kept with the closing, annexes."""
    *first, last = sections(report.narrative)
    return [
        header(report.heading), *title(report.heading), *(flowable for section in first for flowable in section),
        KeepTogether([*last, closing(report.narrative)]),
        PageBreak(), *annexes(report.heading, annex_tables(report.figures)),
    ]


def write_pdf(report: ReportDocument, target: Path | BinaryIO) -> None:
    """Write the report as an A4 PDF with the bundled fonts embedded to a file path or a binary stream."""
    font = register_fonts()
    document = SimpleDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        topMargin=TOP, bottomMargin=BOTTOM, leftMargin=LEFT, rightMargin=RIGHT,
        title=report.heading.subject, author=report.heading.issuing_body, subject="Báo cáo",
        creator="Grassroots", initialFontName=font, lang="vi-VN",
    )
    document.build(story(report), onLaterPages=page_number)


def pdf_bytes(report: ReportDocument) -> bytes:
    """Return the report as the bytes of an A4 PDF."""
    buffer = BytesIO()
    write_pdf(report, buffer)
    return buffer.getvalue()
