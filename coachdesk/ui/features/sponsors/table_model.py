"""The sponsor list's model: every sponsor in memory, narrowed by the words typed."""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from coachdesk.i18n import _
from coachdesk.services.people.folding import fold
from coachdesk.services.people.sponsors import SponsorRow
from coachdesk.ui.kit import look
from coachdesk.ui.kit.table_model import Column, TableModel


def archived_colour(row: SponsorRow) -> QColor | None:
    return look.colour(look.Colour.MUTED) if row.archived else None


class SponsorsTableModel(TableModel[SponsorRow]):
    """Sponsor rows; every word typed must appear in the name, contact or email."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns = (
            Column(_("Organisation"), attrgetter("name"), colour=archived_colour),
            Column(_("Contact person"), attrgetter("contact_name"), colour=archived_colour),
            Column(_("Email"), attrgetter("contact_email"), colour=archived_colour),
            Column(
                _("Clients"),
                lambda r: str(r.clients),
                sort=attrgetter("clients"),
                alignment=Qt.AlignmentFlag.AlignCenter,
                colour=archived_colour,
            ),
        )
        super().__init__(columns, attrgetter("id"), parent)
        self._haystacks: dict[int, str] = {}
        self._words: list[str] = []

    def set_rows(self, rows: Iterable[SponsorRow]) -> None:
        given = list(rows)
        self._haystacks = {
            r.id: fold("\n".join((r.name, r.contact_name, r.contact_email))) for r in given
        }
        super().set_rows(given)

    def set_filter_text(self, text: str) -> None:
        self._words = fold(text).split()
        self.refilter()

    def filtered(self, rows: list[SponsorRow]) -> list[SponsorRow]:
        for word in self._words:
            rows = [r for r in rows if word in self._haystacks[r.id]]
        return rows

    def clear(self) -> None:
        self._haystacks, self._words = {}, []
        super().clear()
