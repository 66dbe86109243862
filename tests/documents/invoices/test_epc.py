"""The EPC "GiroCode" payload: the exact lines a SEPA banking app reads, and when there is one."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from coachdesk.documents.invoices import epc_payload
from coachdesk.documents.invoices.qr import epc_payload_for
from tests.documents.invoices import samples


def test_the_payload_is_the_eleven_epc_lines() -> None:
    payload = epc_payload(
        "cobadeff xxx",
        "Clearwater Coaching GmbH",
        "DE89 3704 0044 0532 0130 00",
        Decimal("1234.5"),
        "2026-0007",
    )
    assert payload.split("\n") == [
        "BCD",
        "002",
        "1",
        "SCT",
        "COBADEFFXXX",
        "Clearwater Coaching GmbH",
        "DE89370400440532013000",
        "EUR1234.50",
        "",
        "",
        "2026-0007",
    ]


def test_long_names_and_references_are_cut_to_the_scheme_limits() -> None:
    lines = epc_payload("", "N" * 90, samples.IBAN, Decimal("1"), "R" * 200).split("\n")
    assert lines[4] == ""  # BIC is optional in version 002
    assert lines[5] == "N" * 70
    assert lines[10] == "R" * 140


def test_the_beneficiary_is_the_account_holder_else_the_business() -> None:
    doc = samples.invoice()
    assert epc_payload_for(doc).split("\n")[5] == "Clearwater Coaching GmbH"
    nameless = replace(doc, payment=replace(doc.payment, account_holder=""))
    nameless = replace(nameless, seller=replace(doc.seller, business_name="Amélie Laurent EI"))
    assert epc_payload_for(nameless).split("\n")[5] == "Amélie Laurent EI"


def test_the_amount_asked_is_the_balance() -> None:
    payload = epc_payload_for(samples.invoice(paid="100.00"))
    assert payload.split("\n")[7] == "EUR488.89"


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        ({"number": ""}, "a draft"),
        ({"currency": "GBP"}, "not euros"),
        ({"kind": "credit_note"}, "a credit note"),
        ({"balance": Decimal("0.00")}, "nothing left to pay"),
        ({"balance": Decimal("1000000000.00")}, "more than the scheme allows"),
    ],
)
def test_no_payload_where_a_bank_could_not_use_it(changes: dict[str, object], why: str) -> None:
    assert epc_payload_for(samples.invoice(**changes)) is None, why


def test_no_payload_without_an_iban() -> None:
    doc = samples.invoice()
    assert epc_payload_for(replace(doc, payment=replace(doc.payment, iban="  "))) is None
