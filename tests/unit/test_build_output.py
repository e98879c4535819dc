"""run.py and packaging/build.py print Vietnamese through any pipe (a Windows pipe is cp1252) in UTF-8."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.cli.support import cp1252_environment

ROOT = Path(__file__).resolve().parents[2]

# build.py with the frozen program stood in for: each run prints what the real self-check and command line print.
CHILD = """
import importlib.util, subprocess, sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("build", sys.argv[1])
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)
dist = Path(sys.argv[2])
font = dist / "Grassroots" / "_internal" / "resources" / "fonts" / "LiberationSerif-Bold.ttf"

def frozen(command, **options):
    if font.exists():
        return subprocess.CompletedProcess(command, 0, "✓ Phông chữ báo cáo: 4 kiểu của Liberation Serif\\n", "")
    return subprocess.CompletedProcess(command, 1, f"✗ Tệp đi kèm: thiếu: {font}\\n", "")

build.run.ensure_environment = lambda: Path(sys.executable)
build.subprocess.run = frozen
sys.exit(build.main(["--no-build", "--dist", str(dist)]))
"""


def test_build_prints_the_frozen_programs_vietnamese_output_in_utf8(tmp_path: Path) -> None:
    dist = tmp_path / "bản dựng"
    font = dist / "Grassroots" / "_internal" / "resources" / "fonts" / "LiberationSerif-Bold.ttf"
    font.parent.mkdir(parents=True)
    font.write_bytes(b"font")
    for name in ("LICENSE.txt", "THIRD-PARTY-NOTICES.txt", "SOURCE-CODE.zip"):  # build.py checks the build has them
        (dist / "Grassroots" / name).write_text("licence", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", CHILD, str(ROOT / "packaging" / "build.py"), str(dist)],
                          capture_output=True, env=cp1252_environment(), timeout=120)
    output = done.stdout.decode("utf-8")
    assert done.returncode == 0, output + done.stderr.decode("utf-8", "replace")
    assert "✓ Phông chữ báo cáo: 4 kiểu của Liberation Serif" in output
    assert f"✗ Tệp đi kèm: thiếu: {font}" in output and "$ grassroots units import-official --province Lai Châu" in output


def test_the_messages_get_through_a_stream_that_cannot_write_vietnamese(tmp_path: Path) -> None:
    """On Windows a pipe or a file is cp1252: run.py's Vietnamese progress lines on standard output are written in
    UTF-8 all the same, never a UnicodeEncodeError."""
    script = ("import importlib.util, sys; spec = importlib.util.spec_from_file_location('r', sys.argv[1]); "
              "run = importlib.util.module_from_spec(spec); spec.loader.exec_module(run); "
              "run.utf8_streams(); print(run.message('creating')); print(run.message('installing'))")
    env = {**cp1252_environment(), "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", script, str(ROOT / "run.py")], env=env, capture_output=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8").splitlines() == ["Đang tạo môi trường ảo trong .venv …",
                                                          "Đang cài các thư viện đã ghim phiên bản …"]
    assert b"Traceback" not in result.stderr
