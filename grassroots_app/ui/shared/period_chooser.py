"""Choose a period to list: a quarter or a whole year, or (optionally) any span of days."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from grassroots_app.domain import calendar as rule
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.widgets import date_edit, from_qdate, to_qdate

WHOLE_YEAR = 0
BETWEEN_DATES = -1


class PeriodChooser(QWidget):
    """A year with a quarter or the whole year; with `spans`, also "between dates" (both days included)."""

    changed = Signal()

    def __init__(self, day: date, spans: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = QSpinBox()
        self.year.setRange(rule.FIRST_YEAR, rule.LAST_YEAR)
        self.year.setValue(day.year)
        self.span = QComboBox()
        for number in range(1, 5):
            self.span.addItem(tr("Quarter {number}").format(number=number), number)
        self.span.addItem(tr("Whole year"), WHOLE_YEAR)
        if spans:
            self.span.addItem(tr("Between dates"), BETWEEN_DATES)
        self.span.setCurrentIndex(rule.quarter_of(day) - 1)
        start, end = rule.quarter_span(day.year, rule.quarter_of(day))
        self.start, self.last = date_edit(start), date_edit(end - timedelta(days=1))
        self.dates = QWidget()
        self._lay_out()
        self._show_mode()
        self.span.currentIndexChanged.connect(self._span_changed)
        for signal in (self.year.valueChanged, self.start.dateChanged, self.last.dateChanged):
            signal.connect(self.changed)

    def _lay_out(self) -> None:
        dates = QHBoxLayout(self.dates)
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.start)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.last)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.span)
        layout.addWidget(self.year)
        layout.addWidget(self.dates)
        layout.addStretch()
        self.setFocusProxy(self.span)

    def _span_changed(self) -> None:
        if self.between:
            start, end = self.bounds_of_year()
            blockers = QSignalBlocker(self.start), QSignalBlocker(self.last)
            self.start.setDate(to_qdate(start))
            self.last.setDate(to_qdate(end - timedelta(days=1)))
            del blockers
        self._show_mode()
        self.changed.emit()

    def _show_mode(self) -> None:
        self.year.setVisible(not self.between)
        self.dates.setVisible(self.between)

    @property
    def between(self) -> bool:
        """Return whether any span of days is chosen rather than a quarter or a year."""
        return self.span.currentData() == BETWEEN_DATES

    def quarter(self) -> int | None:
        """Return the quarter chosen (None: the whole year)."""
        chosen = int(self.span.currentData())
        return chosen if chosen > 0 else None

    def bounds_of_year(self) -> tuple[date, date]:
        """Return the first day and the day after the last of the quarter or year chosen."""
        return rule.period_span(self.year.value(), self.quarter())

    def bounds(self) -> tuple[date, date]:
        """Return the first day and the day after the last of the chosen period."""
        if self.between:
            return from_qdate(self.start.date()), from_qdate(self.last.date()) + timedelta(days=1)
        return self.bounds_of_year()
