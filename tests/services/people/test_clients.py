"""Clients: the rules a coach relies on when adding, editing, filtering and archiving."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from coachdesk.errors import ValidationError
from coachdesk.model import (
    ActionItem,
    ActionStatus,
    ClientStatus,
    CoachingSession,
    SessionStatus,
)
from coachdesk.services.people import clients, erasure
from coachdesk.services.people.clients import ClientFields
from coachdesk.vault import Vault

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def add(v: Vault, **values: object) -> clients.Saved:
    with v.session() as db, db.begin():
        return clients.create_client(db, ClientFields(**values))  # type: ignore[arg-type]


def test_name_is_required_and_email_must_be_valid(open_vault: Vault) -> None:
    with open_vault.session() as db, pytest.raises(ValidationError) as info:
        clients.create_client(db, ClientFields(email="not-an-email", time_zone="Mars/Base"))
    assert set(info.value.fields) == {"name", "email", "time_zone"}


def test_given_and_family_names_or_one_display_name(open_vault: Vault) -> None:
    a = add(open_vault, given_name="Søren", family_name="Kierkegaard")
    b = add(open_vault, display_name="Oluwaseun")
    with open_vault.session() as db:
        names = {row.id: row.name for row in clients.list_clients(db)}
    assert names == {a.id: "Søren Kierkegaard", b.id: "Oluwaseun"}


def test_duplicates_are_warnings_not_errors(open_vault: Vault) -> None:
    add(open_vault, given_name="Zoë", family_name="Łukasz", email="zoe@example.org")
    same_email = add(open_vault, display_name="Z. Lukasz", email=" ZOE@example.org ")
    same_name = add(open_vault, display_name="zoë łukasz")
    assert same_email.warnings == ["Another client has the same email address."]
    assert same_name.warnings == ["Another client has the same name."]
    with open_vault.session() as db:
        assert len(clients.list_clients(db)) == 3


def test_status_transitions_are_enforced(open_vault: Vault) -> None:
    saved = add(open_vault, display_name="Aoife", status=ClientStatus.LEAD)
    with open_vault.session() as db, db.begin():
        clients.change_status(db, saved.id, ClientStatus.ACTIVE)
        with pytest.raises(ValidationError, match="cannot go from active to alumni") as info:
            clients.change_status(db, saved.id, ClientStatus.ALUMNI)
        assert "status" in info.value.fields
        with pytest.raises(ValidationError):
            clients.archive_client(db, saved.id)  # an active client is completed first
        clients.change_status(db, saved.id, ClientStatus.COMPLETED)
        clients.archive_client(db, saved.id)
    with open_vault.session() as db:
        assert clients.list_clients(db) == []
        assert [r.status for r in clients.list_clients(db, include_archived=True)] == [
            ClientStatus.ARCHIVED
        ]


def test_every_status_can_reach_archived_or_is_archived() -> None:
    for status, targets in clients.TRANSITIONS.items():
        assert status not in targets
        assert targets, status


def test_edit_keeps_tags_normalised(open_vault: Vault) -> None:
    saved = add(open_vault, display_name="José", tags=("Executive", "career change"))
    with open_vault.session() as db, db.begin():
        data = clients.client_fields(db, saved.id)
        assert data.tags == ("career change", "executive")
        data.tags = ("executive", " Board ")
        clients.update_client(db, saved.id, data)
    with open_vault.session() as db:
        assert clients.client_fields(db, saved.id).tags == ("board", "executive")
        assert [r.name for r in clients.list_clients(db, tag="Board")] == ["José"]
        assert clients.list_clients(db, tag="career change") == []


def test_filter_folds_case_and_non_ascii_letters(open_vault: Vault) -> None:
    add(open_vault, given_name="Łukasz", family_name="Nowak", organisation="Żabka")
    add(open_vault, display_name="Дмитрий Иванов", email="dmitry@example.org")
    add(open_vault, display_name="100% Sure_Thing")
    with open_vault.session() as db:
        find = lambda text: [r.name for r in clients.list_clients(db, text=text)]  # noqa: E731
        assert find("łUK") == ["Łukasz Nowak"]
        assert find("żab") == ["Łukasz Nowak"]
        assert find("ДМИТ") == ["Дмитрий Иванов"]
        assert find("DMITRY@") == ["Дмитрий Иванов"]
        assert find("0%") == ["100% Sure_Thing"]
        assert find("e_t") == ["100% Sure_Thing"]
        assert find("%") == ["100% Sure_Thing"], "% is literal, not a wildcard"


def test_list_shows_next_and_last_session_and_open_actions(open_vault: Vault) -> None:
    saved = add(open_vault, display_name="Yūko")
    with open_vault.session() as db, db.begin():
        for days, status in (
            (-14, SessionStatus.COMPLETED),
            (-7, SessionStatus.COMPLETED),
            (-3, SessionStatus.CANCELLED),
            (7, SessionStatus.SCHEDULED),
            (14, SessionStatus.SCHEDULED),
        ):
            db.add(
                CoachingSession(
                    client_id=saved.id, starts_at=NOW + timedelta(days=days), status=status
                )
            )
        db.add(ActionItem(client_id=saved.id, text="Journal daily"))
        db.add(ActionItem(client_id=saved.id, text="Done one", status=ActionStatus.DONE))
    with open_vault.session() as db:
        (row,) = clients.list_clients(db, now=NOW)
    assert row.last_session == NOW - timedelta(days=7)
    assert row.next_session == NOW + timedelta(days=7)
    assert row.open_actions == 1


def test_resolve_by_id_or_unique_name(open_vault: Vault) -> None:
    a = add(open_vault, display_name="Ana-María")
    add(open_vault, display_name="Sam")
    add(open_vault, display_name="sam")
    with open_vault.session() as db:
        assert clients.resolve_client(db, "ana-maría") == a.id
        assert clients.resolve_client(db, str(a.id)) == a.id
        with pytest.raises(ValidationError, match="2 clients are called"):
            clients.resolve_client(db, "SAM")
        with pytest.raises(ValidationError, match="No client is called"):
            clients.resolve_client(db, "Nobody")


def test_erase_removes_every_row_about_the_client(open_vault: Vault) -> None:
    gone = add(open_vault, display_name="Gone Client")
    kept = add(open_vault, display_name="Kept Client")
    with open_vault.session() as db, db.begin():
        for cid in (gone.id, kept.id):
            db.add(CoachingSession(client_id=cid, starts_at=NOW, shared_notes="notes"))
            db.add(ActionItem(client_id=cid, text="an action"))
    erasure.erase_client(open_vault.engine, gone.id)
    with open_vault.session() as db:
        assert [r.id for r in clients.list_clients(db)] == [kept.id]
        assert db.scalars(select(CoachingSession.client_id)).all() == [kept.id]
        assert db.scalars(select(ActionItem.client_id)).all() == [kept.id]
    with pytest.raises(ValidationError):
        erasure.erase_client(open_vault.engine, gone.id)


def test_clients_past_their_retention_date_are_listed_for_review(open_vault: Vault) -> None:
    add(open_vault, display_name="Past", retain_until=date(2026, 1, 1))
    add(open_vault, display_name="Future", retain_until=date(2030, 1, 1))
    add(open_vault, display_name="Unset")
    with open_vault.session() as db:
        assert [r.name for r in clients.due_for_review(db, date(2026, 11, 28))] == ["Past"]


def test_the_list_follows_session_and_action_changes(open_vault: Vault) -> None:
    """last_session and open_actions are kept by triggers: they must follow every change."""
    saved = add(open_vault, display_name="Nguyễn Văn An")
    with open_vault.session() as db, db.begin():
        held = CoachingSession(
            client_id=saved.id, starts_at=NOW - timedelta(days=3), status=SessionStatus.COMPLETED
        )
        later = CoachingSession(client_id=saved.id, starts_at=NOW - timedelta(days=1))
        action = ActionItem(client_id=saved.id, text="Reflect")
        db.add_all([held, later, action])

    def row() -> clients.ClientRow:
        with open_vault.session() as db:
            return clients.client_row(db, saved.id, now=NOW)

    assert (row().last_session, row().open_actions) == (NOW - timedelta(days=3), 1)
    with open_vault.session() as db, db.begin():
        db.get(CoachingSession, later.id).status = SessionStatus.COMPLETED
        db.get(ActionItem, action.id).status = ActionStatus.DONE
    assert (row().last_session, row().open_actions) == (NOW - timedelta(days=1), 0)
    with open_vault.session() as db, db.begin():
        db.delete(db.get(CoachingSession, later.id))
    assert row().last_session == NOW - timedelta(days=3)


def test_names_sort_as_a_person_expects_accents_and_case_aside(open_vault: Vault) -> None:
    for name in ("Zoë", "Raman", "Ångström", "ängel", "Émile", "Angel"):
        add(open_vault, display_name=name)
    with open_vault.session() as db:
        names = [row.name for row in clients.list_clients(db)]
    assert names == ["Angel", "ängel", "Ångström", "Émile", "Raman", "Zoë"]
