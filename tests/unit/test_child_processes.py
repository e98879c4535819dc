"""Child processes never flash a console window on Windows: every start that may run under the windowed program
goes through grassroots_app.console.run_without_window (CREATE_NO_WINDOW).

In the application every start does; in run.py and packaging/ every start whose output is read does, while the
others (pip, pytest, PyInstaller, makensis, the window and the command line started by run.py) write to the console
of the command the clerk typed, and keep it.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from grassroots_app.paths import ROOT_VARIABLE
from grassroots_app.ui.i18n import compiled_catalog

ROOT = Path(__file__).resolve().parents[2]
HELPER = ROOT / "grassroots_app" / "console.py"
STARTS = {"run", "call", "check_call", "check_output", "Popen", "system", "popen", "startfile"}
OUTPUT_READ = {"capture_output", "stdout", "stderr"}


def starts(path: Path) -> list[ast.Call]:
    """Return the calls of a file that start a process directly (subprocess.run, os.system…)."""
    return [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in STARTS
            and isinstance(node.func.value, ast.Name) and node.func.value.id in {"subprocess", "os"}]


def where(path: Path, call: ast.Call) -> str:
    """Name a call by its file and line."""
    return f"{path.relative_to(ROOT)}:{call.lineno}"


def test_the_application_starts_every_process_without_a_console_window() -> None:
    direct = [where(path, call) for path in sorted((ROOT / "grassroots_app").rglob("*.py")) if path != HELPER
              for call in starts(path)]
    assert direct == []


def test_the_scripts_read_a_childs_output_only_without_a_console_window() -> None:
    scripts = [ROOT / "run.py", *sorted((ROOT / "packaging").glob("*.py"))]
    read = [where(path, call) for path in scripts for call in starts(path)
            if {keyword.arg for keyword in call.keywords} & OUTPUT_READ]
    assert read == []


def test_lrelease_is_started_without_a_console_window(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A source run of the window recompiles a changed catalog: lrelease must not flash a console."""
    shutil.copytree(ROOT / "resources" / "translations", tmp_path / "resources" / "translations",
                    ignore=shutil.ignore_patterns("*.qm"))
    monkeypatch.setenv(ROOT_VARIABLE, str(tmp_path))
    started: list[dict[str, Any]] = []
    monkeypatch.setattr(subprocess, "run", lambda command, **options: started.append(options))
    compiled_catalog("vi")
    assert [options.get("creationflags") for options in started] == [getattr(subprocess, "CREATE_NO_WINDOW", 0)]
