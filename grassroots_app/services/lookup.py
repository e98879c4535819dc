"""Finding one record by id or by name, the same way for every kind of record."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from grassroots_app.domain.errors import InvalidInput, NotFound

T = TypeVar("T")


def by_id(found: T | None, missing: str, record_id: str) -> T:
    """Return the record found by id, or refuse with the `missing` message ({id})."""
    if found is None:
        raise NotFound(missing, id=record_id)
    return found


def by_id_or_name(
    get: Callable[[str], T | None], named: Callable[[str], Sequence[T]], reference: str,
    unknown: str, ambiguous: str,
) -> T:
    """Return the record with that id, else the only one with that name; refuse none or several ({name})."""
    found = get(reference.strip())
    if found is not None:
        return found
    matches = named(reference)
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFound(unknown, name=reference)
    raise InvalidInput(ambiguous, name=reference)
