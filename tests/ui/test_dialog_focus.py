"""Every dialog of the window opens with the cursor in its first field, never on OK (typed text lost, Space pressing OK)."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

import grassroots_app.ui
from grassroots_app.demo.build import DEMO_DATE
from grassroots_app.domain.activities import ActivityFilter
from grassroots_app.domain.calendar import MeetingCategory
from grassroots_app.domain.meetings import Meeting
from grassroots_app.domain.model import Cluster, Level, Tier, Unit
from grassroots_app.domain.recommendations import RecommendationFilter, RecommendationStatus
from grassroots_app.persistence.uow import UnitOfWork
from grassroots_app.services import activities, assignments, browse, cadres, clusters, meetings, recommendations
from grassroots_app.ui.calendar.calendar_export import IcsExportDialog
from grassroots_app.ui.calendar.meeting_dialog import MeetingDialog
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.fieldlog.activity_form import UnitChoiceDialog
from grassroots_app.ui.fieldlog.activity_list import EditActivityDialog
from grassroots_app.ui.fieldlog.recommendation_dialogs import RecommendationDialog, StepDialog
from grassroots_app.ui.files.import_dialog import ImportDialog
from grassroots_app.ui.files.official_import import OfficialImportDialog
from grassroots_app.ui.files.restore_dialog import RestoreDialog
from grassroots_app.ui.first_run import FirstRunDialog
from grassroots_app.ui.server.connect_dialog import ConnectDialog
from grassroots_app.ui.server.history_dialog import ChangeHistoryDialog
from grassroots_app.ui.shared.widgets import Dialog, EditDialog
from grassroots_app.ui.units.assign_dialog import AssignDialog, EditAssignmentDialog, EndAssignmentDialog
from grassroots_app.ui.units.cadre_dialog import CadreDialog
from grassroots_app.ui.units.cluster_dialogs import (
    CloseClusterDialog,
    ClusterCommunesDialog,
    NewClusterDialog,
    RenameClusterDialog,
)
from grassroots_app.ui.units.local_rules_dialog import LocalRulesDialog
from grassroots_app.ui.units.unit_dialogs import AddUnitDialog, CloseUnitDialog, MergeUnitDialog, MoveUnitDialog
from grassroots_app.ui.units.unit_panel import CadrePickerDialog
from tests.ui.support import WAIT_MS, edit_now, type_text

ABSTRACT = {Dialog, EditDialog}  # bases only: never opened as such


@dataclass(frozen=True)
class Scene:
    """The records the dialogs are opened on, read from the demo database."""

    context: AppContext
    commune: Unit
    hamlet: Unit
    cadre_id: str
    tmp_path: Path
    made: dict[str, str] = field(default_factory=dict)  # records made for the dialogs, made once


def _unit(uow: UnitOfWork, unit_id: str) -> Unit:
    return uow.units.get(unit_id)


@pytest.fixture
def scene(context: AppContext, tmp_path: Path) -> Scene:
    """The demo's first commune, one of its hamlets and a commune cadre in charge of nothing."""
    province = context.read(browse.children, None, DEMO_DATE)[0]
    commune = next(row for row in context.read(browse.children, province.id, DEMO_DATE) if row.level is Level.COMMUNE)
    hamlet = context.read(browse.children, commune.id, DEMO_DATE)[0]
    cadre = next(c for c in context.read(cadres.find_cadres, "", 500) if c.tier is Tier.COMMUNE)
    return Scene(context, context.read(_unit, commune.id), context.read(_unit, hamlet.id), cadre.id, tmp_path)


def _an_assignment(scene: Scene) -> str:
    """Return the id of an assignment of the scene's cadre to the hamlet, made for the test."""
    if "assignment" not in scene.made:
        new = assignments.NewAssignment(cadre_id=scene.cadre_id, target_id=scene.hamlet.id, start=date(2026, 1, 5),
                                        role="Cán bộ xã phụ trách thôn, tổ dân phố")
        scene.made["assignment"] = edit_now(scene.context, "assign", assignments.assign, new).id
    return scene.made["assignment"]


def _a_recommendation(scene: Scene) -> recommendations.RecommendationView:
    return scene.context.read(recommendations.list_recommendations, RecommendationFilter())[0]


def _an_activity(scene: Scene) -> activities.ActivityView:
    return scene.context.read(activities.list_activities, ActivityFilter(), 1)[0]


def _a_meeting(scene: Scene) -> str:
    """Return the id of a meeting made for the test (on a Tuesday morning)."""
    meeting = Meeting(id="", title="Họp giao ban", start=datetime(2026, 10, 6, 8), duration_minutes=90,
                      category=MeetingCategory.COMMITTEE)
    return edit_now(scene.context, "meet", meetings.add_meeting, meeting).meeting.id


def _a_cluster(scene: Scene) -> Cluster:
    cluster_id = scene.context.read(browse.all_clusters, DEMO_DATE)[0][0]
    return scene.context.read(clusters.get_cluster, cluster_id)


def _a_sheet(scene: Scene) -> Path:
    from openpyxl import Workbook  # noqa: PLC0415 - only this dialog reads spreadsheets

    book = Workbook()
    book.active.append(["Đơn vị cấp trên", "Tên đơn vị", "Cấp", "Từ ngày"])
    path = scene.tmp_path / "thon.xlsx"
    book.save(path)
    return path


@dataclass(frozen=True)
class Case:
    """A dialog opened as the window opens it, and the field the cursor must be in."""

    kind: type[QDialog]
    open: Callable[[Scene], QDialog]
    first: Callable[[QDialog], QWidget]


CASES = {
    "add unit": Case(AddUnitDialog, lambda s: AddUnitDialog(s.context, s.commune.id), lambda d: d.name),
    "move unit": Case(MoveUnitDialog, lambda s: MoveUnitDialog(s.context, s.hamlet), lambda d: d.picker.search.edit),
    "close unit": Case(CloseUnitDialog, lambda s: CloseUnitDialog(s.context, s.hamlet), lambda d: d.on),
    "merge unit": Case(MergeUnitDialog, lambda s: MergeUnitDialog(s.context, s.hamlet),
                       lambda d: d.picker.search.edit),
    "cadre picker": Case(CadrePickerDialog, lambda s: CadrePickerDialog(s.context), lambda d: d.filter),
    "assign": Case(AssignDialog, lambda s: AssignDialog(s.context, s.cadre_id, s.hamlet.id), lambda d: d.role),
    "end assignment": Case(EndAssignmentDialog, lambda s: EndAssignmentDialog(s.context, _an_assignment(s)),
                           lambda d: d.end),
    "add cadre": Case(CadreDialog, lambda s: CadreDialog(s.context), lambda d: d.full_name),
    "edit cadre": Case(CadreDialog, lambda s: CadreDialog(s.context, s.context.read(cadres.get_cadre, s.cadre_id)),
                       lambda d: d.full_name),
    "raise recommendation": Case(RecommendationDialog, lambda s: RecommendationDialog(s.context),
                                 lambda d: d.unit.search.edit),
    "edit recommendation": Case(RecommendationDialog, lambda s: RecommendationDialog(s.context, _a_recommendation(s)),
                                lambda d: d.content),
    "forward recommendation": Case(StepDialog, lambda s: StepDialog(s.context, _a_recommendation(s),
                                                                    RecommendationStatus.FORWARDED),
                                   lambda d: d.text),
    "resolve recommendation": Case(StepDialog, lambda s: StepDialog(s.context, _a_recommendation(s),
                                                                    RecommendationStatus.RESOLVED),
                                   lambda d: d.on),
    "edit activity": Case(EditActivityDialog, lambda s: EditActivityDialog(s.context, _an_activity(s)),
                          lambda d: d.fields.cadre),
    "add meeting": Case(MeetingDialog, lambda s: MeetingDialog(s.context, DEMO_DATE), lambda d: d.title),
    "edit meeting": Case(MeetingDialog, lambda s: MeetingDialog(s.context, meeting_id=_a_meeting(s)),
                         lambda d: d.title),
    "restore": Case(RestoreDialog, lambda s: RestoreDialog(s.context, []), lambda d: d.table),
    "export ics": Case(IcsExportDialog, lambda s: IcsExportDialog(s.context, 2026), lambda d: d.start),
    "choose unit": Case(UnitChoiceDialog, lambda s: UnitChoiceDialog(s.context), lambda d: d.search.edit),
    "first run": Case(FirstRunDialog, lambda s: FirstRunDialog(s.context), lambda d: d.new_choice),
    "import": Case(ImportDialog, lambda s: ImportDialog(s.context, _a_sheet(s)), lambda d: d.filter),
    "edit assignment": Case(EditAssignmentDialog, lambda s: EditAssignmentDialog(s.context, _an_assignment(s)),
                            lambda d: d.start),
    "new cluster": Case(NewClusterDialog, lambda s: NewClusterDialog(s.context, s.commune.parent_id or ""),
                        lambda d: d.name),
    "rename cluster": Case(RenameClusterDialog, lambda s: RenameClusterDialog(s.context, _a_cluster(s)),
                           lambda d: d.name),
    "add communes": Case(ClusterCommunesDialog, lambda s: ClusterCommunesDialog(s.context, _a_cluster(s), True),
                         lambda d: d.filter),
    "close cluster": Case(CloseClusterDialog, lambda s: CloseClusterDialog(s.context, _a_cluster(s)), lambda d: d.on),
    "official import": Case(OfficialImportDialog, lambda s: OfficialImportDialog(s.context),
                            lambda d: d.picker.province),
    "settings": Case(LocalRulesDialog, lambda s: LocalRulesDialog(s.context), lambda d: d.tenure),
    "connect": Case(ConnectDialog, lambda s: ConnectDialog(s.context, None), lambda d: d.host),
    "history": Case(ChangeHistoryDialog, lambda s: ChangeHistoryDialog(s.context, s.hamlet.name, under=s.hamlet.id),
                    lambda d: d.table),
}


def _dialog_classes() -> set[type[QDialog]]:
    """Return every QDialog subclass the window's modules define (each module imported first)."""
    for module in pkgutil.walk_packages(grassroots_app.ui.__path__, "grassroots_app.ui."):
        importlib.import_module(module.name)
    found: set[type[QDialog]] = set()
    waiting = list(QDialog.__subclasses__())
    while waiting:
        kind = waiting.pop()
        waiting.extend(kind.__subclasses__())
        if kind.__module__.startswith("grassroots_app."):
            found.add(kind)
    return found


def test_every_dialog_class_is_walked() -> None:
    assert _dialog_classes() - ABSTRACT == {case.kind for case in CASES.values()}


def _opened(qtbot: QtBot, dialog: QDialog) -> QDialog:
    """Show a dialog as exec() does and wait until it has the keyboard."""
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    return dialog


@pytest.mark.parametrize("name", CASES)
def test_the_dialog_opens_in_its_first_field(name: str, scene: Scene, qtbot: QtBot) -> None:
    case = CASES[name]
    dialog = _opened(qtbot, case.open(scene))
    expected = case.first(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=WAIT_MS)
    focused = QApplication.focusWidget()
    assert focused is expected or focused.focusProxy() is expected or expected.isAncestorOf(focused), (
        f"{name}: focus on {type(focused).__name__} {focused.objectName()!r}")


def test_typing_in_add_unit_goes_into_the_name(scene: Scene, qtbot: QtBot) -> None:
    dialog = _opened(qtbot, AddUnitDialog(scene.context, scene.commune.id))
    type_text(qtbot, QApplication.focusWidget(), "Thon Moi")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert dialog.isVisible() and dialog.name.text() == "Thon Moi "
