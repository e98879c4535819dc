"""A clerk's server password kept in the system's credential store (keyring), when they ask: never in a file."""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import TypeVar

import keyring
from keyring.backends import fail, null
from keyring.errors import PasswordDeleteError

from grassroots_app.domain.errors import N_, DomainError
from grassroots_app.domain.server import ServerAddress
from grassroots_app.paths import APP_NAME

T = TypeVar("T")
SERVICE = APP_NAME  # the name the passwords are filed under in the store
SYSTEM_STORES = {"win32": "Windows", "darwin": "macOS", "linux": "SecretService"}  # keyring's entry point names
STORE_FAILED = N_("This computer's credential store did not answer ({reason}): the password was neither kept nor "
                  "read there. Type it in each time.")


class CredentialFault(DomainError):
    """The system's credential store refused or failed; nothing was kept or read there."""


def credential_name(address: ServerAddress) -> str:
    """Return the name a password is kept under: login@host:port/database."""
    return f"{address.login}@{address.host}:{address.port}/{address.database}"


def store_available() -> bool:
    """Return whether this computer has a credential store keyring can use (not its fail or null stand-in)."""
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a store that cannot even be found is no store
        return False
    return not isinstance(backend, (fail.Keyring, null.Keyring))


def system_store() -> str:
    """Return this system's store as keyring finds it (its entry point, its module) and the store in use; raise
    LookupError when keyring cannot find it (a build without keyring's metadata or backend module)."""
    name = SYSTEM_STORES.get(sys.platform, SYSTEM_STORES["linux"])
    found = {point.name: point for point in entry_points(group="keyring.backends")}
    if name not in found:
        raise LookupError(f"keyring finds no {name} backend, only {sorted(found)}")
    module = found[name].load()
    return f"{module.__name__}; {keyring.get_keyring().name}"


def stored_password(address: ServerAddress) -> str | None:
    """Return the password kept for a server's login, if any."""
    return _asking_the_store(lambda: keyring.get_password(SERVICE, credential_name(address)))


def keep_password(address: ServerAddress, password: str) -> None:
    """Keep the password of a server's login in the store (replacing one kept before)."""
    _asking_the_store(lambda: keyring.set_password(SERVICE, credential_name(address), password))


def forget_password(address: ServerAddress) -> None:
    """Remove the password kept for a server's login (none kept: nothing to do)."""

    def delete() -> None:
        try:
            keyring.delete_password(SERVICE, credential_name(address))
        except PasswordDeleteError:  # none was kept
            return

    _asking_the_store(delete)


def _asking_the_store(call: Callable[[], T]) -> T:
    """Run one call to the store; any failure of it (locked, refused, missing, broken) becomes a CredentialFault."""
    try:
        return call()
    except Exception as error:  # noqa: BLE001 - each system's store fails in its own way; the clerk reads why
        raise CredentialFault(STORE_FAILED, reason=str(error) or type(error).__name__) from error
