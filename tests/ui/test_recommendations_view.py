"""Drive the Recommendations tab as a clerk would: raise one, forward it, record the answer, follow the overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from grassroots_app.demo.build import DEMO_DATE
from grassroots_app.domain.recommendations import RecommendationField, RecommendationFilter, RecommendationStatus
from grassroots_app.domain.text import fold
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import browse, cadres, recommendations, units
from grassroots_app.services.recommendations import RecommendationView
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.fieldlog.recommendation_detail import RecommendationDetail
from grassroots_app.ui.fieldlog.recommendation_dialogs import RecommendationDialog, StepDialog
from grassroots_app.ui.fieldlog.recommendations_view import RecommendationsView
from grassroots_app.ui.shared.widgets import EditDialog
from tests.ui.support import (
    WAIT_MS,
    answer_dialog,
    edit_now,
    focus,
    pick,
    redo_now,
    shown,
    type_text,
    undo_now,
    wait_while_busy,
)

HAMLET = "Ấp Kiến Nghị Thử"
RAISED, FORWARDED, ANSWERED = date(2026, 9, 1), date(2026, 9, 10), date(2026, 9, 20)
CONTENT = "Đường liên ấp xuống cấp, đề nghị sửa chữa"
BODY = "UBND xã, phòng Kinh tế"
ANSWER = "Đã đưa vào kế hoạch sửa chữa quý IV"
REFUSED_STEP = "Kiến nghị đang ở trạng thái 'chưa giải quyết' không thể chuyển sang 'đã có trả lời'."
KEYS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@dataclass(frozen=True)
class Place:
    """A hamlet made for the tests (its name found by search alone) and an active cadre."""

    hamlet_id: str
    cadre_id: str
    cadre_name: str


@pytest.fixture
def place(context: AppContext) -> Place:
    """Add the hamlet under the demo's first commune; pick the first active cadre."""
    province = context.read(browse.children, None, DEMO_DATE)[0]
    commune = context.read(browse.children, province.id, DEMO_DATE)[0]
    with UnitOfWork(context.database) as uow:
        hamlet = units.add_unit(uow, units.NewUnit(HAMLET, commune.id, date(2026, 1, 1), "ấp"))
    cadre = context.read(cadres.find_cadres, "", 1)[0]
    return Place(hamlet.id, cadre.id, cadre.full_name)


@pytest.fixture
def view(qtbot: QtBot, context: AppContext) -> RecommendationsView:
    """The tab, shown and read."""
    widget = shown(qtbot, RecommendationsView(context))
    qtbot.waitUntil(lambda: "…" not in widget.count.text(), timeout=WAIT_MS)
    return widget


def raised(context: AppContext, place: Place, day: date, due: date | None = None) -> RecommendationView:
    """Raise a recommendation through the service, as an earlier session would have."""
    return edit_now(context, "raise", recommendations.raise_recommendation, place.hamlet_id, day, place.cadre_id,
                           CONTENT, RecommendationField.INFRASTRUCTURE, due)


def stored(context: AppContext, recommendation_id: str) -> RecommendationStatus:
    """Return the status in the database file."""
    return context.read(recommendations.get_recommendation, recommendation_id).recommendation.status


def press_ok(qtbot: QtBot, dialog: EditDialog) -> None:
    """Click the dialog's OK button."""
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_while_busy()


def _status_shown(view: RecommendationsView) -> RecommendationStatus | None:
    """Return the chosen recommendation's status as the list last read it (None: none chosen)."""
    selected = view.selected()
    return None if selected is None else selected.recommendation.status


def chosen(qtbot: QtBot, view: RecommendationsView, recommendation_id: str) -> None:
    """Wait until the list is read again with the recommendation chosen."""
    qtbot.waitUntil(lambda: view.selected_id() == recommendation_id, timeout=WAIT_MS)


def take_step(qtbot: QtBot, view: RecommendationsView, key: Qt.Key, day: date, text: str) -> None:
    """Open a step's dialog with its shortcut, type the body or answer and the day, press OK."""

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, StepDialog)
        type_text(qtbot, dialog.text, text)
        dialog.on.setDate(QDate(day.year, day.month, day.day))
        press_ok(qtbot, dialog)
        assert not dialog.isVisible(), dialog.error.text()

    done = answer_dialog(qtbot, fill)
    focus(qtbot, view.table)
    qtbot.keyClick(view.table, key, KEYS)
    done()


def test_raise_forward_and_answer_through_the_dialogs(
    qtbot: QtBot, view: RecommendationsView, context: AppContext, place: Place
) -> None:
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, RecommendationDialog)
        qtbot.keyClicks(dialog.unit.search.edit, fold(HAMLET))
        qtbot.keyClick(dialog.unit.search.edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.unit.chosen == place.hamlet_id, timeout=WAIT_MS)  # the search answers from a worker thread
        dialog.raised_on.setDate(QDate(RAISED.year, RAISED.month, RAISED.day))
        pick(qtbot, dialog.cadre, fold(place.cadre_name), place.cadre_id)
        dialog.field.setCurrentIndex(dialog.field.findData(RecommendationField.INFRASTRUCTURE.value))
        type_text(qtbot, dialog.content, CONTENT)
        press_ok(qtbot, dialog)
        assert not dialog.isVisible(), dialog.error.text()

    done = answer_dialog(qtbot, fill)
    focus(qtbot, view.table)
    qtbot.keyClick(view.table, Qt.Key.Key_N, KEYS)
    done()
    new = context.read(recommendations.list_recommendations, RecommendationFilter(unit_id=place.hamlet_id))
    assert [item.recommendation.content for item in new] == [CONTENT]
    rec_id = new[0].recommendation.id
    chosen(qtbot, view, rec_id)
    assert not view.step_actions[RecommendationStatus.ANSWERED].isEnabled()

    take_step(qtbot, view, Qt.Key.Key_F, FORWARDED, BODY)
    chosen(qtbot, view, rec_id)
    qtbot.waitUntil(lambda: view.step_actions[RecommendationStatus.ANSWERED].isEnabled(), timeout=WAIT_MS)
    take_step(qtbot, view, Qt.Key.Key_A, ANSWERED, ANSWER)
    qtbot.waitUntil(lambda: view.detail.history.rowCount() == 3, timeout=WAIT_MS)

    history = [[view.detail.history.item(row, column).text() for column in range(3)] for row in range(3)]
    assert history[1][0] == "10/09/2026" and history[1][1].endswith("→ đã chuyển cơ quan chức năng")
    assert BODY in history[1][2]
    assert history[2][0] == "20/09/2026" and history[2][1].endswith("→ đã có trả lời") and ANSWER in history[2][2]
    assert stored(context, rec_id) is RecommendationStatus.ANSWERED
    steps = context.read(recommendations.history, rec_id)
    assert [(step.on, step.new) for step in steps[1:]] == [(FORWARDED, RecommendationStatus.FORWARDED),
                                                           (ANSWERED, RecommendationStatus.ANSWERED)]


def test_a_step_the_status_does_not_allow_is_not_offered_and_is_refused(
    qtbot: QtBot, view: RecommendationsView, context: AppContext, place: Place
) -> None:
    rec = raised(context, place, RAISED)
    view.choose(rec.recommendation.id)
    chosen(qtbot, view, rec.recommendation.id)
    for status in (RecommendationStatus.ANSWERED, RecommendationStatus.CLOSED):
        assert not view.step_actions[status].isEnabled()
    steps = context.undo.count()
    focus(qtbot, view.table)
    qtbot.keyClick(view.table, Qt.Key.Key_A, KEYS)  # the answer's shortcut does nothing while it is not offered
    assert context.undo.count() == steps

    dialog = shown(qtbot, StepDialog(context, rec, RecommendationStatus.ANSWERED))
    type_text(qtbot, dialog.text, ANSWER)
    press_ok(qtbot, dialog)
    assert dialog.error.isVisible() and REFUSED_STEP in dialog.error.text()
    assert stored(context, rec.recommendation.id) is RecommendationStatus.OPEN
    assert context.undo.count() == steps


def test_a_step_dated_before_the_raising_is_refused_in_the_dialog(
    qtbot: QtBot, view: RecommendationsView, context: AppContext, place: Place
) -> None:
    rec = raised(context, place, RAISED)
    steps = context.undo.count()
    dialog = shown(qtbot, StepDialog(context, rec, RecommendationStatus.FORWARDED))
    type_text(qtbot, dialog.text, BODY)
    dialog.on.setDate(QDate(2026, 8, 31))
    press_ok(qtbot, dialog)
    assert dialog.error.isVisible() and "01/09/2026" in dialog.error.text()
    assert stored(context, rec.recommendation.id) is RecommendationStatus.OPEN
    assert context.undo.count() == steps


def test_undo_and_redo_a_status_change(
    qtbot: QtBot, view: RecommendationsView, context: AppContext, place: Place
) -> None:
    rec_id = raised(context, place, RAISED).recommendation.id
    view.choose(rec_id)
    chosen(qtbot, view, rec_id)
    take_step(qtbot, view, Qt.Key.Key_F, FORWARDED, BODY)
    assert stored(context, rec_id) is RecommendationStatus.FORWARDED
    assert context.undo.undoText().startswith("Chuyển kiến nghị")

    undo_now(context)
    assert stored(context, rec_id) is RecommendationStatus.OPEN
    qtbot.waitUntil(lambda: view.detail.history.rowCount() == 1, timeout=WAIT_MS)
    assert view.step_actions[RecommendationStatus.FORWARDED].isEnabled()

    redo_now(context)
    assert stored(context, rec_id) is RecommendationStatus.FORWARDED
    qtbot.waitUntil(lambda: view.detail.history.rowCount() == 2, timeout=WAIT_MS)
    assert view.step_actions[RecommendationStatus.ANSWERED].isEnabled()


def test_the_overdue_filter_and_the_carried_over_ones(
    qtbot: QtBot, view: RecommendationsView, context: AppContext, place: Place
) -> None:
    late = raised(context, place, date(2026, 6, 1), due=date(2026, 6, 30)).recommendation.id
    on_time = raised(context, place, date(2026, 9, 1)).recommendation.id
    qtbot.mouseClick(view.filters.overdue, Qt.MouseButton.LeftButton)
    expected = context.read(recommendations.list_recommendations, RecommendationFilter(overdue=True))
    qtbot.waitUntil(lambda: len(view.model.rows) == len(expected) and view.model.rows[0].overdue, timeout=WAIT_MS)
    shown = {row.recommendation.id for row in view.model.rows}
    assert late in shown and on_time not in shown
    assert all(row.overdue for row in view.model.rows)
    due_column = [column.title for column in view.model.columns].index("Due")
    assert view.model.index(0, due_column).data().endswith("quá hạn")

    qtbot.mouseClick(view.filters.overdue, Qt.MouseButton.LeftButton)
    view.filters.period.year.setValue(2026)
    view.filters.period.span.setCurrentIndex(view.filters.period.span.findData(3))
    qtbot.mouseClick(view.filters.carried, Qt.MouseButton.LeftButton)
    carried = context.read(recommendations.carried_over, 2026, 3)
    qtbot.waitUntil(lambda: "chuyển sang" in view.count.text(), timeout=WAIT_MS)
    assert {row.recommendation.id for row in view.model.rows} == {item.recommendation.id for item in carried}
    assert late in {row.recommendation.id for row in view.model.rows}
    assert on_time not in {row.recommendation.id for row in view.model.rows}


LONG_CONTENT = "Bà con phản ánh đường liên thôn bị sạt lở sau mưa lũ, học sinh phải lội suối đến trường. " * 10
LONG_NOTE = "Đã gửi công văn số 12 kèm ảnh hiện trường và biên bản kiểm tra của tổ công tác xã. " * 6


def test_the_detail_shows_long_texts_whole(
    qtbot: QtBot, view: RecommendationsView, context: AppContext, place: Place
) -> None:
    """Long content, answer and step notes wrap: every word is shown, the history's rows are as tall as their text,
    and the pane scrolls as a whole instead of squeezing the history; a list's tooltip wraps too."""
    rec = edit_now(context, "raise", recommendations.raise_recommendation, place.hamlet_id, RAISED, place.cadre_id,
                          LONG_CONTENT.strip(), RecommendationField.INFRASTRUCTURE, None)
    rec_id = rec.recommendation.id
    edit_now(context, "forward", recommendations.forward_recommendation, rec_id, FORWARDED, BODY, LONG_NOTE.strip())
    edit_now(context, "answer", recommendations.answer_recommendation, rec_id, ANSWERED, LONG_NOTE.strip(),
                    LONG_NOTE.strip())
    view.resize(1366, 700)
    view.choose(rec_id)
    chosen(qtbot, view, rec_id)
    qtbot.waitUntil(lambda: _status_shown(view) is RecommendationStatus.ANSWERED,
                    timeout=WAIT_MS)  # the list read again after the answer, not before it
    detail = view.detail
    qtbot.waitUntil(lambda: detail.history.rowCount() == 3, timeout=WAIT_MS)
    qtbot.wait(50)  # the layout settles

    texts = [label.text() for label in detail.values]
    assert LONG_CONTENT.strip() in texts and any(text.startswith(LONG_NOTE.strip()) for text in texts)
    for label in detail.values:
        if label.isVisible():
            assert label.height() >= label.heightForWidth(label.width()), label.text()[:40]
    table = detail.history
    assert table.verticalScrollBar().maximum() == 0, "no history row is hidden inside the table"
    for row in range(table.rowCount()):
        assert table.rowHeight(row) >= table.sizeHintForRow(row), f"the step {row + 1} is cut"
    rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
    assert table.viewport().height() >= rows
    assert table.rowHeight(1) > 2 * table.fontMetrics().height(), "the long note wraps onto several lines"

    view.table.model().sort(0, Qt.SortOrder.DescendingOrder)
    model = view.table.model()
    content = next(model.index(row, column) for row in range(model.rowCount()) for column in range(model.columnCount())
                   if model.index(row, column).data() == LONG_CONTENT.strip())
    tip = content.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("<qt>") and "lội suối" in tip, "a long tooltip is rich text, which Qt wraps"



MEDIUM_CONTENT = "Đề nghị cho chuyển mục đích đất vườn sang đất ở theo quy hoạch"
MEDIUM_BODY = "Văn phòng Đăng ký đất đai tỉnh Lạng Sơn"


def test_the_detail_gives_each_wrapped_line_its_room(
    qtbot: QtBot, view: RecommendationsView, context: AppContext, place: Place
) -> None:
    """Texts that wrap onto two lines are shown whole at every width of the pane, the rows of the empty fields hidden
    (the 1366x768 screenshot cut the second line of the content and of the body forwarded to)."""
    rec = edit_now(context, "raise", recommendations.raise_recommendation, place.hamlet_id, RAISED, place.cadre_id,
                          MEDIUM_CONTENT, RecommendationField.LAND, None)
    rec_id = rec.recommendation.id
    edit_now(context, "forward", recommendations.forward_recommendation, rec_id, FORWARDED, MEDIUM_BODY, "")
    view.choose(rec_id)
    chosen(qtbot, view, rec_id)
    shown_rec = view.selected()
    assert shown_rec is not None
    history = context.read(recommendations.history, rec_id)
    wrapped = 0
    for width in range(300, 720, 20):
        detail = RecommendationDetail()
        pane = QScrollArea()
        pane.setWidget(detail)
        pane.setWidgetResizable(True)
        qtbot.addWidget(pane)
        pane.resize(width, 640)
        pane.show()
        detail.show_recommendation(shown_rec, history)
        qtbot.wait(10)  # the layout settles
        for label in detail.values:
            if label.isVisible():
                needed = label.heightForWidth(label.width())
                wrapped += needed > label.fontMetrics().height() * 3 // 2
                assert label.height() >= needed, (width, label.text())
        pane.close()
    assert wrapped, "some widths wrap the texts"


def test_a_recommendation_chosen_while_the_list_is_read_again_stays_chosen(
    qtbot: QtBot, view: RecommendationsView
) -> None:
    qtbot.waitUntil(lambda: len(view.model.rows) >= 2, timeout=WAIT_MS)
    first, second = (view.model.rows[row].recommendation.id for row in (0, 1))
    view.choose(first)
    view.reload()
    view.choose(second)  # the clerk clicks another one while the list is read
    qtbot.waitUntil(lambda: "…" not in view.count.text(), timeout=WAIT_MS)
    assert view.selected_id() == second
