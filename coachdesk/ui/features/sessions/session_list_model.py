"""Session rows as a table model, plus the words and colours every session view shares.

One model class serves the List mode (thousands of rows, sorted in the model): data is
computed from the service's light ``SessionRow``s on demand, never one widget per row.
Status colours are mid tones that read on light and dark palettes alike.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from coachdesk.formatting import format_short_date, format_time
from coachdesk.i18n import _
from coachdesk.model import SessionMode, SessionStatus
from coachdesk.services.sessions.sessions import SessionRow
from coachdesk.ui.kit.roles import ROW_ROLE

Index = QModelIndex | QPersistentModelIndex

STATUS_COLOURS = {
    SessionStatus.SCHEDULED: "#3b82c4",
    SessionStatus.COMPLETED: "#3f9a4f",
    SessionStatus.CANCELLED: "#8d8d8d",
    SessionStatus.LATE_CANCEL: "#e08a1e",
    SessionStatus.NO_SHOW: "#d04437",
}
_chips: dict[SessionStatus, QIcon] = {}


def status_label(status: SessionStatus) -> str:
    return {
        SessionStatus.SCHEDULED: _("Scheduled"),
        SessionStatus.COMPLETED: _("Held"),
        SessionStatus.CANCELLED: _("Cancelled"),
        SessionStatus.LATE_CANCEL: _("Late cancel"),
        SessionStatus.NO_SHOW: _("No-show"),
    }[status]


def mode_label(mode: SessionMode) -> str:
    return {
        SessionMode.VIDEO: _("Video"),
        SessionMode.PHONE: _("Phone"),
        SessionMode.IN_PERSON: _("In person"),
    }[mode]


def status_chip(status: SessionStatus) -> QIcon:
    """A small round swatch in the status colour (drawn once per status, then reused)."""
    icon = _chips.get(status)
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
        painter.setBrush(QColor(STATUS_COLOURS[status]))
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
        icon = _chips[status] = QIcon(pixmap)
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


class SessionListModel(QAbstractTableModel):
    """``SessionRow``s with columns Date, Time, Client, Session, Engagement, Status, Notes."""

    DATE, TIME, CLIENT, SEQUENCE, ENGAGEMENT, STATUS, NOTES = range(7)

    def __init__(self, zone: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self._rows: list[SessionRow] = []
        self._sort = (self.DATE, Qt.SortOrder.DescendingOrder)
        self._headers = (
            _("Date"),
            _("Time"),
            _("Client"),
            _("Session"),
            _("Engagement"),
            _("Status"),
            _("Notes"),
        )

    def set_rows(self, rows: list[SessionRow]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python with one key per row: a sort proxy asks ``data()`` n log n times,
        which costs most of a second at 5,000 rows; this takes milliseconds."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in old]
        self._rows = self._sorted(self._rows)
        where = {row.id: i for i, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            old, [self.index(where[i], index.column()) for i, index in zip(ids, old, strict=True)]
        )
        self.layoutChanged.emit()

    def _sorted(self, rows: list[SessionRow]) -> list[SessionRow]:
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        by_time = sorted(rows, key=lambda r: r.starts_at, reverse=descending)
        if column in (self.DATE, self.TIME):
            return by_time
        return sorted(by_time, key=lambda r: self._sort_key(r, column), reverse=descending)

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> SessionRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, session_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == session_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS:
            return status_chip(row.status)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ENGAGEMENT:
            return row.engagement_title or None
        return None

    def _display(self, row: SessionRow, column: int) -> str:
        local = row.starts_at.astimezone(self.zone)
        if column == self.DATE:
            return format_short_date(local)
        if column == self.TIME:
            return time_range(row, self.zone)
        if column == self.CLIENT:
            return row.client_name
        if column == self.SEQUENCE:
            return sequence_label(row)
        if column == self.ENGAGEMENT:
            return row.engagement_title
        if column == self.STATUS:
            return status_label(row.status)
        return _("Written") if row.has_notes else ""

    def _sort_key(self, row: SessionRow, column: int) -> float | str:
        if column in (self.DATE, self.TIME):
            return row.starts_at.timestamp()
        if column == self.CLIENT:
            return row.client_name.casefold()
        if column == self.SEQUENCE:
            return row.sequence or 0
        if column == self.ENGAGEMENT:
            return row.engagement_title.casefold()
        if column == self.STATUS:
            return status_label(row.status)
        return int(row.has_notes)
