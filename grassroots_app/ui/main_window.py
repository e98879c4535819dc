"""The main window: the hierarchy on the left, the chosen unit on the right, the cadre roster in a dock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain.changes import HIERARCHY, PEOPLE, RULES
from grassroots_app.domain.errors import DomainError
from grassroots_app.i18n import LANGUAGES
from grassroots_app.services import browse
from grassroots_app.services.server import ServerAddress
from grassroots_app.services.workspace import describe_location
from grassroots_app.ui.context import AppContext, on_change
from grassroots_app.ui.database_commands import DatabaseCommands
from grassroots_app.ui.i18n import LANGUAGE_NAMES, tr
from grassroots_app.ui.lifetime import follow, silence
from grassroots_app.ui.server.history_dialog import NOT_ON_A_FILE, ChangeHistoryDialog
from grassroots_app.ui.shared.busy_indicator import BusyIndicator
from grassroots_app.ui.shared.context_menu import offer_menu
from grassroots_app.ui.shared.lazy_page import LazyPage
from grassroots_app.ui.shared.screen_fit import first_geometry, fitted_geometry
from grassroots_app.ui.shared.widgets import ElidedLabel, date_edit, from_qdate, to_qdate
from grassroots_app.ui.units.assign_dialog import AssignDialog
from grassroots_app.ui.units.cadre_panel import CadrePanel
from grassroots_app.ui.units.hierarchy_view import HierarchyTree
from grassroots_app.ui.units.local_rules_dialog import LocalRulesDialog
from grassroots_app.ui.units.roster import CadreRoster
from grassroots_app.ui.units.search import SearchBox
from grassroots_app.ui.units.tree_model import Node, NodeKind
from grassroots_app.ui.units.unit_panel import UnitPanel

if TYPE_CHECKING:
    from grassroots_app.ui.calendar.calendar_view import CalendarView
    from grassroots_app.ui.calendar.plan_view import PlanView
    from grassroots_app.ui.fieldlog.fieldlog_view import FieldLogView
    from grassroots_app.ui.fieldlog.ratings_view import RatingsView
    from grassroots_app.ui.fieldlog.recommendations_view import RecommendationsView
    from grassroots_app.ui.reports.report_view import ReportView

MARKS_DELAY_MS = 150
LEFT_PANE_WIDTH = 440
DOCK_HEIGHT = 280
SHOWN = HIERARCHY | PEOPLE | RULES  # the tables this view shows: it refreshes when an edit changed one


class MainWindow(DatabaseCommands):
    """The clerk's workplace."""

    def __init__(self, context: AppContext, resume: ServerAddress | None = None) -> None:
        super().__init__()
        self.context = context
        self.resume = resume  # the server worked on last, connected to by start()
        self.setObjectName("MainWindow")
        self.status = ElidedLabel()  # the database's path, which may be long
        self.statusBar().addPermanentWidget(self.status)
        self.scope_label = QLabel()  # on a shared server: the clerk's login and scope
        self.statusBar().addPermanentWidget(self.scope_label)
        self.busy = BusyIndicator()
        self.statusBar().addPermanentWidget(self.busy)
        follow(context.events.editing_changed, self, self.busy.show_edit)
        self.marks_timer = QTimer(self, singleShot=True, interval=MARKS_DELAY_MS)
        self.marks_timer.timeout.connect(self.compute_marks)
        self.marks_asked = 0  # the latest gap count asked for: an earlier answer arriving late is dropped
        on_change(context.events, self, SHOWN, self.on_data_changed)
        follow(context.events.as_of_changed, self, self.on_as_of_changed)
        follow(context.events.database_changed, self, self.on_database_changed)
        self.build()
        self.restore_layout()

    # --- building -----------------------------------------------------------------------------

    def build(self) -> None:
        """Create every widget, menu and toolbar in the current language."""
        self.setWindowTitle(tr("Grassroots — grasp the base"))
        for old in (self.centralWidget(), getattr(self, "dock", None)):
            if old is not None:
                silence(old)
        self.search = SearchBox(self.context)
        self.tree = HierarchyTree(self.context)
        self.panel = UnitPanel(self.context)
        self.roster = CadreRoster(self.context)
        self.cadre_panel = CadrePanel(self.context)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("MainTabs")
        self.tabs.addTab(self._central(), tr("Units and cadres"))
        self.calendar_tab = self._add_page(_calendar_view, tr("Calendar"))
        self.plan_tab = self._add_page(_plan_view, tr("Base-day plan"))
        self.field_log_tab = self._add_page(_field_log_view, tr("Field log"))
        self.recommendations_tab = self._add_page(_recommendations_view, tr("Recommendations"))
        self.ratings_tab = self._add_page(_ratings_view, tr("Ratings"))
        self.report_tab = self._add_page(_report_view, tr("Reports"))
        self.setCentralWidget(self.tabs)
        self.tabs.show()  # now, not when the event loop next runs: until then the dock would take its room
        self._build_dock()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._connect()
        self.on_database_changed()

    def _add_page(self, make: Callable[[AppContext], QWidget], title: str) -> LazyPage:
        """Add a tab whose page is made when it is first shown (its module imported then too)."""
        tab = LazyPage(lambda: make(self.context))
        self.tabs.addTab(tab, title)
        return tab

    @property
    def calendar(self) -> CalendarView:
        """The Calendar tab's page (made now if it was not yet)."""
        return cast("CalendarView", self.calendar_tab.page)

    @property
    def plan(self) -> PlanView:
        """The Base-day plan tab's page."""
        return cast("PlanView", self.plan_tab.page)

    @property
    def field_log(self) -> FieldLogView:
        """The Field log tab's page."""
        return cast("FieldLogView", self.field_log_tab.page)

    @property
    def recommendations(self) -> RecommendationsView:
        """The Recommendations tab's page."""
        return cast("RecommendationsView", self.recommendations_tab.page)

    @property
    def ratings(self) -> RatingsView:
        """The Ratings tab's page."""
        return cast("RatingsView", self.ratings_tab.page)

    @property
    def report_view(self) -> ReportView:
        """The Reports tab's page."""
        return cast("ReportView", self.report_tab.page)

    def _central(self) -> QSplitter:
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("MainSplitter")
        splitter.addWidget(left)
        splitter.addWidget(_scrolled(self.panel))
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([LEFT_PANE_WIDTH, 2 * LEFT_PANE_WIDTH])
        self.splitter = splitter
        return splitter

    def _build_dock(self) -> None:
        holder = QSplitter(Qt.Orientation.Horizontal)
        holder.addWidget(self.roster)  # its filters wrap and its table scrolls: never wider than the dock
        holder.addWidget(_scrolled(self.cadre_panel))
        holder.setSizes([3 * LEFT_PANE_WIDTH // 2, LEFT_PANE_WIDTH])
        self.dock = QDockWidget(tr("Cadres"), self)
        self.dock.setObjectName("CadreDock")
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable)  # hidden from the View menu
        self.dock.setWidget(holder)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.resizeDocks([self.dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)

    def _action(self, text: str, slot: object, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        settings = self.context.settings
        self.new_action = self._action(tr("&New database…"), self.new_database, QKeySequence.StandardKey.New)
        self.open_action = self._action(tr("&Open database…"), self.open_database, QKeySequence.StandardKey.Open)
        self.connect_action = self._action(tr("&Connect to a server…"), lambda: self.connect_to_server())
        self.setup_action = self._action(tr("&Set up this database…"), self.offer_first_run)
        self.backup_action = self._action(tr("&Back up to…"), self.back_up_to)
        self.restore_action = self._action(tr("R&estore from a backup…"), self.restore_backup)
        self.import_action = self._action(tr("&Import from a spreadsheet…"), self.import_spreadsheet, "Ctrl+I")
        self.official_action = self._action(tr("Import from the o&fficial list…"), self.import_official)
        self.export_action = self._action(tr("E&xport to a spreadsheet…"), self.export_spreadsheet, "Ctrl+E")
        self.template_action = self._action(tr("Save the empty &template…"), self.save_template)
        self.quit_action = self._action(tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self.context.undo.createUndoAction(self, tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.context.undo.createRedoAction(self, tr("Redo"))
        for action, step in ((self.undo_action, self.context.undo_last), (self.redo_action, self.context.redo_next)):
            action.triggered.disconnect()  # the stack's own undo() and redo(): the step is replayed in the background
            action.triggered.connect(lambda _checked=False, step=step: step())
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            redo_keys.insert(0, QKeySequence("Ctrl+Y"))
        self.redo_action.setShortcuts(redo_keys)
        self.cluster_action = self._action(tr("Group communes by &cluster"), self.toggle_clusters, "Ctrl+G", True)
        self.cluster_action.setChecked(settings.flag("group_by_cluster"))
        self.closed_action = self._action(tr("Show &closed units"), self.toggle_closed, "Ctrl+Shift+H", True)
        self.closed_action.setChecked(settings.flag("show_closed"))
        self.search_action = self._action(tr("&Find a unit"), self.focus_search, QKeySequence.StandardKey.Find)
        self.roster_action = self._action(tr("Cadre &roster"), self.toggle_roster, "Ctrl+Shift+R", True)
        self.roster_action.setChecked(settings.flag("show_roster", True))
        self.settings_action = self._action(tr("&Settings…"), self.edit_settings, "Ctrl+,")
        self.refresh_action = self._action(tr("Re&fresh"), self.refresh, "F5")
        self.refresh_action.setToolTip(tr("Read everything shown again from the database, with others' changes"))
        self.unit_history_action = self._action(tr("&History of changes of the unit…"), self.show_unit_history)
        self.cadre_history_action = self._action(tr("History of changes of the &cadre…"), self.show_cadre_history)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(tr("&File"))
        file_menu.addActions([self.new_action, self.open_action, self.connect_action, self.setup_action])
        self.recent_menu = file_menu.addMenu(tr("&Recent databases"))
        file_menu.addSeparator()
        file_menu.addActions([self.backup_action, self.restore_action])
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.official_action, self.export_action, self.template_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.search_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)
        view_menu = bar.addMenu(tr("&View"))
        view_menu.addActions([self.cluster_action, self.closed_action, self.roster_action])
        view_menu.addSeparator()
        view_menu.addActions([self.unit_history_action, self.cadre_history_action])
        view_menu.addSeparator()
        view_menu.addAction(self.refresh_action)
        view_menu.setToolTipsVisible(True)  # why the history is unavailable on a file
        language_menu = bar.addMenu(tr("&Language"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in LANGUAGES:
            action = self._action(LANGUAGE_NAMES[code], lambda _on=False, c=code: self.set_language(c),
                                  checkable=True)
            action.setChecked(code == self.context.language.language)
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action
        self._fill_recent()

    def _build_toolbar(self) -> None:
        for old in self.findChildren(QToolBar):
            self.removeToolBar(old)
            old.deleteLater()
        toolbar = QToolBar(tr("Main"), self)
        toolbar.setObjectName("MainToolbar")
        toolbar.addAction(self._toolbar_twin(self.undo_action, tr("Undo")))
        toolbar.addAction(self._toolbar_twin(self.redo_action, tr("Redo")))
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(tr("As of") + " "))
        self.as_of = date_edit(self.context.as_of)
        self.as_of.setToolTip(tr("Show the hierarchy and the assignments as they were on this day"))
        self.as_of.dateChanged.connect(lambda day: self.context.set_as_of(from_qdate(day)))
        toolbar.addWidget(self.as_of)
        self.today_button = QToolButton()
        self.today_button.setText(tr("Today"))
        self.today_button.setToolTip(tr("Show the hierarchy and the assignments as they are today"))
        self.today_button.clicked.connect(lambda: self.context.set_as_of(date.today()))
        toolbar.addWidget(self.today_button)
        toolbar.addSeparator()
        toolbar.addAction(self.cluster_action)
        toolbar.addAction(self.closed_action)
        self.addToolBar(toolbar)

    def _toolbar_twin(self, action: QAction, text: str) -> QAction:
        """Return a toolbar twin of an undo or redo action: a short text, the step's name only in the tooltip."""
        twin = QAction(text, self)
        twin.triggered.connect(action.trigger)

        def follow_action() -> None:
            twin.setEnabled(action.isEnabled())
            twin.setToolTip(action.text())

        action.changed.connect(follow_action)
        follow_action()
        return twin

    def _connect(self) -> None:
        self.search.unit_chosen.connect(self.tree.reveal)
        self.tree.selection_changed.connect(self.on_node_selected)
        offer_menu(self.tree.view, self.panel.menu_entries)
        # Queued: the Assign dialog runs after the drop has ended, never inside Qt's drag-and-drop handling.
        self.tree.model.cadre_dropped.connect(self.on_cadre_dropped, Qt.ConnectionType.QueuedConnection)
        self.roster.cadre_selected.connect(self.cadre_panel.show_cadre)
        self.roster.cadre_selected.connect(lambda _cadre: self._enable_history())
        self.tree.model.set_group_by_cluster(self.cluster_action.isChecked())
        self.tree.model.set_show_closed(self.closed_action.isChecked())
        self.tabs.currentChanged.connect(self.place_roster)

    def _fill_recent(self) -> None:
        """List the recent databases by file name and folder (the full path in the tooltip), never a password."""
        self.recent_menu.clear()
        self.recent_menu.setToolTipsVisible(True)
        for location in self.context.settings.recent_databases:
            name, where, full = describe_location(location)
            action = self._action(f"{name} — {where}".replace("&", "&&"),
                                  lambda _on=False, l=location: self.open_recent(l))
            action.setToolTip(full)
            self.recent_menu.addAction(action)
        self.recent_menu.setEnabled(bool(self.context.settings.recent_databases))

    # --- reacting -----------------------------------------------------------------------------

    def on_node_selected(self, node: Node | None) -> None:
        """Show the chosen unit or cluster in the panel."""
        shown = node is not None and node.kind in {NodeKind.UNIT, NodeKind.CLUSTER}
        self.panel.show_target(node.id if shown else None)  # type: ignore[union-attr]
        self._enable_history()

    def on_cadre_dropped(self, cadre_id: str, target_id: str) -> None:
        """Open the Assign dialog for a cadre dropped on a unit or cluster."""
        AssignDialog(self.context, cadre_id, target_id, self).exec()

    def on_data_changed(self) -> None:
        """Recount the gaps shortly after an edit, undo or redo (the views reload themselves)."""
        self.tree.model.set_marks(None)
        self.marks_timer.start()

    def on_as_of_changed(self, day: date) -> None:
        """Show the new day in the toolbar and recount the gaps (the tree follows the day itself)."""
        blocker = QSignalBlocker(self.as_of)
        self.as_of.setDate(to_qdate(day))
        del blocker
        self.tree.model.set_marks(None)
        self.marks_timer.start()

    def on_database_changed(self) -> None:
        """Show another database (or the same one after it was set up)."""
        self.panel.show_target(None)
        self.cadre_panel.show_cadre(None)
        self.status.setText(self.context.database.display_name)
        self._apply_scope()
        self._empty()
        self._fill_recent()
        self.marks_timer.start()

    def compute_marks(self) -> None:
        """Count the gaps under every unit in a worker process, then show them in the tree."""
        self.tree.model.set_marks(None)
        self.marks_asked += 1
        asked = self.marks_asked
        self.context.read_later(browse.tree_marks, (self.context.as_of,),
                                lambda marks: self._show_marks(marks, asked), parent=self)

    def _show_marks(self, marks: browse.TreeMarks, asked: int) -> None:
        if asked != self.marks_asked:
            return
        self.tree.model.set_marks(marks.by_target)
        self.statusBar().showMessage(tr("{count} gaps in coverage").format(count=marks.total))

    def _apply_scope(self) -> None:
        """Show the clerk's login and scope; offer the changes of the whole database only to whoever may make them."""
        scope = self.context.scope
        self.scope_label.setText(scope.describe())
        self.scope_label.setVisible(scope.clerk is not None)
        for action in (self.import_action, self.official_action, self.settings_action, self.restore_action):
            action.setEnabled(scope.may_edit)
        self._enable_history()

    def _enable_history(self) -> None:
        """Offer the history of changes of the chosen unit and cadre on a server (on a file, say why not)."""
        on_server = self.context.scope.on_server
        why = "" if on_server else tr(NOT_ON_A_FILE)
        for action, chosen in ((self.unit_history_action, self._chosen_unit()),
                               (self.cadre_history_action, self.roster.selected_cadre())):
            action.setEnabled(on_server and chosen is not None)
            action.setToolTip(why)

    def _chosen_unit(self) -> Node | None:
        node = self.tree.current_node()
        return node if node is not None and node.kind is NodeKind.UNIT else None

    # --- commands -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read everything shown again from the database (F5): others' changes, and what this clerk may change."""
        self.context.reload_everything()
        self._apply_scope()
        self._empty()

    def show_unit_history(self) -> None:
        """Show who changed the chosen unit and what is under it, and when."""
        node = self._chosen_unit()
        if node is not None:
            self._show_history(ChangeHistoryDialog(self.context, node.name, under=node.id, parent=self))

    def show_cadre_history(self) -> None:
        """Show who changed the chosen cadre, and when."""
        cadre_id = self.roster.selected_cadre()
        if cadre_id is not None:
            name = self.cadre_panel.title.text()
            self._show_history(ChangeHistoryDialog(self.context, name, table="cadre", row_id=cadre_id, parent=self))

    def _show_history(self, dialog: ChangeHistoryDialog) -> None:
        self.history = dialog  # the one shown last (tests read it)
        dialog.show()

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search.setFocus()

    def edit_settings(self) -> None:
        """Change the local rules of the database (tenure, workload, meeting-free days, targets, grasp rules)."""
        try:
            dialog = LocalRulesDialog(self.context, self)
        except DomainError as error:  # a database not set up yet
            self.context.errors.report(error)
            return
        dialog.exec()

    def toggle_clusters(self, on: bool) -> None:
        """Group the communes by cluster, or by district."""
        self.context.settings.set_flag("group_by_cluster", on)
        self._keeping_the_chosen_unit(lambda: self.tree.model.set_group_by_cluster(on))

    def toggle_closed(self, on: bool) -> None:
        """Show or hide the closed units."""
        self.context.settings.set_flag("show_closed", on)
        self._keeping_the_chosen_unit(lambda: self.tree.model.set_show_closed(on))

    def _keeping_the_chosen_unit(self, regroup: Callable[[], None]) -> None:
        """Rearrange the tree, then choose again the unit chosen before (wherever it now stands)."""
        chosen = self.tree.current_node()
        regroup()
        if chosen is not None and chosen.kind is NodeKind.UNIT:
            self.tree.reveal(chosen.id)

    def toggle_roster(self, on: bool) -> None:
        """Show or hide the cadre roster; it belongs to the Units tab, shown for it."""
        self.context.settings.set_flag("show_roster", on)
        if on:
            self.tabs.setCurrentIndex(0)
        self.place_roster()

    def place_roster(self) -> None:
        """Show the roster dock on the Units tab when the clerk wants it, hide it on the other tabs."""
        self.dock.setVisible(self.roster_action.isChecked() and self.tabs.currentIndex() == 0)

    def set_language(self, language: str) -> None:
        """Switch the interface language and rebuild the window's texts."""
        if language == self.context.language.language:
            return
        if not self.may_leave():
            self.language_actions[self.context.language.language].setChecked(True)
            return
        self.context.language.apply(language)
        self.context.settings.language = language
        tab, place, state = self.tabs.currentIndex(), self.tree.place(), self.saveState()
        splitter = self.splitter.saveState()
        self.removeDockWidget(self.dock)
        self.dock.deleteLater()
        self.build()
        self.restoreState(state)
        self.splitter.restoreState(splitter)
        self.tabs.setCurrentIndex(tab)
        self.place_roster()
        self.tree.go_to(place)

    # --- layout memory ------------------------------------------------------------------------

    def restore_layout(self) -> None:
        """Put the window back where the clerk left it."""
        settings = self.context.settings
        geometry, state = settings.blob("geometry"), settings.blob("window_state")
        available = self.screen().availableGeometry()
        if geometry is not None and self.restoreGeometry(geometry):
            self.setGeometry(fitted_geometry(self.normalGeometry(), available))
        else:
            place, maximize = first_geometry(available)
            self.setGeometry(place)
            if maximize:
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        if state is not None:
            self.restoreState(state)
        self.place_roster()
        splitter = settings.blob("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        """Remember the window's size, docks and splitter."""
        settings = self.context.settings
        settings.set_blob("geometry", self.saveGeometry())
        settings.set_blob("window_state", self.saveState())
        settings.set_blob("splitter", self.splitter.saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Remember the layout, drop the reads nobody will use and wait for the rest of the background work before
        closing (unsaved report texts: ask first)."""
        if not self.may_leave():
            event.ignore()
            return
        self.save_layout()
        self.context.workers.abandon()
        self.context.tasks.wait()
        silence(self)
        event.accept()


def _scrolled(widget: QWidget) -> QScrollArea:
    """Return the widget in a scroll area, so its size never forces the window's layout."""
    scroll = QScrollArea()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    return scroll


# Each tab's page and its module are made when the tab is first shown: the window paints without them.


def _calendar_view(context: AppContext) -> QWidget:
    from grassroots_app.ui.calendar.calendar_view import CalendarView  # noqa: PLC0415

    return CalendarView(context)


def _plan_view(context: AppContext) -> QWidget:
    from grassroots_app.ui.calendar.plan_view import PlanView  # noqa: PLC0415

    return PlanView(context)


def _field_log_view(context: AppContext) -> QWidget:
    from grassroots_app.ui.fieldlog.fieldlog_view import FieldLogView  # noqa: PLC0415

    return FieldLogView(context)


def _recommendations_view(context: AppContext) -> QWidget:
    from grassroots_app.ui.fieldlog.recommendations_view import RecommendationsView  # noqa: PLC0415

    return RecommendationsView(context)


def _ratings_view(context: AppContext) -> QWidget:
    from grassroots_app.ui.fieldlog.ratings_view import RatingsView  # noqa: PLC0415

    return RatingsView(context)


def _report_view(context: AppContext) -> QWidget:
    from grassroots_app.ui.reports.report_view import ReportView  # noqa: PLC0415

    return ReportView(context)
