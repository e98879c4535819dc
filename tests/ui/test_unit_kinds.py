"""The Add unit dialog offers every hamlet kind and starts on the kind its commune or its region uses."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from grassroots_app.domain.model import Preset, Unit
from grassroots_app.persistence.database import Database
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import setup, units
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.errors import ErrorReporter
from grassroots_app.ui.settings import WindowSettings
from grassroots_app.ui.units.unit_dialogs import AddUnitDialog
from tests.ui.support import WORKERS, ScriptedPrompter, type_text

START = date(2025, 7, 1)


@pytest.fixture
def cao_bang(qapp: object, tmp_path: Path) -> Iterator[AppContext]:
    """A context on a new two-level database holding Cao Bằng with a commune and a ward."""
    database = Database.open(str(tmp_path / "cb.sqlite"), backup=False)
    with UnitOfWork(database) as uow:
        setup.init_database(uow, Preset.TWO_LEVEL)
    context = AppContext(database=database, workers=WORKERS, settings=WindowSettings(tmp_path / "settings.ini"),
                         errors=ErrorReporter(tmp_path / "grassroots.log", show_dialogs=False),
                         prompter=ScriptedPrompter(), back_up=False)
    context.language.apply("vi")
    yield context
    context.close()


def add(context: AppContext, name: str, parent: Unit | None = None, kind: str | None = None) -> Unit:
    """Add a unit through the use case."""
    return context.read(lambda uow: units.add_unit(uow, units.NewUnit(name, parent.id if parent else None, START, kind)))


def test_the_kind_starts_on_thon_in_a_northern_commune_and_reads_xom_from_the_name(
    qtbot: QtBot, cao_bang: AppContext
) -> None:
    province = add(cao_bang, "Tỉnh Cao Bằng")
    commune = add(cao_bang, "Xã Quảng Uyên", province)
    dialog = AddUnitDialog(cao_bang, commune.id)
    qtbot.addWidget(dialog)
    kinds = [dialog.kind.itemText(index) for index in range(dialog.kind.count())]
    assert {"xóm", "khu", "khu dân cư", "plei", "thôn", "bản", "ấp"} <= set(kinds)
    assert dialog.kind.currentText() == "thôn"
    type_text(qtbot, dialog.name, "Xóm Nà Cạn")
    assert dialog.kind.currentText() == "xóm"
    dialog.name.clear()
    type_text(qtbot, dialog.name, "Nà Cạn")
    assert dialog.kind.currentText() == "thôn"


def test_the_kind_follows_the_siblings_then_the_ward(qtbot: QtBot, cao_bang: AppContext) -> None:
    province = add(cao_bang, "Tỉnh Cao Bằng")
    commune = add(cao_bang, "Xã Quảng Uyên", province)
    ward = add(cao_bang, "Phường Thục Phán", province)
    add(cao_bang, "Bản Giốc", commune, "bản")
    add(cao_bang, "Bản Nưa", commune, "bản")
    add(cao_bang, "Nà Cạn", commune, "thôn")
    dialog = AddUnitDialog(cao_bang, commune.id)
    qtbot.addWidget(dialog)
    assert dialog.kind.currentText() == "bản"
    in_ward = AddUnitDialog(cao_bang, ward.id)
    qtbot.addWidget(in_ward)
    assert in_ward.kind.currentText() == "tổ dân phố"
