"""Heavy reads run in worker processes: same results as in the window's process, errors intact."""

from __future__ import annotations

import multiprocessing
import tempfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from grassroots_app.domain.errors import NotFound
from grassroots_app.services import browse
from grassroots_app.services.cadres import get_cadre
from grassroots_app.services.roster import roster
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.main_window import MainWindow
from grassroots_app.ui.tasks import read_in_worker


def _leftovers() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("grassroots-read-*.pickle"))


def test_a_worker_read_equals_the_same_read_here_and_leaves_no_file(context: AppContext) -> None:
    before = _leftovers()
    for query in (roster, browse.tree_marks):
        assert read_in_worker(context.database.url, query, context.as_of) == context.read(query, context.as_of)
    assert _leftovers() == before


def test_a_refusal_in_the_worker_arrives_as_the_same_domain_error(context: AppContext) -> None:
    with pytest.raises(NotFound) as raised:
        read_in_worker(context.database.url, get_cadre, "no-such-cadre")
    assert raised.value.params == {"id": "no-such-cadre"}


def test_reads_go_on_after_the_workers_were_killed(context: AppContext) -> None:
    expected = context.read(browse.tree_marks, context.as_of)
    assert read_in_worker(context.database.url, browse.tree_marks, context.as_of) == expected
    workers = multiprocessing.active_children()
    assert workers
    for worker in workers:
        worker.kill()
        worker.join()
    assert read_in_worker(context.database.url, browse.tree_marks, context.as_of) == expected


def test_the_window_shows_marks_counted_in_a_worker(context: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.compute_marks()
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=30_000)
    expected = context.read(browse.tree_marks, context.as_of)
    assert window.tree.model.marks == expected.by_target


def test_a_cancelled_worker_read_calls_nobody_back(context: AppContext, qtbot: QtBot) -> None:
    answers: list[object] = []
    progress = context.tasks.read(context.database.url, browse.tree_marks, (context.as_of,), answers.append,
                                  answers.append)
    progress.cancel()
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=30_000)
    qtbot.wait(50)
    assert answers == []
