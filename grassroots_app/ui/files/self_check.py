"""`grassroots-app --self-check`: check the installation without showing a window; exit 0 when all is well.

Qt runs on its offscreen platform unless QT_QPA_PLATFORM names another, so the check needs no display.
The outcome goes to standard output; a windowed build started without one writes it to the log folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication

from grassroots_app import __version__
from grassroots_app.applog import log_path
from grassroots_app.domain.errors import N_
from grassroots_app.i18n import CONTEXT
from grassroots_app.paths import APP_NAME, app_icon
from grassroots_app.services import credentials, files
from grassroots_app.services.self_check import KNOWN_MESSAGE, Check, CheckResult, SelfCheck, run_checks, tr
from grassroots_app.services.setup import require_settings
from grassroots_app.ui.i18n import LanguageSwitcher
from grassroots_app.ui.tasks import WorkerPool

PLATFORM_VARIABLE = "QT_QPA_PLATFORM"
NATIVE_PLATFORM_PLUGINS = {"win32": "qwindows.dll", "darwin": "libqcocoa.dylib", "linux": "libqxcb.so"}
REPORT_FILE = "self-check.txt"
PASSED, FAILED = "✓", "✗"


class QtChecks:
    """The checks of what the window needs: its catalog, its icon, Qt's plugins, the worker processes and the
    system's credential store (found by keyring, not necessarily there)."""

    def __init__(self, base: SelfCheck, workers: WorkerPool) -> None:
        self.base = base
        self.workers = workers

    def checks(self) -> list[tuple[str, Check]]:
        """Return the window's checks, run after the base ones."""
        return [
            (N_("Window translations"), self.translations),
            (N_("Window icon"), self.icon),
            (N_("Qt platform plugins"), self.platforms),
            (N_("Worker process"), self.worker),
            (N_("Credential store"), credentials.system_store),
        ]

    def translations(self) -> str:
        """Load the compiled Vietnamese catalog into Qt and translate a known message."""
        LanguageSwitcher().apply("vi")
        source, expected = KNOWN_MESSAGE
        translated = QCoreApplication.translate(CONTEXT, source)
        if translated != expected:
            raise RuntimeError(f"'{source}' -> '{translated}' ≠ '{expected}'")
        return f"'{source}' -> '{translated}'"

    def icon(self) -> str:
        """Load the window icon."""
        pixmap = QPixmap(str(app_icon()))
        if pixmap.isNull():
            raise FileNotFoundError(2, "icon", str(app_icon()))
        return f"{app_icon().name} {pixmap.width()}×{pixmap.height()}"

    def platforms(self) -> str:
        """Find the plugin the window needs on this system beside the offscreen one this check runs on."""
        folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
        native = folder / NATIVE_PLATFORM_PLUGINS.get(sys.platform, NATIVE_PLATFORM_PLUGINS["linux"])
        if not native.is_file():
            raise FileNotFoundError(2, "plugin", str(native))
        return f"{native.name}; {QCoreApplication.instance().platformName()}"  # type: ignore[union-attr]

    def worker(self) -> str:
        """Run a read in a worker process, as the window runs its heavy reads."""
        settings = self.workers.read(self.base.scratch().url, require_settings)
        return tr("a read in another process: {preset}").format(preset=settings.preset.value)


def format_results(results: list[CheckResult]) -> str:
    """Return the printed outcome: a line a check, then the count of failures."""
    lines = [tr("Grassroots {version} self-check").format(version=__version__)]
    for result in results:
        lines.append(f"{PASSED if result.passed else FAILED} {result.name}: {result.detail}")
    failed = sum(not result.passed for result in results)
    summary = tr("All {count} checks passed.") if not failed else tr("{failed} of {count} checks failed.")
    lines.append(summary.format(count=len(results), failed=failed))
    return "\n".join(lines) + "\n"


def _show(text: str) -> None:
    """Print the outcome, or write it to a file in the log folder without a standard output (a windowed build)."""
    if sys.stdout is not None:
        sys.stdout.write(text)
        return
    target = log_path().with_name(REPORT_FILE)
    target.parent.mkdir(parents=True, exist_ok=True)
    files.write_bytes(target, None, text.encode("utf-8"))


def run_self_check() -> int:
    """Run every check in a temporary folder, print the outcome, and return the exit status (1: a failure)."""
    os.environ.setdefault(PLATFORM_VARIABLE, "offscreen")  # before Qt picks its platform: no display needed
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    workers = WorkerPool()
    try:
        with tempfile.TemporaryDirectory(prefix="grassroots-self-check-", ignore_cleanup_errors=True) as folder:
            base = SelfCheck(Path(folder))
            try:
                results = run_checks([*base.checks(), *QtChecks(base, workers).checks()])
            finally:
                base.close()
        _show(format_results(results))
    finally:
        workers.stop()  # none may outlive the check holding its output pipe open (a reader would wait for ever)
    return 0 if all(result.passed for result in results) else 1
