"""The labels of the stored fields as the forms show them: one place for the forms and the history of changes."""

from __future__ import annotations

from grassroots_app.domain.errors import N_
from grassroots_app.ui.i18n import tr

FIELD_LABELS = {  # a column's name → its label (a name used by several tables means the same in each)
    "name": N_("Name"), "kind": N_("Kind"), "code": N_("Official code"), "is_remote": N_("Mountain or remote area"),
    "households": N_("Households"), "population": N_("Population"), "party_members": N_("Party members"),
    "valid_from": N_("From"), "valid_to": N_("Ends on"),
    "full_name": N_("Full name"), "gender": N_("Gender"), "birth_year": N_("Birth year"), "position": N_("Position"),
    "workplace": N_("Workplace"), "tier": N_("Tier"), "is_standing": N_("Member of the Standing Committee"),
    "is_committee": N_("Member of the Party Committee"), "is_party_member": N_("Party member"),
    "phone": N_("Phone"), "status": N_("Status"),
    "role": N_("Role"), "start_date": N_("From"), "end_date": N_("Ends on"), "decision_number": N_("Decision number"),
    "decision_date": N_("Decision date"), "note": N_("Note"), "end_reason": N_("Reason for ending"),
    "day": N_("Date"), "duration_minutes": N_("Minutes"), "notes": N_("Notes"),
    "title": N_("Title"), "organizer": N_("Organizer"), "place": N_("Place"), "category": N_("Category"),
    "reason": N_("Reason"),
}


def field_label(column: str) -> str:
    """Return a stored column's label as the forms show it, translated (the column's own name when it has none)."""
    return tr(FIELD_LABELS[column]) if column in FIELD_LABELS else column
