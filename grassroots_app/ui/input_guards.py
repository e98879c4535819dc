"""Application-wide keyboard and mouse manners: dialogs open in their first field, the wheel scrolls the panel."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QDialog, QDialogButtonBox, QWidget

OUR_MODULES = "grassroots_app."


def _focus_chain(dialog: QDialog) -> list[QWidget]:
    """Return the dialog's widgets in Tab order."""
    chain: list[QWidget] = []
    widget = dialog.nextInFocusChain()
    while widget is not dialog and widget not in chain:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _in_button_box(widget: QWidget) -> bool:
    parent: QWidget | None = widget
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QDialogButtonBox):
            return True
        parent = parent.parentWidget()
    return False


def _takes_keyboard(widget: QWidget, dialog: QDialog) -> bool:
    tab = Qt.FocusPolicy.TabFocus.value
    return bool(widget.focusPolicy().value & tab) and widget.isEnabled() and widget.isVisibleTo(dialog) \
        and widget.focusProxy() is None


def settle_focus(dialog: QDialog) -> None:
    """Put the dialog's buttons last in the Tab order and the cursor in its first field (unless placed already)."""
    chain = [widget for widget in _focus_chain(dialog) if widget.window() is dialog]
    fields = [widget for widget in chain if not _in_button_box(widget)]
    buttons = [widget for widget in chain if _in_button_box(widget) and _takes_keyboard(widget, dialog)]
    if fields:
        for first, second in zip([fields[-1], *buttons], buttons, strict=False):
            QWidget.setTabOrder(first, second)
    placed = dialog.focusWidget()
    if placed is not None and not _in_button_box(placed):
        return
    first_field = next((widget for widget in fields if _takes_keyboard(widget, dialog)), None)
    if first_field is not None:
        first_field.setFocus(Qt.FocusReason.TabFocusReason)


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
