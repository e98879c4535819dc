"""Choosing a province (and, in the three-level model, optionally one district) of the official list, and
importing it in the background with progress."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Preset
from grassroots_app.services import setup
from grassroots_app.services.workspace import Database, UnitOfWork
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.widgets import Dialog, ok_cancel_buttons, typed_anywhere
from grassroots_app.ui.tasks import TaskProgress

if TYPE_CHECKING:
    from grassroots_app.services.official import ImportResult

Work = Callable[[TaskProgress], Any]


class OfficialPicker(QWidget):
    """A province of the official list that fits the model, then (three-level) the whole province or a district."""

    def __init__(self, preset: Preset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.province = QComboBox()
        self.district = QComboBox()
        for combo in (self.province, self.district):  # the longest name shows whole ("Thành phố Hồ Chí Minh")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            typed_anywhere(combo)  # "Cao" finds "Tỉnh Cao Bằng": the kind before a name is not what a clerk types
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(tr("Province (official list)"), self.province)
        self.form.addRow(tr("District"), self.district)
        self.setFocusProxy(self.province)
        self.province.currentIndexChanged.connect(self._fill_districts)
        self.preset = preset
        self.set_preset(preset)

    def set_preset(self, preset: Preset) -> None:
        """Offer the provinces of the list that fits a model: after 1 July 2025 (two-level) or before (three)."""
        from grassroots_app.services import official  # noqa: PLC0415 - the official list loads only when asked

        self.preset = preset
        self.provinces = official.official_provinces(preset)
        self.province.blockSignals(True)
        self.province.clear()
        for province in self.provinces:
            self.province.addItem(province.name, province.code)
        self.province.blockSignals(False)
        self.form.setRowVisible(self.district, preset is Preset.THREE_LEVEL)
        self._fill_districts()

    def _fill_districts(self) -> None:
        self.district.clear()
        self.district.addItem(tr("The whole province"), None)
        index = self.province.currentIndex()
        if self.preset is Preset.THREE_LEVEL and index >= 0:
            for district in self.provinces[index].children:
                self.district.addItem(district.name, district.code)

    def select_province(self, code: str) -> None:
        """Choose the province of the list bearing an official code."""
        self.province.setCurrentIndex(max(self.province.findData(code), 0))

    def choice(self) -> tuple[str, str | None]:
        """Return the chosen province's code and the chosen district's code (None: the whole province)."""
        return self.province.currentData(), self.district.currentData()


def import_work(database: Database, choice: tuple[str, str | None], preset: Preset | None = None) -> Work:
    """Return the work importing a chosen province or district, in one transaction; with a preset, the
    database is set up for that model first, in the same transaction."""
    province, district = choice

    def work(progress: TaskProgress) -> Any:
        from grassroots_app.services import official  # noqa: PLC0415 - the official list loads only when asked

        def report(done: int, total: int) -> None:
            progress.report(done, total, tr("Importing the official units…"))

        with UnitOfWork(database, write=True) as uow:
            if preset is not None:
                return official.start_with_province(uow, province, report, preset, district)
            return official.import_official(uow, province, report, district)

    return work


class OfficialImportDialog(Dialog):
    """Imports a province, or one district of it, of the official list that fits the open database's model."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.summary = ""  # what the import did, once done
        self.setWindowTitle(tr("Import from the official list"))
        from grassroots_app.services import official  # noqa: PLC0415 - the official list loads only when asked

        preset = context.read(lambda uow: setup.require_settings(uow).preset)
        text = tr("Units already present (same official code, or same name without a code) are kept; the others "
                  "are added.")
        if preset is Preset.THREE_LEVEL:
            text += " " + tr("This is the list in force before 1 July 2025; its units are valid from {day}.").format(
                day=format_date(official.THREE_LEVEL_START))
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.picker = OfficialPicker(preset)
        held = context.read(official.held_province)
        if held is not None:
            self.picker.select_province(held)
        self.buttons = ok_cancel_buttons(self)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker)
        layout.addWidget(self.buttons)
        self.picker.setFocus()

    def start(self) -> None:
        """Import in the background; close when done."""
        self.setEnabled(False)
        work = import_work(self.context.database, self.picker.choice())
        self.context.tasks.run(work, self._done, self._failed, tr("Importing the official units…"), self)

    def _done(self, result: ImportResult) -> None:
        self.context.events.database_changed.emit()
        place = result.province.name if result.district is None else f"{result.province.name} / {result.district.name}"
        self.summary = tr("{province}: {added} units added, {matched} already present.").format(
            province=place, added=result.added, matched=result.matched)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        self.context.errors.report(error)
