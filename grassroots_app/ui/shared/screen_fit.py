"""Where the main window goes on the screen: inside the available area (the screen less its taskbars)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

COMFORTABLE_SIZE = QSize(1280, 800)  # the window's first size on a screen with room to spare
FRAME_ALLOWANCE = QSize(16, 48)  # room kept for the window manager's frame and title bar


def first_geometry(available: QRect) -> tuple[QRect, bool]:
    """Return the first window's place centred in the available area, and whether to maximize it (small screens)."""
    room = available.size() - FRAME_ALLOWANCE
    fits = room.width() >= COMFORTABLE_SIZE.width() and room.height() >= COMFORTABLE_SIZE.height()
    geometry = QRect(available.topLeft(), COMFORTABLE_SIZE.boundedTo(available.size()))
    geometry.moveCenter(available.center())
    return fitted_geometry(geometry, available), not fits


def fitted_geometry(geometry: QRect, available: QRect) -> QRect:
    """Return a window's place shrunk to the available area and moved inside it (unchanged when it fits)."""
    size = geometry.size().boundedTo(available.size())
    left = min(max(geometry.left(), available.left()), available.right() + 1 - size.width())
    top = min(max(geometry.top(), available.top()), available.bottom() + 1 - size.height())
    return QRect(left, top, size.width(), size.height())
