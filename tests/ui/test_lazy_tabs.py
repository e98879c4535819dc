"""The window paints before its other tabs exist: each tab's page is made when the tab is first shown."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from grassroots_app.ui.main_window import MainWindow


def _pages(window: MainWindow) -> list[object]:
    tabs = (window.calendar_tab, window.plan_tab, window.field_log_tab, window.recommendations_tab,
            window.ratings_tab, window.report_tab)
    return [tab.made for tab in tabs]


def test_only_the_units_tab_is_made_at_start_and_each_other_on_its_first_show(window: MainWindow,
                                                                             qtbot: QtBot) -> None:
    assert _pages(window) == [None] * 6
    window.tabs.setCurrentWidget(window.ratings_tab)
    assert window.ratings_tab.made is window.ratings and window.ratings.isVisible()
    assert window.calendar_tab.made is None
    window.tabs.setCurrentIndex(0)
    assert window.ratings_tab.made is window.ratings  # made once, kept


def test_leaving_asks_nothing_when_the_reports_tab_was_never_opened(window: MainWindow) -> None:
    assert window.may_leave()
    assert window.report_tab.made is None


def test_a_tab_keeps_its_page_across_a_language_switch_when_shown(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentWidget(window.calendar_tab)
    window.set_language("en")
    assert window.tabs.currentWidget() is window.calendar_tab
    assert window.calendar_tab.made is not None and window.report_tab.made is None
