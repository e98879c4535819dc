"""How the application writes dates, times and numbers for people, the Vietnamese way, each in one place.

Dates are day first (05/02/2026), thousands are grouped with a dot and decimals follow a comma (1.234,5).
Machine formats (file names, JSON, SQL) use `date.isoformat()` instead.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal


def format_date(day: date | None) -> str:
    """Write a date as dd/mm/yyyy; no date is an empty text."""
    if day is None:
        return ""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def format_day_month(day: date) -> str:
    """Write a date without its year: dd/mm."""
    return f"{day.day:02d}/{day.month:02d}"


def format_time(moment: datetime | time) -> str:
    """Write a time of day as HH:MM (24 hours)."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def format_timestamp(moment: datetime) -> str:
    """Write a moment date first: dd/mm/yyyy HH:MM."""
    return f"{format_date(moment.date())} {format_time(moment)}"


def format_time_and_date(moment: datetime) -> str:
    """Write a moment time first: HH:MM dd/mm/yyyy."""
    return f"{format_time(moment)} {format_date(moment.date())}"


def format_number(value: float | Decimal, decimals: int = 0) -> str:
    """Write a number with a dot between thousands and a decimal comma, rounded half up: 1.234,5."""
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def format_percent(fraction: float | Decimal) -> str:
    """Write a fraction as a percentage with two decimals and a decimal comma: 0.8571 -> "85,71 %"."""
    return f"{format_number(Decimal(str(fraction)) * 100, 2)} %"


def format_megabytes(size: int) -> str:
    """Write a size in bytes as megabytes with one decimal after a comma, ungrouped: 1234567 -> "1,2"."""
    return f"{size / 1_000_000:.1f}".replace(".", ",")


def format_score(score: float) -> str:
    """Write a rating's score with a decimal comma and no trailing zeros: 85,5."""
    return f"{score:g}".replace(".", ",")
