"""The client list's model: all rows in memory, filtered and sorted in Python.

Why no ``QSortFilterProxyModel``: a proxy sorting 10,000 rows asks our Python ``data()`` for
every comparison (4 s measured); filtering in its Python ``filterAcceptsRow`` costs ~12 ms.
Sorting or filtering the records with plain Python costs ~1 ms for each (the kit's table
model). Matching runs over a folded haystack built once per row, so "lukasz" finds "Łukasz";
every word typed must appear (in any order).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from operator import attrgetter
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from coachdesk import words
from coachdesk.i18n import _
from coachdesk.model import ClientStatus
from coachdesk.services.people.clients import ClientRow
from coachdesk.services.people.folding import fold
from coachdesk.ui.kit import look
from coachdesk.ui.kit.entries import when_text
from coachdesk.ui.kit.table_model import Column, TableModel

NAME, STATUS, NEXT, LAST, ACTIONS, TAGS = range(6)
STATUS_ORDER = {status: n for n, status in enumerate(ClientStatus)}

# Status filter choices besides a single status.
NOT_ARCHIVED = "not-archived"
ALL_STATUSES = "all"


def archived_colour(row: ClientRow) -> QColor | None:
    """Archived clients read quieter, on every column."""
    return look.colour(look.Colour.MUTED) if row.status is ClientStatus.ARCHIVED else None


class ClientsTableModel(TableModel[ClientRow]):
    """Client rows with a text, status and tag filter; ``sort`` is the view's header sort."""

    def __init__(self, zone: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(self._columns(), attrgetter("id"), parent)
        self.zone = zone
        self._positions: dict[int, int] = {}  # client id: place in the service's name order
        self._haystacks: dict[int, str] = {}
        self._folded: dict[tuple[str, str, str], str] = {}  # kept across reloads (~50 ms saved)
        self._words: list[str] = []
        self._status = NOT_ARCHIVED
        self._tag = ""

    def _columns(self) -> tuple[Column[ClientRow], ...]:
        columns: tuple[Column[ClientRow], ...] = (
            Column(_("Name"), attrgetter("name"), sort=lambda r: self._positions[r.id]),
            Column(
                _("Status"), lambda r: words.label(r.status), sort=lambda r: STATUS_ORDER[r.status]
            ),
            Column(
                _("Next session"),
                lambda r: when_text(r.next_session, self.zone, with_time=True),
                sort=attrgetter("next_session"),
            ),
            Column(
                _("Last session"),
                lambda r: when_text(r.last_session, self.zone, with_time=False),
                sort=attrgetter("last_session"),
            ),
            Column(
                _("Open actions"),
                lambda r: str(r.open_actions) if r.open_actions else "",
                sort=attrgetter("open_actions"),
                alignment=Qt.AlignmentFlag.AlignCenter,
            ),
            Column(
                _("Tags"),
                lambda r: ", ".join(r.tags),
                sort=lambda r: fold(", ".join(r.tags)) or None,
                tooltip=lambda r: ", ".join(r.tags) or None,
            ),
        )
        return tuple(replace(column, colour=archived_colour) for column in columns)

    # -- loading and filters --------------------------------------------------------------
    def set_rows(self, rows: Iterable[ClientRow]) -> None:
        """Replace every row (given in the service's name order), keeping filters and sort."""
        given = list(rows)
        known, folded = self._folded, {}
        for r in given:
            key = (r.name, r.email, r.organisation)
            folded[key] = known.get(key) or fold("\n".join(key))
        self._folded = folded
        self._haystacks = {r.id: folded[(r.name, r.email, r.organisation)] for r in given}
        self._positions = {r.id: n for n, r in enumerate(given)}
        super().set_rows(given)

    def clear(self) -> None:
        """Forget every row and the typed filter (the app is locking)."""
        self._folded = {}
        self._words = []
        self._tag = ""
        super().clear()

    def set_filter_text(self, text: str) -> None:
        self._words = fold(text).split()
        self.refilter()

    def set_status_filter(self, choice: str) -> None:
        """``NOT_ARCHIVED``, ``ALL_STATUSES`` or a ``ClientStatus`` value."""
        self._status = choice
        self.refilter()

    def set_tag_filter(self, tag: str) -> None:
        """Only rows carrying ``tag``; "" for every tag."""
        self._tag = tag
        self.refilter()

    def filtered(self, rows: list[ClientRow]) -> list[ClientRow]:
        haystacks, tag = self._haystacks, self._tag
        if self._status == NOT_ARCHIVED:
            rows = [r for r in rows if r.status is not ClientStatus.ARCHIVED]
        elif self._status != ALL_STATUSES:
            rows = [r for r in rows if r.status == self._status]
        if tag:
            rows = [r for r in rows if tag in r.tags]
        for word in self._words:
            rows = [r for r in rows if word in haystacks[r.id]]
        return rows

    # -- questions the page asks ----------------------------------------------------------
    @property
    def total(self) -> int:
        """Every loaded row, filtered or not (archived included)."""
        return len(self.loaded)

    def tags(self) -> list[str]:
        return sorted({tag for row in self.loaded for tag in row.tags})

    def client_id(self, row: int) -> int:
        return self.rows[row].id
