"""The Money view's invoice list: every invoice and credit note in memory, narrowed by status,
year, client and the words typed, with the totals of what is shown.

All rows are read once per change notice; a filter only re-walks the list in memory, so a
keystroke stays quick at 60,000 invoices (the words are folded once, when the rows arrive).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from operator import attrgetter

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from coachdesk.formatting import format_money, format_short_date
from coachdesk.i18n import _
from coachdesk.model import InvoiceKind
from coachdesk.services.billing.listing import InvoiceRow, ShownStatus
from coachdesk.services.billing.money import minor_places
from coachdesk.services.people.folding import fold
from coachdesk.ui.kit import look
from coachdesk.ui.kit.table_model import Column, TableModel

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ZERO = Decimal(0)


class Show(StrEnum):
    """What the status filter offers; "unpaid" is every issued invoice with money owed."""

    ALL = "all"
    DRAFT = "draft"
    UNPAID = "unpaid"
    OVERDUE = "overdue"
    PAID = "paid"
    CANCELLED = "cancelled"


UNPAID = frozenset({ShownStatus.ISSUED, ShownStatus.PART_PAID, ShownStatus.OVERDUE})
SHOWS = {
    Show.DRAFT: frozenset({ShownStatus.DRAFT}),
    Show.UNPAID: UNPAID,
    Show.OVERDUE: frozenset({ShownStatus.OVERDUE}),
    Show.PAID: frozenset({ShownStatus.PAID}),
    Show.CANCELLED: frozenset({ShownStatus.CANCELLED}),
}


def show_labels() -> dict[Show, str]:
    return {
        Show.ALL: _("All invoices"),
        Show.DRAFT: _("Drafts"),
        Show.UNPAID: _("Unpaid"),
        Show.OVERDUE: _("Overdue"),
        Show.PAID: _("Paid"),
        Show.CANCELLED: _("Cancelled"),
    }


def status_label(row: InvoiceRow) -> str:
    if row.kind is InvoiceKind.CREDIT_NOTE and row.status is ShownStatus.ISSUED:
        return _("Credit note")
    return {
        ShownStatus.DRAFT: _("Draft"),
        ShownStatus.ISSUED: _("Issued"),
        ShownStatus.PART_PAID: _("Part paid"),
        ShownStatus.PAID: _("Paid"),
        ShownStatus.OVERDUE: _("Overdue"),
        ShownStatus.CANCELLED: _("Cancelled"),
    }[row.status]


STATUS_COLOURS = {
    ShownStatus.OVERDUE: look.Colour.DANGER,
    ShownStatus.PART_PAID: look.Colour.WARNING,
    ShownStatus.PAID: look.Colour.SUCCESS,
    ShownStatus.DRAFT: look.Colour.MUTED,
    ShownStatus.CANCELLED: look.Colour.MUTED,
}


def status_colour(row: InvoiceRow) -> QColor | None:
    name = STATUS_COLOURS.get(row.status)
    return look.colour(name) if name is not None else None


def number_text(row: InvoiceRow) -> str:
    return row.number or _("Draft {id}").format(id=row.id)


def money_column(header: str, amount: Callable[[InvoiceRow], Decimal]) -> Column[InvoiceRow]:
    return Column(
        header,
        lambda r: format_money(amount(r), r.currency),
        sort=amount,
        alignment=RIGHT,
    )


@dataclass(frozen=True, slots=True)
class Totals:
    """What the shown rows add up to in one currency."""

    currency: str
    count: int
    total: Decimal
    paid: Decimal
    balance: Decimal


Minor = dict[int, int]  # an amount per invoice id, in its currency's minor unit


@dataclass(frozen=True, slots=True)
class InMinorUnits:
    """Every row's total, paid and owed in whole cents (or yen): a keystroke sums these as ints,
    many times faster than Decimals. A draft owes nothing yet."""

    total: Minor
    paid: Minor
    owed: Minor
    currencies: set[str]

    @classmethod
    def of(cls, rows: Iterable[InvoiceRow]) -> InMinorUnits:
        made = cls({}, {}, {}, set())
        for r in rows:
            made.currencies.add(r.currency)
            places = minor_places(r.currency)
            made.total[r.id] = int(r.total.scaleb(places))
            made.paid[r.id] = int(r.paid.scaleb(places))
            made.owed[r.id] = 0 if r.status is ShownStatus.DRAFT else int(r.balance.scaleb(places))
        return made


def totals_of(rows: Iterable[InvoiceRow], minor: InMinorUnits) -> list[Totals]:
    """One line per currency, the most used first."""
    ids: dict[str, list[int]] = {}
    if len(minor.currencies) == 1:  # the usual practice: no row-by-row grouping
        (currency,) = minor.currencies
        ids[currency] = list(map(attrgetter("id"), rows))
        ids = {c: shown for c, shown in ids.items() if shown}
    else:
        for r in rows:
            ids.setdefault(r.currency, []).append(r.id)
    totals = []
    for currency in sorted(ids, key=lambda c: (-len(ids[c]), c)):
        shown, places = ids[currency], minor_places(currency)
        total, paid, owed = (
            Decimal(sum(map(amounts.__getitem__, shown))).scaleb(-places)
            for amounts in (minor.total, minor.paid, minor.owed)
        )
        totals.append(Totals(currency, len(shown), total, paid, owed))
    return totals


class InvoicesTableModel(TableModel[InvoiceRow]):
    """Invoice rows, newest first until the coach sorts by a column."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns = (
            Column(_("Number"), number_text, sort=lambda r: (r.number == "", r.number, r.id)),
            Column(_("Client"), attrgetter("client")),
            Column(
                _("Issued"),
                lambda r: format_short_date(r.issue_date),
                sort=attrgetter("issue_date"),
            ),
            Column(_("Due"), lambda r: format_short_date(r.due_date), sort=attrgetter("due_date")),
            money_column(_("Total"), attrgetter("total")),
            money_column(_("Paid"), attrgetter("paid")),
            money_column(_("Balance"), attrgetter("balance")),
            Column(_("Status"), status_label, colour=status_colour),
        )
        super().__init__(columns, attrgetter("id"), parent)
        self._haystacks: dict[int, str] = {}
        self._minor = InMinorUnits({}, {}, {}, set())
        self.show: Show = Show.ALL
        self.year: int | None = None
        self.client_id: int | None = None
        self._words: list[str] = []

    def set_rows(self, rows: Iterable[InvoiceRow]) -> None:
        given = list(rows)
        self._haystacks = {r.id: fold(f"{r.number}\n{r.client}") for r in given}
        self._minor = InMinorUnits.of(given)
        super().set_rows(given)

    def set_filter(
        self,
        *,
        show: Show = Show.ALL,
        year: int | None = None,
        client_id: int | None = None,
        text: str = "",
    ) -> None:
        self.show, self.year, self.client_id = show, year, client_id
        self._words = fold(text).split()
        self.refilter()

    def filtered(self, rows: list[InvoiceRow]) -> list[InvoiceRow]:
        wanted = SHOWS.get(self.show)
        if wanted is not None:
            rows = [r for r in rows if r.status in wanted]
        if self.year is not None:
            year = self.year
            rows = [r for r in rows if r.issue_date is not None and r.issue_date.year == year]
        if self.client_id is not None:
            client_id = self.client_id
            rows = [r for r in rows if r.client_id == client_id]
        haystacks = self._haystacks
        for word in self._words:
            rows = [r for r in rows if word in haystacks[r.id]]
        return rows

    def years(self) -> list[int]:
        """The years invoices were issued in, newest first (the year filter's choices)."""
        return sorted({r.issue_date.year for r in self.loaded if r.issue_date}, reverse=True)

    def clients(self) -> list[tuple[int, str]]:
        """Each invoiced client once, by name (the client filter's choices)."""
        named = {r.client_id: r.client for r in self.loaded}
        return sorted(named.items(), key=lambda item: (fold(item[1]), item[0]))

    def totals(self) -> list[Totals]:
        return totals_of(self.rows, self._minor)

    def clear(self) -> None:
        self._haystacks, self._minor = {}, InMinorUnits({}, {}, {}, set())
        super().clear()
