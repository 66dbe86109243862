"""Judging rows against the vault and the file, and adding the chosen ones as clients."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.errors import Cancelled, ValidationError
from coachdesk.model import Client
from coachdesk.services.exchange.contacts_import import (
    RowStatus,
    apply,
    import_rows,
    load_contacts,
    plan_import,
)
from coachdesk.services.people import clients
from coachdesk.vault import Vault
from tests.services.factories import client

MIXED = (
    "Name,Email,Phone\n"
    "Zoë Müller,zoe@example.org,+49 170 1234567\n"  # 2 new
    "Sam Rivers,sam@,\n"  # 3 invalid email
    ",nobody@example.org,\n"  # 4 no name
    "Amara Okafor,amara.new@example.org,\n"  # 5 same name as a client in the vault
    "Z. Müller,ZOE@example.org,\n"  # 6 same email as row 2
    "Łukasz Dvořák,lukasz@example.org,\n"  # 7 new
    "zoë müller,,\n"  # 8 same name as row 2
)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    path = tmp_path / "mixed.csv"
    path.write_text(MIXED, encoding="utf-8")
    return path


def test_each_row_gets_its_status_and_reason(db: Session, mixed: Path) -> None:
    client(db, "Amara Okafor", email="amara@example.org")
    plan = plan_import(db, load_contacts(mixed).candidates())
    got = {row.number: (row.status, row.reason) for row in plan.rows}
    assert got[2] == (RowStatus.NEW, "")
    assert got[3] == (RowStatus.INVALID, "Email: This is not a valid email address.")
    assert got[4][0] == RowStatus.INVALID
    assert got[4][1].startswith("Name: Enter a name")
    assert got[5] == (RowStatus.DUPLICATE, "A client in the vault has the same name.")
    assert got[6] == (RowStatus.DUPLICATE, "Same email address as row 2.")
    assert got[7] == (RowStatus.NEW, "")
    assert got[8] == (RowStatus.DUPLICATE, "Same name as row 2.")
    assert (plan.count(RowStatus.NEW), plan.count(RowStatus.DUPLICATE)) == (2, 3)


def test_a_vault_email_match_is_a_duplicate_whatever_its_case(db: Session, mixed: Path) -> None:
    client(db, "Someone Else", email="Lukasz@Example.org")
    plan = plan_import(db, load_contacts(mixed).candidates())
    row = next(r for r in plan.rows if r.number == 7)
    assert (row.status, row.reason) == (
        RowStatus.DUPLICATE,
        "A client in the vault has the same email address.",
    )


def test_importing_the_new_rows_adds_exactly_them_as_clients(db: Session, mixed: Path) -> None:
    plan = plan_import(db, load_contacts(mixed).candidates())
    added = import_rows(db, [r for r in plan.rows if r.status == RowStatus.NEW])
    assert added == 3  # Zoë, Amara (the vault is empty here) and Łukasz
    listed = {(row.name, row.email) for row in clients.list_clients(db)}
    assert listed == {
        ("Zoë Müller", "zoe@example.org"),
        ("Amara Okafor", "amara.new@example.org"),
        ("Łukasz Dvořák", "lukasz@example.org"),
    }
    zoe = next(row for row in clients.list_clients(db, text="zoe"))
    fields = clients.client_fields(db, zoe.id)
    assert (fields.given_name, fields.family_name, fields.phone) == ("", "", "+49 170 1234567")
    # Found and matched as a client added in the form would be.
    assert clients.resolve_client(db, "ZOË MÜLLER") == zoe.id
    assert [r.status for r in plan_import(db, load_contacts(mixed).candidates()).rows][:1] == [
        RowStatus.DUPLICATE
    ]


def test_given_and_family_names_sort_the_imported_client_by_family_name(
    db: Session, tmp_path: Path
) -> None:
    path = tmp_path / "o.csv"
    path.write_text("First Name,Last Name\nZoë,Müller\nAnna,Zimmer\nBen,Adams\n", "utf-8")
    plan = plan_import(db, load_contacts(path).candidates())
    import_rows(db, plan.rows)
    assert [row.name for row in clients.list_clients(db)] == [
        "Ben Adams",
        "Zoë Müller",
        "Anna Zimmer",
    ]


def test_an_invalid_row_is_refused_before_anything_is_written(db: Session, mixed: Path) -> None:
    plan = plan_import(db, load_contacts(mixed).candidates())
    with pytest.raises(ValidationError, match="Row 3"):
        import_rows(db, plan.rows)
    assert clients.list_clients(db) == []


FIVE = "Name\nZoë Müller\nAmara Okafor\nŁukasz Dvořák\nBen Adams\nCleo Voss\n"


def test_progress_is_reported_per_batch(
    db: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "five.csv"
    path.write_text(FIVE, encoding="utf-8")
    monkeypatch.setattr(apply, "BATCH", 2)
    heard: list[tuple[int, int, int]] = []

    def progress(done: int, total: int) -> None:
        written = db.scalar(select(func.count()).select_from(Client))
        heard.append((done, total, written))

    plan = plan_import(db, load_contacts(path).candidates())
    assert import_rows(db, plan.rows, progress) == 5
    # (done, total, clients actually in the vault when told)
    assert heard == [(0, 5, 0), (2, 5, 2), (4, 5, 4), (5, 5, 5)]


def test_cancelling_midway_leaves_none_of_the_rows(
    open_vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "five.csv"
    path.write_text(FIVE, encoding="utf-8")
    monkeypatch.setattr(apply, "BATCH", 2)
    written_when_cancelled: list[int] = []

    def import_in_one_transaction() -> None:
        with open_vault.session() as db, db.begin():

            def progress(done: int, total: int) -> None:
                if done >= 2:  # the coach pressed Cancel after the first batch went in
                    written = db.scalar(select(func.count()).select_from(Client))
                    written_when_cancelled.append(written)
                    raise Cancelled()

            plan = plan_import(db, load_contacts(path).candidates())
            import_rows(db, plan.rows, progress)

    with pytest.raises(Cancelled):
        import_in_one_transaction()

    assert written_when_cancelled == [2]
    with open_vault.session() as db:
        assert clients.list_clients(db) == []
