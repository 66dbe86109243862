"""A line chart of a goal's 0-10 ratings, drawn with QPainter (Qt Charts is GPL).

Two sizes from one drawing: compact (beside each goal on the client page: the line, baseline
and target, 0 and 10) and large (the goal page: a grid every two points, the dates under the
line, each rating's score over its point, baseline and target named at the right edge).
Colours come from the palette, so it reads in light and dark.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from coachdesk.formatting import format_short_date
from coachdesk.i18n import _
from coachdesk.ui.kit import look

SCALE_MAX = 10
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
MAX_SCORE_LABELS = 24  # beyond this, numbers over the points crowd each other
MAX_DATE_LABELS = 6


class ProgressChart(QWidget):
    """Ratings of one goal; ``set_series`` gives it the points, ``clear`` empties it."""

    def __init__(self, parent: QWidget | None = None, *, large: bool = False) -> None:
        super().__init__(parent)
        self.large = large
        self.points: list[tuple[datetime, int]] = []
        self.baseline: int | None = None
        self.target: int | None = None
        if large:
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self.setMinimumSize(360, 200)
        else:
            self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(640, 300) if self.large else QSize(220, 70)

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
    def _plot_area(self) -> QRectF:
        if self.large:
            metrics = self.fontMetrics()
            right = metrics.horizontalAdvance(_("Baseline {n}").format(n=10)) + 14
            return QRectF(self.rect()).adjusted(30, 28, -right, -(metrics.height() + 12))
        return QRectF(self.rect()).adjusted(18.0, 7.0, -10.0, -7.0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        plot = self._plot_area()
        self._frame(painter, palette, plot)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        if self.baseline is not None:
            self._level(painter, plot, self.baseline, muted, _("Baseline {n}"))
        if self.target is not None:
            target = look.colour(look.Colour.SUCCESS, palette)
            self._level(painter, plot, self.target, target, _("Target {n}"))
        if self.points:
            self._line(painter, palette, plot)
            if self.large:
                self._dates(painter, muted, plot)
        else:
            painter.setPen(muted)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, _("No ratings yet"))
        painter.end()

    def _small_font(self, factor: float) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * factor, 6.0))
        return font

    def _frame(self, painter: QPainter, palette: QPalette, plot: QRectF) -> None:
        """Faint scale lines with their numbers: the scale without clutter."""
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        grid = QColor(muted)
        grid.setAlpha(60 if self.large else 70)
        painter.setFont(self._small_font(0.85 if self.large else 0.7))
        levels = range(0, SCALE_MAX + 1, 2) if self.large else (0, SCALE_MAX)
        for level in levels:
            y = self._y(plot, level)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            painter.drawText(QRectF(0, y - 8, plot.left() - 6, 16), RIGHT, str(level))

    def _level(
        self, painter: QPainter, plot: QRectF, score: int, colour: QColor, label: str
    ) -> None:
        painter.setPen(QPen(colour, 1.6 if self.large else 1.2, Qt.PenStyle.DashLine))
        y = self._y(plot, score)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        if self.large:
            painter.setPen(colour)
            painter.setFont(self._small_font(0.85))
            room = QRectF(plot.right() + 6, y - 9, self.width() - plot.right() - 6, 18)
            painter.drawText(room, LEFT, label.format(n=score))

    def _line(self, painter: QPainter, palette: QPalette, plot: QRectF) -> None:
        colour = palette.color(QPalette.ColorRole.Highlight)
        points = [QPointF(x, self._y(plot, score)) for x, score in self._xs(plot)]
        if self.large and len(points) > 1:
            shade = QColor(colour)
            shade.setAlpha(40)
            area = QPolygonF(
                [
                    QPointF(points[0].x(), plot.bottom()),
                    *points,
                    QPointF(points[-1].x(), plot.bottom()),
                ]
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(shade)
            painter.drawPolygon(area)
        width = 2.6 if self.large else 2.0
        painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if len(points) > 1:
            painter.drawPolyline(QPolygonF(points))
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        radius = 4.2 if self.large else 2.6
        for point in points:
            painter.drawEllipse(point, radius, radius)
        if self.large and len(points) <= MAX_SCORE_LABELS:
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            bold = self._small_font(0.9)
            bold.setWeight(QFont.Weight.DemiBold)
            painter.setFont(bold)
            for point, (_at, score) in zip(points, self.points, strict=True):
                box = QRectF(point.x() - 20, point.y() - 24, 40, 16)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(score))

    def _dates(self, painter: QPainter, muted: QColor, plot: QRectF) -> None:
        """A few dates under the line: first, last, and the ratings nearest to evenly spaced
        moments between, so the labels sit evenly along the time axis."""
        xs = self._xs(plot)
        count = len(self.points)
        times = [at.timestamp() for at, _score in self.points]
        step = (times[-1] - times[0]) / (MAX_DATE_LABELS - 1)
        picks = sorted(
            {
                min(range(count), key=lambda n, m=times[0] + i * step: abs(times[n] - m))
                for i in range(MAX_DATE_LABELS)
            }
        )
        painter.setPen(muted)
        painter.setFont(self._small_font(0.85))
        metrics = painter.fontMetrics()
        last_right = float("-inf")
        for index in picks if count > 1 else [0]:
            text = format_short_date(self.points[index][0])
            width = metrics.horizontalAdvance(text) + 8
            x = min(max(xs[index][0] - width / 2, 0.0), self.width() - width)
            if x < last_right:
                continue  # dates close together in time: keep the earlier label only
            painter.drawText(
                QRectF(x, plot.bottom() + 4, width, metrics.height() + 4),
                Qt.AlignmentFlag.AlignCenter,
                text,
            )
            last_right = x + width

    def _xs(self, plot: QRectF) -> list[tuple[float, int]]:
        """Points placed by date, so a long gap between sessions shows as one."""
        inset = 14.0 if self.large else 0.0  # room for the first and last point's labels
        left, width = plot.left() + inset, plot.width() - 2 * inset
        start = self.points[0][0].timestamp()
        span = self.points[-1][0].timestamp() - start
        if span <= 0:
            return [(plot.center().x(), score) for _at, score in self.points]
        return [
            (left + (at.timestamp() - start) / span * width, score) for at, score in self.points
        ]

    @staticmethod
    def _y(plot: QRectF, score: int) -> float:
        return plot.bottom() - max(0, min(score, SCALE_MAX)) / SCALE_MAX * plot.height()
