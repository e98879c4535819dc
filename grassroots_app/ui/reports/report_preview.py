"""The report's pages inside the window: the PDF rasterized, shown at a zoom; the same images sent to a printer."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

from PySide6.QtCore import QObject, QPointF, QRect, QRectF, QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeySequence,
    QPagedPaintDevice,
    QPaintDevice,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from grassroots_app.reports.raster import PageImage
from grassroots_app.ui.i18n import tr

PREVIEW_DPI = 150  # sharp up to 150 % on an ordinary screen
PRINT_DPI = 300
PRINT_BANDS = 8  # a page goes to the printer in strips: a whole 300 dpi page takes some 0.2 s to paint
PAGE_GAP = 16
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
FIT_WIDTH = 0.0
CACHED_PAGES = 6
INCH_METRES = 0.0254
BACKGROUND = QColor("#8a8a8a")
EDGE = QColor("#404040")


def page_qimage(page: PageImage) -> QImage:
    """Return a rasterized page as an image owning its pixels, carrying its resolution."""
    image = QImage(page.pixels(), page.width, page.height, page.stride, QImage.Format.Format_RGB888).copy()
    dots_per_metre = round(page.dpi / INCH_METRES)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def page_target(device: QPaintDevice, size: QSize) -> QRectF:
    """Return where a page image of a size goes on a device: as large as it allows, centred, proportions kept."""
    room = QSizeF(device.width(), device.height())
    fitted = QSizeF(size).scaled(room, Qt.AspectRatioMode.KeepAspectRatio)
    return QRectF(QPointF((room.width() - fitted.width()) / 2, (room.height() - fitted.height()) / 2), fitted)


def paint_band(painter: QPainter, image: QImage, band: int, bands: int) -> None:
    """Draw one of `bands` horizontal strips of a page image where it falls on the painter's device."""
    target = page_target(painter.device(), image.size())
    top, bottom = image.height() * band // bands, image.height() * (band + 1) // bands
    scale = target.height() / image.height()
    strip = QRectF(target.left(), target.top() + top * scale, target.width(), (bottom - top) * scale)
    painter.drawImage(strip, image, QRectF(0, top, image.width(), bottom - top))


class PrintJob(QObject):
    """Paints rasterized pages on a printer (or any paged device), a strip per turn of the event loop."""

    finished = Signal()

    def __init__(self, device: QPagedPaintDevice, pages: Sequence[PageImage], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device, self.pages = device, list(pages)
        self.painter = QPainter()
        self.image = QImage()
        self.step = 0

    def start(self) -> None:
        """Open the device and paint the first strip; refuse a device that cannot be opened."""
        if not self.painter.begin(self.device):
            raise OSError(tr("The printer could not be opened."))
        self.painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self._next()

    def _next(self) -> None:
        page, band = divmod(self.step, PRINT_BANDS)
        if band == 0:
            if page:
                self.device.newPage()
            self.image = page_qimage(self.pages[page])
        paint_band(self.painter, self.image, band, PRINT_BANDS)
        self.step += 1
        if self.step < len(self.pages) * PRINT_BANDS:
            QTimer.singleShot(0, self, self._next)  # not after the job is gone
        else:
            self.painter.end()
            self.finished.emit()


class PageView(QWidget):
    """The pages one under the other at a zoom; each page is unpacked and scaled only when it comes into view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: tuple[PageImage, ...] = ()
        self.zoom = 1.0
        self.cache: OrderedDict[int, QPixmap] = OrderedDict()

    def set_pages(self, pages: tuple[PageImage, ...]) -> None:
        """Show other pages."""
        self.pages = pages
        self._relayout()

    def set_zoom(self, zoom: float) -> None:
        """Show the pages at another zoom (1.0: their printed size on this screen)."""
        if zoom != self.zoom:
            self.zoom = zoom
            self._relayout()

    def fit_zoom(self, width: int) -> float:
        """Return the zoom that makes the first page as wide as `width` pixels, gaps included."""
        if not self.pages:
            return 1.0
        first = self.pages[0]
        return max(width - 2 * PAGE_GAP, 1) / (first.width * self.logicalDpiX() / first.dpi)

    def _scale(self, page: PageImage) -> float:
        return self.zoom * self.logicalDpiX() / page.dpi

    def page_rects(self) -> list[QRect]:
        """Return where each page is drawn."""
        rects, top = [], PAGE_GAP
        for page in self.pages:
            scale = self._scale(page)
            width, height = round(page.width * scale), round(page.height * scale)
            rects.append(QRect(max((self.width() - width) // 2, PAGE_GAP), top, width, height))
            top += height + PAGE_GAP
        return rects

    def _relayout(self) -> None:
        self.cache.clear()
        rects = self.page_rects()
        width = max((rect.width() for rect in rects), default=0) + 2 * PAGE_GAP
        self.setMinimumSize(width, rects[-1].bottom() + PAGE_GAP if rects else 0)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Draw the pages that lie in the area to repaint."""
        painter = QPainter(self)
        painter.fillRect(event.rect(), BACKGROUND)
        for index, rect in enumerate(self.page_rects()):
            if rect.intersects(event.rect()):
                painter.setPen(EDGE)
                painter.drawRect(rect.adjusted(-1, -1, 0, 0))
                painter.drawPixmap(rect.topLeft(), self._pixmap(index, rect.size()))
        painter.end()

    def _pixmap(self, index: int, size: QSize) -> QPixmap:
        """Return a page scaled to a size, from the cache of the pages shown last."""
        ratio = self.devicePixelRatioF()
        cached = self.cache.get(index)
        if cached is None or cached.deviceIndependentSize().toSize() != size:
            image = page_qimage(self.pages[index]).scaled(size * ratio, Qt.AspectRatioMode.IgnoreAspectRatio,
                                                          Qt.TransformationMode.SmoothTransformation)
            cached = QPixmap.fromImage(image)
            cached.setDevicePixelRatio(ratio)
            self.cache[index] = cached
        self.cache.move_to_end(index)
        while len(self.cache) > CACHED_PAGES:
            self.cache.popitem(last=False)
        return cached


class PreviewPane(QWidget):
    """The pages in a scrolling view, with the zoom (Ctrl++, Ctrl+-) and a line saying what is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = PageView()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.pages)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.zoom = QComboBox()
        self.zoom.addItem(tr("Fit width"), FIT_WIDTH)
        for zoom in ZOOMS:
            self.zoom.addItem(f"{round(zoom * 100)} %", zoom)
        self.zoom.setCurrentIndex(self.zoom.findData(1.0))
        self.status = QLabel()
        self.zoom_out = QPushButton(tr("Zoom out"))
        self.zoom_in = QPushButton(tr("Zoom in"))
        for button, keys, step in ((self.zoom_out, QKeySequence.StandardKey.ZoomOut, -1),
                                   (self.zoom_in, QKeySequence.StandardKey.ZoomIn, 1)):
            button.setToolTip(QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText))
            button.clicked.connect(lambda _checked=False, s=step: self.step_zoom(s))
            QShortcut(QKeySequence(keys), self, lambda s=step: self.step_zoom(s),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        bar = QHBoxLayout()
        zoom_label = QLabel(tr("&Zoom"))
        zoom_label.setBuddy(self.zoom)
        for widget in (zoom_label, self.zoom_out, self.zoom, self.zoom_in):
            bar.addWidget(widget)
        bar.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)
        self.zoom.currentIndexChanged.connect(self._apply_zoom)

    def show_pages(self, pages: tuple[PageImage, ...]) -> None:
        """Show the pages of a rendered report."""
        self.pages.set_pages(pages)
        self._apply_zoom()
        self.status.setText(tr("{count} pages").format(count=len(pages)))

    def show_status(self, text: str) -> None:
        """Say what the preview is doing (rendering, waiting for the figures)."""
        self.status.setText(text)

    def step_zoom(self, step: int) -> None:
        """Zoom in (1) or out (-1) to the next zoom of the list."""
        current = self.pages.zoom
        larger = [zoom for zoom in ZOOMS if zoom > current * 1.001]
        smaller = [zoom for zoom in ZOOMS if zoom < current * 0.999]
        chosen = (larger[0] if larger else ZOOMS[-1]) if step > 0 else (smaller[-1] if smaller else ZOOMS[0])
        self.zoom.setCurrentIndex(self.zoom.findData(chosen))

    def _apply_zoom(self) -> None:
        chosen = float(self.zoom.currentData())
        self.pages.set_zoom(self.pages.fit_zoom(self.scroll_area.viewport().width()) if chosen == FIT_WIDTH else chosen)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Keep the pages as wide as the view when fitting the width."""
        super().resizeEvent(event)
        if self.zoom.currentData() == FIT_WIDTH:
            self._apply_zoom()
