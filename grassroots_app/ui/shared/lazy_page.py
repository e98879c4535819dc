"""A tab whose page is made when the tab is first shown: the window paints before its other screens exist."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QScrollArea, QWidget


class LazyPage(QScrollArea):
    """A scroll area that makes its page on its first show, or when the page is first asked for."""

    def __init__(self, make: Callable[[], QWidget]) -> None:
        super().__init__()
        self.setWidgetResizable(True)  # the page's size never forces the window's layout
        self._make = make
        self.made: QWidget | None = None  # the page, once made

    @property
    def page(self) -> QWidget:
        """Return the page, making it now if it was not yet."""
        if self.made is None:
            self.made = self._make()
            self.setWidget(self.made)
        return self.made

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Make the page when the tab is first shown."""
        self.page  # noqa: B018 - made for its side effect
        super().showEvent(event)
