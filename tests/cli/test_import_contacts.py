"""``coachdesk import csv|vcard`` over a real vault: reports, dry runs, exit codes, atomicity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coachdesk import vault
from coachdesk.services.exchange.contacts_import import apply
from coachdesk.services.people import clients
from tests.conftest import PASSPHRASE

MIXED = (
    "Name;E-mail;Company\n"
    "Zoë Müller;zoe@example.org;Acme\n"
    "Sam Rivers;sam@;\n"
    ";nobody@example.org;\n"
    "Amara Okafor;amara@example.org;\n"
    "Zoë Müller;zoe.private@example.org;\n"
    "Łukasz Dvořák;lukasz@example.org;\n"
)


def names_in(vault_dir: Path) -> list[str]:
    v = vault.open(vault_dir, passphrase=PASSPHRASE)
    try:
        with v.session() as db:
            return [row.name for row in clients.list_clients(db)]
    finally:
        v.close()


@pytest.fixture
def mixed(tmp_path: Path, cli) -> Path:
    """A semicolon sheet in Windows-1252 with bad rows, against a vault holding Amara."""
    assert cli("client", "add", "--name", "Amara Okafor", "--email", "amara@example.org")[0] == 0
    path = tmp_path / "mixed.csv"
    path.write_bytes(MIXED.replace("Łukasz Dvořák", "Lukas Muller").encode("cp1252"))
    return path


def test_dry_run_prints_the_plan_and_changes_nothing(cli, mixed: Path, vault_dir: Path) -> None:
    code, out, _ = cli("import", "csv", str(mixed), "--dry-run")
    assert code == 0
    assert "Dry run: 2 clients would be imported; 4 rows skipped." in out
    line = next(line for line in out.splitlines() if line.startswith("3 "))
    assert "Sam Rivers" in line
    assert "invalid" in line
    assert "not a valid email address" in line
    assert names_in(vault_dir) == ["Amara Okafor"]


def test_import_adds_the_good_rows_and_reports_each_skipped_one(
    cli, mixed: Path, vault_dir: Path
) -> None:
    code, out, _ = cli("import", "csv", str(mixed), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["imported"] == 2
    skipped = {
        r["row"]: (r["name"], r["status"], r["reason"])
        for r in report["rows"]
        if r["action"] == "skip"
    }
    assert skipped == {
        3: ("Sam Rivers", "invalid", "Email: This is not a valid email address."),
        4: ("", "invalid", "Name: Enter a name: given and family name, or a display name."),
        5: ("Amara Okafor", "duplicate", "A client in the vault has the same email address."),
        6: ("Zoë Müller", "duplicate", "Same name as row 2."),
    }
    assert names_in(vault_dir) == ["Amara Okafor", "Lukas Muller", "Zoë Müller"]


def test_allow_duplicates_imports_them_too(cli, mixed: Path, vault_dir: Path) -> None:
    code, out, _ = cli("import", "csv", str(mixed), "--allow-duplicates")
    assert code == 0
    assert "Imported 4 clients; 2 rows skipped." in out
    assert sorted(names_in(vault_dir)) == [
        "Amara Okafor",
        "Amara Okafor",
        "Lukas Muller",
        "Zoë Müller",
        "Zoë Müller",
    ]


def test_map_reads_an_unrecognised_column_as_a_field(cli, tmp_path: Path, vault_dir: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Person\tReach at\nZoë Müller\tzoe@example.org\n", encoding="utf-16")
    code, _, err = cli("import", "csv", str(path), "--dry-run")
    assert code == 1  # no column holds a name: every row is invalid
    assert "--map COLUMN=name" in err
    code, out, _ = cli(
        "import", "csv", str(path), "--map", "person=name", "--map", "2=email", "--json"
    )
    assert code == 0
    assert json.loads(out)["rows"][0]["email"] == "zoe@example.org"
    assert names_in(vault_dir) == ["Zoë Müller"]
    code, _, err = cli("import", "csv", str(path), "--map", "Person=nickname")
    assert code == 1
    assert err.startswith("coachdesk: map: Unknown field nickname")


def test_an_outlook_export_keeps_middle_names_addresses_and_first_phone(
    cli, tmp_path: Path, vault_dir: Path
) -> None:
    path = tmp_path / "outlook.csv"
    path.write_text(
        "First Name,Middle Name,Last Name,Company,Business Street,Business City,"
        "Business Postal Code,Business Country/Region,Home Street,Home City,Mobile Phone,"
        "E-mail Address\n"
        "Anna,Maria,Schmidt,Acme GmbH,Hauptstraße 1,Berlin,10115,Germany,Gartenweg 7,Potsdam,"
        "+49 170 1234567 ::: +49 30 123456,anna@example.org\n",
        encoding="utf-8",
    )
    code, out, _ = cli("import", "csv", str(path), "--json")
    assert code == 0
    row = json.loads(out)["rows"][0]
    assert (row["name"], row["phone"], row["organisation"]) == (
        "Anna Maria Schmidt",
        "+49 170 1234567",
        "Acme GmbH",
    )
    v = vault.open(vault_dir, passphrase=PASSPHRASE)
    try:
        with v.session() as db:
            (listed,) = clients.list_clients(db)
            anna = clients.client_fields(db, listed.id)
    finally:
        v.close()
    assert (anna.given_name, anna.family_name) == ("Anna Maria", "Schmidt")
    assert anna.postal_address == "Hauptstraße 1\n10115 Berlin\nGermany"


def test_every_row_invalid_exits_1_and_imports_nothing(
    cli, tmp_path: Path, vault_dir: Path
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("Name,Email\nSam,sam@\n,x@example.org\n", encoding="utf-8")
    code, out, err = cli("import", "csv", str(path))
    assert code == 1
    assert "every row is invalid" in err
    assert "Imported 0 clients; 2 rows skipped." in out
    assert names_in(vault_dir) == []


def test_nothing_to_import_is_not_a_failure(cli, tmp_path: Path) -> None:
    path = tmp_path / "dupes.csv"
    path.write_text("Name\nZoë Müller\n", encoding="utf-8")
    assert cli("import", "csv", str(path))[0] == 0
    assert cli("import", "csv", str(path))[0] == 0  # now a duplicate: nothing needed importing


def test_a_failure_mid_import_leaves_nothing_imported(
    cli, mixed: Path, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second batch fails after the first was written: the whole import is rolled back."""
    real_insert = apply.insert
    calls = []

    def failing_insert(table):
        calls.append(table)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_insert(table)

    monkeypatch.setattr(apply, "BATCH", 1)
    monkeypatch.setattr(apply, "insert", failing_insert)
    code, _, err = cli("import", "csv", str(mixed))
    assert code == 70
    assert "something went wrong" in err
    assert len(calls) == 2
    assert names_in(vault_dir) == ["Amara Okafor"]


def test_vcard_import(cli, tmp_path: Path, vault_dir: Path) -> None:
    path = tmp_path / "cards.vcf"
    path.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nN:Müller;Zoë;;;\nFN:Zoë Müller\nEMAIL:zoe@example.org\n"
        "NOTE:private\nEND:VCARD\nBEGIN:VCARD\nVERSION:4.0\nFN:Łukasz Dvořák\nEND:VCARD\n",
        encoding="utf-8",
    )
    code, out, _ = cli("import", "vcard", str(path))
    assert code == 0
    assert "Imported 2 clients; 0 rows skipped." in out
    assert sorted(names_in(vault_dir)) == ["Zoë Müller", "Łukasz Dvořák"]
    code, out, _ = cli("import", "vcard", str(path), "--dry-run", "--json")
    assert [r["status"] for r in json.loads(out)["rows"]] == ["duplicate", "duplicate"]


def test_a_missing_file_names_it(cli, tmp_path: Path) -> None:
    code, _, err = cli("import", "vcard", str(tmp_path / "nope.vcf"))
    assert code == 1
    assert "nope.vcf" in err
