"""The PyInstaller build, made and checked as packaging/build.py does it on a clerk's machine (about 1.5 minutes)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.build
def test_the_frozen_build_passes_its_self_check_and_fails_without_a_font(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(tmp_path / "dist"),
         "--work", str(tmp_path / "work")],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=900,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert output.count("✓ ") == 15 and "LiberationSerif-Bold.ttf: exit 1" in output
