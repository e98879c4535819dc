"""`grassroots-app --self-check` from the source tree, as a separate process: whole, then with a resource gone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from grassroots_app.paths import ROOT_VARIABLE
from grassroots_app.services import self_check as base_checks
from grassroots_app.ui.i18n import compiled_catalog

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("resources", "db")


def self_check(**variables: str) -> subprocess.CompletedProcess[str]:
    """Run the self-check with no display and no Qt platform chosen, and return what it did."""
    environment = {key: value for key, value in os.environ.items() if key not in {"QT_QPA_PLATFORM", "DISPLAY"}}
    return subprocess.run([sys.executable, "-m", "grassroots_app", "--self-check"], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, env={**environment, **variables}, timeout=300)


def test_the_self_check_passes_from_the_source_tree() -> None:
    result = self_check()
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len([line for line in lines if line.startswith("✓")]) == 15
    assert not [line for line in lines if line.startswith("✗")]


@pytest.mark.parametrize("missing", [
    "resources/fonts/LiberationSerif-Bold.ttf",
    "resources/translations/grassroots_vi.ts",
    "resources/icons/grassroots.png",
    "db/env.py",
    "resources/official/units-2025-01-04.csv.gz",
])
def test_a_missing_resource_fails_the_check_and_is_named(tmp_path: Path, missing: str) -> None:
    compiled_catalog("vi")  # the copy holds the compiled catalog, as a build does
    for folder in FOLDERS:
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / missing).unlink()
    result = self_check(**{ROOT_VARIABLE: str(tmp_path)})
    assert result.returncode == 1, result.stdout + result.stderr
    failed = [line for line in result.stdout.splitlines() if line.startswith("✗")]
    assert failed and str(tmp_path / missing) in failed[0], result.stdout  # the first check names it


def test_a_missing_compiled_catalog_is_named_when_it_cannot_be_compiled(tmp_path: Path) -> None:
    for folder in FOLDERS:
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    catalog = tmp_path / "resources" / "translations" / "grassroots_vi.ts"
    catalog.with_suffix(".qm").unlink(missing_ok=True)
    catalog.unlink()
    result = self_check(**{ROOT_VARIABLE: str(tmp_path)})
    assert result.returncode == 1
    assert str(catalog.with_suffix(".qm")) in result.stdout


@pytest.mark.parametrize(("frozen", "mode", "passed"), [(True, 0, False), (True, 1, True), (False, 0, True)])
def test_a_frozen_build_outside_utf8_mode_fails_the_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, frozen: bool, mode: int, passed: bool) -> None:
    """A frozen build ignores PYTHONUTF8: only the spec's option puts it in UTF-8 mode, and the check sees it."""
    monkeypatch.setattr(base_checks, "is_frozen", lambda: frozen)
    monkeypatch.setattr(base_checks, "sys", SimpleNamespace(flags=SimpleNamespace(utf8_mode=mode), stdout=None))
    [result] = base_checks.run_checks([("UTF-8 mode", base_checks.SelfCheck(tmp_path).utf8_mode)])
    assert result.passed is passed, result.detail
    assert "UTF-8" in result.detail
