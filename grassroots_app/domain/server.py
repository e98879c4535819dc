"""A shared server's clerks and its audit, as plain values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from grassroots_app.domain.errors import N_, InvalidInput, Phrase

DEFAULT_PORT = 5432
SSL_MODES = ("prefer", "require", "verify-full")  # libpq's sslmode: try TLS, insist on it, also check the server
NEEDED = N_("Fill in the server's {field}.")
BAD_PORT = N_("The port must be a whole number from 1 to 65535, such as 5432.")
NO_ROOT_CERTIFICATE = N_("Checking the server's certificate needs the file of the root certificate that signed it.")


@dataclass(frozen=True)
class Clerk:
    """A clerk's login on a shared server: the roots of their scope, and what they may do there."""

    login: str
    roots: tuple[str, ...]
    read_only: bool = False
    manager: bool = False  # may make and disable clerks inside their own scope
    disabled: bool = False


@dataclass(frozen=True)
class AuditEntry:
    """One row changed on a shared server: who changed it, when, and the changed columns before and after."""

    at: datetime
    login: str
    table: str
    row_id: str
    action: str  # insert, update or delete
    old_values: dict[str, Any]
    new_values: dict[str, Any]
    transaction_id: int
    place_id: str | None

    def changed_columns(self) -> list[str]:
        """Return the names of the columns this change wrote, in a stable order."""
        return sorted(set(self.old_values) | set(self.new_values))


@dataclass(frozen=True)
class AuditFilter:
    """Which audit rows to list: under a unit, by a login, from and before a day, about one row."""

    under: str | None = None
    by: str | None = None
    since: datetime | None = None
    before: datetime | None = None
    table: str | None = None
    row_id: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class ServerAddress:
    """Where a shared server is and how to reach it: everything of its URL but the password."""

    host: str
    database: str
    login: str
    port: int = DEFAULT_PORT
    ssl_mode: str = SSL_MODES[0]
    root_certificate: str = ""  # the root certificate's file, for verify-full


def server_address(host: str, port: str, database: str, login: str, ssl_mode: str,
                   root_certificate: str = "") -> ServerAddress:
    """Return the address typed in a form, or refuse an empty field, a port that is no number, an unknown TLS mode."""
    for field, value in ((N_("address"), host), (N_("database"), database), (N_("login"), login)):
        if not value.strip():
            raise InvalidInput(NEEDED, field=Phrase(field))
    number = int(port) if port.strip().isdigit() else 0
    if not 0 < number < 65536:  # noqa: PLR2004 - the largest port number
        raise InvalidInput(BAD_PORT)
    if ssl_mode not in SSL_MODES:
        raise InvalidInput(N_("Unknown TLS mode '{mode}'."), mode=ssl_mode)
    if ssl_mode == "verify-full" and not root_certificate.strip():
        raise InvalidInput(NO_ROOT_CERTIFICATE)
    return ServerAddress(host.strip(), database.strip(), login.strip(), number, ssl_mode, root_certificate.strip())
