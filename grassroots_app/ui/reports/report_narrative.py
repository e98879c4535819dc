"""The clerk's part of a report: the heading, sections I–V, the recipients and the signer, read-only once issued."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from grassroots_app.domain.errors import N_
from grassroots_app.domain.reports.model import Narrative, Signer
from grassroots_app.domain.reports.records import ReportDraft
from grassroots_app.ui.i18n import tr
from grassroots_app.ui.shared.widgets import date_edit, from_qdate, to_qdate

SECTIONS = (
    ("situation", N_("I. The &situation in the area")),
    ("results", N_("II. &Results")),
    ("assessment", N_("III. &Assessment: strengths, limits, causes")),
    ("next_tasks", N_("IV. Tasks for the &next quarter")),
    ("proposals", N_("V. Pr&oposals")),
)
CAPACITIES = ("T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN")  # the document's words; "" when the head signs directly
SECTION_LINES = 7
READ_ONLY_STYLE = "QLineEdit:read-only, QPlainTextEdit:read-only, QDateEdit:read-only { background: #ececec; }"
RECIPIENT_LINES = 5


def _text_box(lines: int) -> QPlainTextEdit:
    """Return a multi-line editor about `lines` lines high, Tab moving on to the next field."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def _set_text(field: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Put text in a field unless it holds it already (the cursor stays where it was)."""
    if isinstance(field, QLineEdit):
        if field.text() != text:
            field.setText(text)
            field.home(False)
    elif field.toPlainText() != text:
        field.setPlainText(text)


class NarrativeForm(QScrollArea):
    """Edit a draft's heading, sections, recipients and signer; `edited` on every change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.lines = {name: QLineEdit() for name in ("higher_body", "issuing_body", "symbol", "place", "subject",
                                                     "title", "name")}
        self.issued_on = date_edit(date.today())
        self.sections = {name: _text_box(SECTION_LINES) for name, _title in SECTIONS}
        self.recipients = _text_box(RECIPIENT_LINES)
        self.capacity = QComboBox()
        self.capacity.addItem(tr("None: the head signs directly"), "")
        for capacity in CAPACITIES:
            self.capacity.addItem(capacity, capacity)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self._heading_box())
        layout.addWidget(self._sections_box())
        layout.addWidget(self._closing_box())
        layout.addStretch()
        page.setStyleSheet(READ_ONLY_STYLE)
        self.setWidget(page)
        self._connect()

    def _heading_box(self) -> QGroupBox:
        box = QGroupBox(tr("Heading"))
        grid = QGridLayout(box)
        placed = (
            (tr("&Higher body"), self.lines["higher_body"], 0, 0), (tr("S&ymbol"), self.lines["symbol"], 0, 2),
            (tr("Issuing &body"), self.lines["issuing_body"], 1, 0), (tr("P&lace"), self.lines["place"], 1, 2),
            (tr("Su&bject"), self.lines["subject"], 2, 0), (tr("Da&te"), self.issued_on, 2, 2),
        )
        for text, field, row, column in placed:
            label = QLabel(text)
            label.setBuddy(field)
            grid.addWidget(label, row, column)
            grid.addWidget(field, row, column + 1)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 1)
        self.lines["higher_body"].setPlaceholderText("ĐẢNG BỘ TỈNH …")
        self.lines["symbol"].setPlaceholderText("BC/BTCTU")
        return box

    def _sections_box(self) -> QGroupBox:
        box = QGroupBox(tr("Sections (paragraphs separated by a blank line)"))
        column = QVBoxLayout(box)
        for name, title in SECTIONS:
            label = QLabel(tr(title))
            label.setBuddy(self.sections[name])
            column.addWidget(label)
            column.addWidget(self.sections[name])
        return box

    def _closing_box(self) -> QGroupBox:
        box = QGroupBox(tr("Recipients and signer"))
        recipients = QVBoxLayout()
        label = QLabel(tr("Re&cipients (one a line; \"Lưu.\" is added last)"))
        label.setBuddy(self.recipients)
        recipients.addWidget(label)
        recipients.addWidget(self.recipients)
        signer = QFormLayout()
        signer.addRow(tr("Ca&pacity"), self.capacity)
        signer.addRow(tr("Signer's t&itle"), self.lines["title"])
        signer.addRow(tr("Signer's na&me"), self.lines["name"])
        for field in (self.capacity, self.lines["title"], self.lines["name"]):
            caption = signer.labelForField(field)
            if isinstance(caption, QLabel):
                caption.setBuddy(field)
        row = QHBoxLayout(box)
        row.addLayout(recipients, 1)
        row.addLayout(signer, 1)
        return box

    def _connect(self) -> None:
        for line in self.lines.values():
            line.textChanged.connect(self.edited)
        for box in (*self.sections.values(), self.recipients):
            box.textChanged.connect(self.edited)
        self.issued_on.dateChanged.connect(self.edited)
        self.capacity.currentIndexChanged.connect(self.edited)

    # --- to and from a draft ------------------------------------------------------------------

    def set_draft(self, draft: ReportDraft) -> None:
        """Show a draft's texts (the fields already holding them keep their cursor); no `edited` signal."""
        blockers = [QSignalBlocker(field) for field in (*self.lines.values(), *self.sections.values(),
                                                         self.recipients, self.issued_on, self.capacity)]
        narrative, signer = draft.narrative, draft.narrative.signer
        for name, text in (("higher_body", draft.higher_body), ("issuing_body", draft.issuing_body),
                           ("symbol", draft.symbol), ("place", draft.place), ("subject", draft.subject),
                           ("title", signer.title), ("name", signer.name)):
            _set_text(self.lines[name], text)
        for name, _title in SECTIONS:
            _set_text(self.sections[name], getattr(narrative, name))
        _set_text(self.recipients, "\n".join(narrative.recipients))
        self.issued_on.setDate(to_qdate(draft.issued_on))
        if self.capacity.findData(signer.capacity) < 0:
            self.capacity.addItem(signer.capacity, signer.capacity)
        self.capacity.setCurrentIndex(self.capacity.findData(signer.capacity))
        del blockers

    def draft(self, base: ReportDraft) -> ReportDraft:
        """Return the draft with the texts of the form (what it covers and its id taken from `base`)."""
        line = {name: field.text() for name, field in self.lines.items()}
        signer = Signer(str(self.capacity.currentData()), line["title"], line["name"])
        recipients = tuple(text for text in self.recipients.toPlainText().split("\n") if text.strip())
        sections = {name: self.sections[name].toPlainText() for name, _title in SECTIONS}
        return replace(
            base, issued_on=from_qdate(self.issued_on.date()), symbol=line["symbol"], place=line["place"],
            higher_body=line["higher_body"], issuing_body=line["issuing_body"], subject=line["subject"],
            narrative=Narrative(**sections, recipients=recipients, signer=signer),
        )

    def set_read_only(self, read_only: bool) -> None:
        """Lock the texts (still selectable and copyable) and the choices, or unlock them."""
        texts: list[QLineEdit | QPlainTextEdit] = [*self.lines.values(), *self.sections.values(), self.recipients]
        for field in texts:
            field.setReadOnly(read_only)
        self.issued_on.setReadOnly(read_only)
        self.capacity.setEnabled(not read_only)
