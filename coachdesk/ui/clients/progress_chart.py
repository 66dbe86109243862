"""A small line chart of a goal's 0-10 ratings, drawn with QPainter (Qt Charts is GPL).

Compact enough to sit beside each goal on the client page: the ratings over time as a line,
baseline and target as dashed lines, colours from the palette so it reads in light and dark.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from coachdesk.formatting import format_short_date
from coachdesk.i18n import _

SCALE_MAX = 10
TARGET_COLOUR = QColor("#2e9d4f")  # the same green reads on light and dark backgrounds
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_Y = 18.0, 10.0, 7.0
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ProgressChart(QWidget):
    """Ratings of one goal; ``set_series`` gives it the points, ``clear`` empties it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[tuple[datetime, int]] = []
        self.baseline: int | None = None
        self.target: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(220, 70)

    def set_series(
        self, points: list[tuple[datetime, int]], baseline: int | None, target: int | None
    ) -> None:
        self.points = list(points)
        self.baseline, self.target = baseline, target
        self.setToolTip(self.describe())
        self.setAccessibleName(self.describe())
        self.update()

    def clear(self) -> None:
        self.set_series([], None, None)

    def describe(self) -> str:
        """The chart in words, for the tooltip and screen readers."""
        if not self.points:
            return _("No ratings yet")
        first, last = self.points[0], self.points[-1]
        text = _("{n} ratings from {start} to {end}; latest {score} of 10").format(
            n=len(self.points),
            start=format_short_date(first[0]),
            end=format_short_date(last[0]),
            score=last[1],
        )
        if self.baseline is not None:
            text += "; " + _("baseline {n}").format(n=self.baseline)
        if self.target is not None:
            text += "; " + _("target {n}").format(n=self.target)
        return text

    # -- drawing --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        plot = QRectF(self.rect()).adjusted(MARGIN_LEFT, MARGIN_Y, -MARGIN_RIGHT, -MARGIN_Y)
        self._frame(painter, palette, plot)
        if self.baseline is not None:
            self._level(
                painter, plot, self.baseline, palette.color(QPalette.ColorRole.PlaceholderText)
            )
        if self.target is not None:
            self._level(painter, plot, self.target, TARGET_COLOUR)
        if self.points:
            self._line(painter, palette, plot)
        else:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, _("No ratings yet"))
        painter.end()

    def _frame(self, painter: QPainter, palette: QPalette, plot: QRectF) -> None:
        """A faint 0 and 10 line with their numbers: the scale without clutter."""
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        grid = QColor(muted)
        grid.setAlpha(70)
        painter.setPen(QPen(grid, 1))
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.7, 6.0))
        painter.setFont(font)
        for level in (0, SCALE_MAX):
            y = self._y(plot, level)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            label = QRectF(0, y - 7, MARGIN_LEFT - 4, 14)
            painter.drawText(
                label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(level)
            )

    def _level(self, painter: QPainter, plot: QRectF, score: int, colour: QColor) -> None:
        pen = QPen(colour, 1.2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        y = self._y(plot, score)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))

    def _line(self, painter: QPainter, palette: QPalette, plot: QRectF) -> None:
        colour = palette.color(QPalette.ColorRole.Highlight)
        points = [QPointF(x, self._y(plot, score)) for x, score in self._xs(plot)]
        painter.setPen(QPen(colour, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        if len(points) > 1:
            painter.drawPolyline(QPolygonF(points))
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        for point in points:
            painter.drawEllipse(point, 2.6, 2.6)

    def _xs(self, plot: QRectF) -> list[tuple[float, int]]:
        """Points placed by date, so a long gap between sessions shows as one."""
        start = self.points[0][0].timestamp()
        span = self.points[-1][0].timestamp() - start
        if span <= 0:
            return [(plot.center().x(), score) for _at, score in self.points]
        return [
            (plot.left() + (at.timestamp() - start) / span * plot.width(), score)
            for at, score in self.points
        ]

    @staticmethod
    def _y(plot: QRectF, score: int) -> float:
        return plot.bottom() - max(0, min(score, SCALE_MAX)) / SCALE_MAX * plot.height()
