"""Groups and hamlets are printed with the path that tells them apart ("… / Bản Nà Pò / Tổ 1", never a bare
"Tổ 1"): the base-day plan view, its month plan PDF, and the report's annex 3 (meetings and visits per cadre),
also for units added in the middle of the quarter."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from pytestqt.qtbot import QtBot

from grassroots_app.services import plans
from grassroots_app.ui.calendar.calendar_export import write_month_plan_pdf
from grassroots_app.ui.calendar.plan_view import PlanView
from grassroots_app.ui.context import AppContext
from tests.cli.support import Cli
from tests.ui.conftest import _context
from tests.ui.support import edit_now

PROVINCE = "Tỉnh Cao Bằng"
COMMUNES = ("Xã Hòa An", "Xã Nguyên Bình")
HAMLETS = [f"{commune} / Bản 1" for commune in COMMUNES]
GROUPS = [f"{hamlet} / Tổ 1" for hamlet in HAMLETS]


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """Two communes of a cluster, each with a 'Bản 1' holding a 'Tổ 1', the hamlets and groups added on
    05/08/2026, in the middle of the third quarter; one cadre in charge of both hamlets, one of both groups."""
    cli = Cli(tmp_path / "cao-bang.sqlite")
    commands: list[tuple[str, ...]] = [
        ("init", "--model", "two-level"),
        ("units", "add", PROVINCE, "--from", "2025-07-01"),
        ("clusters", "add", "Cụm 1", "--under", PROVINCE, "--from", "2025-07-01"),
        ("cadres", "add", "Nông Văn Dũng", "--tier", "commune", "--party-member"),
        ("cadres", "add", "Hoàng Thị Mai", "--tier", "commune"),
    ]
    for commune in COMMUNES:
        commands += [
            ("units", "add", commune, "--parent", PROVINCE, "--from", "2025-07-01"),
            ("clusters", "members", "Cụm 1", "--add", f"{PROVINCE} / {commune}", "--on", "2025-07-01"),
            ("units", "add", "Bản 1", "--parent", f"{PROVINCE} / {commune}", "--from", "2026-08-05"),
            ("units", "add", "Tổ 1", "--parent", f"{PROVINCE} / {commune} / Bản 1", "--from", "2026-08-05"),
            ("assign", "Hoàng Thị Mai", f"{PROVINCE} / {commune} / Bản 1", "--from", "2026-08-05"),
            ("assign", "Nông Văn Dũng", f"{PROVINCE} / {commune} / Bản 1 / Tổ 1", "--from", "2026-08-05"),
        ]
    for command in commands:
        result = cli(*command)
        assert result.code == 0, (command, result.err)
    return cli


@pytest.fixture
def context(qapp: object, cli: Cli, tmp_path: Path) -> Iterator[AppContext]:
    """The window's context on that database, in Vietnamese."""
    opened = _context(cli.db, tmp_path)
    opened.language.apply("vi")
    yield opened
    opened.close()


def pdf_words(path: Path) -> str:
    """Return the text of a PDF with every run of white space (line breaks in table cells) made one space."""
    text = "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_the_plan_view_shows_each_group_with_its_hamlet_and_commune(context: AppContext, qtbot: QtBot) -> None:
    edit_now(context, "plan", plans.save_proposal, 2026, 3)
    view = PlanView(context)
    qtbot.addWidget(view)
    view.year.setValue(2026)
    view.quarter.setCurrentIndex(2)
    view.show_plan(context.read(plans.quarter_plan, 2026, 3))
    model = view.visits_model
    shown = {model.index(row, 2).data() for row in range(model.rowCount())}
    assert shown == {f"{PROVINCE} / {place}" for place in [*HAMLETS, *GROUPS]}
    unvisited = {view.unvisited.item(row, 0).text() for row in range(view.unvisited.rowCount())}
    assert "Tổ 1" not in unvisited and all(" / " in path for path in unvisited)


def test_the_month_plan_pdf_prints_each_group_with_its_path(context: AppContext, tmp_path: Path) -> None:
    edit_now(context, "plan", plans.save_proposal, 2026, 3)
    path = tmp_path / "ke-hoach-thang-08-2026.pdf"
    write_month_plan_pdf(context, 2026, 8, path)
    text = pdf_words(path)
    for place in [*HAMLETS, *GROUPS]:
        assert place in text, text


def test_the_report_annex_of_meetings_and_visits_names_each_group_with_its_path(cli: Cli, tmp_path: Path) -> None:
    pdf = tmp_path / "bao-cao.pdf"
    written = cli("report", "cluster", "--cluster", "Cụm 1", "--quarter", "2026-Q3", "--out", str(pdf),
                  "--on", "2026-10-05")
    assert written.code == 0, written.err
    text = pdf_words(pdf)
    annex = text[text.index("DỰ SINH HOẠT, TIẾP XÚC CƠ SỞ"):text.index("Phụ lục 4")]
    row = annex[annex.index("Hoàng Thị Mai"):]
    assert re.sub(r"\s+", "", "; ".join(HAMLETS)) in re.sub(r"\s+", "", row), row
