"""The text part of the report: header blocks, document type and subject, sections I-V, recipients, signer."""

from __future__ import annotations

from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, HRFlowable, Spacer, Table, TableStyle

from ..domain.reports.formatting import place_and_date, recipient_lines
from ..domain.reports.model import Heading, Narrative
from .pdf_style import (
    BODY,
    DOC_TYPE,
    HIGHER_BODY,
    ISSUING_BODY,
    PARTY_NAME,
    PLACE_DATE,
    RECIPIENT,
    RECIPIENTS_TITLE,
    REGULAR,
    SECTION,
    SIGNER,
    SUBJECT,
    TEXT_WIDTH,
    keep_spaces,
    para,
)

PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
MIN_LEFT_BLOCK = 60 * mm  # the higher and the issuing body, the "*" and the number
RIGHT_MARGIN_IN_BLOCK = 6 * mm
SIGNATURE_ROOM = 24 * mm
NOTHING = "Không có."
SECTION_TITLES = (
    "I. Tình hình chung trên địa bàn",
    "II. Kết quả thực hiện",
    "III. Đánh giá",
    "IV. Nhiệm vụ quý tới",
    "V. Đề xuất, kiến nghị",
)
BORDERLESS = TableStyle([
    ("FONT", (0, 0), (-1, -1), REGULAR, 14),
    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
])


def party_rule() -> HRFlowable:
    """Return the solid rule under "ĐẢNG CỘNG SẢN VIỆT NAM", exactly as long as the text."""
    length = stringWidth(PARTY, PARTY_NAME.fontName, PARTY_NAME.fontSize)
    return HRFlowable(width=length, thickness=0.75, lineCap="butt", color=black, spaceBefore=2, spaceAfter=2)


def widths(place_date: str) -> list[float]:
    """Return the header's two column widths: the right block as wide as its longer line (if room is left)."""
    right = max(stringWidth(PARTY, PARTY_NAME.fontName, PARTY_NAME.fontSize),
                stringWidth(place_date, PLACE_DATE.fontName, PLACE_DATE.fontSize)) + RIGHT_MARGIN_IN_BLOCK
    right = min(right, TEXT_WIDTH - MIN_LEFT_BLOCK)
    return [TEXT_WIDTH - right, right]


def header(heading: Heading) -> Table:
    """Return the two header blocks side by side, the number on the line of the place and date."""
    place_date = place_and_date(heading.place, heading.issued_on)
    rows = [
        [para(heading.higher_body.upper(), HIGHER_BODY), [para(PARTY, PARTY_NAME), party_rule()]],
        [para(heading.issuing_body.upper(), ISSUING_BODY), ""],
        [para("*", HIGHER_BODY), ""],
        [para(keep_spaces(heading.number), HIGHER_BODY), para(place_date, PLACE_DATE)],
    ]
    return Table(rows, colWidths=widths(place_date), style=BORDERLESS)


def title(heading: Heading) -> list[Flowable]:
    """Return the document type "BÁO CÁO" and the subject line."""
    return [para("BÁO CÁO", DOC_TYPE), para(heading.subject, SUBJECT)]


def paragraphs(text: str) -> list[str]:
    """Split the clerk's text into paragraphs: one per non-blank line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def sections(narrative: Narrative) -> list[list[Flowable]]:
    """Return sections I-V, each its title and the clerk's paragraphs ("Không có." under an empty one)."""
    texts = (narrative.situation, narrative.results, narrative.assessment, narrative.next_tasks, narrative.proposals)
    return [
        [para(section_title, SECTION), *(para(paragraph, BODY) for paragraph in paragraphs(text) or [NOTHING])]
        for section_title, text in zip(SECTION_TITLES, texts, strict=True)
    ]


def closing(narrative: Narrative) -> Table:
    """Return "Nơi nhận" with the recipients bottom left and the signature block bottom right, kept together."""
    recipients = [para("Nơi nhận:", RECIPIENTS_TITLE)]
    recipients += [para(line, RECIPIENT) for line in recipient_lines(narrative.recipients)]
    signer = narrative.signer
    signature = [para(line.upper(), SIGNER) for line in (signer.capacity, signer.title) if line]
    signature += [Spacer(1, SIGNATURE_ROOM), para(signer.name, SIGNER)]
    table = Table([[recipients, signature]], colWidths=[TEXT_WIDTH * 0.45, TEXT_WIDTH * 0.55], style=BORDERLESS)
    table.spaceBefore = 12
    return table
