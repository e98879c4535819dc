"""Application-wide keyboard and mouse manners: dialogs open in their first field, the wheel scrolls the panel."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLayout,
    QTabWidget,
    QWidget,
)

OUR_MODULES = "grassroots_app."


def placed_widgets(layout: QLayout) -> Iterator[QWidget]:
    """Yield the widgets a layout holds, in its order, going into nested layouts and plain containers.

    Only widgets placed in layouts are visited: never the inner parts of Qt's own widgets.
    """
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if inner is not None:
            yield from placed_widgets(inner)
        elif isinstance(widget, QTabWidget):  # its fields are the current page's, not the tab bar
            page = widget.currentWidget()
            page_layout = page.layout() if page is not None else None
            if page_layout is not None:
                yield from placed_widgets(page_layout)
        elif widget is not None and not widget.isHidden():
            yield widget
            own = widget.layout()
            if own is not None and not isinstance(widget, QDialogButtonBox):
                yield from placed_widgets(own)


def _takes_keyboard(widget: QWidget) -> bool:
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value) and widget.isEnabled()


def settle_focus(dialog: QDialog) -> None:
    """Put the dialog's buttons last in the Tab order and the cursor in its first field (unless placed already)."""
    layout = dialog.layout()
    if layout is None:
        return
    placed = list(placed_widgets(layout))
    fields = [widget for widget in placed if not isinstance(widget, QDialogButtonBox) and _takes_keyboard(widget)]
    buttons = [button for box in placed if isinstance(box, QDialogButtonBox) for button in box.buttons()
               if _takes_keyboard(button)]
    if fields:
        for first, second in zip([fields[-1], *buttons], buttons, strict=False):
            QWidget.setTabOrder(first, second)
    chosen = dialog.focusWidget()
    if fields and (chosen is None or chosen in buttons):
        fields[0].setFocus(Qt.FocusReason.TabFocusReason)


def _wheel_needs_focus(widget: QObject) -> bool:
    return isinstance(widget, QAbstractSpinBox | QComboBox) and not widget.hasFocus()


class InputGuards(QObject):
    """Watches every widget: settles a dialog's focus when it opens; passes the wheel of an unfocused field on."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Act on a dialog being shown and on the wheel over a spin or combo box without the keyboard."""
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(watched, QDialog) \
                and type(watched).__module__.startswith(OUR_MODULES):
            settle_focus(watched)
        elif kind == QEvent.Type.Wheel and _wheel_needs_focus(watched):
            event.ignore()  # the panel under it scrolls instead
            return True
        elif kind == QEvent.Type.Polish and isinstance(watched, QAbstractSpinBox | QComboBox):
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn no longer takes the keyboard
        return False


_guards: list[InputGuards] = []


def install_input_guards(app: QApplication) -> None:
    """Install the guards on the application once."""
    if not _guards:
        _guards.append(InputGuards(app))
        app.installEventFilter(_guards[0])
