"""The page, the embedded fonts and the paragraph styles of a Party document (Hướng dẫn 36-HD/VPTW)."""

from __future__ import annotations

import re
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from ..domain.text import printable
from ..paths import fonts_dir

NO_BREAK_SPACE = "\u00a0"
PAGE_WIDTH, PAGE_HEIGHT = A4
TOP, BOTTOM, LEFT, RIGHT = 20 * mm, 20 * mm, 30 * mm, 15 * mm
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT  # 165 mm

FAMILY = "LiberationSerif"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = FAMILY, f"{FAMILY}-Bold", f"{FAMILY}-Italic", f"{FAMILY}-BoldItalic"
FONT_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}


@cache
def register_fonts() -> str:
    """Register the bundled Liberation Serif faces as one family (so <b> and <i> find them); return it."""
    for name, file_name in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / file_name)))
    pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    return FAMILY


def style(name: str, size: float, font: str = REGULAR, align: int = TA_CENTER, **extra: float) -> ParagraphStyle:
    """Return a paragraph style in the document's family, leading 1.2 times the size unless given."""
    leading = extra.pop("leading", size * 1.2)
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, alignment=align, **extra)


HIGHER_BODY = style("higher_body", 14)
ISSUING_BODY = style("issuing_body", 14, BOLD)
PARTY_NAME = style("party_name", 15, BOLD)
PLACE_DATE = style("place_date", 14, ITALIC)
DOC_TYPE = style("doc_type", 16, BOLD, spaceBefore=24)
SUBJECT = style("subject", 14, BOLD, spaceBefore=2, spaceAfter=18)
SECTION = style("section", 14, BOLD, TA_JUSTIFY, leading=19, spaceBefore=6, spaceAfter=4, firstLineIndent=10 * mm,
                keepWithNext=1)
BODY = style("body", 14, REGULAR, TA_JUSTIFY, leading=19, spaceAfter=5, firstLineIndent=10 * mm)
RECIPIENTS_TITLE = style("recipients_title", 12, BOLD_ITALIC, TA_LEFT)
RECIPIENT = style("recipient", 11, REGULAR, TA_LEFT, leading=13)
SIGNER = style("signer", 14, BOLD)
PAGE_NUMBER_SIZE = 13
ANNEX_NUMBER = style("annex_number", 13, BOLD, spaceBefore=12)
ANNEX_TITLE = style("annex_title", 13, BOLD, spaceAfter=2)
ANNEX_NOTE = style("annex_note", 12, ITALIC, spaceAfter=6)
CELL_SIZE = 10.5
CELL_LEADING = 12.5


def keep_spaces(text: str) -> str:
    """Keep runs of spaces as typed (a draft's "Số     -BC/..." leaves room for the number by hand)."""
    return re.sub(r" {2,}", lambda run: NO_BREAK_SPACE * len(run.group()), text)


def para(text: str, paragraph_style: ParagraphStyle) -> Paragraph:
    """Return a paragraph of plain text (escaped: the clerk's "<" or "&" print as typed)."""
    return Paragraph(escape(printable(text)), paragraph_style)
