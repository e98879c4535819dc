"""The dialog that records a new cadre or edits one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import pairwise

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from grassroots_app.domain.formats import format_date
from grassroots_app.domain.model import Cadre, CadreStatus, Gender, Tier
from grassroots_app.services import cadres
from grassroots_app.services.roster import CadreTarget, leaving_targets
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.field_labels import field_label
from grassroots_app.ui.shared.widgets import (
    EditDialog,
    choices,
    choose_member,
    chosen_member,
    date_edit,
    from_qdate,
)

MAX_YEAR = 9999


def _ending_line(target: CadreTarget) -> str:
    """Return one assignment that ends as the dialog lists it: where, the role, since when."""
    since = tr("from {day}").format(day=format_date(target.assignment.period.start))
    return f"• {target.path} — {target.assignment.role} ({since})"


class CadreDialog(EditDialog):
    """Add a cadre (no cadre given) or edit one; refusals are shown next to the fields."""

    def __init__(self, context: AppContext, cadre: Cadre | None = None, parent: QWidget | None = None) -> None:
        super().__init__(context, tr("Edit a cadre") if cadre else tr("Add a cadre"), parent)
        self.cadre = cadre
        self._build()
        if cadre is not None:
            self._show(cadre)

    def _build(self) -> None:
        self.full_name = QLineEdit()
        self.gender = choices(Gender, empty=True)
        self.birth_year = QLineEdit()
        self.birth_year.setValidator(QIntValidator(0, MAX_YEAR, self.birth_year))
        self.position = QLineEdit()
        self.workplace = QLineEdit()
        self.tier = choices(self.context.read(cadres.offered_tiers, self.cadre.tier if self.cadre else None))
        self.standing = QCheckBox(field_label("is_standing"))
        self.committee = QCheckBox(field_label("is_committee"))
        self.party_member = QCheckBox(field_label("is_party_member"))
        self.phone = QLineEdit()
        self.status = choices(CadreStatus)
        rows = (
            (field_label("full_name"), self.full_name), (field_label("gender"), self.gender), (field_label("birth_year"), self.birth_year),
            (field_label("position"), self.position), (field_label("workplace"), self.workplace), (field_label("tier"), self.tier),
            ("", self.standing), ("", self.committee), ("", self.party_member),
            (field_label("phone"), self.phone), (field_label("status"), self.status),
        )
        for label, field in rows:
            self.form.addRow(label, field)
        self._build_leaving()
        chain = [*(field for _label, field in rows), self.left_on, self.reason, self.buttons]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)
        self.status.currentIndexChanged.connect(self._show_leaving)
        self._show_leaving()

    def _build_leaving(self) -> None:
        """Add the fields a departure asks for: the day, the reason, and the assignments that end."""
        self.left_on = date_edit(date.today())
        self.reason = QLineEdit()
        self.ending = QLabel()
        self.ending.setWordWrap(True)
        self.form.addRow(tr("Left on"), self.left_on)
        self.form.addRow(tr("Reason for leaving"), self.reason)
        self.form.addRow(self.ending)

    def leaves(self) -> bool:
        """Return whether the status chosen makes an active (or new) cadre leave."""
        chosen = chosen_member(self.status, CadreStatus) is CadreStatus.LEFT
        return chosen and (self.cadre is None or self.cadre.status is not CadreStatus.LEFT)

    def _show_leaving(self) -> None:
        """Show the day, the reason and the assignments that end only while the cadre is being made to leave."""
        leaving = self.leaves()
        if leaving and self.cadre is not None:
            ending = self.context.read(leaving_targets, self.cadre.id, self.context.as_of)
            lines = [_ending_line(target) for target in ending]
            head = tr("This assignment ends on the day the cadre leaves:") if len(ending) == 1 else \
                tr("These {count} assignments end on the day the cadre leaves:").format(count=len(ending))
            self.ending.setText("\n".join([head, *lines]) if ending else tr("No assignment ends."))
        else:
            self.ending.setText("")
        for field in (self.left_on, self.reason, self.ending):
            self.form.setRowVisible(field, leaving)
        self.adjustSize()

    def _show(self, cadre: Cadre) -> None:
        self.full_name.setText(cadre.full_name)
        choose_member(self.gender, cadre.gender)
        self.birth_year.setText("" if cadre.birth_year is None else str(cadre.birth_year))
        self.position.setText(cadre.position)
        self.workplace.setText(cadre.workplace)
        choose_member(self.tier, cadre.tier)
        self.standing.setChecked(cadre.is_standing)
        self.committee.setChecked(cadre.is_committee)
        self.party_member.setChecked(cadre.is_party_member)
        self.phone.setText(cadre.phone)
        choose_member(self.status, cadre.status)

    def entered(self) -> Cadre:
        """Return the cadre as the fields describe it (status kept as before: see submit)."""
        year = self.birth_year.text().strip()
        base = self.cadre or Cadre(id="", full_name="", tier=Tier.COMMUNE)
        return replace(
            base,
            full_name=self.full_name.text(),
            gender=chosen_member(self.gender, Gender),
            birth_year=int(year) if year else None,
            position=self.position.text(),
            workplace=self.workplace.text(),
            tier=chosen_member(self.tier, Tier) or Tier.COMMUNE,
            is_standing=self.standing.isChecked(),
            is_committee=self.committee.isChecked(),
            is_party_member=self.party_member.isChecked(),
            phone=self.phone.text(),
        )

    def submit(self) -> None:
        """Save the cadre (leaving ends the open assignments, in the same step); close once saved."""
        status = chosen_member(self.status, CadreStatus) or CadreStatus.ACTIVE
        if self.cadre is None:
            left = from_qdate(self.left_on.date()) if status is CadreStatus.LEFT else None
            new = replace(self.entered(), status=status, status_date=left)
            self.run_edit(tr("Add {name}").format(name=new.full_name.strip()), cadres.add_cadre, new)
        else:
            on = from_qdate(self.left_on.date()) if self.leaves() else None
            self.run_edit(tr("Edit {name}").format(name=self.cadre.full_name), cadres.edit_cadre,
                          replace(self.entered(), status=status), on, self.reason.text())

    @property
    def saved(self) -> Cadre | None:
        """Return the cadre as saved (None until then)."""
        result: Cadre | None = self.result_value
        return result
