"""Meetings attended against the targets, for a year or a quarter; the cadres still short in red."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from grassroots_app.domain.changes import HIERARCHY, PEOPLE
from grassroots_app.domain.errors import N_
from grassroots_app.domain.model import Tier
from grassroots_app.domain.text import person_sort_key
from grassroots_app.services.activities import AttendanceRow, attendance
from grassroots_app.ui.context import AppContext, on_change
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import ShownRefresher, follow
from grassroots_app.ui.shared.period_chooser import PeriodChooser
from grassroots_app.ui.shared.row_model import Column, LatestRead, RowsModel, rows_table

PROGRESS_COLUMN = 4
_TIER_RANK = {tier: rank for rank, tier in enumerate(Tier)}
SHOWN = HIERARCHY | PEOPLE | {"activity", "setting"}  # the tables this view shows: it refreshes when an edit changed one


def _progress(row: AttendanceRow) -> str:
    """Return "met", or how many meetings are still missing."""
    return tr("met") if row.met else tr("{count} short").format(count=row.target - row.attended)


ATTENDANCE_COLUMNS: tuple[Column[AttendanceRow], ...] = (
    Column(N_("Cadre"), lambda row: row.name, key=lambda row: person_sort_key(row.name)),
    Column(N_("Tier"), lambda row: tr(row.tier.label), key=lambda row: _TIER_RANK[row.tier]),
    Column(N_("Meetings attended"), lambda row: str(row.attended), key=lambda row: row.attended, numeric=True),
    Column(N_("Meetings due"), lambda row: str(row.target), key=lambda row: row.target, numeric=True),
    Column(N_("Progress"), _progress, key=lambda row: row.attended - row.target),
)


class AttendanceView(QWidget):
    """Each cadre's party-committee and party-cell meetings attended in the period, against their target."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.reads = LatestRead(context, self)
        self.period = PeriodChooser(context.as_of, spans=False)
        self.summary = QLabel()
        self.model = RowsModel(ATTENDANCE_COLUMNS, warn=lambda row: not row.met, parent=self)
        self.table = rows_table(self.model, context.settings, "fieldlog/attendance_columns",
                                (PROGRESS_COLUMN, Qt.SortOrder.AscendingOrder))  # the furthest behind first
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(tr("Period")))
        chooser.addWidget(self.period)
        chooser.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.table, 1)
        self.period.changed.connect(self.reload)
        self.refresher = ShownRefresher(self, self.reload)
        on_change(context.events, self, SHOWN, self.refresher.request)
        follow(context.events.database_changed, self, self.refresher.request)

    def reload(self) -> None:
        """Count the meetings attended in the chosen period, in the background."""
        self.summary.setText(tr("Reading…"))
        self.reads.start(attendance, (self.period.year.value(), self.period.quarter()), self._show)

    def _show(self, rows: list[AttendanceRow]) -> None:
        self.model.set_rows(rows)
        met = sum(1 for row in rows if row.met)
        self.summary.setText(tr("{met} of {total} cadres have attended the meetings due.").format(
            met=met, total=len(rows)))
