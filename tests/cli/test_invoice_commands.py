"""Invoices, payments and revenue from the command line: the names, ``--json`` shapes and exit
codes scripts depend on, against a real vault."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from tests.cli.conftest import json_of

ROW_KEYS = {
    "id",
    "kind",
    "number",
    "client_id",
    "client",
    "issue_date",
    "due_date",
    "currency",
    "net",
    "tax",
    "total",
    "paid",
    "balance",
    "status",
}


def year() -> int:
    return date.today().year  # what "today" the command line issues on (the coach's day)


@pytest.fixture
def billed(cli) -> dict:
    """A coach with invoicing details, a sponsored client, a per-session engagement with two
    held sessions, and a pro bono one."""
    assert (
        cli(
            "profile",
            "set",
            "--name",
            "Zoë Łukasz",
            "--address",
            "Hauptstraße 1",
            "--tax-id",
            "DE136695976",
            "--iban",
            "DE89 3704 0044 0532 0130 00",
            "--bic",
            "COBADEFFXXX",
            "--payment-link",
            "https://pay.example/zl",
            "--payment-terms-days",
            "30",
            "--invoice-prefix",
            "ZL-",
            "--invoice-footer",
            "Thank you.\\nSmall business.",
        )[0]
        == 0
    )
    sponsor = json_of(
        cli(
            "sponsor",
            "add",
            "--name",
            "Acme GmbH",
            "--vat-number",
            "DE136695976",
            "--purchase-order",
            "PO-4711",
            "--json",
        )
    )
    client = json_of(
        cli("client", "add", "--name", "Amara Okafor", "--sponsor", "Acme GmbH", "--json")
    )
    engagement = json_of(
        cli(
            "engagement",
            "add",
            "--client",
            "Amara Okafor",
            "--title",
            "Lead",
            "--start",
            "2026-01-01",
            "--fee",
            "120",
            "--fee-model",
            "per_session",
            "--json",
        )
    )
    pro_bono = json_of(
        cli(
            "engagement",
            "add",
            "--client",
            "Amara Okafor",
            "--title",
            "Free",
            "--start",
            "2026-01-01",
            "--fee-model",
            "pro_bono",
            "--json",
        )
    )
    sessions = [
        json_of(
            cli(
                "session",
                "add",
                "--client",
                "Amara Okafor",
                "--start",
                start,
                "--engagement",
                str(engagement["id"]),
                "--status",
                "completed",
                "--private-notes",
                "Seemed tired",
                "--json",
            )
        )["id"]
        for start in ("2026-02-03T09:00", "2026-02-17T09:00")
    ]
    return {
        "client": client,
        "sponsor": sponsor,
        "engagement": engagement,
        "pro_bono": pro_bono,
        "sessions": sessions,
    }


def test_profile_set_takes_the_invoicing_options(cli, billed) -> None:
    shown = json_of(cli("profile", "show", "--json"))
    assert shown["iban"] == "DE89370400440532013000"
    assert (shown["bic"], shown["tax_id"], shown["invoice_prefix"]) == (
        "COBADEFFXXX",
        "DE136695976",
        "ZL-",
    )
    assert (shown["payment_terms_days"], shown["payment_link"]) == (30, "https://pay.example/zl")
    assert shown["invoice_footer"] == "Thank you.\nSmall business."


@pytest.mark.parametrize(
    ("option", "value", "field"),
    [
        ("--iban", "DE89370400440532013001", "iban"),
        ("--bic", "XX", "bic"),
        ("--tax-id", "DE136695977", "tax_id"),
        ("--payment-link", "pay me", "payment_link"),
        ("--default-tax-rate", "19,5", "default_tax_rate"),
    ],
)
def test_a_bad_bank_or_tax_detail_is_named(cli, option: str, value: str, field: str) -> None:
    code, _out, err = cli("profile", "set", option, value)
    assert code == 1
    assert field in err
    assert json_of(cli("profile", "show", "--json"))[field] in ("", "0", 0)


def test_a_free_form_invoice_from_draft_to_paid(cli, billed) -> None:
    created = json_of(
        cli(
            "invoice",
            "create",
            "--client",
            "Amara Okafor",
            "--line",
            "Workshop; day one;2;150.00;19",
            "--line",
            "Workbook;1;20;7",
            "--json",
        )
    )
    assert set(created) == ROW_KEYS
    assert (created["status"], created["number"], created["total"]) == ("draft", "", "378.40")
    invoice = str(created["id"])

    issued = json_of(cli("invoice", "issue", invoice, "--json"))
    assert issued["number"] == f"ZL-{year()}-0001"
    assert (issued["status"], issued["balance"]) == ("issued", "378.40")

    shown = json_of(cli("invoice", "show", invoice, "--json"))
    doc = shown["document"]
    assert [line["description"] for line in doc["lines"]] == ["Workshop; day one", "Workbook"]
    assert doc["taxes"] == [
        {"rate": "7", "net": "20.00", "tax": "1.40"},
        {"rate": "19", "net": "300.00", "tax": "57.00"},
    ]
    assert (doc["seller"]["name"], doc["buyer"]["name"]) == ("Zoë Łukasz", "Amara Okafor")
    assert doc["footer"] == "Thank you.\nSmall business."

    code, _out, err = cli(
        "payment", "add", "--invoice", invoice, "--amount", "400", "--date", "2026-03-01"
    )
    assert code == 1
    assert "amount" in err
    paid = json_of(
        cli(
            "payment",
            "add",
            "--invoice",
            invoice,
            "--amount",
            "100",
            "--date",
            "2026-03-01",
            "--method",
            "paypal",
            "--reference",
            "TX1",
            "--json",
        )
    )
    assert (paid["amount"], paid["method"], paid["removed_at"]) == ("100", "paypal", None)
    listed = json_of(cli("invoice", "list", "--status", "part_paid", "--json"))
    assert [(r["id"], r["paid"], r["balance"]) for r in listed] == [
        (created["id"], "100", "278.40")
    ]
    assert cli("payment", "remove", str(paid["id"]))[0] == 0
    history = json_of(cli("payment", "list", "--invoice", invoice, "--json"))
    assert [p["removed_at"] is not None for p in history] == [True]
    assert json_of(cli("invoice", "list", "--status", "part_paid", "--json")) == []

    code, _out, err = cli("invoice", "edit", invoice, "--line", "Changed;1;1;0")
    assert code == 1
    assert "status" in err


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("Workshop;1;150;nineteen", "tax_rate"),
        ("Workshop;1;150;120", "tax_rate"),
        ("Workshop;-1;150;19", "quantity"),
        ("Workshop;1;15x;19", "unit_price"),
        ("Workshop only", "line"),
    ],
)
def test_a_bad_line_is_named_and_nothing_is_created(cli, billed, line: str, field: str) -> None:
    code, _out, err = cli("invoice", "create", "--client", "Amara Okafor", "--line", line)
    assert code == 1
    assert field in err
    assert json_of(cli("invoice", "list", "--json")) == []


def test_held_sessions_to_the_sponsor_and_never_twice(cli, billed) -> None:
    first, second = billed["sessions"]
    created = json_of(
        cli(
            "invoice",
            "create",
            "--client",
            "Amara Okafor",
            "--sessions-from",
            "2026-02-01",
            "--sessions-to",
            "2026-02-28",
            "--to-sponsor",
            "--tax-rate",
            "19",
            "--json",
        )
    )
    shown = json_of(cli("invoice", "show", str(created["id"]), "--json"))
    doc = shown["document"]
    assert [x["description"] for x in doc["lines"]] == [
        "Session on 3 February 2026, 60 min",
        "Session on 17 February 2026, 60 min",
    ]
    assert "tired" not in str(shown)
    assert (doc["buyer"]["name"], doc["buyer"]["purchase_order"]) == ("Acme GmbH", "PO-4711")
    assert doc["gross_total"] == "285.60"

    code, _out, err = cli("invoice", "create", "--client", "Amara Okafor", "--session", str(first))
    assert code == 1
    assert "session" in err
    code, _out, err = cli(
        "invoice",
        "create",
        "--client",
        "Amara Okafor",
        "--sessions-from",
        "2026-02-01",
        "--sessions-to",
        "2026-02-28",
    )
    assert code == 1
    assert "sessions" in err
    assert second  # both are on the first draft


def test_a_pro_bono_engagement_is_not_invoiced(cli, billed) -> None:
    code, _out, err = cli(
        "invoice",
        "create",
        "--client",
        "Amara Okafor",
        "--engagement",
        str(billed["pro_bono"]["id"]),
    )
    assert code == 1
    assert "engagement: A pro bono engagement is never invoiced." in err


def test_credit_note_export_and_revenue(cli, billed, tmp_path: Path) -> None:
    draft = json_of(cli("invoice", "create", "--client", "1", "--line", "Talk;1;100;0", "--json"))
    assert cli("invoice", "issue", str(draft["id"]))[0] == 0
    note = json_of(cli("invoice", "credit", str(draft["id"]), "--reason", "Cancelled", "--json"))
    assert note["number"] == f"ZL-CN-{year()}-0001"
    assert (note["kind"], note["total"]) == ("credit_note", "-100.00")
    statuses = {r["id"]: r["status"] for r in json_of(cli("invoice", "list", "--json"))}
    assert statuses == {draft["id"]: "cancelled", note["id"]: "issued"}
    code, _out, err = cli("invoice", "credit", str(draft["id"]))
    assert code == 1
    assert "invoice" in err

    paid = json_of(cli("invoice", "create", "--client", "1", "--line", "Book;2;10;7", "--json"))
    cli("invoice", "issue", str(paid["id"]))
    cli(
        "payment",
        "add",
        "--invoice",
        str(paid["id"]),
        "--amount",
        "21.40",
        "--date",
        f"{year()}-01-15",
    )

    out = tmp_path / "accounts.csv"
    assert cli("invoice", "export", "--year", str(year()), "--out", str(out))[0] == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [(r["number"], r["gross"], r["paid date"], r["credit for"]) for r in rows] == [
        (f"ZL-{year()}-0001", "100.00", "", ""),
        (f"ZL-{year()}-0002", "21.40", f"{year()}-01-15", ""),
        (f"ZL-CN-{year()}-0001", "-100.00", "", f"ZL-{year()}-0001"),
    ]
    assert rows[1]["tax 7 %"] == "1.40"

    figures = json_of(cli("revenue", "--year", str(year()), "--json"))
    assert set(figures) == {
        "year",
        "currency",
        "months",
        "clients",
        "invoiced",
        "paid",
        "outstanding",
        "hours_coached",
        "average_fee_per_hour",
    }
    assert (figures["invoiced"], figures["paid"], figures["outstanding"]) == (
        "21.40",
        "21.40",
        "0.00",
    )
    assert len(figures["months"]) == 12
    assert figures["clients"][0]["client"] == "Amara Okafor"


def test_a_draft_is_deleted_and_an_unknown_invoice_is_named(cli, billed) -> None:
    draft = json_of(cli("invoice", "create", "--client", "1", "--line", "Talk;1;100;0", "--json"))
    assert cli("invoice", "edit", str(draft["id"]), "--line", "Talk;2;100;0")[0] == 0
    assert json_of(cli("invoice", "show", str(draft["id"]), "--json"))["row"]["total"] == "200.00"
    assert cli("invoice", "delete", str(draft["id"]))[0] == 0
    code, _out, err = cli("invoice", "show", str(draft["id"]))
    assert code == 1
    assert "invoice" in err


def test_an_issued_invoice_prints_frozen_and_as_a_valid_e_invoice(
    cli, billed, tmp_path: Path
) -> None:
    from facturx import get_xml_from_pdf, xml_check_xsd
    from pypdf import PdfReader

    draft = json_of(cli("invoice", "create", "--client", "1", "--line", "Talk;1;100;19", "--json"))
    assert cli("invoice", "issue", str(draft["id"]))[0] == 0
    number = json_of(cli("invoice", "show", str(draft["id"]), "--json"))["row"]["number"]
    first, again = tmp_path / "invoice.pdf", tmp_path / "again.pdf"
    assert cli("invoice", "pdf", str(draft["id"]), "--out", str(first))[0] == 0
    assert cli("invoice", "pdf", str(draft["id"]), "--out", str(again))[0] == 0
    assert first.read_bytes() == again.read_bytes()  # the frozen copy, not a new print
    text = " ".join(page.extract_text() for page in PdfReader(first).pages)
    assert number in text
    assert "119.00" in text

    facturx = tmp_path / "facturx.pdf"
    assert cli("invoice", "facturx", str(draft["id"]), "--out", str(facturx))[0] == 0
    _name, xml = get_xml_from_pdf(facturx.read_bytes(), check_xsd=False)
    assert xml_check_xsd(xml)
    assert b"119.00" in xml
    assert number.encode() in xml
