"""Spans of days in SQL: the conditions and bounds every dated table is read with.

A span is half-open, [start, end): `end` is the first day no longer covered, and an end of NULL means the span
is still open. Where two spans are folded together (a walk down the hierarchy over time), an open end is
FOREVER, so that ends compare without NULLs.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Date, and_, case, func, literal, or_

FOREVER = date(9999, 12, 31)  # the end of an open span, so that spans compare without NULLs

Day = ColumnElement[date] | date


def until_of(end: ColumnElement[date]) -> ColumnElement[date]:
    """Return the end of a span, an open end being FOREVER."""
    return func.coalesce(end, literal(FOREVER, Date()))


def later_of(first: ColumnElement[date], second: ColumnElement[date]) -> ColumnElement[date]:
    """Return the later of two dates."""
    return case((first > second, first), else_=second)


def earlier_of(first: ColumnElement[date], second: ColumnElement[date]) -> ColumnElement[date]:
    """Return the earlier of two dates."""
    return case((first < second, first), else_=second)


def clipped(
    since: ColumnElement[date], until: ColumnElement[date], window: tuple[date, date]
) -> tuple[ColumnElement[date], ColumnElement[date]]:
    """Return the part of a span [since, until) inside a window of days, as (since, until); empty: since >= until."""
    start, end = (literal(bound, Date()) for bound in window)
    return later_of(since, start), earlier_of(until, end)


def ends_after(end: Any, day: Day) -> ColumnElement[bool]:
    """Return the SQL condition that a span whose end is `end` (NULL: open) still covers the day or later ones."""
    return or_(end.is_(None), end > day)


def valid_on(start: Any, end: Any, day: Day) -> ColumnElement[bool]:
    """Return the SQL condition that a span [start, end) (end NULL: open) covers the day."""
    return and_(start <= day, ends_after(end, day))


def overlapping(start: Any, end: Any, since: Day, until: Day) -> ColumnElement[bool]:
    """Return the SQL condition that a span [start, end) (end NULL: open) shares a day with [since, until)."""
    return and_(start < until, ends_after(end, since))
