"""Choose what a new report covers (a cluster, or a district or province) and its quarter; the saved reports."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from grassroots_app.domain import calendar as rule
from grassroots_app.domain.errors import N_
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.reports.model import ReportKind, ReportStatus
from grassroots_app.domain.reports.records import ReportRecord
from grassroots_app.services import browse, reports
from grassroots_app.ui.context import AppContext, on_scope
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.context_menu import offer_menu
from grassroots_app.ui.shared.pickers import ClusterCombo, unit_field
from grassroots_app.ui.shared.row_model import Column, LatestRead, RowsModel, rows_table

KINDS = ((ReportKind.CLUSTER, N_("A cluster")), (ReportKind.AREA, N_("A whole district or province")))
STATUS = {ReportStatus.DRAFT: N_("Draft"), ReportStatus.ISSUED: N_("Issued")}
LIST_COLUMNS: tuple[Column[ReportRecord], ...] = (
    Column(N_("Quarter"), lambda record: f"{record.draft.quarter}/{record.draft.year}",
           key=lambda record: (record.draft.year, record.draft.quarter, record.updated_at)),
    Column(N_("State"), lambda record: tr(STATUS[record.status])),
    Column(N_("Number"), lambda record: record.number_text if record.number else "",
           key=lambda record: record.number or 0),
    Column(N_("Date"), lambda record: format_date(record.draft.issued_on),
           key=lambda record: record.draft.issued_on),
    Column(N_("Subject"), lambda record: record.draft.subject),
)


def _labelled(text: str, field: QWidget) -> QLabel:
    """Return a label whose mnemonic moves to the field."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


class ReportChooser(QWidget):
    """What a new draft covers, and the saved reports (drafts and issued) to reopen or delete."""

    new_requested = Signal(object, str, int, int)  # kind, scope id, year, quarter
    open_requested = Signal(str)
    delete_requested = Signal(object)  # the draft's record

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.reads = LatestRead(context, self)
        self.kind = QComboBox()
        for kind, label in KINDS:
            self.kind.addItem(tr(label), kind.value)
        self.cluster = ClusterCombo(context, self._last_day)
        self.unit = unit_field(context)
        self.year = QSpinBox()
        self.year.setRange(rule.FIRST_YEAR, rule.LAST_YEAR)
        self.quarter = QComboBox()
        for number in range(1, 5):
            self.quarter.addItem(tr("Quarter {number}").format(number=number), number)
        self.new_button = QPushButton(tr("&New draft"))
        self.new_button.setToolTip(tr("Write a new report on the chosen cluster or area and quarter"))
        self.model = RowsModel(LIST_COLUMNS, parent=self)
        self.table = rows_table(self.model, context.settings, "reports/list_columns", (0, Qt.SortOrder.DescendingOrder))
        self.open_button = QPushButton(tr("&Open"))
        self.open_button.setToolTip(tr("Open the selected report (Enter)"))
        self.delete_button = QPushButton(tr("&Delete the draft"))
        self.delete_button.setToolTip(tr("Delete the selected draft (Del); an issued report is kept"))
        self._lay_out()
        self._connect()
        self.reset()
        on_scope(context.events, self, self._enable)

    def _lay_out(self) -> None:
        self.form = QFormLayout()
        for text, field in ((tr("Report &on"), self.kind), (tr("&Cluster"), self.cluster), (tr("&Unit"), self.unit),
                            (tr("&Year"), self.year), (tr("&Quarter"), self.quarter)):
            self.form.addRow(_labelled(text, field), field)
        self.form.addRow(self.new_button)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addSpacing(12)
        layout.addWidget(_labelled(tr("Saved &reports"), self.table))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(self._show_kind)
        self.year.valueChanged.connect(self.cluster.refill)
        self.quarter.currentIndexChanged.connect(self.cluster.refill)
        self.cluster.filled.connect(self._enable)
        self.unit.chosen_changed.connect(lambda _chosen: self._enable())
        self.new_button.clicked.connect(self._ask_new)
        self.open_button.clicked.connect(self._ask_open)
        self.delete_button.clicked.connect(self._ask_delete)
        self.table.activated.connect(self._ask_open)
        offer_menu(self.table, lambda: [self.open_button, self.delete_button, None, self.new_button])
        delete = QAction(self.table)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_button.click)  # does nothing while the button is disabled
        self.table.addAction(delete)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._enable())

    # --- choosing -----------------------------------------------------------------------------

    def reset(self) -> None:
        """Start again on the context's quarter and database: its first province and its clusters."""
        blockers = QSignalBlocker(self.year), QSignalBlocker(self.quarter)
        self.year.setValue(self.context.as_of.year)
        self.quarter.setCurrentIndex(rule.quarter_of(self.context.as_of) - 1)
        del blockers
        provinces = self.context.read(browse.children, None, self.context.as_of)
        if provinces:
            self.unit.choose(provinces[0].id, provinces[0].name)
        self.cluster.refill()
        self._show_kind()

    def _last_day(self) -> date:
        """Return the chosen quarter's last day, or today when the quarter is still running."""
        return min(rule.quarter_span(self.year.value(), self.quarter_number())[1] - timedelta(days=1), date.today())


    def _show_kind(self) -> None:
        cluster = self.chosen_kind() is ReportKind.CLUSTER
        self.form.setRowVisible(self.cluster, cluster)
        self.form.setRowVisible(self.unit, not cluster)
        self._enable()

    def chosen_kind(self) -> ReportKind:
        """Return the kind of report chosen."""
        return ReportKind(self.kind.currentData())

    def quarter_number(self) -> int:
        """Return the quarter chosen (1 to 4)."""
        return int(self.quarter.currentData())

    def scope_id(self) -> str | None:
        """Return the cluster or the unit chosen (None: none)."""
        return self.cluster.currentData() if self.chosen_kind() is ReportKind.CLUSTER else self.unit.chosen

    def _ask_new(self) -> None:
        scope_id = self.scope_id()
        if scope_id:
            self.new_requested.emit(self.chosen_kind(), scope_id, self.year.value(), self.quarter_number())

    # --- the saved reports --------------------------------------------------------------------

    def reload(self) -> None:
        """Read the saved reports again, in the background."""
        self.reads.start(reports.list_reports, (), self._show_reports)

    def _show_reports(self, records: list[ReportRecord]) -> None:
        self.model.set_rows(records)
        self._enable()

    def selected(self) -> ReportRecord | None:
        """Return the saved report highlighted in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _ask_open(self) -> None:
        record = self.selected()
        if record is not None:
            self.open_requested.emit(record.id)

    def _ask_delete(self) -> None:
        record = self.selected()
        if record is not None and record.status is ReportStatus.DRAFT:
            self.delete_requested.emit(record)

    def _enable(self) -> None:
        """Offer a new draft on, and deleting a draft of, a cluster or area the clerk may change; opening any."""
        record, scope_id, scope = self.selected(), self.scope_id(), self.context.scope
        self.new_button.setEnabled(bool(scope_id) and scope.may_change_row(scope_id))
        self.open_button.setEnabled(record is not None)
        self.delete_button.setEnabled(record is not None and record.status is ReportStatus.DRAFT
                                      and scope.may_change_row(record.draft.scope_id))
