"""Who sells, who buys and how to pay: read live for a draft, frozen as JSON at issue."""

from __future__ import annotations

import json
from dataclasses import asdict

from sqlalchemy.orm import Session

from coachdesk.documents.invoices.data import Party, PaymentDetails
from coachdesk.model import Client, Invoice, Sponsor
from coachdesk.services.people.profile import profile_fields


def seller_now(db: Session) -> Party:
    p = profile_fields(db)
    return Party(
        name=p.name,
        business_name=p.business_name,
        address=p.postal_address,
        email=p.email,
        tax_id=p.tax_id,
    )


def payment_now(db: Session) -> PaymentDetails:
    p = profile_fields(db)
    return PaymentDetails(
        iban=p.iban,
        bic=p.bic,
        account_holder=p.business_name or p.name,
        payment_link=p.payment_link,
        other=p.account_details,
    )


def buyer_now(db: Session, invoice: Invoice) -> Party:
    """The sponsor when the invoice is billed to one, else the client."""
    if invoice.sponsor_id is not None:
        sponsor = db.get(Sponsor, invoice.sponsor_id)
        if sponsor is not None:
            return Party(
                name=sponsor.name,
                address=sponsor.postal_address,
                email=sponsor.billing_email or sponsor.contact_email,
                tax_id=sponsor.vat_number,
                purchase_order=sponsor.purchase_order,
                contact_name=sponsor.contact_name,
            )
    client = db.get(Client, invoice.client_id)
    assert client is not None
    return Party(name=client.display_name, address=client.postal_address, email=client.email)


def freeze_parties(db: Session, invoice: Invoice) -> None:
    """Copy the parties onto the invoice: what it prints never changes after issue."""
    invoice.seller = json.dumps(asdict(seller_now(db)), ensure_ascii=False)
    invoice.buyer = json.dumps(asdict(buyer_now(db, invoice)), ensure_ascii=False)
    invoice.payment = json.dumps(asdict(payment_now(db)), ensure_ascii=False)


def seller_of(db: Session, invoice: Invoice) -> Party:
    return Party(**json.loads(invoice.seller)) if invoice.seller else seller_now(db)


def buyer_of(db: Session, invoice: Invoice) -> Party:
    return Party(**json.loads(invoice.buyer)) if invoice.buyer else buyer_now(db, invoice)


def payment_of(db: Session, invoice: Invoice) -> PaymentDetails:
    return PaymentDetails(**json.loads(invoice.payment)) if invoice.payment else payment_now(db)
