"""What a client owes, and where a package stands: "5 of 8 sessions used, 3 left, paid 2 of 3
instalments"."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.i18n import _, ngettext
from coachdesk.model import CoachingSession, Engagement, FeeModel, Invoice, InvoiceStatus
from coachdesk.services.billing.ledger import paid_by_invoice
from coachdesk.services.engagements.engagements import USED_PLACE
from coachdesk.services.people.clients import get_client

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Balance:
    """Issued invoices less their credit notes, what came in, and what is still owed."""

    currency: str
    invoiced: Decimal
    paid: Decimal
    outstanding: Decimal


@dataclass(frozen=True, slots=True)
class PackageUsage:
    used: int
    planned: int | None
    left: int | None
    instalments_paid: int
    instalments: int

    def words(self) -> str:
        parts = []
        if self.planned is not None:
            text = _("{used} of {planned} sessions used, {left} left")
            parts.append(text.format(used=self.used, planned=self.planned, left=self.left))
        else:
            parts.append(
                ngettext("{n} session used", "{n} sessions used", self.used).format(n=self.used)
            )
        if self.instalments > 1:
            text = _("paid {paid} of {n} instalments")
            parts.append(text.format(paid=self.instalments_paid, n=self.instalments))
        elif self.instalments == 1:
            parts.append(_("paid") if self.instalments_paid else _("not paid yet"))
        return ", ".join(parts)


def client_balance(db: Session, client_id: int) -> list[Balance]:
    """One balance per currency the client was invoiced in (usually one)."""
    get_client(db, client_id)
    rows = db.execute(
        select(Invoice.id, Invoice.currency, Invoice.gross_total).where(
            Invoice.client_id == client_id, Invoice.status != InvoiceStatus.DRAFT
        )
    ).all()
    paid = paid_by_invoice(db, [r.id for r in rows])
    sums: dict[str, list[Decimal]] = {}
    for r in rows:
        total = sums.setdefault(r.currency, [ZERO, ZERO])
        total[0] += r.gross_total
        total[1] += paid.get(r.id, ZERO)
    return [
        Balance(currency, invoiced, got, invoiced - got)
        for currency, (invoiced, got) in sorted(sums.items())
    ]


def package_usage(db: Session, engagement_id: int) -> PackageUsage:
    engagement = db.get(Engagement, engagement_id)
    assert engagement is not None, engagement_id
    used = db.scalar(
        select(func.count()).where(
            CoachingSession.engagement_id == engagement_id,
            CoachingSession.status.in_(USED_PLACE),
        )
    )
    parts = db.execute(
        select(Invoice.id, Invoice.gross_total, Invoice.status).where(
            Invoice.engagement_id == engagement_id,
            Invoice.instalment.is_not(None),
            Invoice.status != InvoiceStatus.CANCELLED,
        )
    ).all()
    paid = paid_by_invoice(db, [p.id for p in parts])
    settled = sum(
        1
        for p in parts
        if p.status is InvoiceStatus.ISSUED and paid.get(p.id, ZERO) >= p.gross_total
    )
    planned = engagement.planned_sessions
    return PackageUsage(
        used=used or 0,
        planned=planned,
        left=None if planned is None else max(planned - (used or 0), 0),
        instalments_paid=settled,
        instalments=len(parts),
    )


@dataclass(frozen=True, slots=True)
class ClientMoney:
    """What the client page shows of the money: balances, and each package's usage by title."""

    balances: list[Balance]
    packages: list[tuple[str, PackageUsage]]


def client_money(db: Session, client_id: int) -> ClientMoney:
    packages = db.execute(
        select(Engagement.id, Engagement.title)
        .where(Engagement.client_id == client_id, Engagement.fee_model == FeeModel.PACKAGE)
        .order_by(Engagement.start_date, Engagement.id)
    ).all()
    return ClientMoney(
        client_balance(db, client_id),
        [(title, package_usage(db, ident)) for ident, title in packages],
    )
