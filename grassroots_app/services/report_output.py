"""A report's files and page images, made in a worker process: the PDF, the Excel workbook, the pages rasterized.

Each function has the shape of a read use case (a unit of work first, unused) so that the window can run it
off its thread with the other reads; each receives the finished document and never queries. The renderers and
pypdfium2 are imported when first used, in the worker process: the window starts without them.
"""

from __future__ import annotations

from grassroots_app.domain.reports.model import ReportDocument
from grassroots_app.persistence.backup_copies import output_guard
from grassroots_app.persistence.files import write_file
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.reports.raster import PageImage, rasterize


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
