"""Control characters never get into the vault through a form, the command line or an import:
a terminal would obey them (ESC ]0; retitles the window) instead of showing them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from coachdesk.errors import ValidationError
from coachdesk.services.people import clients, profile, sponsors
from coachdesk.services.people.clients import ClientFields
from coachdesk.services.sessions import notes as session_notes
from coachdesk.services.validation import MAX_NOTES
from coachdesk.vault import Vault
from tests.services import factories

TITLE_SEQUENCE = "\x1b]0;you have been hacked\x07"


@pytest.mark.parametrize(
    "field", ["display_name", "given_name", "email", "phone", "organisation", "role", "tags"]
)
def test_a_single_line_client_field_refuses_control_characters(
    open_vault: Vault, field: str
) -> None:
    value: object = [TITLE_SEQUENCE] if field == "tags" else f"Zoë{TITLE_SEQUENCE}"
    values = {"display_name": "Zoë Müller", field: value}
    with open_vault.session() as db, pytest.raises(ValidationError) as caught:
        clients.create_client(db, ClientFields(**values))  # type: ignore[arg-type]
    assert set(caught.value.fields) == {field}
    assert "U+001B" in caught.value.fields[field]


@pytest.mark.parametrize("character", ["\x00", "\t", "\r", "\x7f", "\x85", "\x9b"])
def test_every_c0_and_c1_control_is_refused_in_a_name(open_vault: Vault, character: str) -> None:
    with open_vault.session() as db, pytest.raises(ValidationError) as caught:
        clients.create_client(db, ClientFields(display_name=f"Ann{character}Lee"))
    assert set(caught.value.fields) == {"display_name"}


def test_multi_line_fields_keep_line_breaks_and_tabs_only(open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        saved = clients.create_client(
            db, ClientFields(display_name="Ann Lee", postal_address="1 Main St\n\tFlat 2")
        )
        assert clients.get_client(db, saved.id).postal_address == "1 Main St\n\tFlat 2"
        with pytest.raises(ValidationError) as caught:
            clients.create_client(
                db, ClientFields(display_name="Bo Ray", postal_address=f"1 Main St{TITLE_SEQUENCE}")
            )
    assert set(caught.value.fields) == {"postal_address"}


def test_sponsor_and_profile_names_refuse_control_characters(open_vault: Vault) -> None:
    with open_vault.session() as db, pytest.raises(ValidationError) as caught:
        sponsors.create_sponsor(db, sponsors.SponsorFields(name=f"Acme{TITLE_SEQUENCE}"))
    assert set(caught.value.fields) == {"name"}
    problems = profile.profile_problems(profile.ProfileFields(name=f"Coach{TITLE_SEQUENCE}"))
    assert set(problems) == {"name"}


def test_session_notes_keep_their_lines_and_have_a_generous_limit(open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        client_id = factories.client(db)
        session_id = factories.session(db, client_id, datetime(2026, 11, 2, 9, tzinfo=UTC))
        lines = "Talked about\n\tdelegation\n" * 10
        session_notes.record_notes(db, session_id, session_notes.NotesInput(shared_notes=lines))
        with pytest.raises(ValidationError) as caught:
            session_notes.record_notes(
                db, session_id, session_notes.NotesInput(private_notes="x" * (MAX_NOTES + 1))
            )
    assert set(caught.value.fields) == {"private_notes"}
    assert "200,000 characters" in caught.value.fields["private_notes"]
