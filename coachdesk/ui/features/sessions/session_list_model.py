"""Session rows as a table model, plus the words and colours every session view shares.

One model class serves the List mode (thousands of rows, sorted in the model): data is
computed from the service's light ``SessionRow``s on demand, never one widget per row.
Status colours are the look's named colours, so a status reads alike in every view and theme.
"""

from __future__ import annotations

from datetime import datetime
from operator import attrgetter
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from coachdesk import words
from coachdesk.formatting import format_short_date, format_time
from coachdesk.i18n import _
from coachdesk.model import SessionStatus
from coachdesk.services.sessions.sessions import SessionRow
from coachdesk.ui.kit import look
from coachdesk.ui.kit.table_model import Column, TableModel

STATUS_COLOURS = {
    SessionStatus.SCHEDULED: look.Colour.INFO,
    SessionStatus.COMPLETED: look.Colour.SUCCESS,
    SessionStatus.CANCELLED: look.Colour.MUTED,
    SessionStatus.LATE_CANCEL: look.Colour.WARNING,
    SessionStatus.NO_SHOW: look.Colour.DANGER,
}
_chips: dict[tuple[SessionStatus, str], QIcon] = {}


def status_chip(status: SessionStatus) -> QIcon:
    """A small round swatch in the status colour (drawn once per status and colour, then reused)."""
    colour = look.colour(STATUS_COLOURS[status])
    icon = _chips.get((status, colour.name()))
    if icon is None:
        app = QApplication.instance()
        ratio = app.devicePixelRatio() if isinstance(app, QApplication) else 1.0
        size = 12
        pixmap = QPixmap(int(size * ratio), int(size * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
        icon = _chips[(status, colour.name())] = QIcon(pixmap)
    return icon


def sequence_label(row: SessionRow) -> str:
    """ "3 of 8" within a programme, "3" when open-ended, empty outside any programme."""
    if row.sequence is None:
        return ""
    if row.planned:
        return _("{n} of {total}").format(n=row.sequence, total=row.planned)
    return str(row.sequence)


def time_range(row: SessionRow, zone: ZoneInfo) -> str:
    local = row.starts_at.astimezone(zone)
    end = local.timestamp() + row.duration * 60
    return f"{format_time(local)}–{format_time(datetime.fromtimestamp(end, zone))}"


class SessionListModel(TableModel[SessionRow]):
    """``SessionRow``s with columns Date, Time, Client, Session, Engagement, Status, Notes,
    newest first until the view sorts otherwise; ties sort by time. ``zone`` words the times.
    """

    DATE, TIME, CLIENT, SEQUENCE, ENGAGEMENT, STATUS, NOTES = range(7)

    def __init__(self, zone: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(self._columns(), attrgetter("id"), parent)
        self.zone = zone
        self.sort(self.DATE, Qt.SortOrder.DescendingOrder)

    def _columns(self) -> tuple[Column[SessionRow], ...]:
        def at(row: SessionRow) -> float:
            return row.starts_at.timestamp()

        return (
            Column(
                _("Date"),
                lambda r: format_short_date(r.starts_at.astimezone(self.zone)),
                sort=at,
            ),
            Column(_("Time"), lambda r: time_range(r, self.zone), sort=at),
            Column(
                _("Client"),
                attrgetter("client_name"),
                sort=lambda r: (r.client_name.casefold(), at(r)),
            ),
            Column(_("Session"), sequence_label, sort=lambda r: (r.sequence or 0, at(r))),
            Column(
                _("Engagement"),
                attrgetter("engagement_title"),
                sort=lambda r: (r.engagement_title.casefold(), at(r)),
                tooltip=lambda r: r.engagement_title or None,
            ),
            Column(
                _("Status"),
                lambda r: words.label(r.status),
                sort=lambda r: (words.label(r.status), at(r)),
                icon=lambda r: status_chip(r.status),
            ),
            Column(
                _("Notes"),
                lambda r: _("Written") if r.has_notes else "",
                sort=lambda r: (int(r.has_notes), at(r)),
            ),
        )
