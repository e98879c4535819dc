"""What every command of `grassroots` shares: the catalog, the argument types, printing, registering."""

from __future__ import annotations

import argparse
import importlib
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from grassroots_app.domain.calendar import check_day
from grassroots_app.domain.errors import N_, InvalidInput, Labelled, NotFound
from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Level
from grassroots_app.i18n import Translator

if TYPE_CHECKING:
    from grassroots_app.services import targets
    from grassroots_app.services.session import Database, UnitOfWork

tr = Translator()
Handler = Callable[[argparse.Namespace, "Database"], None]
FileHandler = Callable[[argparse.Namespace], bool]  # works on the database file without opening it; True: replaced it
NAME_BYTES = 255  # the longest name of a file or folder the file systems allow
LARGEST_NUMBER = 2**63 - 1  # the largest integer SQLite stores

# argparse's own words, translated through the same catalog.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("argument %(argument_name)s: %(message)s"),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
)


@contextmanager
def argparse_translated() -> Iterator[None]:
    """Let argparse say its own words through the catalog while a command line is built and read."""
    english = argparse._  # type: ignore[attr-defined]
    argparse._ = tr  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = english  # type: ignore[attr-defined]


COUNT_LABELS = {
    **{level.value: level.label for level in Level},
    "cadre": N_("cadres"),
    "assignment": N_("assignments"),
    "activity": N_("activities in the field log"),
    "base_visit": N_("planned base-day visits"),
    "recommendation": N_("residents' recommendations"),
    "rating": N_("quality ratings"),
}


class CommandLineError(Exception):
    """Bad words on the command line (already translated)."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors become CommandLineError instead of exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Raise the parse error for main() to report."""
        raise CommandLineError(f"{self.prog}: {message}")


class FailedAfterSaving(Exception):
    """An unexpected error after the command had saved its change (printing its result, say): the change stays."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


def parse_day(text: str) -> date:
    """Parse YYYY-MM-DD or dd/mm/yyyy, a day within the years the application handles."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return check_day(datetime.strptime(ascii_digits(text).strip(), pattern).date())
        except ValueError:
            continue
    raise InvalidInput(N_("'{text}' is not a date; write YYYY-MM-DD or dd/mm/yyyy."), text=text)


def ascii_digits(text: str) -> str:
    """Return the text, or raise ValueError if it is not ASCII (int() and float() read any script's digits)."""
    if not text.isascii():
        raise ValueError(text)
    return text


def integer(text: str) -> int:
    """Parse a whole number that a database can hold (the type of every number on the command line)."""
    try:
        value = int(ascii_digits(text))
    except ValueError:
        raise argparse.ArgumentTypeError(tr(N_("'{text}' is not a whole number.")).format(text=text)) from None
    if abs(value) > LARGEST_NUMBER:
        raise argparse.ArgumentTypeError(tr(N_("{text} is too large a number.")).format(text=text))
    return value


def parse_number(text: str) -> float:
    """Parse a number written with a decimal point or a Vietnamese decimal comma."""
    try:
        return float(ascii_digits(text).strip().replace(",", "."))
    except ValueError:
        raise InvalidInput(N_("'{text}' is not a number."), text=text) from None


def path_text(text: str) -> str:
    """Return a file name given on the command line, or refuse one no system can use (argparse's type)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(tr(N_("a file name is needed")))
    if "\0" in text:
        raise argparse.ArgumentTypeError(tr(N_("a file name cannot hold a NUL character")))
    too_long = [part for part in Path(text).parts if len(part.encode("utf-8", "surrogatepass")) > NAME_BYTES]
    if too_long:
        raise argparse.ArgumentTypeError(tr(N_("the name '{name}' is longer than {limit} bytes")).format(
            name=too_long[0], limit=NAME_BYTES))
    return text


def emit(args: argparse.Namespace, data: Any, lines: Sequence[str]) -> None:
    """Print JSON with --json, the human lines otherwise."""
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        for line in lines:
            print(line)


def day_option(args: argparse.Namespace, name: str = "on") -> date:
    """Return the day an option gives, today when it was not given."""
    value = getattr(args, name, None)
    return parse_day(value) if value is not None else date.today()


def optional_day(args: argparse.Namespace, name: str) -> date | None:
    """Return the day an option gives, None when it was not given."""
    value = getattr(args, name, None)
    return parse_day(value) if value is not None else None


def today_note(args: argparse.Namespace, name: str, option: str) -> list[str]:
    """Return the line saying that a change takes effect today because its option was not given (else none)."""
    if getattr(args, name, None) is not None:
        return []
    return [tr("No {option} was given: the change takes effect today, {day}.").format(
        option=option, day=format_date(date.today()))]


def print_dated(args: argparse.Namespace, line: str) -> None:
    """Print what a change dated by --on did, then the note that it takes effect today when --on was not given."""
    for shown in [line, *today_note(args, "on", "--on")]:
        print(shown)


def iso(day: date | None) -> str | None:
    """Return a day as YYYY-MM-DD (None for none)."""
    return day.isoformat() if day else None


def period_text(year: int, quarter: int | None) -> str:
    """Return a year or a quarter as written in the messages."""
    if quarter is None:
        return tr("the year {year}").format(year=year)
    return tr("quarter {quarter}/{year}").format(quarter=quarter, year=year)


FLAGS = {"valid_from": "--from"}  # options whose destination is not their name


def nothing_given(args: argparse.Namespace, names: tuple[str, ...]) -> None:
    """Refuse an edit that names nothing to change (`names`: the options' destinations)."""
    if all(getattr(args, name) is None for name in names):
        options = ", ".join(FLAGS.get(name, "--" + name.replace("_", "-")) for name in names)
        raise InvalidInput(N_("Nothing to change: give at least one of {options}."), options=options)


SHOWN_ROWS = 50  # a text list longer than this shows its first rows and says how many more --all shows


class _LoadedOnUse(ModuleType):
    """Stands for a module until one of its names is used, then imports it and hands on that name."""

    def __getattr__(self, name: str) -> Any:
        return getattr(importlib.import_module(self.__name__), name)


def lazy_services(*names: str) -> tuple[ModuleType, ...]:
    """Return the service modules of these names, each imported when one of its names is first used: the parser
    is built without the database's and the files' libraries, and a command imports only what it runs."""
    return tuple(_LoadedOnUse(f"grassroots_app.services.{name}") for name in names)


if not TYPE_CHECKING:
    (targets,) = lazy_services("targets")


def target_id(uow: UnitOfWork, reference: str) -> str:
    """Return the id of the unit or cluster a reference names; refuse one that names neither."""
    try:
        return targets.resolve_target(uow, reference).id
    except NotFound:
        raise NotFound(N_("No unit or cluster is named '{name}'."), name=reference) from None


def shown_rows(rows: Sequence[Any], every: bool) -> tuple[Sequence[Any], list[str]]:
    """Return the rows a text list prints and, when cut, the line saying how many more --all shows."""
    if every or len(rows) <= SHOWN_ROWS:
        return rows, []
    more = tr("… and {count} more (use --all to see them all)").format(count=len(rows) - SHOWN_ROWS)
    return rows[:SHOWN_ROWS], [f"  {more}"]


# --- registering commands ----------------------------------------------------------------


def add_command(sub: Any, name: str, help_text: str, handler: Handler, json_flag: bool = False) -> Parser:
    """Add a command that runs a handler on the open database, with --json when it prints data."""
    parser: Parser = sub.add_parser(name, help=tr(help_text))
    parser.set_defaults(handler=handler)
    if json_flag:
        parser.add_argument("--json", action="store_true", help=tr(N_("print JSON for scripts")))
    return parser


def add_file_command(sub: Any, name: str, help_text: str, handler: FileHandler) -> Parser:
    """Add a command that works on the database file without opening (nor migrating) it: the backups."""
    parser: Parser = sub.add_parser(name, help=tr(help_text))
    parser.set_defaults(file_handler=handler)
    parser.add_argument("--json", action="store_true", help=tr(N_("print JSON for scripts")))
    return parser


def add_group(sub: Any, name: str, help_text: str) -> Any:
    """Return the subcommands of a new command that only groups them."""
    return sub.add_parser(name, help=tr(help_text)).add_subparsers(required=True)


def values_of(kind: type[Labelled]) -> list[str]:
    """Return the English values of an enum, as the command line accepts them."""
    return [member.value for member in kind]


def period_arguments(parser: Parser) -> None:
    """Add the year, and the optional quarter, that ratings and attendance cover."""
    parser.add_argument("--year", type=integer, required=True)
    parser.add_argument("--quarter", type=integer, help=tr(N_("quarter 1-4 (default: the whole year)")))
