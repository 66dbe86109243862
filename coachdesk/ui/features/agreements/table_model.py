"""The agreement list as a table: who, which programme, which version, where it stands, and
what needs doing ("Awaiting signature for 12 days"), filtered by text and by what is open.
"""

from __future__ import annotations

from operator import attrgetter

from PySide6.QtCore import QObject

from coachdesk import words
from coachdesk.formatting import format_date
from coachdesk.i18n import _
from coachdesk.model import AgreementStatus
from coachdesk.services.agreements.listing import AgreementListRow
from coachdesk.ui.features.agreements.agreement_words import waiting_words
from coachdesk.ui.kit import look
from coachdesk.ui.kit.table_model import Column, TableModel

CLIENT, AGREEMENT, STATUS, TODO = range(4)
A = AgreementStatus
OPEN = (A.DRAFT, A.SENT)
WAITING_TOO_LONG = 14  # days a sent agreement may wait before it reads as a reminder
FILTER_OPEN, FILTER_ALL = "open", "all"


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


def is_late(row: AgreementListRow) -> bool:
    """Sent and waiting long enough that the coach should chase the signature."""
    return row.status is A.SENT and (row.days_waiting or 0) >= WAITING_TOO_LONG


def columns() -> tuple[Column[AgreementListRow], ...]:
    return (
        Column(_("Client"), lambda r: r.client_name),
        Column(
            _("Agreement"),
            lambda r: _("{title} (version {n})").format(title=r.title, n=r.version),
            tooltip=lambda r: r.engagement_title,
        ),
        Column(_("Status"), lambda r: words.label(r.status)),
        Column(
            _("What needs doing"),
            todo_text,
            colour=lambda r: look.colour(look.Colour.WARNING) if is_late(r) else None,
        ),
    )


class AgreementsTableModel(TableModel[AgreementListRow]):
    """Rows of ``list_all_agreements``, with a filter by text and by open or every status."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(columns(), attrgetter("id"), parent)
        self._text = ""
        self._which = FILTER_OPEN

    def set_filter(self, text: str, which: str) -> None:
        self._text, self._which = text.strip().casefold(), which
        self.refilter()

    def filtered(self, rows: list[AgreementListRow]) -> list[AgreementListRow]:
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
        return len(self.loaded)

    def holds(self, agreement_id: int) -> bool:
        """Whether ``agreement_id`` is loaded, shown or not."""
        return any(r.id == agreement_id for r in self.loaded)
