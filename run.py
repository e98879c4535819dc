"""Set up the project's environment when needed, then start the application or run the tests.

    python3 run.py            start Grassroots
    python3 run.py test [...] run the whole test suite (extra arguments go to pytest)
    python3 run.py cli  [...] run the `grassroots` command line

Only the standard library is used here: this file must work on a bare Python 3.11+.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".grassroots-stamp"


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
        print("Creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    print("Installing the pinned dependencies …", flush=True)
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-r", str(LOCK)], check=True)
    subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True)
    STAMP.write_text(stamp)
    return python


def main(argv: list[str]) -> int:
    """Dispatch to the application, the tests or the command line."""
    command, rest = (argv[0], argv[1:]) if argv else ("app", [])
    python = str(ensure_environment())
    compile_translations = "from grassroots_app.ui.i18n import compiled_catalog; compiled_catalog('vi')"
    subprocess.run([python, "-c", compile_translations], check=True, cwd=ROOT)
    if command == "test":
        return subprocess.call([python, "-m", "pytest", *rest], cwd=ROOT)
    if command == "cli":
        return subprocess.call([python, "-m", "grassroots_app.cli", *rest])
    if command == "app":
        return subprocess.call([python, "-m", "grassroots_app", *rest])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
