"""Find a unit as you type: name or official code, accents optional, results with their full path."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.services import browse
from grassroots_app.services.browse import SearchHit
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.row_model import LatestRead

DEBOUNCE_MS = 120
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2
PADDING = 4

AnyIndex = QModelIndex | QPersistentModelIndex


class HitDelegate(QStyledItemDelegate):
    """Draws a hit on two lines: the name in bold, the full path below it in a quieter colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        """Draw one hit."""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        name_pen = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        path_pen = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        inner = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        half = inner.height() // 2
        painter.save()
        _draw_line(painter, inner.adjusted(0, 0, 0, -half), _bold(option.font), option.palette.color(name_pen),
                   index.data(Qt.ItemDataRole.DisplayRole), Qt.TextElideMode.ElideRight)
        _draw_line(painter, inner.adjusted(0, half, 0, 0), option.font, option.palette.color(path_pen),
                   index.data(PATH_ROLE), Qt.TextElideMode.ElideLeft)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        """Make room for two lines."""
        height = QFontMetrics(option.font).height()
        return QSize(option.rect.width(), 2 * height + 2 * PADDING)


def _draw_line(painter: QPainter, rect: QRect, font: QFont, color: QColor, text: str, elide: Qt.TextElideMode) -> None:
    painter.setFont(font)
    painter.setPen(color)
    painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, QFontMetrics(font).elidedText(text, elide, rect.width()))


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


class SearchBox(QWidget):
    """A search field with its hits listed below it; Up/Down move, Enter or a click chooses, Escape clears."""

    unit_chosen = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.edit = QLineEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.empty = QLabel(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.reads = LatestRead(context, self)
        self.searching = False
        self._choose_when_found = False
        self._layout()
        self._retranslate()
        self._show_hits(None)
        self.edit.textChanged.connect(self.timer.start)
        self.timer.timeout.connect(self.search_now)
        self.edit.installEventFilter(self)
        self.setFocusProxy(self.edit)  # Ctrl+F and labels put the cursor in the field
        self.results.itemClicked.connect(self._choose)

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.empty)
        layout.addWidget(self.results)

    def _retranslate(self) -> None:
        self.edit.setPlaceholderText(tr("Search units by name or code (accents optional)"))
        self.empty.setText(tr("No unit found"))

    def search_now(self) -> None:
        """Start searching for the text in the field (the field calls this shortly after the last keystroke).

        The search runs on a worker thread (mostly in SQLite, which lets the UI thread run), so typing never waits
        for it; only the latest answer is shown.
        """
        self.timer.stop()
        text = self.edit.text().strip()
        if not text:
            self.reads.cancel()
            self.searching = self._choose_when_found = False
            self._show_hits(None)
            return
        self.searching = True
        self.reads.start(browse.search, (text, self.context.as_of), self._found, self._failed, on_thread=True)

    def _found(self, hits: list[SearchHit]) -> None:
        self.searching = False
        self._show_hits(hits)
        if self._choose_when_found:
            self._choose_when_found = False
            self._choose(self.results.item(0))

    def _failed(self, error: BaseException) -> None:
        self.searching = self._choose_when_found = False
        self.context.errors.report(error)

    def clear(self) -> None:
        """Empty the field and hide the hits."""
        self.edit.clear()
        self.search_now()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Let the arrows, Enter and Escape in the field act on the hits."""
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event.key())
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        """Show the texts in the new language."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _key(self, key: int) -> bool:
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._move(1 if key == Qt.Key.Key_Down else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.timer.isActive():
                self.search_now()
            if self.searching:  # the first hit of what was typed, once found
                self._choose_when_found = True
            else:
                self._choose(self.results.currentItem() or self.results.item(0))
        elif key == Qt.Key.Key_Escape and self.edit.text():
            self.clear()
        else:
            return False
        return True

    def _move(self, step: int) -> None:
        """Move to the next or previous hit (showing the hits again after a choice)."""
        count = self.results.count()
        if count and self.results.isHidden():
            self.results.show()
        elif count:
            self.results.setCurrentRow(max(0, min(count - 1, self.results.currentRow() + step)))

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.results.hide()
        self.unit_chosen.emit(item.data(ID_ROLE))

    def _show_hits(self, hits: list[SearchHit] | None) -> None:
        """Fill the list (None: nothing searched, hide everything)."""
        self.results.clear()
        for hit in hits or []:
            item = QListWidgetItem(hit.name)
            item.setData(ID_ROLE, hit.id)
            item.setData(PATH_ROLE, hit.path)
            item.setToolTip(hit.path)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        self.results.setVisible(bool(hits))
        self.empty.setVisible(hits is not None and not hits)
