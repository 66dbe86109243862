"""The agreement list as a table: who, which programme, which version, where it stands, and
what needs doing ("Awaiting signature for 12 days"), filtered by text and by what is open.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from coachdesk.formatting import format_date
from coachdesk.i18n import _
from coachdesk.model import AgreementStatus
from coachdesk.services.agreements.listing import AgreementListRow
from coachdesk.ui.features.agreements.agreement_words import waiting_words
from coachdesk.ui.kit import look
from coachdesk.ui.kit.roles import ID_ROLE

Index = QModelIndex | QPersistentModelIndex
CLIENT, AGREEMENT, STATUS, TODO = range(4)
A = AgreementStatus
OPEN = (A.DRAFT, A.SENT)
WAITING_TOO_LONG = 14  # days a sent agreement may wait before it reads as a reminder
FILTER_OPEN, FILTER_ALL = "open", "all"


def status_label(status: AgreementStatus) -> str:
    return {
        A.DRAFT: _("Draft"),
        A.SENT: _("Sent"),
        A.SIGNED: _("Signed"),
        A.SUPERSEDED: _("Superseded"),
    }[status]


def todo_text(row: AgreementListRow) -> str:
    """What the coach has to do about this agreement, or what happened last."""
    if row.status is A.DRAFT:
        return _("Review the text, then send it")
    if row.status is A.SENT:
        days = row.days_waiting or 0
        return waiting_words(days) if days else _("Sent today, awaiting signature")
    if row.status is A.SIGNED:
        signed = _("Signed {date}").format(date=format_date(row.signed_on))
        return signed if row.has_scan else _("{signed}, no scan attached").format(signed=signed)
    return _("Replaced by a newer version")


def column_titles() -> tuple[str, ...]:
    return (_("Client"), _("Agreement"), _("Status"), _("What needs doing"))


class AgreementsTableModel(QAbstractTableModel):
    """Rows of ``list_all_agreements``, with a filter by text and by open or every status."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[AgreementListRow] = []
        self._rows: list[AgreementListRow] = []
        self._text = ""
        self._which = FILTER_OPEN

    def set_rows(self, rows: Sequence[AgreementListRow]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._rows = self._filtered()
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def set_filter(self, text: str, which: str) -> None:
        self._text, self._which = text.strip().casefold(), which
        self.beginResetModel()
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[AgreementListRow]:
        rows = self._all
        if self._which == FILTER_OPEN:
            rows = [r for r in rows if r.status in OPEN]
        elif self._which != FILTER_ALL:
            rows = [r for r in rows if r.status.value == self._which]
        if self._text:
            needle = self._text
            rows = [
                r
                for r in rows
                if needle in r.client_name.casefold()
                or needle in r.title.casefold()
                or needle in r.engagement_title.casefold()
            ]
        return rows

    def total(self) -> int:
        return len(self._all)

    def row_data(self, row: int) -> AgreementListRow:
        return self._rows[row]

    def holds(self, agreement_id: int) -> bool:
        """Whether ``agreement_id`` is loaded, shown or not."""
        return any(r.id == agreement_id for r in self._all)

    def row_of(self, agreement_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == agreement_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(column_titles())

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == AGREEMENT:
            return row.engagement_title
        if role == ID_ROLE:
            return row.id
        late = row.status is A.SENT and (row.days_waiting or 0) >= WAITING_TOO_LONG
        if role == Qt.ItemDataRole.ForegroundRole and column == TODO and late:
            return look.colour(look.Colour.WARNING)
        return None

    @staticmethod
    def _display(row: AgreementListRow, column: int) -> str:
        if column == CLIENT:
            return row.client_name
        if column == AGREEMENT:
            return _("{title} (version {n})").format(title=row.title, n=row.version)
        if column == STATUS:
            return status_label(row.status)
        return todo_text(row)
