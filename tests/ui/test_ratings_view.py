"""Drive the Ratings tab as a clerk would: grade a commune and its hamlets from the keyboard, read the shares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from grassroots_app.demo.build import DEMO_DATE
from grassroots_app.domain.ratings import GRADES, Grade, format_share
from grassroots_app.domain.text import fold
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import browse, ratings, units
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.fieldlog.rating_table import Column
from grassroots_app.ui.fieldlog.ratings_view import RatingsView
from grassroots_app.ui.i18n import tr
from tests.ui.support import WAIT_MS, focus, pick, redo_now, shown, undo_now, wait_for_edits

COMMUNE = "Xã Thử Xếp Loại"
HAMLETS = ("Ấp 1", "Ấp 2", "Ấp 3")
YEAR = 2026


@dataclass(frozen=True)
class Place:
    """A commune made for the tests, with three hamlets, from the start of the year rated."""

    commune_id: str
    hamlet_ids: tuple[str, ...]


@pytest.fixture
def place(context: AppContext) -> Place:
    """Add the commune and its hamlets to the demo's province."""
    province = context.read(browse.children, None, DEMO_DATE)[0]
    start = date(YEAR, 1, 1)
    with UnitOfWork(context.database) as uow:
        commune = units.add_unit(uow, units.NewUnit(COMMUNE, province.id, start, "xã"))
        hamlets = tuple(units.add_unit(uow, units.NewUnit(name, commune.id, start, "ấp")).id for name in HAMLETS)
    return Place(commune.id, hamlets)


@pytest.fixture
def view(qtbot: QtBot, context: AppContext, place: Place) -> RatingsView:
    """The tab on the test commune for the year, its four rows read."""
    widget = shown(qtbot, RatingsView(context))
    widget.year.setValue(YEAR)
    pick(qtbot, widget.unit, fold(COMMUNE), place.commune_id)
    qtbot.waitUntil(lambda: [row.unit_id for row in widget.model.views] == [place.commune_id, *place.hamlet_ids],
                    timeout=WAIT_MS)
    return widget


def rated(context: AppContext, place: Place) -> dict[str, tuple[Grade, float | None]]:
    """Return the grade and score of each rated unit of the test commune, read from the database file."""
    rows = context.read(ratings.ratings_at, place.commune_id, YEAR)
    return {row.unit_id: (row.rating.grade, row.rating.score) for row in rows if row.rating is not None}


def type_cell(qtbot: QtBot, view: RatingsView, row: int, column: Column, text: str) -> None:
    """Go to a cell with the arrows, type (the first key opens the editor), and commit with Enter."""
    table = view.table
    focus(qtbot, table)
    table.setCurrentIndex(view.model.index(0, Column.UNIT))
    for _step in range(row):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    for _step in range(column):
        qtbot.keyClick(table, Qt.Key.Key_Right)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (row, column)
    qtbot.keyClicks(table, text[0])
    editor = QApplication.focusWidget()
    assert editor is not table
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_rate_a_commune_and_its_hamlets_and_read_the_shares(
    qtbot: QtBot, view: RatingsView, context: AppContext, place: Place
) -> None:
    commune, first, second, third = place.commune_id, *place.hamlet_ids
    type_cell(qtbot, view, 0, Column.GRADE, "2")
    type_cell(qtbot, view, 1, Column.SCORE, "85,5")
    type_cell(qtbot, view, 2, Column.GRADE, "1")
    type_cell(qtbot, view, 3, Column.SCORE, "40")
    qtbot.waitUntil(lambda: len(rated(context, place)) == 4, timeout=WAIT_MS)
    assert rated(context, place) == {
        commune: (Grade.GOOD, None), first: (Grade.GOOD, 85.5), second: (Grade.EXCELLENT, None),
        third: (Grade.NOT_COMPLETED, 40.0),
    }
    assert view.model.data(view.model.index(1, Column.GRADE)) == "Hoàn thành tốt nhiệm vụ"
    assert view.model.data(view.model.index(1, Column.SCORE)) == "85,5"

    expected = {  # by grade, best first: the commune is good; of the hamlets one is excellent, one good, one not
        "commune": ["0/1 = 0,00 %", "1/1 = 100,00 %", "0/1 = 0,00 %", "0/1 = 0,00 %"],
        "hamlet": ["1/3 = 33,33 %", "1/3 = 33,33 %", "0/3 = 0,00 %", "1/3 = 33,33 %"],
    }
    summary = context.read(ratings.rating_summary, YEAR, None, commune)
    summarized = {level: [format_share(figures[grade.value]["count"], figures["total"]) for grade in GRADES]
                  for level, figures in summary["levels"].items()}
    assert summarized["hamlet"] == ["1/3 = 33,33 %", "1/3 = 33,33 %", "0/3 = 0,00 %", "1/3 = 33,33 %"]
    assert summarized == expected

    def shares_shown() -> dict[str, list[str]]:
        shares = view.shares
        levels = {"Xã": "commune", "Ấp, thôn": "hamlet"}
        return {levels[shares.horizontalHeaderItem(column).text().split(":")[0]]:
                [shares.item(row, column).text() for row in range(len(GRADES))]
                for column in range(shares.columnCount())}

    qtbot.waitUntil(lambda: shares_shown() == expected, timeout=WAIT_MS)
    good = view.shares.item(len(GRADES), [*expected].index("hamlet")).text()
    assert good == "2/3 = 66,67 %"


def test_a_grade_that_disagrees_with_the_score_is_refused(
    qtbot: QtBot, view: RatingsView, context: AppContext, place: Place
) -> None:
    type_cell(qtbot, view, 1, Column.SCORE, "72")
    qtbot.waitUntil(lambda: bool(rated(context, place)), timeout=WAIT_MS)
    wait_for_edits(context)
    steps = context.undo.count()

    type_cell(qtbot, view, 1, Column.GRADE, "1")
    qtbot.waitUntil(view.error.isVisible, timeout=WAIT_MS)
    assert view.error.text() == "Số điểm 72 ứng với mức 'Hoàn thành tốt nhiệm vụ', không phải " \
                                "'Hoàn thành xuất sắc nhiệm vụ'."
    assert rated(context, place) == {place.hamlet_ids[0]: (Grade.GOOD, 72.0)}
    assert context.undo.count() == steps

    type_cell(qtbot, view, 1, Column.SCORE, "abc")
    qtbot.waitUntil(lambda: "85,5" in view.error.text(), timeout=WAIT_MS)
    assert rated(context, place) == {place.hamlet_ids[0]: (Grade.GOOD, 72.0)}


def test_each_rating_is_one_step_to_undo(qtbot: QtBot, view: RatingsView, context: AppContext, place: Place) -> None:
    type_cell(qtbot, view, 2, Column.GRADE, "3")
    qtbot.waitUntil(lambda: bool(rated(context, place)), timeout=WAIT_MS)
    wait_for_edits(context)
    assert context.undo.undoText() == "Xếp loại Ấp 2"
    undo_now(context)
    assert rated(context, place) == {}
    qtbot.waitUntil(lambda: view.model.views[2].rating is None, timeout=WAIT_MS)
    redo_now(context)
    assert rated(context, place) == {place.hamlet_ids[1]: (Grade.COMPLETED, None)}
    qtbot.waitUntil(lambda: view.model.views[2].rating is not None, timeout=WAIT_MS)
    focus(qtbot, view.table)
    view.table.setCurrentIndex(view.model.index(2, Column.GRADE))
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    wait_for_edits(context)
    assert rated(context, place) == {}


def test_keys_typed_ahead_of_the_window_keep_the_next_cell_being_typed(
    qtbot: QtBot, view: RatingsView, context: AppContext, place: Place
) -> None:
    """A grade, Enter and an arrow typed faster than the window answers, then a score: it must arrive whole, even
    when the rows read after the grade come while the score is typed (they once reset the table and lost it)."""
    table = view.table
    focus(qtbot, table)
    table.setCurrentIndex(view.model.index(1, Column.GRADE))
    for key in ("1", Qt.Key.Key_Return, Qt.Key.Key_Right, "8", "5"):  # sent at once: no event handled between
        qtbot.keyClick(QApplication.focusWidget(), key)
    editor = QApplication.focusWidget()
    qtbot.waitUntil(lambda: view.model.views[1].rating is not None, timeout=WAIT_MS)  # the grade's rows read back
    qtbot.wait(200)
    assert QApplication.focusWidget() is editor
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(rated(context, place)) and rated(context, place)[place.hamlet_ids[0]][1] is not None,
                    timeout=WAIT_MS)
    assert rated(context, place) == {place.hamlet_ids[0]: (Grade.GOOD, 85.0)}


def test_the_grade_column_fits_every_grade_when_the_tab_opens_with_none_given(view: RatingsView) -> None:
    assert not any(row.rating for row in view.model.views)
    table = view.table
    for grade in GRADES:
        assert table.columnWidth(Column.GRADE) > table.fontMetrics().horizontalAdvance(tr(grade.label)), grade
