"""Open the real application on the demo database and photograph every view once it has finished loading.

Every tab and the main dialogs, at 1366x768 and 1920x1080, in Vietnamese and in English: each screen size
gets its own Xvfb server, each language its own run of the window. A view is photographed only when no
worker read is running or waiting for its callback, no delayed reload is pending and the gap marks are in.

    .venv/bin/python -m tests.ui.screenshots --out screenshots            # OUT/1366x768/vi/01-units.png, ...
    .venv/bin/python -m tests.ui.screenshots --out shots --only 06 20     # some views only
    .venv/bin/python -m tests.ui.screenshots --out shots --display 91     # the Xvfb servers on display :91
    DISPLAY=:1 .venv/bin/python -m tests.ui.screenshots --here --language en --out shots   # this display
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMessageBox, QWidget

from grassroots_app.demo.build import DEMO_DATE, Scale, build_demo
from grassroots_app.domain.model import CadreStatus, Cluster, Level, Preset
from grassroots_app.persistence import backup
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import browse, units
from grassroots_app.services.cadres import get_cadre
from grassroots_app.ui.app import build_window, parse_arguments, set_manners
from grassroots_app.ui.calendar.calendar_export import IcsExportDialog
from grassroots_app.ui.calendar.meeting_dialog import MeetingDialog
from grassroots_app.ui.fieldlog.recommendation_dialogs import RecommendationDialog
from grassroots_app.ui.files.import_dialog import ImportDialog
from grassroots_app.ui.files.official_import import OfficialImportDialog
from grassroots_app.ui.files.restore_dialog import RestoreDialog
from grassroots_app.ui.first_run import FirstRunDialog
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.settings import WindowSettings
from grassroots_app.ui.shared.context_menu import show_menu
from grassroots_app.ui.shared.prompter import file_dialog_options
from grassroots_app.ui.shared.widgets import choose_member
from grassroots_app.ui.units.assign_dialog import AssignDialog, EditAssignmentDialog
from grassroots_app.ui.units.cadre_dialog import CadreDialog
from grassroots_app.ui.units.cluster_dialogs import (
    CloseClusterDialog,
    ClusterCommunesDialog,
    NewClusterDialog,
    RenameClusterDialog,
)
from grassroots_app.ui.units.local_rules_dialog import LocalRulesDialog
from grassroots_app.ui.units.unit_dialogs import AddUnitDialog, MergeUnitDialog
from grassroots_app.ui.units.unit_panel import CadrePickerDialog

SCREENS = ("1366x768", "1920x1080")
LANGUAGES = ("vi", "en")
POLL_MS = 100
STEADY_POLLS = 3  # nothing loading on so many polls in a row: the view is done (and painted)
LOAD_TIMEOUT_S = 90.0
XVFB_START_TIMEOUT_S = 20.0
DEMO_QUARTER = (DEMO_DATE.month - 1) // 3 + 1

Prepare = Callable[[], QWidget | None]


def demo_database(folder: Path, preset: Preset) -> Path:
    """Build the district demo database for a preset in a folder."""
    path = folder / f"demo-{preset.value}.sqlite"
    database = Database.open(str(path))
    build_demo(database, preset, 1, Scale.DISTRICT)
    database.close()
    return path


def loading(window: MainWindow, dialog: QWidget | None) -> bool:
    """Return whether the window (or the dialog shown) is still loading something.

    A worker read running or awaiting its callback, a delayed reload or filter still pending (an active
    single-shot timer), or the tree's gap marks not counted yet.
    """
    if window.context.tasks.busy or window.tree.model.marks is None:
        return True
    roots = [window] if dialog is None else [window, dialog]
    return any(timer.isActive() and timer.isSingleShot() for root in roots for timer in root.findChildren(QTimer))


@dataclass
class Step:
    """One view: `prepare` arranges it (and may return a dialog to show); `ready` says when its data is in."""

    name: str
    prepare: Prepare
    ready: Callable[[], bool] = lambda: True


class Shooter:
    """Steps through the views one after another, saving the screen once each has finished loading."""

    def __init__(self, window: MainWindow, out: Path, only: list[str] | None = None) -> None:
        self.window, self.out, self.only = window, out, only
        self.steps: list[Step] = []
        self.dialog: QWidget | None = None
        self.failed: list[str] = []
        self.step: Step | None = None
        self.deadline = 0.0
        self.steady = 0

    def add(self, name: str, prepare: Prepare, ready: Callable[[], bool] = lambda: True) -> None:
        """Queue a view; with `only`, a view whose name starts with none of its prefixes is left out."""
        if not self.only or name.startswith(tuple(self.only)):
            self.steps.append(Step(name, prepare, ready))

    def run(self) -> None:
        """Arrange the next view, then wait for it to finish loading."""
        self._close_dialog()
        if not self.steps:
            QApplication.quit()
            return
        self.step = self.steps.pop(0)
        try:
            self.dialog = self.step.prepare()
        except Exception as error:  # noqa: BLE001 - one broken view must not stop the others
            print(f"{self.step.name}: {error!r}", file=sys.stderr)
            self.failed.append(self.step.name)
            QTimer.singleShot(0, self.run)
            return
        if self.dialog is not None:
            self.dialog.show()
        self.deadline, self.steady = time.monotonic() + LOAD_TIMEOUT_S, 0
        QTimer.singleShot(POLL_MS, self._poll)

    def _poll(self) -> None:
        assert self.step is not None
        done = not loading(self.window, self.dialog) and self.step.ready()
        self.steady = self.steady + 1 if done else 0
        if self.steady >= STEADY_POLLS:
            self._save(self.step.name)
        elif time.monotonic() > self.deadline:
            print(f"{self.step.name}: still loading after {LOAD_TIMEOUT_S:.0f} s", file=sys.stderr)
            self.failed.append(self.step.name)
            self._save(self.step.name)
        else:
            QTimer.singleShot(POLL_MS, self._poll)

    def _save(self, name: str) -> None:
        path = self.out / f"{name}.png"
        self.window.screen().grabWindow(0).save(str(path))
        print(path)
        self.run()

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            if isinstance(self.dialog, QDialog):
                self.dialog.reject()
            self.dialog.close()
            if not isinstance(self.dialog, QMenu):  # a menu bar's menu stays; a right-click menu deletes itself
                self.dialog.deleteLater()
            self.dialog = None


@dataclass(frozen=True)
class DemoPlaces:
    """The demo units and cadre the views show."""

    province: browse.NodeRow
    commune: browse.NodeRow
    hamlet: browse.NodeRow
    cadre: str
    assignment: str
    cluster: Cluster


def demo_places(window: MainWindow) -> DemoPlaces:
    """Return the demo's first commune with a gap, one of its hamlets and the first cadre by name."""
    context = window.context
    marks = context.read(browse.gap_marks, context.as_of)
    province = context.read(browse.children, None, context.as_of)[0]
    communes = [row for row in context.read(browse.children, province.id, context.as_of)
                if row.level is Level.COMMUNE]
    commune = next((row for row in communes if marks.get(row.id)), communes[0])
    hamlet = context.read(browse.children, commune.id, context.as_of)[0]
    assignment = context.read(first_assignment)
    cluster = context.read(lambda uow: uow.clusters.all()[0])
    return DemoPlaces(province, commune, hamlet, context.read(first_cadre), assignment, cluster)


def first_cadre(uow: UnitOfWork) -> str:
    """Return the id of the first cadre by name."""
    return uow.cadres.search(limit=1)[0].id


def first_assignment(uow: UnitOfWork) -> str:
    """Return the id of the first assignment of the first cadre (by name) who holds any."""
    return next(held[0].id for cadre in uow.cadres.search() if (held := uow.assignments.for_cadre(cadre.id)))


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


def show_tab(window: MainWindow, view: QWidget) -> None:
    """Bring the tab holding a view (in its scroll area) to the front."""
    scroll = view.parentWidget().parentWidget()  # the scroll area's viewport, then the scroll area
    window.tabs.setCurrentIndex(window.tabs.indexOf(scroll))


def plan_tabs(shooter: Shooter, places: DemoPlaces) -> None:
    """Queue every tab of the window."""
    window = shooter.window
    commune, hamlet = places.commune.id, places.hamlet.id

    def units_view() -> None:
        window.tabs.setCurrentIndex(0)
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
        window.tree.reveal(commune)

    def roster_ready() -> bool:
        if window.roster.selected_cadre() is None and window.roster.model.total:
            window.roster.select_cadre(places.cadre)
        return window.roster.selected_cadre() is not None

    def hamlet_view() -> None:
        window.tree.reveal(hamlet)

    def hamlet_log_shown() -> bool:
        """Scroll the unit's panel down to its field log (below the fold at 1366x768) once the hamlet is shown."""
        if window.panel.data is None or window.panel.data.target_id != hamlet:
            return False
        scroll = window.panel.parentWidget().parentWidget()
        scroll.ensureWidgetVisible(window.panel.field_log)  # type: ignore[attr-defined]
        return True

    def calendar_view() -> None:
        show_tab(window, window.calendar)
        window.calendar.select_day(date(2026, 10, 9))

    def report_view(tab: int) -> Prepare:
        def show() -> None:
            show_tab(window, window.report_view)
            chooser = window.report_view.chooser
            if window.report_view.editor.opened is None:
                chooser.year.setValue(DEMO_DATE.year)
                chooser.quarter.setCurrentIndex(chooser.quarter.findData(DEMO_QUARTER))
                chooser.new_button.click()
            window.report_view.editor.tabs.setCurrentIndex(tab)
        return show

    def plan_view() -> None:
        show_tab(window, window.plan)
        window.plan.year.setValue(DEMO_DATE.year)
        window.plan.quarter.setCurrentIndex(window.plan.quarter.findData(DEMO_QUARTER))
        window.plan.propose_button.click()

    def field_log_view(tab: int) -> Prepare:
        def show() -> None:
            show_tab(window, window.field_log)
            window.field_log.tabs.setCurrentIndex(tab)
            for period in (window.field_log.activities.period, window.field_log.attendance.period):
                period.year.setValue(DEMO_DATE.year)
                period.span.setCurrentIndex(period.span.findData(DEMO_QUARTER))
        return show

    def ratings_view() -> None:
        show_tab(window, window.ratings)
        window.ratings.year.setValue(DEMO_DATE.year - 1)
        window.ratings.show_unit(commune)

    shooter.add("01-units", units_view)
    shooter.add("02-search", search_view)
    shooter.add("03-clusters", clusters_view)
    shooter.add("04-roster", roster_view, roster_ready)
    shooter.add("05-unit-field-log", hamlet_view, hamlet_log_shown)
    shooter.add("06-calendar", calendar_view)
    shooter.add("07-plan", plan_view, lambda: window.plan.visits_model.rowCount() > 0)
    shooter.add("08-field-log", field_log_view(0), lambda: window.field_log.activities.model.rowCount() > 0)
    shooter.add("09-recommendations", lambda: show_tab(window, window.recommendations),
                lambda: _select_first(window.recommendations.table))
    shooter.add("10-ratings", ratings_view)
    for number, tab in enumerate(("figures", "narrative", "preview"), start=11):
        shooter.add(f"{number}-report-{tab}", report_view(number - 11),
                    lambda: window.report_view.editor.opened is not None)
    shooter.add("52-attendance", field_log_view(1), lambda: window.field_log.attendance.model.rowCount() > 0)


def _select_first(table: QWidget) -> bool:
    """Select a table's first row once it has rows; return whether one is selected."""
    model = table.model()  # type: ignore[attr-defined]
    if model.rowCount() == 0:
        return False
    if not table.selectionModel().hasSelection():  # type: ignore[attr-defined]
        table.selectRow(0)  # type: ignore[attr-defined]
    return True


def on_units_tab(window: MainWindow, make: Callable[[], QWidget]) -> Prepare:
    """Return a preparation that brings the Units tab to the front, then makes the dialog."""
    def show() -> QWidget:
        window.tabs.setCurrentIndex(0)
        return make()
    return show


def plan_dialogs(shooter: Shooter, places: DemoPlaces, scratch: Path) -> None:
    """Queue the main dialogs, each over the Units tab."""
    window = shooter.window
    context = window.context
    over_units = partial(on_units_tab, window)

    def import_dialog() -> QDialog:
        parent = f"{places.province.name} / {places.commune.name}"
        dialog = ImportDialog(context, units_sheet(scratch / "thon-moi.xlsx", parent, places.hamlet.name), window)
        dialog.check()
        return dialog

    def merge_dialog() -> QDialog:
        return MergeUnitDialog(context, context.read(units.get_unit, places.commune.id), window)

    shooter.add("20-assign-dialog", over_units(lambda: AssignDialog(context, places.cadre, places.hamlet.id, window)))
    shooter.add("21-first-run", over_units(lambda: FirstRunDialog(context, window)))
    shooter.add("22-restore-dialog", over_units(
        lambda: RestoreDialog(context, backup.list_backups(context.database.url), window)))
    shooter.add("23-import-dialog", over_units(import_dialog))
    shooter.add("24-add-unit", over_units(lambda: AddUnitDialog(context, places.commune.id, window)))
    shooter.add("25-cadre-dialog", over_units(
        lambda: CadreDialog(context, context.read(get_cadre, places.cadre), window)))
    shooter.add("26-cadre-picker", over_units(lambda: CadrePickerDialog(context, window)))
    shooter.add("27-merge-dialog", over_units(merge_dialog))
    shooter.add("28-meeting-dialog", over_units(lambda: MeetingDialog(context, date(2026, 10, 9), parent=window)))
    shooter.add("29-recommendation-dialog", over_units(lambda: RecommendationDialog(context, None, window)))
    shooter.add("30-ics-export", over_units(lambda: IcsExportDialog(context, DEMO_DATE.year, window)))
    plan_new_dialogs(shooter, places, scratch)


def plan_new_dialogs(shooter: Shooter, places: DemoPlaces, scratch: Path) -> None:
    """Queue the settings, cluster, assignment, official-list dialogs, the menus and Qt's own dialogs."""
    window = shooter.window
    context = window.context
    over_units = partial(on_units_tab, window)
    cluster = places.cluster

    def leaving_cadre() -> QDialog:
        holder = context.read(lambda uow: uow.assignments.get(places.assignment)).cadre_id
        dialog = CadreDialog(context, context.read(get_cadre, holder), window)
        choose_member(dialog.status, CadreStatus.LEFT)
        dialog.reason.setText("Nghỉ hưu")
        return dialog

    def settings_page(page: int) -> Prepare:
        def show() -> QDialog:
            dialog = LocalRulesDialog(context, window)
            dialog.tabs.setCurrentIndex(page)
            return dialog
        return show

    def question() -> QWidget:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        return QMessageBox(QMessageBox.Icon.Question, window.windowTitle(), places.commune.name, buttons, window)

    def file_dialog(mode: QFileDialog.AcceptMode) -> Prepare:
        def show() -> QWidget:
            dialog = QFileDialog(window, window.windowTitle(), str(scratch))
            dialog.setOptions(file_dialog_options())
            dialog.setAcceptMode(mode)
            return dialog
        return show

    def print_dialog() -> QWidget:
        printer = QPrinter()
        dialog = QPrintDialog(printer, window)
        dialog.printer_kept = printer  # type: ignore[attr-defined] - the dialog needs its printer alive
        return dialog

    def menu(index: int) -> Prepare:
        def show() -> QWidget:
            window.tabs.setCurrentIndex(0)
            bar = window.menuBar()
            action = bar.actions()[index]
            shown = action.menu()
            shown.popup(bar.mapToGlobal(bar.actionGeometry(action).bottomLeft()))
            return shown
        return show

    def tree_menu() -> QWidget | None:
        window.tabs.setCurrentIndex(0)
        window.tree.reveal(places.hamlet.id)
        view = window.tree.view
        return show_menu(view, window.panel.menu_entries(), view.viewport().mapToGlobal(
            view.visualRect(view.currentIndex()).center()))

    shooter.add("31-edit-assignment", over_units(lambda: EditAssignmentDialog(context, places.assignment, window)))
    shooter.add("32-cadre-leaving", over_units(leaving_cadre))
    for number, page in zip(range(33, 37), range(4), strict=True):
        shooter.add(f"{number}-settings-{page + 1}", over_units(settings_page(page)))
    shooter.add("37-new-cluster", over_units(lambda: NewClusterDialog(context, places.province.id, window)))
    shooter.add("38-rename-cluster", over_units(lambda: RenameClusterDialog(context, cluster, window)))
    shooter.add("39-cluster-add-communes", over_units(lambda: ClusterCommunesDialog(context, cluster, True, window)))
    shooter.add("40-cluster-remove-communes",
                over_units(lambda: ClusterCommunesDialog(context, cluster, False, window)))
    shooter.add("41-close-cluster", over_units(lambda: CloseClusterDialog(context, cluster, window)))
    shooter.add("42-official-import", over_units(lambda: OfficialImportDialog(context, window)))
    shooter.add("43-question", over_units(question))
    shooter.add("44-file-open", over_units(file_dialog(QFileDialog.AcceptMode.AcceptOpen)))
    shooter.add("45-file-save", over_units(file_dialog(QFileDialog.AcceptMode.AcceptSave)))
    shooter.add("46-print-dialog", over_units(print_dialog))
    for number, index in zip(range(47, 51), range(4), strict=True):
        shooter.add(f"{number}-menu-{index + 1}", menu(index))
    shooter.add("51-tree-menu", tree_menu)


def shoot_here(out: Path, language: str, preset: Preset, only: list[str] | None) -> int:
    """Photograph the views on this display in one language; return 1 when a view failed."""
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    set_manners(app)  # as the application's main() does
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        os.environ[backup.FOLDER_VARIABLE] = str(folder / "backups")  # the day's backup stays in the scratch folder
        database = demo_database(folder, preset)
        WindowSettings(folder / "s.ini").language = language
        window = build_window(parse_arguments(["--db", str(database), "--settings", str(folder / "s.ini")]))
        window.context.set_as_of(DEMO_DATE)
        window.setGeometry(window.screen().availableGeometry())  # as maximized, also without a window manager
        window.showMaximized()
        shooter = Shooter(window, out, only)
        places = demo_places(window)
        plan_tabs(shooter, places)
        plan_dialogs(shooter, places, folder)
        QTimer.singleShot(0, shooter.run)
        app.exec()
        window.context.close()
    return 1 if shooter.failed else 0


def start_xvfb(screen: str, display: int | None) -> tuple[subprocess.Popen[bytes], str]:
    """Start an Xvfb server of a screen size on a display (None: a free one); return it and its DISPLAY value."""
    read, write = os.pipe()
    chosen = [] if display is None else [f":{display}"]
    server = subprocess.Popen(["Xvfb", *chosen, "-displayfd", str(write), "-screen", "0", f"{screen}x24",
                               "-nolisten", "tcp"], pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    number = b""
    deadline = time.monotonic() + XVFB_START_TIMEOUT_S
    with os.fdopen(read, "rb") as pipe:
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            chunk = pipe.read(1)
            if not chunk:
                break
            number += chunk
    if not number.strip():
        server.kill()
        raise RuntimeError(f"Xvfb did not start for {screen}")
    return server, f":{number.decode().strip()}"


def shoot_all(out: Path, screens: list[str], languages: list[str], preset: Preset, only: list[str] | None,
              display: int | None) -> int:
    """Photograph the views at each screen size (an Xvfb server each) in each language; return 1 on a failure."""
    status = 0
    for screen in screens:
        server, display_name = start_xvfb(screen, display)
        try:
            for language in languages:
                command = [sys.executable, "-m", "tests.ui.screenshots", "--here", "--language", language,
                           "--preset", preset.value, "--out", str(out / screen / language)]
                if only:
                    command += ["--only", *only]
                environment = {**os.environ, "DISPLAY": display_name, "QT_QPA_PLATFORM": "xcb"}
                status |= subprocess.run(command, env=environment, check=False).returncode
        finally:
            server.terminate()
            server.wait()
    return 1 if status else 0


def main(argv: list[str] | None = None) -> int:
    """Build the demo, open the window and save the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--preset", choices=[p.value for p in Preset], default=Preset.TWO_LEVEL.value)
    parser.add_argument("--only", nargs="+", metavar="PREFIX", help="take only the views named so (e.g. 23 06)")
    parser.add_argument("--screens", nargs="+", default=list(SCREENS), metavar="WxH")
    parser.add_argument("--languages", nargs="+", default=list(LANGUAGES), choices=LANGUAGES)
    parser.add_argument("--here", action="store_true", help="use this display, in one --language, into --out")
    parser.add_argument("--language", choices=LANGUAGES, default="vi")
    parser.add_argument("--display", type=int, help="the Xvfb display number to use (default: a free one)")
    arguments = parser.parse_args(argv)
    preset = Preset(arguments.preset)
    if arguments.here:
        return shoot_here(arguments.out, arguments.language, preset, arguments.only)
    return shoot_all(arguments.out, arguments.screens, arguments.languages, preset, arguments.only, arguments.display)


if __name__ == "__main__":
    sys.exit(main())
