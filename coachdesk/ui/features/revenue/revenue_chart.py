"""A year's invoiced, paid and outstanding amounts by month, as grouped bars drawn with
QPainter, with a legend; colours by meaning from the look, so the dark theme reads too."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from coachdesk.i18n import _
from coachdesk.services.billing.revenue import MonthRevenue
from coachdesk.ui.kit import look
from coachdesk.ui.kit.look import Colour

PAD = 12
LEGEND_SWATCH = 12


def series() -> tuple[tuple[str, str, Colour], ...]:
    """The attribute of ``MonthRevenue``, its label and colour, in drawing order."""
    return (
        ("invoiced", _("Invoiced"), Colour.INFO),
        ("paid", _("Paid"), Colour.SUCCESS),
        ("outstanding", _("Outstanding"), Colour.WARNING),
    )


def month_initials() -> tuple[str, ...]:
    return (
        _("Jan"),
        _("Feb"),
        _("Mar"),
        _("Apr"),
        _("May"),
        _("Jun"),
        _("Jul"),
        _("Aug"),
        _("Sep"),
        _("Oct"),
        _("Nov"),
        _("Dec"),
    )


class RevenueChart(QWidget):
    """``show_months`` fills it; ``clear`` leaves the axes and legend only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: tuple[MonthRevenue, ...] = ()
        self.top_label = ""  # the highest amount, as the top line's label
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Revenue by month"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(720, 280)

    def show_months(self, months: Sequence[MonthRevenue], top_label: str = "") -> None:
        self.months, self.top_label = tuple(months), top_label
        self.update()

    def clear(self) -> None:
        self.show_months(())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        line = metrics.height()
        legend_x = PAD
        for _name, label, colour in series():
            painter.fillRect(
                QRectF(legend_x, PAD + (line - LEGEND_SWATCH) / 2, LEGEND_SWATCH, LEGEND_SWATCH),
                look.colour(colour, palette),
            )
            painter.setPen(text)
            painter.drawText(int(legend_x + LEGEND_SWATCH + 6), PAD + metrics.ascent(), label)
            legend_x += LEGEND_SWATCH + 6 + metrics.horizontalAdvance(label) + 2 * PAD
        top = PAD + line + PAD
        bottom = self.height() - PAD - line - 4
        area = QRectF(PAD, top, self.width() - 2 * PAD, max(bottom - top, 1))
        painter.setPen(look.colour(Colour.MUTED, palette))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        highest = max(
            (getattr(m, name) for m in self.months for name, _l, _c in series()),
            default=Decimal(0),
        )
        slot = area.width() / 12
        bar = slot * 0.8 / 3
        for index, label in enumerate(month_initials()):
            left = area.left() + index * slot
            painter.setPen(text)
            painter.drawText(
                QRectF(left, area.bottom() + 4, slot, line), Qt.AlignmentFlag.AlignHCenter, label
            )
        if highest <= 0:
            return
        painter.setPen(look.colour(Colour.MUTED, palette))
        painter.drawLine(area.topLeft(), area.topRight())  # the scale: this line is the highest
        painter.drawText(
            QRectF(area.left(), area.top() - line - 2, area.width(), line),
            Qt.AlignmentFlag.AlignRight,
            self.top_label,
        )
        for month in self.months:
            left = area.left() + (month.month - 1) * slot + slot * 0.1
            for n, (name, _label, colour) in enumerate(series()):
                value = getattr(month, name)
                if value <= 0:
                    continue
                height = float(value / highest) * area.height()
                painter.fillRect(
                    QRectF(left + n * bar, area.bottom() - height, bar - 1, height),
                    look.colour(colour, palette),
                )
