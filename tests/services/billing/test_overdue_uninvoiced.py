"""What Today shows about money: overdue invoices with their balance, and per client the
sessions of last month still to invoice, counted by the same rule the invoices follow."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from coachdesk.model import FeeModel, SessionStatus
from coachdesk.services.billing import invoices, payments, sources
from coachdesk.services.billing.invoices import InvoiceFields, LineFields
from coachdesk.services.billing.overdue import overdue_invoices
from coachdesk.services.billing.payments import PaymentFields
from coachdesk.services.billing.uninvoiced import last_month, uninvoiced_by_client
from coachdesk.services.people import profile
from tests.services import factories
from tests.services.billing.conftest import TODAY

D = Decimal
S = SessionStatus
DUE = date(2026, 4, 14)  # TODAY plus the profile's 14 days


def issued(db: Session, client: int, price: str, on: date = TODAY) -> int:
    invoice_id = invoices.create_draft(
        db, InvoiceFields(client, lines=[LineFields("Workshop", D(1), D(price), D(0))])
    )
    invoices.issue_invoice(db, invoice_id, on)
    return invoice_id


def test_overdue_invoices_carry_their_balance_and_days(coach: Session) -> None:
    amara = factories.client(coach)
    ben = factories.client(coach, name="Ben Adler")
    part_paid = issued(coach, amara, "100.00")
    payments.add_payment(coach, PaymentFields(part_paid, D("99.99"), TODAY))
    paid = issued(coach, amara, "0.30")
    for cents in ("0.10", "0.20"):  # 0.1 + 0.2 is not 0.3 as floats
        payments.add_payment(coach, PaymentFields(paid, D(cents), TODAY))
    credited = issued(coach, ben, "50.00")
    invoices.credit_invoice(coach, credited, TODAY)
    later = issued(coach, ben, "70.00", on=date(2026, 4, 20))  # due on 4 May
    removed = payments.add_payment(coach, PaymentFields(later, D("70.00"), TODAY))
    payments.remove_payment(coach, removed)
    invoices.create_draft(coach, InvoiceFields(ben, lines=[LineFields("x", D(1), D(5))]))

    found = overdue_invoices(coach, date(2026, 5, 10), limit=10)
    assert [(r.id, r.client_name, r.balance, r.days_overdue) for r in found] == [
        (part_paid, "Amara Okafor", D("0.01"), 26),
        (later, "Ben Adler", D("70.00"), 6),
    ]
    assert found[0].number.endswith("0001")
    assert overdue_invoices(coach, DUE, limit=10) == []  # due today is not overdue yet
    assert len(overdue_invoices(coach, date(2026, 5, 10), limit=1)) == 1


def test_last_month_is_the_calendar_month_before() -> None:
    assert last_month(date(2026, 3, 31)) == (date(2026, 2, 1), date(2026, 2, 28))
    assert last_month(date(2026, 1, 1)) == (date(2025, 12, 1), date(2025, 12, 31))


def test_uninvoiced_counts_follow_the_invoicing_rule(coach: Session) -> None:
    fields = profile.profile_fields(coach)
    fields.default_fee = D("90.00")
    profile.update_profile(coach, fields)
    amara = factories.client(coach)
    ben = factories.client(coach, name="Ben Adler")
    cleo = factories.client(coach, name="Cleo Brandt")
    per_session = factories.engagement(
        coach, amara, fee_model=FeeModel.PER_SESSION, fee_amount=D("120.00")
    )
    package = factories.engagement(coach, ben, fee_model=FeeModel.PACKAGE, fee_amount=D("900"))
    free = factories.engagement(coach, cleo, fee_model=FeeModel.PER_SESSION, fee_amount=D("0"))

    def held(client: int, day: int, status: S = S.COMPLETED, **kw: object) -> int:
        return factories.session(coach, client, factories.at(day), status=status, **kw)

    for day, status in [(3, S.COMPLETED), (5, S.LATE_CANCEL), (7, S.NO_SHOW), (9, S.CANCELLED)]:
        held(amara, day, status, engagement_id=per_session)
    held(amara, 11, engagement_id=per_session, fee_charged=D("0.00"))  # waived
    held(amara, 13, S.SCHEDULED, engagement_id=per_session)
    held(ben, 3, engagement_id=package)  # the package is invoiced whole
    held(ben, 4, engagement_id=package, fee_charged=D("40.00"))  # its own fee
    held(ben, 6)  # outside an engagement: the default fee
    held(cleo, 8, engagement_id=free)
    invoiced = held(ben, 10)
    sources.invoice_sessions(coach, ben, [invoiced])
    factories.session(coach, amara, factories.at(2, month=4), engagement_id=per_session)

    march = (date(2026, 3, 1), date(2026, 3, 31))
    counted = uninvoiced_by_client(coach, *march, limit=10)
    assert [(r.client_name, r.sessions) for r in counted] == [
        ("Amara Okafor", 3),
        ("Ben Adler", 2),
    ]
    by_rule = Counter(s.client_id for s in sources.sessions_to_invoice(coach, *march))
    assert {r.client_id: r.sessions for r in counted} == by_rule
