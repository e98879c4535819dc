"""What the logged-in clerk may see and change on a shared server: everything on a file or as the administrator."""

from __future__ import annotations

from dataclasses import dataclass

from grassroots_app.services import server
from grassroots_app.services.server import Clerk
from grassroots_app.services.workspace import Database
from grassroots_app.ui.i18n import tr


@dataclass(frozen=True)
class Scope:
    """The clerk logged in (None: a file, or the administrator), the paths of their scope, the units and clusters they
    may change (None: any)."""

    on_server: bool = False
    clerk: Clerk | None = None
    names: tuple[str, ...] = ()
    writable: frozenset[str] | None = None

    @property
    def may_edit(self) -> bool:
        """Return whether the clerk may change anything at all."""
        return self.writable is None or (bool(self.writable) and not (self.clerk and self.clerk.read_only))

    def may_change(self, unit_id: str | None) -> bool:
        """Return whether the clerk may change a unit or cluster, or add under it (None: at the top, above every
        unit)."""
        return self.writable is None or (self.may_edit and unit_id in self.writable)

    def may_change_row(self, place: str | None) -> bool:
        """Return whether the clerk may change a row placed at a unit or cluster (None: a row with no place, such as
        a meeting, which whoever may edit at all may change)."""
        return self.may_edit if place is None else self.may_change(place)

    def describe(self) -> str:
        """Return the login and the scope for the status bar (empty on a file or for the administrator)."""
        if self.clerk is None:
            return ""
        text = tr("{login} — {scope}").format(login=self.clerk.login, scope="; ".join(self.names))
        return tr("{scope} (read-only)").format(scope=text) if self.clerk.read_only else text


def read_scope(database: Database) -> Scope:
    """Read the logged-in clerk's scope and the units they may change (on a file: everything, without a query)."""
    if not server.on_server(database):
        return Scope()
    clerk = server.current_clerk(database)
    if clerk is None:
        return Scope(on_server=True)
    names = tuple(server.scope_names(database, clerk))
    return Scope(True, clerk, names, frozenset() if clerk.read_only else server.writable_places(database))
