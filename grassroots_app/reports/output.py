"""A report's files and page images, made in a worker process: the PDF, the Excel workbook, the pages rasterized.

Each function has the shape of a read use case (a unit of work first, unused) so that the window can run it
off its thread with the other reads; each receives the finished document and never queries. The renderers and
pypdfium2 are imported when first used, in the worker process: the window starts without them.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from grassroots_app.persistence.backup import output_guard
from grassroots_app.persistence.files import write_file
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.reports.model import ReportDocument

if TYPE_CHECKING:
    import pypdfium2

POINTS_PER_INCH = 72
COMPRESSION = 1  # fast: a page is mostly white


@dataclass(frozen=True)
class PageImage:
    """One page rasterized: its size in pixels, the bytes of one line, its RGB pixels compressed."""

    width: int
    height: int
    stride: int
    dpi: float
    packed: bytes

    def pixels(self) -> bytes:
        """Return the page's RGB pixels, line after line."""
        return zlib.decompress(self.packed)


def rasterize(pdf: bytes, dpi: float) -> tuple[PageImage, ...]:
    """Return every page of a PDF rendered at a resolution, in RGB."""
    import pypdfium2  # noqa: PLC0415 - heavy, needed only in the worker process

    document = pypdfium2.PdfDocument(pdf)
    try:
        return tuple(_page_image(document[index], dpi) for index in range(len(document)))
    finally:
        document.close()


def _page_image(page: pypdfium2.PdfPage, dpi: float) -> PageImage:
    """Render one page and pack its pixels."""
    bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True)
    try:
        packed = zlib.compress(bytes(bitmap.buffer), COMPRESSION)
        return PageImage(bitmap.width, bitmap.height, bitmap.stride, dpi, packed)
    finally:
        bitmap.close()
        page.close()


def page_images(_uow: UnitOfWork, report: ReportDocument, dpi: float) -> tuple[PageImage, ...]:
    """Render the report's PDF and return its pages as images at a resolution."""
    from grassroots_app.reports.pdf import pdf_bytes  # noqa: PLC0415 - heavy, needed only in the worker process

    return rasterize(pdf_bytes(report), dpi)


def save_pdf(uow: UnitOfWork, report: ReportDocument, path: str) -> str:
    """Write the report's PDF to a path (never over the database or a backup) and return the file written."""
    from grassroots_app.reports.pdf import write_pdf  # noqa: PLC0415 - heavy, needed only in the worker process

    return str(write_file(path, output_guard(uow.database), lambda temporary: write_pdf(report, temporary)))


def save_xlsx(uow: UnitOfWork, report: ReportDocument, path: str) -> str:
    """Write the report's annexed tables as an Excel workbook (see save_pdf) and return the file written."""
    from grassroots_app.reports.xlsx import write_xlsx  # noqa: PLC0415 - heavy, needed only in the worker process

    return str(write_file(path, output_guard(uow.database), lambda temporary: write_xlsx(report, temporary)))
