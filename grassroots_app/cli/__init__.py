"""The `grassroots` command line: Vietnamese messages, `--json` for scripts, exit 2 on bad input.

Each area's module (units, cadres, the field log, backups…) registers its own commands; this one builds the
parser from them and runs one command, turning refusals and failures into a message and an exit status.
"""

from __future__ import annotations

import errno
import getpass
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from grassroots_app.applog import log, start_logging, trace_crashes
from grassroots_app.cli import (
    assignments,
    backup,
    cadres,
    calendar,
    clusters,
    fieldlog,
    init,
    ratings,
    reports,
    server,
    settings,
    sheets,
    units,
)
from grassroots_app.cli.common import (
    CommandLineError,
    FailedAfterSaving,
    FileHandler,
    Parser,
    argparse_translated,
    lazy_services,
    tr,
)
from grassroots_app.console import OutputFailed, guarded_output, reader_left, utf8_streams
from grassroots_app.domain.errors import N_, DomainError

if TYPE_CHECKING:
    from grassroots_app.services import session
else:
    (session,) = lazy_services("session")

EXIT_BAD_INPUT = 2
EXIT_BROKEN_PIPE = 1  # the reader of the output went away (Python's documented convention)
EXIT_INTERRUPTED = 130  # Ctrl+C, as shells report a command ended by SIGINT
logging.getLogger("grassroots_app").addHandler(logging.NullHandler())  # stderr gets Vietnamese, not log lines


def build_parser() -> Parser:
    """Return the parser of the whole command line, argparse's own words translated."""
    with argparse_translated():
        parser = Parser(prog="grassroots", description=tr(N_("Grassroots: the 'grasp the base' register.")))
        parser.add_argument("--db", help=tr(N_("database file or SQLAlchemy URL (default: $GRASSROOTS_DB, "
                                               "then the per-user data folder)")))
        sub = parser.add_subparsers(required=True, metavar="COMMAND")
        init.add_parsers(sub)
        units.add_parsers(sub)
        clusters.add_parsers(sub)
        cadres.add_parsers(sub)
        assignments.add_parsers(sub)
        calendar.add_parsers(sub)
        fieldlog.add_parsers(sub)
        ratings.add_parsers(sub)
        reports.add_parsers(sub)
        backup.add_parsers(sub)
        sheets.add_parsers(sub)
        settings.add_parsers(sub)
        server.add_parsers(sub)
        assignments.add_list_parsers(sub)
    return parser


def _refusal(error: Exception, location: str | None) -> int:
    """Print a refusal (a database or disk failure translated) and return 2; re-raise any other error."""
    if isinstance(error, (OutputFailed, FailedAfterSaving)):  # no fault of the database: main() says what it is
        raise error
    domain = error if isinstance(error, DomainError) else session.storage_failure(error, location)
    if domain is None:
        raise error
    print(tr("Error: {message}").format(message=domain.render(tr)), file=sys.stderr)
    return EXIT_BAD_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; print a Vietnamese message and return 2 on bad input or an unexpected error."""
    utf8_streams()
    trace_crashes()
    try:
        with guarded_output():
            return run_command(argv)
    except KeyboardInterrupt:
        print(tr("Interrupted."), file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # noqa: BLE001 - the last resort: one line here, the traceback in the log
        failed = error.error if isinstance(error, FailedAfterSaving) else error
        if isinstance(failed, OutputFailed):
            _silence_stdout()  # what is still buffered is lost, without Python's complaint at exit
        if reader_left(failed):  # `grassroots … | head -1`: the reader left, as Python's documentation says
            return EXIT_BROKEN_PIPE
        if isinstance(error, OutputFailed):
            print(tr("Error: the output could not be written ({reason}). Nothing was changed.").format(
                reason=_output_fault(error)), file=sys.stderr)
            return EXIT_BAD_INPUT
        return _unexpected(failed, argv, saved=isinstance(error, FailedAfterSaving))


def _output_fault(failure: OutputFailed) -> str:
    """Return why the output could not be written, in the user's language where the reason is a known one."""
    if failure.error.errno == errno.ENOSPC:
        return tr("the disk is full")
    return str(failure.error)


def _silence_stdout() -> None:
    """Point the standard output at the null device, so that nothing more is written to the closed pipe."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # an in-memory stream (the tests): nothing to redirect
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


def _unexpected(error: Exception, argv: Sequence[str] | None, saved: bool = False) -> int:
    """Log an unexpected error with its traceback, say so in one line naming the log, and return 2.

    With `saved`, the command's change was committed before the error: the message says it stays.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        path = start_logging()
        log.error("Unexpected error in the command %r", words, exc_info=error)
    except OSError as failure:
        print(tr("Unexpected error: {error} (the log could not be written: {reason}).").format(
            error=error, reason=failure), file=sys.stderr)
        return EXIT_BAD_INPUT
    if saved:
        message = tr("Unexpected error after the command had saved its change: the change is in the database, "
                     "but what came after it (such as printing the result) was not completed. "
                     "The details are in the log file {path}.")
    else:
        message = tr("Unexpected error: the command was not completed and nothing was half-saved. "
                     "The details are in the log file {path}.")
    print(message.format(path=path), file=sys.stderr)
    return EXIT_BAD_INPUT


def run_command(argv: Sequence[str] | None = None) -> int:
    """Parse and run one command; print a Vietnamese message and return 2 on bad input."""
    try:
        with argparse_translated():
            args = build_parser().parse_args(argv)
    except CommandLineError as error:
        print(tr("Invalid command: {message}").format(message=error), file=sys.stderr)
        return EXIT_BAD_INPUT
    file_handler: FileHandler | None = getattr(args, "file_handler", None)
    if file_handler is not None:
        try:
            replaced = file_handler(args)
        except Exception as error:  # noqa: BLE001 - only refusals and file faults; others are re-raised
            return _refusal(error, args.db)
        _write_out(saved=replaced)
        return 0
    login = session.lacks_password(args.db)
    if login is not None and sys.stdin.isatty():  # a clerk's login on a server: ask, never echo
        args.db = session.with_password(args.db, getpass.getpass(tr("Password for {login}: ").format(login=login)))
    try:
        database = session.open_database(args.db, create=getattr(args, "create", False))
    except DomainError as error:  # missing, empty, damaged, newer, write-protected, or no backup before a migration
        print(tr("Cannot open the database: {error}").format(error=error.render(tr)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:  # noqa: BLE001 - a database that cannot be opened is bad input here
        print(tr("Cannot open the database: {error}").format(error=error), file=sys.stderr)
        return EXIT_BAD_INPUT
    if database.backup_failure is not None:
        reason = tr("The daily backup was not made: {reason}").format(reason=database.backup_failure.render(tr))
        print(tr("Warning: {message}").format(message=reason), file=sys.stderr)
    try:
        session.retry_when_busy(args.handler, args, database)
    except Exception as error:  # noqa: BLE001 - only refusals and file faults; others are re-raised
        if database.committed and not isinstance(error, DomainError) and not reader_left(error):
            raise FailedAfterSaving(error) from error
        return _refusal(error, args.db)
    finally:
        database.close()
    _write_out(saved=database.committed)
    return 0


def _write_out(saved: bool) -> None:
    """Write out what the command printed; a failure after a saved change becomes FailedAfterSaving."""
    try:
        sys.stdout.flush()
    except OutputFailed as error:
        if saved:
            raise FailedAfterSaving(error) from error
        raise
