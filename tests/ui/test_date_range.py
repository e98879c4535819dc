"""The window's date fields take only the days the whole application accepts (01/01/1900 to 31/12/2200)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from grassroots_app.ui.fieldlog.activity_form import DayEdit
from grassroots_app.ui.shared.widgets import date_edit, from_qdate


def test_every_date_field_stops_at_the_applications_first_and_last_day(qapp: object) -> None:
    for edit in (date_edit(date(2026, 1, 1)), DayEdit(date(2026, 1, 1))):
        shown = (from_qdate(edit.minimumDate()), from_qdate(edit.maximumDate()))
        assert shown == (date(1900, 1, 1), date(2200, 12, 31))
        edit.setDate(QDate(9999, 12, 31))
        assert from_qdate(edit.date()) == date(2200, 12, 31)
