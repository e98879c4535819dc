"""File ▸ Connect to a server…: a shared server's address, the clerk's login and password, and how to use TLS."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain.errors import N_, DomainError
from grassroots_app.services.server import SSL_MODES, ServerAddress, server_address, server_url
from grassroots_app.services.workspace import Database
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.file_choice import FileKind, ask_open_path
from grassroots_app.ui.shared.widgets import Dialog, ErrorLabel, ok_cancel_buttons

SSL_LABELS = {
    "prefer": N_("Use TLS when the server offers it"),
    "require": N_("Always use TLS"),
    "verify-full": N_("Always use TLS and check the server's certificate"),
}
DIALOG_WIDTH = 520


class ConnectDialog(Dialog):
    """Ask where the server is and who logs in; OK opens it (a refusal is shown here, nothing changes)."""

    def __init__(self, context: AppContext, address: ServerAddress | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.database: Database | None = None  # the server opened, once OK succeeded
        self.setWindowTitle(tr("Connect to a server"))
        self.setMinimumWidth(DIALOG_WIDTH)
        self.host = QLineEdit(address.host if address else "")
        self.port = QLineEdit(str(address.port if address else ServerAddress.port))
        self.database_name = QLineEdit(address.database if address else "")
        self.login = QLineEdit(address.login if address else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.ssl_mode = QComboBox()
        for mode in SSL_MODES:
            self.ssl_mode.addItem(tr(SSL_LABELS[mode]), mode)
        self.ssl_mode.setCurrentIndex(SSL_MODES.index(address.ssl_mode) if address else 0)
        self.root_certificate = QLineEdit(address.root_certificate if address else "")
        self.browse = QPushButton(tr("Choose…"))
        self.browse.clicked.connect(self.choose_certificate)
        certificate = QHBoxLayout()
        certificate.addWidget(self.root_certificate)
        certificate.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(tr("Server address"), self.host)
        form.addRow(tr("Port"), self.port)
        form.addRow(tr("Database"), self.database_name)
        form.addRow(tr("Login"), self.login)
        form.addRow(tr("Password"), self.password)
        form.addRow(tr("TLS"), self.ssl_mode)
        form.addRow(tr("Root certificate"), certificate)
        self.error = ErrorLabel(self)
        form.addRow(self.error)
        buttons = ok_cancel_buttons(self)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.ssl_mode.currentIndexChanged.connect(self._follow_mode)
        self._follow_mode()
        (self.password if address else self.host).setFocus()

    def _follow_mode(self) -> None:
        """Offer the root certificate only when the server's certificate is checked."""
        checked = self.ssl_mode.currentData() == "verify-full"
        self.root_certificate.setEnabled(checked)
        self.browse.setEnabled(checked)

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

    def submit(self) -> None:
        """Open the server with the login and password; remember the address (never the password) once it opened."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            address = self.address()
            self.database = Database.open(server_url(address, self.password.text()), daily=False, create=False)
        except DomainError as error:
            self.error.show_error(error)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.context.settings.server = address
        self.accept()
