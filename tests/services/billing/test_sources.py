"""Invoices from the fee model: held sessions (late cancellations and no-shows by the rule),
packages whole or in instalments, a retainer's month, pro bono never, everyone at once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import FeeModel, SessionStatus
from coachdesk.services.billing import invoices, listing, sources
from coachdesk.services.billing.invoice_document import invoice_document
from tests.services import factories
from tests.services.billing.conftest import TODAY

D = Decimal
S = SessionStatus


def per_session(db: Session, client: int, fee: str = "120.00") -> int:
    return factories.engagement(db, client, fee_model=FeeModel.PER_SESSION, fee_amount=D(fee))


def held(db: Session, client: int, engagement: int, day: int, status: S = S.COMPLETED, **kw) -> int:
    return factories.session(
        db, client, factories.at(day), engagement_id=engagement, status=status, **kw
    )


def test_held_sessions_become_one_line_each_without_their_notes(coach: Session) -> None:
    client = factories.client(coach)
    engagement = per_session(coach, client)
    held(coach, client, engagement, 3, private_notes="Seemed tired", duration_minutes=90)
    held(coach, client, engagement, 10, S.LATE_CANCEL)
    held(coach, client, engagement, 12, S.NO_SHOW)
    held(coach, client, engagement, 17, S.CANCELLED)  # cancelled in time: not charged
    held(coach, client, engagement, 19, S.LATE_CANCEL, fee_charged=D("0.00"))  # waived
    held(coach, client, engagement, 24, fee_charged=D("80.00"))  # the session's own fee
    held(coach, client, engagement, 26, S.SCHEDULED)
    factories.session(
        coach, client, factories.at(2, month=4), engagement_id=engagement, status=S.COMPLETED
    )  # outside the period

    waiting = sources.sessions_to_invoice(coach, date(2026, 3, 1), date(2026, 3, 31))
    assert [(s.starts_at.day, s.status, s.price) for s in waiting] == [
        (3, S.COMPLETED, D("120.00")),
        (10, S.LATE_CANCEL, D("120.00")),
        (12, S.NO_SHOW, D("120.00")),
        (24, S.COMPLETED, D("80.00")),
    ]
    invoice_id = sources.invoice_held_sessions(
        coach, client, date(2026, 3, 1), date(2026, 3, 31), tax_rate=D(0)
    )
    doc = invoice_document(coach, invoice_id, TODAY)
    assert [(x.description, x.unit_price) for x in doc.lines] == [
        ("Session on 3 March 2026, 90 min", D("120.00")),
        ("Late cancellation: session on 10 March 2026, 60 min", D("120.00")),
        ("No-show: session on 12 March 2026, 60 min", D("120.00")),
        ("Session on 24 March 2026, 60 min", D("80.00")),
    ]
    assert doc.gross_total == D("440.00")
    assert "tired" not in repr(doc)

    assert sources.sessions_to_invoice(coach, date(2026, 3, 1), date(2026, 3, 31)) == []
    with pytest.raises(ValidationError) as caught:  # all invoiced now
        sources.invoice_held_sessions(coach, client, date(2026, 3, 1), date(2026, 3, 31))
    assert list(caught.value.fields) == ["sessions"]


def test_naming_a_session_already_invoiced_is_refused(coach: Session) -> None:
    client = factories.client(coach)
    engagement = per_session(coach, client)
    first = held(coach, client, engagement, 3)
    second = held(coach, client, engagement, 10)
    invoice_id = sources.invoice_sessions(coach, client, [first])
    invoices.issue_invoice(coach, invoice_id, TODAY)
    with pytest.raises(ValidationError) as caught:
        sources.invoice_sessions(coach, client, [second, first])
    assert caught.value.fields == {"session": f"Session {first} is already invoiced on 2026-0001."}


def test_pro_bono_is_never_invoiced(coach: Session) -> None:
    client = factories.client(coach)
    engagement = factories.engagement(coach, client, fee_model=FeeModel.PRO_BONO)
    session = held(coach, client, engagement, 3)
    for attempt in (
        lambda: sources.invoice_held_sessions(
            coach, client, date(2026, 3, 1), date(2026, 3, 31), engagement_id=engagement
        ),
        lambda: sources.invoice_sessions(coach, client, [session]),
        lambda: sources.package_invoices(coach, engagement),
        lambda: invoices.create_draft(
            coach,
            invoices.InvoiceFields(
                client, engagement_id=engagement, lines=[invoices.LineFields("x", D(1), D(1))]
            ),
        ),
    ):
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert caught.value.fields == {"engagement": "A pro bono engagement is never invoiced."}
    with pytest.raises(ValidationError):  # and its sessions are not picked up in a period
        sources.invoice_held_sessions(coach, client, date(2026, 3, 1), date(2026, 3, 31))


def test_a_package_in_instalments_adds_up_to_its_fee(coach: Session) -> None:
    client = factories.client(coach)
    engagement = factories.engagement(
        coach, client, fee_model=FeeModel.PACKAGE, fee_amount=D("1000.00"), planned_sessions=8
    )
    held(coach, client, engagement, 3)  # a package's sessions are not invoiced one by one
    ids = sources.package_invoices(coach, engagement, instalments=3, tax_rate=D(0))
    docs = [invoice_document(coach, i, TODAY) for i in ids]
    assert [d.gross_total for d in docs] == [D("333.33"), D("333.33"), D("333.34")]
    assert [d.lines[0].description for d in docs] == [
        f"Leadership programme: package, instalment {n} of 3" for n in (1, 2, 3)
    ]
    with pytest.raises(ValidationError) as caught:
        sources.package_invoices(coach, engagement)
    assert list(caught.value.fields) == ["engagement"]
    with pytest.raises(ValidationError):
        sources.invoice_held_sessions(coach, client, date(2026, 3, 1), date(2026, 3, 31))


def test_a_whole_package_is_one_invoice(coach: Session) -> None:
    client = factories.client(coach)
    engagement = factories.engagement(
        coach, client, fee_model=FeeModel.PACKAGE, fee_amount=D("1200.00"), planned_sessions=8
    )
    (invoice_id,) = sources.package_invoices(coach, engagement)
    doc = invoice_document(coach, invoice_id, TODAY)
    assert [(x.description, x.net, x.tax_rate) for x in doc.lines] == [
        ("Leadership programme: package of 8 sessions", D("1200.00"), D(19))
    ]
    assert doc.gross_total == D("1428.00")


def test_a_retainer_is_invoiced_once_per_month_of_the_engagement(coach: Session) -> None:
    client = factories.client(coach)
    engagement = factories.engagement(
        coach,
        client,
        fee_model=FeeModel.MONTHLY_RETAINER,
        fee_amount=D("500.00"),
        start_date=date(2026, 3, 15),
        end_date=date(2026, 6, 30),
    )
    march = sources.retainer_invoice(coach, engagement, date(2026, 3, 20), tax_rate=D(0))
    assert invoice_document(coach, march, TODAY).lines[0].description == (
        "Leadership programme: retainer for March 2026"
    )
    for month in (date(2026, 3, 1), date(2026, 2, 1), date(2026, 7, 1)):
        with pytest.raises(ValidationError) as caught:
            sources.retainer_invoice(coach, engagement, month)
        assert list(caught.value.fields) == ["period"]
    invoices.issue_invoice(coach, march, TODAY)
    invoices.credit_invoice(coach, march, TODAY)
    assert sources.retainer_invoice(coach, engagement, date(2026, 3, 1))  # after the credit note


def test_everyone_gets_a_draft_for_the_period(coach: Session) -> None:
    amara, ben, cleo = (factories.client(coach, name=n) for n in ("Amara", "Ben", "Cleo"))
    for client in (amara, ben):
        engagement = per_session(coach, client)
        held(coach, client, engagement, 3)
        held(coach, client, engagement, 10)
    held(coach, cleo, per_session(coach, cleo), 3, S.SCHEDULED)
    ids = sources.invoice_held_sessions_for_everyone(coach, date(2026, 3, 1), date(2026, 3, 31))
    rows = [listing.invoice_row(coach, i, TODAY) for i in ids]
    assert [(r.client, r.total) for r in rows] == [
        ("Amara", D("285.60")),
        ("Ben", D("285.60")),
    ]
    assert (
        sources.invoice_held_sessions_for_everyone(coach, date(2026, 3, 1), date(2026, 3, 31)) == []
    )
