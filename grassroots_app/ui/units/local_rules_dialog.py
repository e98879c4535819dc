"""The Settings dialog: the local rules of the database, a page per group, checked as typed, stored as one undoable step."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain import hierarchy
from grassroots_app.domain.activities import MAX_PER_YEAR, AttendanceTarget
from grassroots_app.domain.calendar import MAX_VISITS_PER_QUARTER, FreeDayPolicy, MeetingCategory, Shift
from grassroots_app.domain.errors import DomainError, render_phrase
from grassroots_app.domain.local_rules import RULE_LEVELS, LocalRules, check_local_rules, parse_days
from grassroots_app.domain.model import Flag, Level, Tier
from grassroots_app.domain.rules import MAX_MINIMUM, GraspRule, holders
from grassroots_app.domain.settings import MAX_TENURE_MONTHS, MAX_WORKLOAD_THRESHOLD
from grassroots_app.services import local_rules
from grassroots_app.ui.context import AppContext
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.lifetime import silence
from grassroots_app.ui.shared.widgets import EditDialog, choices, choose_member, chosen_member

DAYS_KEY = "calendar.days"


def _spin(low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box


def _offered_tiers(local: LocalRules) -> tuple[Tier, ...]:
    """Return the tiers a rule may name: no district tier in a two-level database (unless a rule names it)."""
    named = {tier for rule in local.rules for tier in rule.tiers}
    model = hierarchy.model_tiers(local.settings.preset)
    return tuple(tier for tier in Tier if tier in model or tier in named)


class MemberChecks(QWidget):
    """A row of check boxes, one per member of an enum (tiers or memberships)."""

    def __init__(self, members: tuple[Tier, ...] | tuple[Flag, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = {member: QCheckBox(tr(member.label)) for member in members}
        for box in self.boxes.values():
            layout.addWidget(box)
        layout.addStretch()
        if self.boxes:
            self.setFocusProxy(next(iter(self.boxes.values())))  # its label leads to the first box

    def set_members(self, chosen: frozenset[Tier] | frozenset[Flag]) -> None:
        """Tick the chosen members, untick the others."""
        for member, box in self.boxes.items():
            box.setChecked(member in chosen)

    def members(self) -> frozenset[Any]:  # of Tier or of Flag, as the boxes
        """Return the ticked members."""
        return frozenset(member for member, box in self.boxes.items() if box.isChecked())


class RulesPage(QWidget):
    """The grasp rules: a list of roles, and the chosen one's holders and minimum."""

    def __init__(self, rules: tuple[GraspRule, ...], tiers: tuple[Tier, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules = list(rules)
        self.stored = {(rule.target_level, rule.role) for rule in rules}
        self.list = QListWidget()
        self.level = choices(RULE_LEVELS)
        self.role = QLineEdit()
        self.tiers = MemberChecks(tiers)
        self.flags = MemberChecks(tuple(Flag))
        self.any_tier = MemberChecks(tuple(Flag))
        self.minimum = _spin(0, MAX_MINIMUM, 1)
        self.holders = QLabel()
        self.holders.setWordWrap(True)
        self.add_button = QPushButton(tr("&Add a role"))
        self.remove_button = QPushButton(tr("&Remove the role"))
        form = QFormLayout()
        form.addRow(tr("Level"), self.level)
        form.addRow(tr("Role"), self.role)
        form.addRow(tr("Cadres of the tiers"), self.tiers)
        form.addRow(tr("…holding one of"), self.flags)
        form.addRow(tr("Or of any tier, holding one of"), self.any_tier)
        form.addRow(tr("Required on each"), self.minimum)
        form.addRow(tr("Who may hold it"), self.holders)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(form)
        self._fill_list()
        self.list.currentRowChanged.connect(self._show)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.list.setCurrentRow(0)

    def editors(self) -> list[QWidget]:
        """Return the fields whose change alters the chosen rule."""
        return [self.level, self.role, self.minimum, *self.tiers.boxes.values(), *self.flags.boxes.values(),
                *self.any_tier.boxes.values()]

    def _fill_list(self) -> None:
        self.list.clear()
        for rule in self.rules:
            self.list.addItem(f"{tr(rule.target_level.label)} — {rule.role}")

    def _show(self, row: int) -> None:
        """Show the rule of a row in the fields."""
        has_rule = 0 <= row < len(self.rules)
        for editor in (*self.editors(), self.remove_button):
            editor.setEnabled(has_rule)
        if not has_rule:
            return
        rule = self.rules[row]
        for editor in self.editors():
            editor.blockSignals(True)
        choose_member(self.level, rule.target_level)
        self.role.setText(rule.role)
        self.tiers.set_members(rule.tiers)
        self.flags.set_members(rule.flags)
        self.any_tier.set_members(rule.any_tier_flags)
        self.minimum.setValue(rule.minimum)
        for editor in self.editors():
            editor.blockSignals(False)
        is_new = (rule.target_level, rule.role) not in self.stored  # a stored role keeps its level and name:
        self.level.setEnabled(is_new)  # the assignments name it
        self.role.setEnabled(is_new)
        self.holders.setText(render_phrase(holders(rule), tr))

    def edited(self) -> GraspRule | None:
        """Return the chosen rule as the fields now describe it (raises DomainError), None when none is chosen."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.rules):
            return None
        level = chosen_member(self.level, Level)
        assert level is not None
        rule = GraspRule(level, self.role.text(), self.tiers.members(), self.flags.members(), self.minimum.value(),
                         self.any_tier.members())
        self.rules[row] = rule
        self.list.item(row).setText(f"{tr(rule.target_level.label)} — {rule.role}")
        self.holders.setText(render_phrase(holders(rule), tr))
        return rule

    def _add(self) -> None:
        """Add a new role (a commune cadre's, on a group) and put the cursor in its name."""
        self.rules.append(GraspRule(Level.GROUP, "", frozenset({Tier.COMMUNE})))
        self._fill_list()
        self.list.setCurrentRow(len(self.rules) - 1)
        self.role.setFocus()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.rules):
            del self.rules[row]
            self._fill_list()
            self.list.setCurrentRow(min(row, len(self.rules) - 1))


class TargetsTable(QTableWidget):
    """The attendance targets: a row per tier and membership, with the meetings a year."""

    def __init__(
        self, targets: tuple[AttendanceTarget, ...], tiers: tuple[Tier, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(0, 3, parent)
        self.tiers = tiers
        self.setHorizontalHeaderLabels([tr("Tier"), tr("Membership"), tr("Meetings a year")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        for target in targets:
            self.add_target(target)

    def add_target(self, target: AttendanceTarget) -> None:
        """Add a row showing a target."""
        row = self.rowCount()
        self.insertRow(row)
        offered = self.tiers if target.tier is None or target.tier in self.tiers else (*self.tiers, target.tier)
        tier, flag = choices(offered, empty=True), choices(tuple(Flag), empty=True)
        tier.setItemText(0, tr("any tier"))
        flag.setItemText(0, tr("any membership"))
        choose_member(tier, target.tier)
        choose_member(flag, target.flag)
        self.setCellWidget(row, 0, tier)
        self.setCellWidget(row, 1, flag)
        self.setCellWidget(row, 2, _spin(0, MAX_PER_YEAR, target.per_year))
        # A target of a tier the model lacks (the district's, in a two-level database) is kept, not shown.
        self.setRowHidden(row, offered is not self.tiers)

    def targets(self) -> tuple[AttendanceTarget, ...]:
        """Return the targets as the rows show them."""
        found = []
        for row in range(self.rowCount()):
            tier, flag, per_year = (self.cellWidget(row, column) for column in range(3))
            assert isinstance(tier, QComboBox) and isinstance(flag, QComboBox) and isinstance(per_year, QSpinBox)
            found.append(AttendanceTarget(chosen_member(tier, Tier), chosen_member(flag, Flag), per_year.value()))
        return tuple(found)


class LocalRulesDialog(EditDialog):
    """Change the local rules: tenure and workload, meeting-free days, attendance targets, grasp rules."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, tr("Settings"), parent)
        self.current: LocalRules = context.read(local_rules.local_rules)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._assignments_page(), tr("Assignments"))
        self.tabs.addTab(self._calendar_page(), tr("Meeting-free days"))
        self.tabs.addTab(self._attendance_page(), tr("Attendance targets"))
        self.rules = RulesPage(self.current.rules, _offered_tiers(self.current))
        self.tabs.addTab(self.rules, tr("Grasp rules"))
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.tabs, 1)
        self._watch()
        self.finished.connect(lambda _code: silence(self))  # no check runs on fields being torn down


    def _assignments_page(self) -> QWidget:
        settings = self.current.settings
        self.tenure = _spin(0, MAX_TENURE_MONTHS, settings.min_tenure_months)
        self.tenure.setSuffix(tr(" months"))
        self.workload = _spin(1, MAX_WORKLOAD_THRESHOLD, settings.workload_threshold)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(tr("Minimum tenure of an assignment"), self.tenure)
        form.addRow(tr("Targets a cadre may hold before the workload is flagged"), self.workload)
        return page

    def _calendar_page(self) -> QWidget:
        policy = self.current.policy
        self.days = QLineEdit(", ".join(str(day) for day in policy.days))
        self.days.setToolTip(tr("Days of the month, separated by commas: 9, 15"))
        self.shift = choices(tuple(Shift))
        choose_member(self.shift, policy.shift)
        self.allowed = {category: QCheckBox(tr(category.label)) for category in MeetingCategory}
        for category, box in self.allowed.items():
            box.setChecked(category in policy.allowed)
        self.visits = _spin(1, MAX_VISITS_PER_QUARTER, policy.visits_per_quarter)
        allowed = QWidget()
        column = QVBoxLayout(allowed)
        column.setContentsMargins(0, 0, 0, 0)
        for box in self.allowed.values():
            column.addWidget(box)
        allowed.setFocusProxy(next(iter(self.allowed.values())))  # its label leads to the first box
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(tr("Meeting-free days of each month"), self.days)
        form.addRow(tr("When one falls on a weekend or a day off"), self.shift)
        form.addRow(tr("Meetings still allowed on those days"), allowed)
        form.addRow(tr("Base visits to each target per quarter"), self.visits)
        return page

    def _attendance_page(self) -> QWidget:
        self.targets = TargetsTable(self.current.targets, hierarchy.model_tiers(self.current.settings.preset))
        add, remove = QPushButton(tr("Add a &target")), QPushButton(tr("Remove the t&arget"))
        add.clicked.connect(self._add_target)
        remove.clicked.connect(self._remove_target)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(tr("Party meetings a year each cadre must attend; the highest target that fits "
                                   "a cadre counts.")))
        layout.addWidget(self.targets, 1)
        layout.addLayout(buttons)
        return page

    def _add_target(self) -> None:
        self.targets.add_target(AttendanceTarget(None, Flag.PARTY_MEMBER, 1))
        self._watch_row(self.targets.rowCount() - 1)
        self.check()

    def _remove_target(self) -> None:
        self.targets.removeRow(self.targets.currentRow() if self.targets.currentRow() >= 0 else self.targets.rowCount() - 1)
        self.check()

    def _watch_row(self, row: int) -> None:
        for column in range(3):
            widget = self.targets.cellWidget(row, column)
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.check)
            elif isinstance(widget, QSpinBox):
                widget.valueChanged.connect(self.check)

    def _watch(self) -> None:
        """Check the values again whenever one changes."""
        for box in (self.tenure, self.workload, self.visits, self.rules.minimum):
            box.valueChanged.connect(self.check)
        for edit in (self.days, self.rules.role):
            edit.textEdited.connect(self.check)
        for combo in (self.shift, self.rules.level):
            combo.currentIndexChanged.connect(self.check)
        for tick in (*self.allowed.values(), *self.rules.tiers.boxes.values(), *self.rules.flags.boxes.values(),
                     *self.rules.any_tier.boxes.values()):
            tick.toggled.connect(self.check)
        for row in range(self.targets.rowCount()):
            self._watch_row(row)
        self.rules.add_button.clicked.connect(self.check)
        self.rules.remove_button.clicked.connect(self.check)

    def values(self) -> LocalRules:
        """Return the local rules as the fields describe them, checked (raises DomainError)."""
        self.rules.edited()
        settings = replace(self.current.settings, min_tenure_months=self.tenure.value(),
                           workload_threshold=self.workload.value())
        shift = chosen_member(self.shift, Shift)
        policy = FreeDayPolicy(parse_days(DAYS_KEY, self.days.text()), shift or Shift.KEEP,
                               frozenset(category for category, box in self.allowed.items() if box.isChecked()),
                               self.visits.value())
        return check_local_rules(LocalRules(settings, policy, self.targets.targets(), tuple(self.rules.rules)))

    def check(self) -> bool:
        """Show what is wrong with the values (OK is refused meanwhile); return whether they hold."""
        ok_button = self.buttons.button(self.buttons.StandardButton.Ok)
        try:
            self.values()
        except DomainError as error:
            self.error.show_error(error, until_edited=False)  # checked again at every change
            ok_button.setEnabled(False)
            return False
        self.error.clear_error()
        ok_button.setEnabled(True)
        return True

    def submit(self) -> None:
        """Store the local rules as one undoable step."""
        if self.check():
            self.run_edit(tr("Change the settings"), local_rules.save_local_rules, self.values())
