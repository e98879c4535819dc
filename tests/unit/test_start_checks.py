"""`python3 run.py` on a machine missing the system libraries of Qt's xcb platform: the install command, exit 1."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
REAL_PLUGIN = ROOT / ".venv" / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / \
    "site-packages" / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so"
# Three libraries the xcb plugin really needs, renamed in a copy of it to versions no system ships.
RENAMED = {b"libxcb-cursor.so.0": b"libxcb-cursor.so.9", b"libxcb-icccm.so.4": b"libxcb-icccm.so.9",
           b"libxcb-keysyms.so.1": b"libxcb-keysyms.so.9"}

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("ldd") is None or not REAL_PLUGIN.is_file(),
    reason="the xcb check runs on Linux with ldd and the project's .venv",
)


def load_run() -> ModuleType:
    """Import run.py (it lives beside the package, not in it)."""
    spec = importlib.util.spec_from_file_location("run_under_test", ROOT / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def broken_plugin_folder(tmp_path: Path) -> Path:
    """Return a platform plugin folder whose libqxcb.so is the real one linked against sonames no system has."""
    data = REAL_PLUGIN.read_bytes()
    for old, new in RENAMED.items():
        assert data.count(b"\0" + old + b"\0") == 1, old
        data = data.replace(b"\0" + old + b"\0", b"\0" + new + b"\0")
    folder = tmp_path / "platforms"
    folder.mkdir()
    (folder / "libqxcb.so").write_bytes(data)
    return folder


def start_env(tmp_path: Path, plugins: Path) -> dict[str, str]:
    """Return the environment of a clerk's first start: no platform chosen, Qt's plugins where Qt looks."""
    env = {key: value for key, value in os.environ.items() if key not in {"QT_QPA_PLATFORM", "DISPLAY"}}
    env["QT_QPA_PLATFORM_PLUGIN_PATH"] = str(plugins)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    return env


def start(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the README's start command."""
    return subprocess.run([sys.executable, str(ROOT / "run.py")], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)


def test_missing_xcb_libraries_print_the_install_command_in_vietnamese(tmp_path: Path) -> None:
    """Every missing library is named, with the one apt-get command that installs them all."""
    result = start(start_env(tmp_path, broken_plugin_folder(tmp_path)))
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "sudo apt-get install -y libxcb-cursor9 libxcb-icccm9 libxcb-keysyms9\n" in result.stderr
    assert "máy thiếu các thư viện hệ thống" in result.stderr
    assert "libxcb-cursor.so.9, libxcb-icccm.so.9, libxcb-keysyms.so.9" in result.stderr
    assert "Traceback" not in output


def test_the_message_follows_the_language_chosen_in_the_window(tmp_path: Path) -> None:
    """A clerk who switched the window to English reads the message in English."""
    settings = tmp_path / "config" / "Grassroots" / "grassroots.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[General]\nlanguage=en\nsettings_version=1\n", encoding="utf-8")
    result = start(start_env(tmp_path, broken_plugin_folder(tmp_path)))
    assert result.returncode == 1
    assert "this machine lacks system libraries" in result.stderr
    assert "sudo apt-get install -y libxcb-cursor9 libxcb-icccm9 libxcb-keysyms9\n" in result.stderr


@pytest.mark.parametrize("platform", ["offscreen", "wayland", "minimal"])
def test_no_check_when_qt_uses_another_platform(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                platform: str) -> None:
    """The xcb libraries matter only to the xcb platform."""
    run = load_run()
    monkeypatch.setenv("QT_QPA_PLATFORM_PLUGIN_PATH", str(broken_plugin_folder(tmp_path)))
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert not run.check_xcb()
    monkeypatch.setenv("QT_QPA_PLATFORM", platform)
    assert run.check_xcb()


def test_no_check_without_ldd_or_off_linux(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without ldd (or on Windows and macOS) Qt is left to say what it lacks."""
    run = load_run()
    monkeypatch.setenv("QT_QPA_PLATFORM_PLUGIN_PATH", str(broken_plugin_folder(tmp_path)))
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(run.sys, "platform", "win32")
    assert run.check_xcb()
    monkeypatch.setattr(run.sys, "platform", "linux")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert run.check_xcb()


def test_the_real_plugin_lacks_nothing_here() -> None:
    """On this machine (the xcb libraries installed) the check passes."""
    assert load_run().missing_sonames([REAL_PLUGIN]) == []


@pytest.mark.parametrize(("soname", "package"), [
    ("libxcb-cursor.so.0", "libxcb-cursor0"), ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"), ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"), ("libEGL.so.1", "libegl1"), ("libGL.so.1", "libgl1"),
    ("libfontconfig.so.1", "libfontconfig1"), ("libdbus-1.so.3", "libdbus-1-3"),
    ("libglib-2.0.so.0", "libglib2.0-0"), ("libX11-xcb.so.1", "libx11-xcb1"),
])
def test_packages_of_the_libraries_qt_needs(soname: str, package: str) -> None:
    """The Debian/Ubuntu package names of the libraries Qt's xcb platform needs."""
    assert load_run().package_of(soname) == package
