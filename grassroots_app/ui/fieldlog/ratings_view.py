"""The Ratings tab: grade a commune and its hamlets (or a province's communes) for a year or a quarter, and see
the share of each grade as reports quote it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain import calendar as periods
from grassroots_app.domain.changes import HIERARCHY
from grassroots_app.domain.errors import InvalidInput
from grassroots_app.domain.model import Level
from grassroots_app.domain.ratings import Grade, Rating
from grassroots_app.services import browse, ratings, units
from grassroots_app.services.ratings import RatingView
from grassroots_app.ui.context import AppContext, on_change, on_scope
from grassroots_app.ui.fieldlog.rating_table import (
    EDITABLE,
    Column,
    GradeDelegate,
    RatingsModel,
    SharesTable,
    TypedDelegate,
    fit_columns,
    parse_score,
)
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import ShownRefresher, follow
from grassroots_app.ui.shared.pickers import unit_field
from grassroots_app.ui.shared.row_model import ROW_PADDING, LatestRead
from grassroots_app.ui.shared.widgets import ElidedLabel, ErrorLabel, remember_state

HEADER_KEY = "ratings/header"
SPLITTER_KEY = "ratings/splitter"
UP_KEYS = "Alt+Up"
SHOWN = HIERARCHY | {"rating"}  # the tables this view shows: it refreshes when an edit changed one


class RatingsView(QWidget):
    """A year or quarter and a unit above, its rated units to grade in a table, the shares below."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.unit_id: str | None = None
        self.waiting_rows: list[RatingView] | None = None  # rows read while a cell was being edited
        self.rows_read, self.shares_read = LatestRead(context, self), LatestRead(context, self)
        self.model = RatingsModel(lambda unit_id: context.scope.may_change_row(unit_id), self)
        self._build_chooser()
        self._build_table()
        self._lay_out()
        self.refresher = ShownRefresher(self, self.reload)
        on_change(context.events, self, SHOWN, self.refresher.request)
        follow(context.events.database_changed, self, self.start_at_top)
        follow(context.events.as_of_changed, self, self._show_path)
        self.start_at_top()
        on_scope(context.events, self, self._offer_edits)

    # --- building -----------------------------------------------------------------------------

    def _build_chooser(self) -> None:
        self.year = QSpinBox()
        self.year.setRange(periods.FIRST_YEAR, periods.LAST_YEAR)
        self.year.setValue(self.context.as_of.year)
        self.quarter = QComboBox()
        self.quarter.addItem(tr("Whole year"), None)
        for number in range(1, 5):
            self.quarter.addItem(tr("Quarter {number}").format(number=number), number)
        self.unit = unit_field(self.context)
        self.up_button = QPushButton(tr("Up one level"))
        self.up_button.setShortcut(QKeySequence(UP_KEYS))
        self.up_button.setToolTip(tr("Show the unit above ({keys})").format(keys=UP_KEYS))
        self.path = ElidedLabel()
        bold = self.path.font()
        bold.setBold(True)
        self.path.setFont(bold)
        self.year.valueChanged.connect(lambda _year: self.refresher.request())
        self.quarter.currentIndexChanged.connect(lambda _index: self.refresher.request())
        self.unit.chosen_changed.connect(self._unit_chosen)
        self.up_button.clicked.connect(self.go_up)

    def _build_table(self) -> None:
        self.error = ErrorLabel()
        self.hint = QLabel(tr("Type a grade's number (1–4) or a score, then Enter; Delete removes the rating; "
                              "Enter on a name opens its units."))
        self.hint.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(TypedDelegate(self.table))
        self.table.setItemDelegateForColumn(Column.GRADE, GradeDelegate(self.table))
        for delegate in (self.table.itemDelegate(), self.table.itemDelegateForColumn(Column.GRADE)):
            delegate.closeEditor.connect(self._editor_closed)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.AnyKeyPressed | triggers.EditKeyPressed | triggers.DoubleClicked)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + ROW_PADDING)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.sized = remember_state(self.context.settings, HEADER_KEY, header)
        self.table.activated.connect(self.open_row)
        self.model.grade_edited.connect(self.set_grade)
        self.model.score_edited.connect(self.set_score)
        self.remove_action = QAction(tr("Remove the rating"), self.table)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_rating)
        self.table.addAction(self.remove_action)
        for changed in (self.table.selectionModel().currentChanged, self.model.dataChanged, self.model.modelReset):
            changed.connect(lambda *_args: self._enable_removal())
        self.shares = SharesTable()
        self.no_shares = QLabel(tr("No rating yet for this period."))

    def _lay_out(self) -> None:
        chooser = QHBoxLayout()
        for text, widget in ((tr("Year"), self.year), (tr("Period"), self.quarter), (tr("Unit"), self.unit)):
            label = QLabel(text)
            label.setBuddy(widget)
            chooser.addWidget(label)
            chooser.addWidget(widget, 1 if widget is self.unit else 0)
        chooser.addWidget(self.up_button)
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        for part in (self.path, self.hint, self.error):
            column.addWidget(part)
        column.addWidget(self.table, 1)
        box = QGroupBox(tr("Shares of each grade (in the unit and below)"))
        shares = QVBoxLayout(box)
        shares.addWidget(self.no_shares)
        shares.addWidget(self.shares)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        remember_state(self.context.settings, SPLITTER_KEY, self.splitter)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.splitter, 1)

    # --- choosing -----------------------------------------------------------------------------

    def period(self) -> tuple[int, int | None]:
        """Return the (year, quarter) chosen; quarter None: the whole year."""
        return self.year.value(), self.quarter.currentData()

    def start_at_top(self) -> None:
        """Show the first province of the database (nothing when it is empty)."""
        provinces = self.context.read(browse.children, None, self.context.as_of)
        self.unit_id = provinces[0].id if provinces else None
        self._show_path()
        self.refresher.request()

    def _unit_chosen(self, unit_id: str | None) -> None:
        if unit_id is not None:
            self.show_unit(unit_id)

    def show_unit(self, unit_id: str) -> None:
        """Show a unit's rated units (a commune: itself and its hamlets; a province: its communes)."""
        self.unit_id = unit_id
        self._show_path()
        self.refresher.request()

    def _show_path(self) -> None:
        path = self.context.read(units.unit_path, self.unit_id, self.context.as_of) if self.unit_id else ""
        self.path.setText(path)

    def go_up(self) -> None:
        """Show the unit above the one shown."""
        above = self.context.read(browse.ancestors, self.unit_id, self.context.as_of) if self.unit_id else []
        if above:
            self.show_unit(above[-1])

    def open_row(self, index: QModelIndex) -> None:
        """Open a unit's units from its name; edit its grade or score from theirs."""
        if index.column() in EDITABLE:
            if not self._editing():
                self.table.edit(index)
            return
        view = self.model.views[index.row()]
        if view.level is Level.COMMUNE and view.unit_id != self.unit_id:
            self.show_unit(view.unit_id)

    # --- showing ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the rated units and the shares of the chosen unit and period in worker processes."""
        self.waiting_rows = None
        if self.unit_id is None:
            self.rows_read.cancel()
            self.shares_read.cancel()
            self._show_rows([])
            self._show_summary({"levels": {}})
            return
        year, quarter = self.period()
        self.rows_read.start(ratings.ratings_at, (self.unit_id, year, quarter), self._show_rows)
        self.shares_read.start(ratings.rating_summary, (year, quarter, self.unit_id), self._show_summary)

    def _show_rows(self, views: list[RatingView]) -> None:
        if self._editing():
            self.waiting_rows = views  # a reset now would close the editor and lose what is being typed
            return
        current = self.table.currentIndex()
        self.model.set_views(views)
        if views and not self.sized:
            fit_columns(self.table)
            self.sized = True
        if current.isValid() and current.row() < len(views):
            self.table.setCurrentIndex(self.model.index(current.row(), current.column()))
        elif views:
            self.table.setCurrentIndex(self.model.index(0, Column.GRADE))

    def _editing(self) -> bool:
        """Return whether a cell's editor is open (a visible child of the table's viewport).

        Not Qt's EditingState: typed ahead, Enter then an arrow key close an editor twice, and the late second
        close resets that state while the next cell's editor is already open.
        """
        children = self.table.viewport().findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        return any(child.isVisible() for child in children)

    def _editor_closed(self) -> None:
        """Show the rows that arrived while a cell was being edited."""
        views, self.waiting_rows = self.waiting_rows, None
        if views is not None:
            QTimer.singleShot(0, self, lambda: self._show_rows(views))

    def _show_summary(self, summary: dict[str, Any]) -> None:
        self.shares.show_summary(summary)
        self.shares.setVisible(bool(summary["levels"]))
        self.no_shares.setVisible(not summary["levels"])

    # --- rating -------------------------------------------------------------------------------

    def set_grade(self, row: int, grade: Grade) -> None:
        """Give a unit a grade, its score kept (a score that disagrees refuses it)."""
        rating = self.model.views[row].rating
        if rating is None or rating.grade is not grade:
            self._store(row, grade, rating.score if rating else None)

    def set_score(self, row: int, text: str) -> None:
        """Give a unit a score and the grade it means; an empty score keeps the grade alone."""
        rating = self.model.views[row].rating
        try:
            score = parse_score(text)
        except InvalidInput as error:
            self.error.show_error(error)
            return
        if rating is not None and score != rating.score:
            self._store(row, rating.grade if score is None else None, score)
        elif rating is None and score is not None:
            self._store(row, None, score)

    def _store(self, row: int, grade: Grade | None, score: float | None) -> None:
        """Store a unit's rating as one undoable command; a refusal is shown above the table."""
        view = self.model.views[row]
        year, quarter = self.period()
        note = view.rating.note if view.rating else ""
        label = tr("Rate {unit}").format(unit=view.unit_name)

        def stored(rating: Rating) -> None:
            self.error.clear_error()
            self._rated(view.unit_id, rating)

        self.context.edit(label, ratings.set_rating, view.unit_id, year, quarter, grade, score, note,
                          on_done=stored, on_refused=self.error.show_error, parent=self)

    def _offer_edits(self) -> None:
        """Offer rating the units the clerk may change, and removing their ratings (the scope was read again)."""
        self.model.offer_edits()
        self._enable_removal()

    def _enable_removal(self) -> None:
        row = self.table.currentIndex().row()
        self.remove_action.setEnabled(self.model.may_rate(row) and self.model.views[row].rating is not None)

    def remove_rating(self) -> None:
        """Remove the rating of the current row's unit (undo brings it back)."""
        row = self.table.currentIndex().row()
        if row < 0 or self.model.views[row].rating is None:
            return
        view = self.model.views[row]
        year, quarter = self.period()
        self.context.edit(tr("Remove the rating of {unit}").format(unit=view.unit_name), ratings.remove_rating,
                          view.unit_id, year, quarter, on_done=lambda _none: self._rated(view.unit_id, None),
                          on_refused=self.error.show_error, parent=self)

    def _rated(self, unit_id: str, rating: Rating | None) -> None:
        """Show a unit's rating as just stored, on its row if it is still shown."""
        rows = [row for row, view in enumerate(self.model.views) if view.unit_id == unit_id]
        if rows:
            self.model.rated(rows[0], rating)
