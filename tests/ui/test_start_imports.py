"""The window's start loads no library that only some screens use (each costs tenths of a second), nor the modules
of the tabs it makes when they are first shown."""

from __future__ import annotations

import subprocess
import sys

LOADED_WHEN_USED = ("openpyxl", "python_calamine", "reportlab", "alembic", "icalendar", "vietnam_provinces",
                    "pypdfium2", "grassroots_app.ui.calendar.calendar_view", "grassroots_app.ui.calendar.plan_view",
                    "grassroots_app.ui.fieldlog.fieldlog_view", "grassroots_app.ui.fieldlog.ratings_view",
                    "grassroots_app.ui.fieldlog.recommendations_view", "grassroots_app.ui.reports.report_view")


def test_the_window_modules_load_no_library_of_a_single_screen() -> None:
    probe = ("import sys, grassroots_app.ui.app, grassroots_app.ui.main_window; "
             f"print(','.join(m for m in {LOADED_WHEN_USED!r} if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == ""
