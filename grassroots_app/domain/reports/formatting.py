"""How a Vietnamese report writes changes, quarters, its place-and-date line and its recipients (pure functions)."""

from __future__ import annotations

from datetime import date

from grassroots_app.domain.formats import format_number

ROMAN_QUARTERS = ("I", "II", "III", "IV")
LAST_RECIPIENT = "Lưu."


def format_change(value: int) -> str:
    """Write a change with its sign: +2, -1, 0."""
    return f"+{format_number(value)}" if value > 0 else format_number(value)


def place_and_date(place: str, day: date) -> str:
    """Write the header's place-and-date line: days below 10 and months 1-2 take a leading zero."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def quarter_label(quarter: int, year: int) -> str:
    """Name a quarter as the report does: "quý III năm 2026"."""
    return f"quý {ROMAN_QUARTERS[quarter - 1]} năm {year}"


def recipient_lines(recipients: tuple[str, ...]) -> list[str]:
    """Write the "Nơi nhận" list: "- name," per recipient, ending with "- Lưu."."""
    names = [name.strip().rstrip(".,;") for name in recipients if name.strip().rstrip(".,;")]
    if not names or not names[-1].startswith("Lưu"):
        names.append(LAST_RECIPIENT.rstrip("."))
    return [f"- {name}," for name in names[:-1]] + [f"- {names[-1]}."]
