"""Open the real application on the demo database and save screenshots of the main views.

Run it on a real X server, e.g. under Xvfb:

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python -m tests.ui.screenshots --out screenshots
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from grassroots_app.domain.model import Level, Preset
from grassroots_app.persistence import backup
from grassroots_app.persistence.database import Database
from grassroots_app.services import browse
from grassroots_app.services.demo import DEMO_DATE, Scale, build_demo
from grassroots_app.ui.app import build_window, parse_arguments
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.ui.assign_dialog import AssignDialog
from grassroots_app.ui.first_run import FirstRunDialog
from grassroots_app.ui.import_dialog import ImportDialog
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.restore_dialog import RestoreDialog

SETTLE_MS = 600
ROSTER_SETTLE_MS = 3000  # the roster is read in a worker process
REPORT_SETTLE_MS = 5000  # the figures and the pages are made in worker processes
IMPORT_SETTLE_MS = 8000  # the dry run reads in the background, maybe behind the window's first reads


def demo_database(folder: Path, preset: Preset) -> Path:
    """Build the district demo database for a preset in a folder."""
    path = folder / f"demo-{preset.value}.sqlite"
    database = Database.open(str(path))
    build_demo(database, preset, 1, Scale.DISTRICT)
    database.close()
    return path


class Shooter:
    """Steps through the views one after another, saving the screen after each."""

    def __init__(self, window: MainWindow, out: Path, scratch: Path, only: list[str] | None = None) -> None:
        self.window, self.out, self.scratch, self.only = window, out, scratch, only
        self.steps: list[tuple[str, Callable[[], QWidget | None], int]] = []
        self.open_dialog: QWidget | None = None
        self.failed: list[str] = []

    def add(self, name: str, prepare: Callable[[], QWidget | None], settle_ms: int = SETTLE_MS) -> None:
        """Queue a view: `prepare` arranges it (and may return a dialog to show); shoot it `settle_ms` later.

        With `only`, a view whose name starts with none of its prefixes is left out.
        """
        if not self.only or name.startswith(tuple(self.only)):
            self.steps.append((name, prepare, settle_ms))

    def run(self) -> None:
        """Take the next screenshot, then schedule the one after."""
        if self.open_dialog is not None:
            self.open_dialog.close()
            self.open_dialog = None
        if not self.steps:
            QApplication.quit()
            return
        name, prepare, settle_ms = self.steps.pop(0)
        try:
            dialog = prepare()
        except Exception as error:  # noqa: BLE001 - one broken view must not stop the others
            print(f"{name}: {error!r}", file=sys.stderr)
            self.failed.append(name)
            QTimer.singleShot(0, self.run)
            return
        if dialog is not None:
            dialog.show()
            self.open_dialog = dialog
        QTimer.singleShot(settle_ms, lambda: self._save(name))

    def _save(self, name: str) -> None:
        path = self.out / f"{name}.png"
        self.window.screen().grabWindow(0).save(str(path))
        print(path)
        self.run()


def first_commune_and_hamlet(window: MainWindow) -> tuple[str, str]:
    """Return the ids of the demo's first commune with a gap, and one of its hamlets."""
    context = window.context
    marks = context.read(browse.gap_marks, context.as_of)
    province = context.read(browse.children, None, context.as_of)[0]
    communes = [row for row in context.read(browse.children, province.id, context.as_of)
                if row.level is Level.COMMUNE]
    commune = next((row for row in communes if marks.get(row.id)), communes[0])
    hamlet = context.read(browse.children, commune.id, context.as_of)[0]
    return commune.id, hamlet.id


def first_cadre(uow: UnitOfWork) -> str:
    """Return the id of the first cadre by name."""
    return uow.cadres.search(limit=1)[0].id


def units_sheet(path: Path, parent: str, hamlet: str) -> Path:
    """Write a units sheet to import under a commune: new hamlets, a changed one, one under an unknown commune."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Đơn vị"
    sheet.append(["DANH SÁCH THÔN, TỔ DÂN PHỐ"])
    sheet.append(["Đơn vị cấp trên", "Tên đơn vị", "Cấp", "Số hộ"])
    sheet.append([parent, hamlet, "Thôn", 321])
    for number in range(1, 4):
        sheet.append([parent, f"Thôn Mới {number}", "Thôn", 120 + number])
    sheet.append([parent.rsplit(" / ", 1)[0] + " / Xã Không Có", "Thôn Lạc", "Thôn", 80])
    book.save(path)
    return path


def plan(shooter: Shooter) -> None:
    """Queue the views worth looking at."""
    window = shooter.window
    commune, hamlet = first_commune_and_hamlet(window)

    def main_view() -> None:
        window.tree.reveal(commune)

    def search_view() -> None:
        window.search.edit.setText("ban 1")
        window.search.search_now()

    def clusters_view() -> None:
        window.search.clear()
        window.cluster_action.trigger()
        window.tree.view.expandToDepth(1)

    def roster_view() -> None:
        window.cluster_action.trigger()
        QTimer.singleShot(ROSTER_SETTLE_MS // 2, lambda: window.roster.table.selectRow(0))

    def assign_view() -> QDialog:
        cadre = window.roster.selected_cadre() or window.context.read(first_cadre)  # the roster may still load
        return AssignDialog(window.context, cadre, hamlet, window)

    def english_view() -> None:
        window.set_language("en")
        window.tree.reveal(commune)

    def first_run_view() -> QDialog:
        return FirstRunDialog(window.context, window)

    def calendar_view() -> None:
        window.set_language("vi")
        window.tabs.setCurrentIndex(1)
        window.calendar.select_day(date(2026, 10, 9))

    def plan_view() -> None:
        window.tabs.setCurrentIndex(2)

    def field_log_view() -> None:
        window.tabs.setCurrentIndex(window.tabs.indexOf(window.field_log.parentWidget().parentWidget()))

    def recommendations_view() -> None:
        window.tabs.setCurrentIndex(window.tabs.indexOf(window.recommendations.parentWidget().parentWidget()))
        QTimer.singleShot(SETTLE_MS // 2, lambda: window.recommendations.table.selectRow(0))

    def ratings_view() -> None:
        window.tabs.setCurrentIndex(window.tabs.indexOf(window.ratings.parentWidget().parentWidget()))
        window.ratings.year.setValue(DEMO_DATE.year - 1)
        window.ratings.show_unit(commune)

    def report_view(tab: int) -> Callable[[], None]:
        def show() -> None:
            window.tabs.setCurrentIndex(window.tabs.indexOf(window.report_view.parentWidget().parentWidget()))
            chooser = window.report_view.chooser
            if window.report_view.editor.opened is None:
                chooser.year.setValue(DEMO_DATE.year)
                chooser.quarter.setCurrentIndex(chooser.quarter.findData((DEMO_DATE.month - 1) // 3 + 1))
                chooser.new_button.click()
            window.report_view.editor.tabs.setCurrentIndex(tab)
        return show

    def restore_view() -> QDialog:
        window.tabs.setCurrentIndex(0)
        return RestoreDialog(window.context, backup.list_backups(window.context.database.url), window)

    def import_view() -> QDialog:
        context = window.context
        province = context.read(browse.children, None, context.as_of)[0]
        commune_name = next(row.name for row in context.read(browse.children, province.id, context.as_of)
                            if row.id == commune)
        hamlet_name = next(row.name for row in context.read(browse.children, commune, context.as_of)
                           if row.id == hamlet)
        path = units_sheet(shooter.scratch / "thon-moi.xlsx", f"{province.name} / {commune_name}", hamlet_name)
        dialog = ImportDialog(context, path, window)
        dialog.check()
        return dialog

    def unit_field_log_view() -> None:
        window.tabs.setCurrentIndex(0)
        window.tree.reveal(hamlet)

    shooter.add("01-main", main_view)
    shooter.add("02-search", search_view)
    shooter.add("03-clusters", clusters_view)
    shooter.add("04-roster", roster_view, ROSTER_SETTLE_MS)
    shooter.add("05-assign-dialog", assign_view)
    shooter.add("06-english", english_view)
    shooter.add("07-first-run", first_run_view)
    shooter.add("08-calendar", calendar_view)
    shooter.add("09-plan", plan_view)
    shooter.add("10-field-log", field_log_view)
    shooter.add("11-recommendations", recommendations_view)
    shooter.add("12-ratings", ratings_view)
    for number, tab in enumerate(("figures", "narrative", "preview"), start=13):
        shooter.add(f"{number}-report-{tab}", report_view(number - 13), REPORT_SETTLE_MS)
    shooter.add("16-unit-field-log", unit_field_log_view)
    shooter.add("17-restore-dialog", restore_view)
    shooter.add("18-import-dialog", import_view, IMPORT_SETTLE_MS)


def main(argv: list[str] | None = None) -> int:
    """Build the demo, open the window and save the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--preset", choices=[p.value for p in Preset], default=Preset.TWO_LEVEL.value)
    parser.add_argument("--only", nargs="+", metavar="PREFIX", help="take only the views named so (e.g. 18 07)")
    arguments = parser.parse_args(argv)
    arguments.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        os.environ[backup.FOLDER_VARIABLE] = str(folder / "backups")  # the day's backup stays in the scratch folder
        database = demo_database(folder, Preset(arguments.preset))
        window = build_window(parse_arguments(["--db", str(database), "--settings", str(folder / "s.ini")]))
        window.context.set_as_of(DEMO_DATE)
        window.resize(1400, 860)
        window.show()
        shooter = Shooter(window, arguments.out, folder, arguments.only)
        plan(shooter)
        QTimer.singleShot(SETTLE_MS, shooter.run)
        app.exec()
        window.context.close()
    return 1 if shooter.failed else 0


if __name__ == "__main__":
    sys.exit(main())
