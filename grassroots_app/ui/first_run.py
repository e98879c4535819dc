"""The first-run choice for an empty database: a new one (model, then an official province or district) or the demo."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QButtonGroup, QGroupBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from grassroots_app.domain.model import Preset
from grassroots_app.services.workspace import Database
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.files.official_import import OfficialPicker, import_work
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.widgets import Dialog, ok_cancel_buttons
from grassroots_app.ui.tasks import TaskProgress

Work = Callable[[TaskProgress], Any]


def _demo_work(database: Database, preset: Preset) -> Work:
    """Return the work that builds the demo data."""

    def work(progress: TaskProgress) -> Any:
        from grassroots_app.demo.build import Scale, build_demo  # noqa: PLC0415 - loads the official list

        def report(label: str, done: int, total: int) -> None:
            progress.report(done, total, tr(label))

        return build_demo(database, preset, 1, Scale.DISTRICT, report)

    return work


class FirstRunDialog(Dialog):
    """Asks how to start on an empty database and sets it up in the background with progress."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(tr("Welcome to Grassroots"))
        intro = QLabel(tr("This database is empty. How do you want to start?"))
        self.new_choice = QRadioButton(tr("A new database for my area"))
        self.demo_choice = QRadioButton(tr("The demo data, to look around"))
        self.new_choice.setChecked(True)
        choices = QButtonGroup(self)
        choices.addButton(self.new_choice)
        choices.addButton(self.demo_choice)
        self.two_level = QRadioButton(tr("Two-level government (province, commune) — since 1 July 2025"))
        self.three_level = QRadioButton(tr("Three-level government (province, district, commune)"))
        self.two_level.setChecked(True)
        models = QGroupBox(tr("Model"))
        model_layout = QVBoxLayout(models)
        model_layout.addWidget(self.two_level)
        model_layout.addWidget(self.three_level)
        self.picker = OfficialPicker(Preset.TWO_LEVEL)
        self.province, self.district = self.picker.province, self.picker.district
        self.buttons = ok_cancel_buttons(self)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.new_choice, self.demo_choice, models, self.picker):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        for toggle in (self.new_choice, self.demo_choice, self.two_level, self.three_level):
            toggle.toggled.connect(self._update)
        self._update()

    def preset(self) -> Preset:
        """Return the chosen model."""
        return Preset.TWO_LEVEL if self.two_level.isChecked() else Preset.THREE_LEVEL

    def _update(self) -> None:
        if self.picker.preset is not self.preset():
            self.picker.set_preset(self.preset())
        self.picker.setVisible(self.new_choice.isChecked())

    def start(self) -> None:
        """Set the database up in the background; close when done."""
        database = self.context.database
        if self.demo_choice.isChecked():
            work = _demo_work(database, self.preset())
        else:
            work = import_work(database, self.picker.choice(), self.preset())
        self.setEnabled(False)
        self.context.tasks.run(work, self._done, self._failed, tr("Setting up the database…"), self)

    def _done(self, _result: object) -> None:
        self.context.events.database_changed.emit()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        self.context.errors.report(error)
