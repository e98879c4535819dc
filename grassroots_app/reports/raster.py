"""A report's PDF rasterized into page images (pypdfium2 is imported when first used, in the worker process)."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

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
