"""Set up the project's environment when needed, then start the application or run the tests.

    python3 run.py            start Grassroots
    python3 run.py test [...] run the whole test suite, one process per core up to four (arguments go to pytest
                              instead: then in one process unless they ask for more, e.g. `-n 2`); on Linux
                              it installs PostgreSQL's server from the OS packages first when it is missing
    python3 run.py cli  [...] run the `grassroots` command line

Only the standard library is used here: this file must work on a bare Python 3.11+.
"""

from __future__ import annotations

import configparser
import hashlib
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

from grassroots_app.console import run_without_window, utf8_streams  # standard library only, like this file
from tools.pg_server import server_binaries  # standard library only too

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".grassroots-stamp"
WINDOWS_ERRORS = 0xC0000000  # the exit status of a Windows program ended by an exception (NTSTATUS errors)
SUITE_PROCESSES = 4  # at most, for the whole suite: one per core
XCB_PLUGIN = "libqxcb.so"
XCB_INTEGRATION = "libQt6XcbQpa.so*"

# The Debian/Ubuntu package of each system library Qt's xcb platform needs (others: Debian's naming rule).
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-util.so.1": "libxcb-util1", "libxcb-shm.so.0": "libxcb-shm0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-glx.so.0": "libxcb-glx0", "libxcb.so.1": "libxcb1", "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6", "libSM.so.6": "libsm6", "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0", "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3", "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
}

# run.py cannot use the application's catalog (nothing is installed yet): its few messages are here.
MESSAGES = {
    "creating": {
        "vi": "Đang tạo môi trường ảo trong .venv …",
        "en": "Creating the virtual environment in .venv …",
    },
    "installing": {
        "vi": "Đang cài các thư viện đã ghim phiên bản …",
        "en": "Installing the pinned dependencies …",
    },
    "crashed": {
        "vi": "Grassroots đã dừng đột ngột ({cause}). Chi tiết có trong tệp nhật ký:\n{log}",
        "en": "Grassroots stopped unexpectedly ({cause}). The details are in the log file:\n{log}",
    },
    "signal": {"vi": "tín hiệu {number}", "en": "signal {number}"},
    "exception": {"vi": "mã lỗi {code}", "en": "error code {code}"},
    "missing": {
        "vi": "Grassroots chưa thể mở cửa sổ: máy thiếu các thư viện hệ thống mà Qt cần để hiển thị trên X11 "
              "({libraries}).\nHãy cài chúng bằng lệnh sau rồi chạy lại:\n\n    {command}\n",
        "en": "Grassroots cannot open its window: this machine lacks system libraries that Qt needs to show "
              "on X11 ({libraries}).\nInstall them with this command, then start again:\n\n    {command}\n",
    },
}


def venv_python() -> Path:
    """Return the interpreter inside the project's virtual environment."""
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def wanted_stamp() -> str:
    """Return a digest of everything that decides what the environment must hold."""
    digest = hashlib.sha256()
    for path in (LOCK, ROOT / "pyproject.toml"):
        digest.update(path.read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def ensure_environment() -> Path:
    """Create or refresh the virtual environment when the pinned requirements changed."""
    python = venv_python()
    stamp = wanted_stamp()
    if python.exists() and STAMP.exists() and STAMP.read_text() == stamp:
        return python
    if not python.exists():
        print(message("creating"), flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    print(message("installing"), flush=True)
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-r", str(LOCK)], check=True)
    subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True)
    STAMP.write_text(stamp)
    return python


def user_language() -> str:
    """Return the language the window was last set to (grassroots.ini), Vietnamese by default."""
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(config / "Grassroots" / "grassroots.ini", encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return "vi"
    language = parser.get("General", "language", fallback="vi")
    return language if language in {"vi", "en"} else "vi"


def message(key: str, **values: str) -> str:
    """Return one of run.py's messages in the user's language."""
    return MESSAGES[key][user_language()].format(**values)


def needs_xcb_check() -> bool:
    """Return whether Qt will use its xcb platform here: on Linux, unless QT_QPA_PLATFORM names another one."""
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    return not platform or re.split(r"[;:]", platform)[0] == "xcb"


def xcb_libraries() -> list[Path]:
    """Return Qt's xcb platform plugin (where Qt will look for it) and the xcb integration library it loads."""
    plugin_folder = os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH")
    qt_folders = sorted(VENV.glob("lib/python3*/site-packages/PySide6/Qt"))
    plugins = [Path(plugin_folder) / XCB_PLUGIN] if plugin_folder else [
        folder / "plugins" / "platforms" / XCB_PLUGIN for folder in qt_folders]
    integration = [path for folder in qt_folders for path in sorted((folder / "lib").glob(XCB_INTEGRATION))]
    return [path for path in (*plugins, *integration) if path.is_file()]


def missing_sonames(libraries: list[Path]) -> list[str]:
    """Return the system libraries that ldd reports "not found" for the given ones (Qt's own left to Qt)."""
    found: set[str] = set()
    for library in libraries:
        listing = run_without_window(["ldd", str(library)], capture_output=True, text=True, check=False).stdout
        found.update(re.findall(r"^\s*(\S+)\s+=>\s+not found", listing, flags=re.MULTILINE))
    return sorted(name for name in found if not name.startswith("libQt6"))


def package_of(soname: str) -> str:
    """Return the Debian/Ubuntu package that ships a library (libfoo.so.1 is in libfoo1, libfoo2.so.1 in libfoo2-1)."""
    if soname in PACKAGES:
        return PACKAGES[soname]
    name, _so, version = soname.partition(".so.")
    name = name.lower()
    return f"{name}-{version}" if name[-1:].isdigit() else f"{name}{version}"


def check_xcb() -> bool:
    """Say which packages to install when Qt's xcb platform lacks system libraries; return whether all is there."""
    missing = missing_sonames(xcb_libraries()) if needs_xcb_check() else []
    if not missing:
        return True
    packages = sorted({package_of(name) for name in missing})
    command = "sudo apt-get install -y " + " ".join(packages)
    print(message("missing", libraries=", ".join(missing), command=command), file=sys.stderr)
    return False


def crash_cause(status: int) -> str | None:
    """Return what ended a crashed program (a signal; on Windows an exception's code), or None when it exited."""
    if status < 0:
        return message("signal", number=str(-status))
    if os.name == "nt" and status >= WINDOWS_ERRORS:
        return message("exception", code=f"0x{status:08X}")
    return None


def said_if_crashed(python: str, status: int) -> int:
    """Name the log when the window crashed (its trace is written there); return the status as the shell gives it."""
    cause = crash_cause(status)
    if cause is None:
        return status
    where = [python, "-X", "utf8", "-c", "from grassroots_app.applog import log_path; print(log_path())"]
    log = run_without_window(where, capture_output=True, encoding="utf-8", check=False).stdout.strip()
    print(message("crashed", cause=cause, log=log), file=sys.stderr)
    return 128 - status if status < 0 else status - 2**32  # sys.exit takes a signed 32-bit status on Windows


def whole_suite() -> list[str]:
    """Return pytest's options for the whole suite: spread over the cores (pytest-xdist), at most SUITE_PROCESSES."""
    return ["-n", str(min(os.cpu_count() or 1, SUITE_PROCESSES))]


def main(argv: list[str]) -> int:
    """Dispatch to the application, the tests or the command line."""
    utf8_streams()
    command, rest = (argv[0], argv[1:]) if argv else ("app", [])
    python = str(ensure_environment())
    if command == "app" and not check_xcb():
        return 1
    compile_translations = "from grassroots_app.ui.i18n import compiled_catalog; compiled_catalog('vi')"
    subprocess.run([python, "-c", compile_translations], check=True, cwd=ROOT)
    if command == "test":
        if os.name != "nt":  # the suites run on PostgreSQL too: its server, from the OS packages, installed once here
            server_binaries()
        return subprocess.call([python, "-m", "pytest", *(rest or whole_suite())], cwd=ROOT)
    if command == "cli":
        return subprocess.call([python, "-m", "grassroots_app.cli", *rest])
    if command == "app":
        return said_if_crashed(python, subprocess.call([python, "-m", "grassroots_app", *rest]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
