"""File ▸ Connect to a server…: a shared server's address, the clerk's login and password (kept in the system's
credential store when they ask), and how to use TLS; the connection is tried off the UI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain.errors import N_, DomainError
from grassroots_app.services import credentials
from grassroots_app.services.credentials import CredentialFault
from grassroots_app.services.server import SSL_MODES, ServerAddress, refused_login, server_address, server_url
from grassroots_app.services.workspace import Database
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.scope import Scope, read_scope
from grassroots_app.ui.shared.file_choice import FileKind, ask_open_path
from grassroots_app.ui.shared.widgets import Dialog, ErrorLabel, ok_cancel_buttons
from grassroots_app.ui.tasks import Cancelled, TaskProgress

SSL_LABELS = {
    "prefer": N_("Use TLS when the server offers it"),
    "require": N_("Always use TLS"),
    "verify-full": N_("Always use TLS and check the server's certificate"),
}
NO_STORE = N_("This computer has no credential store Grassroots can use (on Linux: a Secret Service such as GNOME "
              "Keyring or KWallet): the password is asked for each time.")
DIALOG_WIDTH = 520


def open_as_clerk(url: str, progress: TaskProgress) -> tuple[Database, Scope]:
    """Open the server and read the clerk's scope (on a worker thread); close it again if the clerk cancelled."""
    database = Database.open(url, daily=False, create=False)
    try:
        scope = read_scope(database)
    except BaseException:
        database.close()
        raise
    if progress.cancelled:
        database.close()
        raise Cancelled
    return database, scope


class ConnectDialog(Dialog):
    """Ask where the server is and who logs in; OK tries it in the background (a refusal is shown here, nothing
    changes) and closes once it opened. Cancel while it is tried abandons the attempt; Cancel then closes."""

    def __init__(self, context: AppContext, address: ServerAddress | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.database: Database | None = None  # the server opened, once OK succeeded
        self.scope: Scope | None = None  # the clerk's scope there
        self.attempt: TaskProgress | None = None  # the connection being tried, until it answers or is abandoned
        self.store = credentials.store_available()
        self.setWindowTitle(tr("Connect to a server"))
        self.setMinimumWidth(DIALOG_WIDTH)
        self.host = QLineEdit(address.host if address else "")
        self.port = QLineEdit(str(address.port if address else ServerAddress.port))
        self.database_name = QLineEdit(address.database if address else "")
        self.login = QLineEdit(address.login if address else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(tr("Remember the password on this computer"))
        self.ssl_mode = QComboBox()
        for mode in SSL_MODES:
            self.ssl_mode.addItem(tr(SSL_LABELS[mode]), mode)
        self.ssl_mode.setCurrentIndex(SSL_MODES.index(address.ssl_mode) if address else 0)
        self.root_certificate = QLineEdit(address.root_certificate if address else "")
        self.browse = QPushButton(tr("Choose…"))
        self.browse.clicked.connect(self.choose_certificate)
        self.error = ErrorLabel(self)
        self.busy = QProgressBar()  # moving while the server is tried
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName(tr("Connecting to the server…"))
        self.busy_label = QLabel(tr("Connecting to the server…"))
        buttons = ok_cancel_buttons(self)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._lay_out(buttons)
        self.ssl_mode.currentIndexChanged.connect(self._follow_mode)
        self._show_busy(False)
        self.password_kept = self._fill_kept_password(address)  # found in the store: tried at once at start
        (self.password if address else self.host).setFocus()

    def _lay_out(self, buttons: QDialogButtonBox) -> None:
        certificate = QHBoxLayout()
        certificate.addWidget(self.root_certificate)
        certificate.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(tr("Server address"), self.host)
        form.addRow(tr("Port"), self.port)
        form.addRow(tr("Database"), self.database_name)
        form.addRow(tr("Login"), self.login)
        form.addRow(tr("Password"), self.password)
        form.addRow("", self.remember)
        form.addRow(tr("TLS"), self.ssl_mode)
        form.addRow(tr("Root certificate"), certificate)
        form.addRow(self.error)
        busy = QHBoxLayout()  # a label beside the bar, not its buddy: the bar takes no keys
        busy.addWidget(self.busy_label)
        busy.addWidget(self.busy, 1)
        form.addRow(busy)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _fill_kept_password(self, address: ServerAddress | None) -> bool:
        """Fill in the password kept in the store for the address, ticking the box; say why none can be kept."""
        if not self.store:
            self.remember.setToolTip(tr(NO_STORE))
            return False
        if address is None:
            return False
        try:
            password = credentials.stored_password(address)
        except CredentialFault as error:
            self.error.show_error(error)
            return False
        if password is None:
            return False
        self.password.setText(password)
        self.remember.setChecked(True)
        return True

    def _follow_mode(self) -> None:
        """Offer the root certificate only when the server's certificate is checked (and nothing is being tried)."""
        checked = self.ssl_mode.currentData() == "verify-full" and self.attempt is None
        self.root_certificate.setEnabled(checked)
        self.browse.setEnabled(checked)

    def _show_busy(self, busy: bool) -> None:
        """Show the moving bar and lock the form while the server is tried; unlock it afterwards."""
        for field in (self.host, self.port, self.database_name, self.login, self.password, self.ssl_mode, self.ok):
            field.setEnabled(not busy)
        self.remember.setEnabled(self.store and not busy)
        self._follow_mode()
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)

    def choose_certificate(self) -> None:
        """Choose the root certificate's file."""
        path = ask_open_path(self.context, self, FileKind.CERTIFICATE, tr("Root certificate"),
                             tr("Certificates (*.crt *.pem);;All files (*)"))
        if path:
            self.root_certificate.setText(path)

    def address(self) -> ServerAddress:
        """Return the address typed, or refuse an empty field or a port that is no number."""
        return server_address(self.host.text(), self.port.text(), self.database_name.text(), self.login.text(),
                              str(self.ssl_mode.currentData()), self.root_certificate.text())

    @property
    def connecting(self) -> bool:
        """Return whether a connection is being tried."""
        return self.attempt is not None

    def submit(self) -> None:
        """Try the server with the login and password on a worker thread, the form locked meanwhile; once it opened,
        remember the address (never the password: that only in the store, when the box is ticked) and close."""
        try:
            address = self.address()
        except DomainError as error:
            self.error.show_error(error)
            return
        password = self.password.text()

        def opened(result: tuple[Database, Scope]) -> None:
            if attempt.cancelled:  # abandoned: the dialog may be gone
                result[0].close()
            else:
                self._opened(address, password, *result)

        def failed(error: BaseException) -> None:
            if not attempt.cancelled:
                self._failed(address, error)

        self.error.clear_error()
        url = server_url(address, password)
        attempt = self.context.tasks.run(lambda progress: open_as_clerk(url, progress), opened, failed)
        self.attempt = attempt
        self._show_busy(True)

    def reject(self) -> None:
        """Cancel: abandon the connection being tried and go back to the form; else close the dialog."""
        if self.attempt is None:
            super().reject()
            return
        self.attempt.cancel()
        self._back_to_the_form()

    def _back_to_the_form(self) -> None:
        self.attempt = None
        self._show_busy(False)
        self.password.setFocus()

    def _opened(self, address: ServerAddress, password: str, database: Database, scope: Scope) -> None:
        self.attempt = None
        self.database, self.scope = database, scope
        self.context.settings.server = address
        if self.store:
            checked = self.remember.isChecked()
            self._tell_the_store(lambda: credentials.keep_password(address, password) if checked
                                 else credentials.forget_password(address))
        self.accept()

    def _failed(self, address: ServerAddress, error: BaseException) -> None:
        """Show why the server was not opened; a refused login forgets the password kept for it."""
        self._back_to_the_form()
        if not isinstance(error, DomainError):
            self.context.errors.report(error)
            return
        if refused_login(error):
            self.password.clear()
            if self.store:
                self._tell_the_store(lambda: credentials.forget_password(address))
        self.error.show_error(error)

    def _tell_the_store(self, change: Callable[[], None]) -> None:
        """Keep or forget a password in the store; its failure is said (the connection stands)."""
        try:
            change()
        except CredentialFault as error:
            self.context.errors.report(error)
