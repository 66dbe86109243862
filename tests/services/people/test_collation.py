"""Names sort as a coach reads them in any Latin-script language: accents, case and the letters
that do not decompose (ß, Ø, Ł, Æ) aside, by the stored fold key, not the OS's collation."""

from __future__ import annotations

from sqlalchemy.orm import Session

from coachdesk.services.people import clients
from tests.services.factories import client


def test_the_client_list_sorts_accented_names_among_their_letters(db: Session) -> None:
    for name in (
        "Baker",
        "Ångström",
        "Andersson",
        "Stuart",
        "Straße",
        "Strand",
        "Persson",
        "Øberg",
        "Nilsson",
        "Lund",
        "Łukasz",
        "Lucas",
        "émile",
        "Ebert",
        "Zoë",
    ):
        client(db, name)
    assert [row.name for row in clients.list_clients(db)] == [
        "Andersson",
        "Ångström",
        "Baker",
        "Ebert",
        "émile",
        "Lucas",
        "Łukasz",
        "Lund",
        "Nilsson",
        "Øberg",
        "Persson",
        "Strand",
        "Straße",
        "Stuart",
        "Zoë",
    ]


def test_family_names_lead_and_the_name_as_written_breaks_ties(db: Session) -> None:
    client(db, "", given_name="Anna", family_name="Ölund")
    client(db, "", given_name="Bo", family_name="Olsen")
    client(db, "", given_name="Cai", family_name="Oman")
    client(db, "", given_name="Dana", family_name="Müller")
    client(db, "", given_name="Dana", family_name="Muller")
    assert [row.name for row in clients.list_clients(db)] == [
        "Dana Muller",
        "Dana Müller",
        "Bo Olsen",
        "Anna Ölund",
        "Cai Oman",
    ]
