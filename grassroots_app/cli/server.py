"""The shared server's commands: `grassroots server init|load|add-clerk|clerks|disable-clerk --url ADMIN_URL`,
and `grassroots audit` (who changed what, when) on the database --db names."""

from __future__ import annotations

import argparse
import getpass
import sys
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from grassroots_app.cli.common import (
    add_command,
    add_group,
    emit,
    integer,
    lazy_services,
    optional_day,
    path_text,
    tr,
)
from grassroots_app.domain.errors import N_, InvalidInput
from grassroots_app.domain.formats import format_date

if TYPE_CHECKING:
    from grassroots_app.services import server
    from grassroots_app.services.server import AuditEntry, Clerk
    from grassroots_app.services.session import Database
else:
    (server,) = lazy_services("server")


def _clerk_json(clerk: Clerk, names: list[str]) -> dict[str, Any]:
    return {"login": clerk.login, "scope": list(clerk.roots), "scope_names": names, "read_only": clerk.read_only,
            "manager": clerk.manager, "disabled": clerk.disabled}


def _clerk_line(clerk: Clerk, names: list[str]) -> str:
    what = [tr("read only") if clerk.read_only else tr("reads and writes")]
    what += [tr("manages clerks")] * clerk.manager + [tr("disabled")] * clerk.disabled
    return f"{clerk.login:<20} {', '.join(what):<36} {'; '.join(names)}"


def _password(args: argparse.Namespace) -> str:
    """Return the new clerk's password: one line of standard input, or typed twice at a prompt."""
    if args.password_stdin:
        try:
            return sys.stdin.readline().rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as error:
            raise InvalidInput(N_("The password could not be read from standard input. Nothing was changed.")) from error
    if not sys.stdin.isatty():
        raise InvalidInput(N_("No terminal to type the password at: give it on standard input with "
                              "--password-stdin. Nothing was changed."))
    first = getpass.getpass(tr("Password for {login}: ").format(login=args.login))
    if getpass.getpass(tr("The same password again: ")) != first:
        raise InvalidInput(N_("The two passwords differ. Nothing was changed."))
    return first


def _on_server(args: argparse.Namespace) -> Database:
    return server.open_server(args.url)


def cmd_init(args: argparse.Namespace) -> bool:
    """Create the schema, the roles and the security on the server's database (idempotent)."""
    with closing(_on_server(args)) as database:
        server.init_server(database)
        emit(args, {"initialised": True}, [tr("The server's database is set up for clerks: {url}").format(
            url=database.display_name)])
    return False


def cmd_load(args: argparse.Namespace) -> bool:
    """Load an office's SQLite file into the server's empty database."""
    with closing(_on_server(args)) as database:
        copied = server.load_office(database, Path(args.file))
        lines = [tr("Loaded {file} into {url}, ids kept:").format(file=args.file, url=database.display_name)]
        lines += [f"  {table}: {count}" for table, count in copied.items() if count]
        emit(args, {"loaded": copied}, lines)
    return False


def cmd_add_clerk(args: argparse.Namespace) -> bool:
    """Make a clerk's login with a scope."""
    with closing(_on_server(args)) as database:
        password = _password(args)  # once the server answered: a wrong address is said before any typing
        clerk = server.add_clerk(database, args.login, args.scope, password, args.read_only, args.manager)
        names = server.scope_names(database, clerk)
        emit(args, _clerk_json(clerk, names), [tr("Clerk {login} added, scope: {scope}").format(
            login=clerk.login, scope="; ".join(names))])
    return False


def cmd_clerks(args: argparse.Namespace) -> bool:
    """List the clerks."""
    with closing(_on_server(args)) as database:
        listed = [(clerk, server.scope_names(database, clerk)) for clerk in server.clerks(database)]
    emit(args, [_clerk_json(clerk, names) for clerk, names in listed],
         [_clerk_line(clerk, names) for clerk, names in listed] or [tr("No clerks yet.")])
    return False


def cmd_disable_clerk(args: argparse.Namespace) -> bool:
    """Disable a clerk's login."""
    with closing(_on_server(args)) as database:
        server.disable_clerk(database, args.login)
    emit(args, {"disabled": args.login}, [tr("Clerk {login} can no longer log in.").format(login=args.login)])
    return False


def _audit_json(entry: AuditEntry) -> dict[str, Any]:
    return {"at": entry.at.isoformat(), "login": entry.login, "table": entry.table, "row": entry.row_id,
            "action": entry.action, "old": entry.old_values, "new": entry.new_values,
            "transaction": entry.transaction_id, "place": entry.place_id}


ACTIONS = {"insert": N_("added"), "update": N_("changed"), "delete": N_("removed")}


def _audit_line(entry: AuditEntry) -> str:
    changed = ", ".join(entry.changed_columns())
    return (f"{format_date(entry.at.date())} {entry.at:%H:%M:%S}  {entry.login:<16} {tr(ACTIONS[entry.action]):<8} "
            f"{entry.table} {entry.row_id}: {changed}")


def cmd_audit(args: argparse.Namespace, db: Database) -> None:
    """List who changed what, when, newest first."""
    entries = server.audit(db, args.under, args.by, optional_day(args, "since"), optional_day(args, "until"),
                           limit=args.limit)
    emit(args, [_audit_json(entry) for entry in entries],
         [_audit_line(entry) for entry in entries] or [tr("No changes are recorded for this choice.")])


def url_text(text: str) -> str:
    """Return a server's URL given on the command line, or refuse one that cannot be (argparse's type)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(tr(N_("a server's URL is needed")))
    if any(ord(character) < 32 for character in text):
        raise argparse.ArgumentTypeError(tr(N_("a server's URL cannot hold control characters")))
    return text


def _url(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", required=True, type=url_text, help=tr(N_(
        "the administrator's URL of the server's database, e.g. postgresql+psycopg://postgres@localhost/grassroots "
        "(the password from PGPASSWORD, or in the URL)")))


def _server_command(sub: Any, name: str, help_text: str, handler: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, help=tr(help_text))
    parser.set_defaults(file_handler=handler)
    parser.add_argument("--json", action="store_true", help=tr(N_("print JSON for scripts")))
    _url(parser)
    return parser


def add_parsers(sub: Any) -> None:
    """Register `server …` and `audit`."""
    group = add_group(sub, "server", N_("a shared PostgreSQL server: set it up, load an office, manage clerks"))
    _server_command(group, "init", N_("create the schema, roles and row security on an empty server database"),
                    cmd_init)
    load = _server_command(group, "load", N_("load an office's database file into the server (one transaction, "
                                             "ids kept)"), cmd_load)
    load.add_argument("file", type=path_text, help=tr(N_("the office's .sqlite file")))
    added = _server_command(group, "add-clerk", N_("make a clerk's login with the units they are responsible for"),
                            cmd_add_clerk)
    added.add_argument("login", help=tr(N_("the clerk's login: lower-case letters, digits and _")))
    added.add_argument("--scope", action="append", required=True, metavar="UNIT",
                       help=tr(N_("a unit (id, code or path) whose subtree the clerk works on; repeat for more")))
    added.add_argument("--read-only", action="store_true", help=tr(N_("the clerk may only read")))
    added.add_argument("--manager", action="store_true",
                       help=tr(N_("the clerk may make and disable clerks inside their own scope")))
    added.add_argument("--password-stdin", action="store_true",
                       help=tr(N_("read the password from one line of standard input instead of a prompt")))
    _server_command(group, "clerks", N_("list the clerks and their scopes"), cmd_clerks)
    disabled = _server_command(group, "disable-clerk", N_("stop a clerk's login (the audit keeps their changes)"),
                               cmd_disable_clerk)
    disabled.add_argument("login", help=tr(N_("the clerk's login")))
    audit = add_command(sub, "audit", N_("who changed what, when, on a shared server (newest first)"), cmd_audit,
                        json_flag=True)
    audit.add_argument("--under", metavar="UNIT", help=tr(N_("only changes at or below this unit")))
    audit.add_argument("--by", metavar="LOGIN", help=tr(N_("only changes made by this login")))
    audit.add_argument("--from", dest="since", metavar="DAY", help=tr(N_("from this day (YYYY-MM-DD)")))
    audit.add_argument("--to", dest="until", metavar="DAY", help=tr(N_("up to and including this day")))
    audit.add_argument("--limit", type=integer, help=tr(N_("at most this many")))
