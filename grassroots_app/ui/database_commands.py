"""The main window's File menu: a new or another database, its first set-up, backups, imports and exports."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

from grassroots_app.domain.errors import DomainError
from grassroots_app.domain.formats import format_timestamp
from grassroots_app.services import backups, files
from grassroots_app.services.backups import BackupInfo
from grassroots_app.services.server import ServerAddress, address_of
from grassroots_app.services.workspace import Database
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.files.official_import import OfficialImportDialog
from grassroots_app.ui.files.restore_dialog import BACKUP_FILTERS, RestoreDialog
from grassroots_app.ui.first_run import FirstRunDialog
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.scope import Scope
from grassroots_app.ui.server.connect_dialog import ConnectDialog
from grassroots_app.ui.shared.file_choice import FileKind, ask_open_path, ask_save_path, file_name
from grassroots_app.ui.shared.lazy_page import LazyPage

if TYPE_CHECKING:
    from grassroots_app.ui.reports.report_view import ReportView


class DatabaseCommands(QMainWindow):
    """The commands of the File menu, on the window that shows the database (the main window is one)."""

    context: AppContext
    report_tab: LazyPage
    setup_action: QAction
    resume: ServerAddress | None  # the server worked on last, connected to at start

    def may_leave(self) -> bool:
        """Return whether the window may leave what it shows: a report with unsaved texts asks first (the Reports
        tab, never opened, has none)."""
        report = self.report_tab.made
        return report is None or cast("ReportView", report).may_leave()

    def new_database(self) -> None:
        """Create a database in a new file (never an existing one, nor in the backup folder); offer the first run."""
        chosen = ask_save_path(self.context, self, FileKind.DATABASE, tr("New database"), "",
                               tr("Grassroots database (*.sqlite)"))
        if chosen is None:
            return
        try:
            path = files.new_file(self.context.database, chosen)
        except DomainError as error:
            self.context.errors.report(error)
            return
        self.open_location(str(path), create=True)

    def open_database(self) -> None:
        """Open an existing database file."""
        path = ask_open_path(self.context, self, FileKind.DATABASE, tr("Open database"),
                             tr("Grassroots database (*.sqlite)"))
        if path:
            self.open_location(path)

    def open_location(self, location: str, create: bool = False) -> None:
        """Switch to the database at a path or URL (a missing file is refused unless `create`), setting it up
        first when it is empty."""
        if not self.may_leave():
            return
        try:
            database = Database.open(location, daily=False, create=create)  # backed up in the background
        except Exception as error:  # noqa: BLE001 - shown to the user, logged by the reporter
            self.context.errors.report(error)
            return
        self.show_database(database)

    def open_recent(self, location: str) -> None:
        """Open a recent database: a file at once, a server through the Connect dialog (its password is not kept)."""
        address = address_of(location)
        if address is None:
            self.open_location(location)
        else:
            self.connect_to_server(address)

    def connect_to_server(self, address: ServerAddress | None = None, at_once: bool = False) -> bool:
        """Ask for a shared server's address and the clerk's password (the last server's address filled in, and the
        password kept for it), then work on it; `at_once`: try a kept password without waiting for OK. Return
        whether it was opened."""
        if not self.may_leave():
            return False
        dialog = ConnectDialog(self.context, address or self.context.settings.server, self)
        if at_once and dialog.password_kept:
            dialog.submit()
        if not dialog.exec() or dialog.database is None:
            return False
        self.show_database(dialog.database, dialog.scope)
        return True

    def start(self) -> None:
        """Begin where the clerk left: on the server worked on last, once connected to it (its kept password tried
        at once, else asked for); otherwise, or once they cancel, on the database opened, set up if empty."""
        if self.resume is None or not self.connect_to_server(self.resume, at_once=True):
            self.offer_first_run()

    def show_database(self, database: Database, scope: Scope | None = None) -> None:
        """Work on a database just opened (its scope read already, or not), offering to set it up when empty."""
        self.context.switch_database(database, scope)
        self.offer_first_run()

    def offer_first_run(self) -> None:
        """Ask how to start when the database is empty; after Cancel, say where to come back (File menu)."""
        if self._empty() and not FirstRunDialog(self.context, self).exec():
            self.statusBar().showMessage(tr("This database is empty. To start, choose File ▸ Set up this database…"))

    def _empty(self) -> bool:
        """Return whether the database is still empty, offering to set it up only then."""
        empty = self.context.read(lambda uow: uow.settings.get() is None)
        self.setup_action.setEnabled(empty and self.context.scope.writable is None)
        return empty

    def import_official(self) -> None:
        """Import a province, or one district of it, from the official list that fits the database's model."""
        try:
            dialog = OfficialImportDialog(self.context, self)
        except DomainError as error:  # a database not set up yet
            self.context.errors.report(error)
            return
        if dialog.exec():
            self.statusBar().showMessage(dialog.summary)

    def back_up_to(self) -> None:
        """Copy the database to a file or folder the clerk chooses (a USB drive), in the background."""
        suggested = file_name(Path(self.context.database.display_name).stem, date.today().isoformat(),
                              suffix=".sqlite")
        chosen = ask_save_path(self.context, self, FileKind.BACKUP, tr("Back up to"), suggested, tr(BACKUP_FILTERS))
        if chosen is None:
            return
        location, target = self.context.database.url, Path(chosen)
        self.context.tasks.run(lambda _progress: backups.backup_to(location, target), self._backed_up,
                               self.context.errors.report, tr("Backing up the database…"), self)

    def _backed_up(self, path: Path) -> None:
        self.statusBar().showMessage(tr("Backed up to {path}.").format(path=path))

    def restore_backup(self) -> None:
        """Choose a backup and replace the database with it, after a confirmation."""
        if not self.may_leave():
            return
        try:
            found = backups.list_backups(self.context.database.url)
        except DomainError as error:
            self.context.errors.report(error)
            return
        dialog = RestoreDialog(self.context, found, self)
        chosen = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        if chosen is not None:
            self.restore_from(chosen)

    # The spreadsheet screen loads openpyxl and python-calamine: imported when first used, not at start.

    def import_spreadsheet(self) -> None:
        """Check a spreadsheet and import it; the views start again afterwards, so an unsaved report is asked about."""
        from grassroots_app.ui.files import import_dialog  # noqa: PLC0415

        if self.may_leave():
            import_dialog.import_spreadsheet(self, self.context)

    def export_spreadsheet(self) -> None:
        """Export the data standing on the window's day to a spreadsheet."""
        from grassroots_app.ui.files import import_dialog  # noqa: PLC0415

        import_dialog.export_spreadsheet(self, self.context)

    def save_template(self) -> None:
        """Save the empty workbook to fill in."""
        from grassroots_app.ui.files import import_dialog  # noqa: PLC0415

        import_dialog.save_template(self, self.context)

    def restore_from(self, chosen: BackupInfo) -> None:
        """Confirm, then replace the database with a backup and show it; a refusal reopens it unchanged."""
        question = tr("Replace the current database with the backup of {date}? "
                      "The current one is kept as a backup first.").format(date=format_timestamp(chosen.taken))
        if not self.context.prompter.confirm(self, tr("Restore from a backup"), question):
            return
        url = self.context.database.url
        self.context.tasks.wait()
        self.context.database.close()
        # On this thread, so that no background read opens the file while it is replaced (seconds for a large one).
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            backups.restore(url, chosen.path)
            restored = True
        except DomainError as error:
            self.context.errors.report(error)
            restored = False
        finally:
            QApplication.restoreOverrideCursor()
        try:
            database = Database.open(url, daily=False, create=False)
        except Exception as error:  # noqa: BLE001 - shown to the user, logged by the reporter
            self.context.errors.report(error)
            return
        self.context.switch_database(database)
        if restored:
            restored_text = tr("Restored the backup of {date}.").format(date=format_timestamp(chosen.taken))
            self.statusBar().showMessage(restored_text)
