"""Sponsors from the command line: add, list, show, edit, and naming one on clients and
engagements."""

from __future__ import annotations

from tests.cli.conftest import json_of


def add_acme(cli) -> dict:
    return json_of(
        cli(
            "sponsor",
            "add",
            "--name",
            "Acme GmbH",
            "--contact",
            "Jo Weber",
            "--contact-email",
            "jo@acme.example",
            "--billing-email",
            "invoices@acme.example",
            "--address",
            "Hauptstraße 1\\n10115 Berlin",
            "--vat-number",
            "de 136 695 976",
            "--purchase-order",
            "PO-4711",
            "--json",
        )
    )


def test_sponsor_add_list_show_edit(cli) -> None:
    added = add_acme(cli)
    assert added == {
        "id": 1,
        "name": "Acme GmbH",
        "contact_name": "Jo Weber",
        "contact_email": "jo@acme.example",
        "clients": 0,
        "archived": False,
    }
    assert [r["name"] for r in json_of(cli("sponsor", "list", "--json"))] == ["Acme GmbH"]

    shown = json_of(cli("sponsor", "show", "acme gmbh", "--json"))
    assert shown["fields"]["vat_number"] == "DE136695976"  # stored as invoices print it
    assert shown["fields"]["purchase_order"] == "PO-4711"
    assert shown["fields"]["postal_address"] == "Hauptstraße 1\n10115 Berlin"
    assert (shown["clients"], shown["engagements"]) == ([], [])

    assert cli("sponsor", "edit", "1", "--purchase-order", "PO-4712")[0] == 0
    shown = json_of(cli("sponsor", "show", "1", "--json"))
    assert shown["fields"]["purchase_order"] == "PO-4712"
    assert shown["fields"]["contact_name"] == "Jo Weber"  # options not given stay

    code, out, _err = cli("sponsor", "show", "Acme GmbH")
    assert code == 0
    assert "VAT number:" in out
    assert "DE136695976" in out
    assert "No clients are sponsored by it." in out


def test_a_wrong_vat_number_is_named_and_nothing_is_saved(cli) -> None:
    code, _out, err = cli("sponsor", "add", "--name", "Acme", "--vat-number", "DE136695977")
    assert code == 1
    assert "vat_number" in err
    assert json_of(cli("sponsor", "list", "--json")) == []
    # A tax number of a country python-stdnum does not know is taken as typed.
    assert cli("sponsor", "add", "--name", "Umbrella Inc", "--vat-number", "US12-3456789")[0] == 0


def test_clients_and_engagements_name_their_sponsor(cli) -> None:
    add_acme(cli)
    client = json_of(
        cli("client", "add", "--name", "Zoë Łukasz", "--sponsor", "Acme GmbH", "--json")
    )
    engagement = json_of(
        cli(
            "engagement",
            "add",
            "--client",
            str(client["id"]),
            "--title",
            "Leadership",
            "--start",
            "2026-12-01",
            "--json",
        )
    )
    unpaid = json_of(
        cli(
            "engagement",
            "add",
            "--client",
            str(client["id"]),
            "--title",
            "Private",
            "--start",
            "2026-12-02",
            "--sponsor",
            "",
            "--json",
        )
    )
    shown = json_of(cli("sponsor", "show", "Acme GmbH", "--json"))
    assert [c["name"] for c in shown["clients"]] == ["Zoë Łukasz"]
    assert [e["id"] for e in shown["engagements"]] == [engagement["id"]]  # the client's sponsor
    assert unpaid["id"] not in [e["id"] for e in shown["engagements"]]

    assert cli("client", "edit", str(client["id"]), "--sponsor", "")[0] == 0
    assert json_of(cli("sponsor", "show", "1", "--json"))["clients"] == []

    code, _out, err = cli("client", "add", "--name", "Bo", "--sponsor", "Nobody Ltd")
    assert code == 1
    assert "No sponsor is called Nobody Ltd." in err
