"""Bar charts of the annexed tables where a picture says it better (reportlab graphics, Vietnamese labels)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..domain.formats import format_number
from .pdf_style import BOLD, REGULAR, TEXT_WIDTH
from .tables import COMMUNE, GAPS, GAPS_BEFORE, ITEM, RECOMMENDATIONS, AnnexTable, CellValue

MAX_CATEGORIES = 25  # more (an area's communes) would not fit a page: the table alone says it
LABEL_SIZE = 10
BAR_HEIGHT = 8
GROUP_GAP = 7
TITLE_ROOM = 22
LEGEND_ROOM = 18
AXIS_ROOM = 18
SERIES_COLORS = (HexColor("#a6a6a6"), HexColor("#1f4e79"))  # tell apart on a black-and-white printer too

Series = tuple[str, Sequence[int]]


def column_values(table: AnnexTable, header: str) -> list[CellValue]:
    """Return the values of a table's column, named by its header."""
    index = [column.header for column in table.columns].index(header)
    return [row[index] for row in table.rows]


def counts(table: AnnexTable, header: str) -> list[int]:
    """Return the numbers of a table's column, named by its header."""
    return [value if isinstance(value, int) else 0 for value in column_values(table, header)]


def axis_step(top: int) -> int:
    """Return an integer step (1, 2, 5, 10, 20...) that cuts [0, top] into at most six ticks."""
    raw = max(1.0, top / 6)
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(step * magnitude for step in (1, 2, 5, 10) if step * magnitude >= raw)


def legend(series: Sequence[Series], colors: Sequence[Color], x: float, y: float) -> Legend:
    """Return a one-line legend of the series."""
    box = Legend()
    box.x, box.y = x, y
    box.alignment = "right"
    box.columnMaximum = 1
    box.fontName, box.fontSize = REGULAR, LABEL_SIZE
    box.dx = box.dy = 8
    box.deltax = max(stringWidth(name, REGULAR, LABEL_SIZE) for name, _values in series) + 36
    box.colorNamePairs = list(zip(colors, [name for name, _values in series], strict=True))
    return box


def series_colors(count: int) -> tuple[Color, ...]:
    """Return the colours of `count` series: a lone series takes the dark one."""
    return SERIES_COLORS[len(SERIES_COLORS) - count:]


def chart(categories: Sequence[str], series: Sequence[Series], label_width: float, height: float) -> HorizontalBarChart:
    """Return horizontal bars per category (first at the top, series in order) with integer ticks and labels."""
    bars = HorizontalBarChart()
    bars.x, bars.y = label_width + 12, AXIS_ROOM
    bars.width, bars.height = TEXT_WIDTH - bars.x - 24, height
    bars.data = [list(reversed(values)) for _name, values in reversed(series)]  # drawn bottom up
    bars.barWidth, bars.groupSpacing, bars.barSpacing = BAR_HEIGHT, GROUP_GAP, 1
    bars.categoryAxis.categoryNames = list(reversed(categories))
    bars.categoryAxis.labels.fontName = REGULAR
    bars.categoryAxis.labels.fontSize = LABEL_SIZE
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.categoryAxis.labels.dx = -8
    top = max(max(values) for _name, values in series)
    step = axis_step(top)
    bars.valueAxis.valueMin, bars.valueAxis.valueStep = 0, step
    bars.valueAxis.valueMax = step * math.ceil(top / step)
    bars.valueAxis.labels.fontName = REGULAR
    bars.valueAxis.labels.fontSize = LABEL_SIZE
    bars.valueAxis.labelTextFormat = format_number
    bars.barLabelFormat = format_number
    bars.barLabels.fontName, bars.barLabels.fontSize = REGULAR, LABEL_SIZE - 1
    bars.barLabels.boxAnchor, bars.barLabels.dx = "w", 3
    for index, color in enumerate(reversed(series_colors(len(series)))):
        bars.bars[index].fillColor = color
        bars.bars[index].strokeColor = None
    return bars


def bar_chart(title: str, categories: Sequence[str], series: Sequence[Series]) -> Drawing | None:
    """Return a titled horizontal bar chart, or None when it would be empty or too tall."""
    if not categories or len(categories) > MAX_CATEGORIES or not any(any(values) for _name, values in series):
        return None
    group = len(series) * (BAR_HEIGHT + 1) + GROUP_GAP
    height = group * len(categories)
    label_width = min(max(stringWidth(name, REGULAR, LABEL_SIZE) for name in categories), 60 * mm)
    legend_room = LEGEND_ROOM if len(series) > 1 else 0
    drawing = Drawing(TEXT_WIDTH, AXIS_ROOM + height + legend_room + TITLE_ROOM, initialFontName=REGULAR)
    drawing.add(chart(categories, series, label_width, height))
    if legend_room:
        drawing.add(legend(series, series_colors(len(series)), label_width + 12, AXIS_ROOM + height + legend_room - 4))
    drawing.add(String(TEXT_WIDTH / 2, drawing.height - 14, title, fontName=BOLD, fontSize=12, textAnchor="middle"))
    return drawing


def coverage_chart(table: AnnexTable) -> Drawing | None:
    """Chart the gaps per commune at the end of the quarter against the end of the previous one."""
    return bar_chart(
        "Biểu đồ: chỗ trống trong phân công phụ trách theo xã",
        [str(name) for name in column_values(table, COMMUNE)],
        [("Cuối quý trước", counts(table, GAPS_BEFORE)), ("Cuối quý", counts(table, GAPS))],
    )


def recommendations_chart(table: AnnexTable) -> Drawing | None:
    """Chart the quarter's recommendations by where they stand."""
    return bar_chart(
        "Biểu đồ: kiến nghị của nhân dân trong quý",
        [str(name) for name in column_values(table, ITEM)],
        [(RECOMMENDATIONS, counts(table, RECOMMENDATIONS))],
    )
