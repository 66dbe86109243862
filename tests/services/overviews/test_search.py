"""Search: safe queries from anything typed, ranking, marked snippets, and an index kept in sync."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from coachdesk.model import ActionItem, CoachingSession, Goal, NoteTemplate
from coachdesk.services.overviews.search import (
    MATCH_END,
    MATCH_START,
    count,
    fts_query,
    search,
    snippet_spans,
)
from coachdesk.services.overviews.search_snippets import SNIPPET_CHARS
from coachdesk.services.people import clients, erasure
from coachdesk.services.people.clients import ClientFields
from coachdesk.services.sessions.note_format import compose
from coachdesk.vault import Vault

WHEN = datetime(2026, 11, 27, 23, 30, tzinfo=UTC)
FILLER = "The client reviewed the quarter, the team and the budget before the offsite. " * 4


def practice(v: Vault) -> dict[str, int]:
    """Łukasz with a goal about delegation, and Aoife whose session only mentions it once."""
    with v.session() as db, db.begin():
        lukasz = clients.create_client(
            db, ClientFields(given_name="Łukasz", family_name="Nowak", organisation="Orbis")
        ).id
        aoife = clients.create_client(db, ClientFields(given_name="Aoife", family_name="Byrne")).id
        goal = Goal(client_id=lukasz, title="Delegation without guilt", why="Too many late nights")
        session = CoachingSession(
            client_id=aoife,
            starts_at=WHEN,
            shared_notes=f"Goal: {FILLER} She mentioned delegation once. {FILLER}",
        )
        db.add_all([goal, session])
        db.flush()
        action = ActionItem(client_id=aoife, session_id=session.id, text="Journal every evening")
        db.add(action)
        db.flush()
        return {
            "lukasz": lukasz,
            "aoife": aoife,
            "goal": goal.id,
            "session": session.id,
            "action": action.id,
        }


def test_queries_quote_every_term_and_prefix_the_last() -> None:
    assert fts_query("") == ""
    assert fts_query("   ") == ""
    assert fts_query("deleg") == '"deleg"*'
    assert fts_query("late nights ") == '"late" "nights"'
    assert fts_query('say "no') == '"say" """no"*'
    assert fts_query("AND OR NOT") == '"AND" "OR" "NOT"*'
    assert fts_query('" * ( - ^ :') == ""


@pytest.mark.parametrize(
    "typed",
    ['"', '"unbalanced', "a\"b'c", "NEAR(a b)", "body:x", "-x", "^start", "x AND", "(", "*", "\\"],
)
def test_nothing_typed_makes_search_raise(open_vault: Vault, typed: str) -> None:
    practice(open_vault)
    with open_vault.session() as db:
        assert isinstance(search(db, typed), list)


def test_a_title_match_outranks_a_body_match(open_vault: Vault) -> None:
    ids = practice(open_vault)
    with open_vault.session() as db:
        (best,) = search(db, "delegation", limit=1)
        session, goal = search(db, "delegation")
    assert (best.kind, best.ref_id) == ("goal", ids["goal"])
    assert (session.kind, goal.kind) == ("session", "goal"), "shown by kind, as the page groups"
    assert goal.title == "Delegation without guilt"
    assert goal.client_name == "Łukasz Nowak"
    assert session.client_id == ids["aoife"]
    assert session.starts_at == WHEN
    assert session.title == "2026-11-27"


def test_session_title_is_its_date_in_the_coach_time_zone(open_vault: Vault) -> None:
    practice(open_vault)
    with open_vault.session() as db:
        (hit,) = search(db, "mentioned", tz=ZoneInfo("Europe/Berlin"))
    assert hit.title == "2026-11-28"


def test_snippets_mark_the_matched_words(open_vault: Vault) -> None:
    ids = practice(open_vault)
    with open_vault.session() as db:
        (hit,) = [h for h in search(db, "deleg") if h.kind == "session"]
    assert f"{MATCH_START}delegation{MATCH_END}" in hit.snippet
    spans = snippet_spans(hit.snippet)
    assert ("delegation", True) in spans
    assert "".join(text for text, _ in spans) == hit.snippet.replace(MATCH_START, "").replace(
        MATCH_END, ""
    )
    assert hit.ref_id == ids["session"]


def test_snippet_spans_split_markers() -> None:
    snippet = f"a {MATCH_START}b{MATCH_END} c {MATCH_START}d{MATCH_END}"
    assert snippet_spans(snippet) == [("a ", False), ("b", True), (" c ", False), ("d", True)]
    assert snippet_spans("") == []


def test_action_items_and_clients_are_found(open_vault: Vault) -> None:
    ids = practice(open_vault)
    with open_vault.session() as db:
        (action,) = search(db, "journal")
        (client,) = search(db, "orbis")
    assert (action.kind, action.ref_id, action.title) == (
        "action",
        ids["action"],
        "Journal every evening",
    )
    assert (client.kind, client.ref_id, client.title) == ("client", ids["lukasz"], "Łukasz Nowak")


def test_diacritics_are_ignored(open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        zoe = clients.create_client(db, ClientFields(given_name="Zoë", family_name="Nguyễn")).id
        jose = clients.create_client(db, ClientFields(display_name="José Ruiz")).id
    with open_vault.session() as db:
        assert [h.ref_id for h in search(db, "zoe nguyen")] == [zoe]
        assert [h.ref_id for h in search(db, "JOSE")] == [jose]
        assert [h.ref_id for h in search(db, "josé")] == [jose]


def test_letters_without_decomposition_are_folded_too(open_vault: Vault) -> None:
    ids = practice(open_vault)
    with open_vault.session() as db:
        assert [h.ref_id for h in search(db, "lukasz")] == [ids["lukasz"]]


def test_all_terms_must_match(open_vault: Vault) -> None:
    practice(open_vault)
    with open_vault.session() as db:
        assert [h.kind for h in search(db, "delegation guilt")] == ["goal"]
        assert search(db, "delegation unicorn") == []
        assert len(search(db, "the", limit=1)) == 1


def test_the_index_follows_edits(open_vault: Vault) -> None:
    ids = practice(open_vault)
    with open_vault.session() as db, db.begin():
        session = db.get(CoachingSession, ids["session"])
        assert session is not None
        session.shared_notes = "Reality: a calmer week, mornings protected."
    with open_vault.session() as db:
        assert [h.kind for h in search(db, "delegation ")] == ["goal"]
        assert [h.ref_id for h in search(db, "mornings")] == [ids["session"]]


def test_an_erased_client_is_no_longer_found(open_vault: Vault) -> None:
    ids = practice(open_vault)
    erasure.erase_client(open_vault.engine, ids["aoife"])
    with open_vault.session() as db:
        assert search(db, "journal") == []
        assert search(db, "aoife") == []
        assert [h.kind for h in search(db, "delegation")] == ["goal"]


def _plain(snippet: str) -> str:
    return snippet.replace(MATCH_START, "").replace(MATCH_END, "")


def test_a_session_snippet_is_a_line_or_two_under_its_heading(open_vault: Vault) -> None:
    reality = f"{FILLER}She noticed the urge to rescue the team again. {FILLER}".strip()
    notes = compose(NoteTemplate.GROW, ["Calmer board meetings.", reality, "", ""])
    with open_vault.session() as db, db.begin():
        who = clients.create_client(db, ClientFields(display_name="Ines Duarte")).id
        db.add(CoachingSession(client_id=who, starts_at=WHEN, shared_notes=notes))
    with open_vault.session() as db:
        (hit,) = search(db, "rescue")
    assert hit.section == "Reality"
    assert not hit.private
    plain = _plain(hit.snippet)
    assert "Goal" not in plain
    assert "Reality" not in plain, "the heading is apart from the text"
    assert SNIPPET_CHARS // 2 < len(plain) <= SNIPPET_CHARS + 2
    inner = plain.strip("…")
    assert inner in reality
    assert plain.startswith("…")
    assert plain.endswith("…")
    assert reality[reality.index(inner) - 1] == " ", "cut between words"
    assert reality[reality.index(inner) + len(inner)] == " "
    middle = plain.index("rescue") + 3
    assert abs(middle - len(plain) / 2) < 20, "the match sits near the middle"
    assert f"{MATCH_START}rescue{MATCH_END}" in hit.snippet


def test_a_match_in_private_notes_is_marked_private(open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        who = clients.create_client(db, ClientFields(display_name="Ines Duarte")).id
        db.add_all(
            [
                CoachingSession(
                    client_id=who, starts_at=WHEN, private_notes="Possible burnout signs."
                ),
                CoachingSession(
                    client_id=who,
                    starts_at=datetime(2026, 11, 20, 9, tzinfo=UTC),
                    shared_notes="We named burnout as a risk.",
                    private_notes="burnout again",
                ),
            ]
        )
    with open_vault.session() as db:
        newest, older = search(db, "burnout")
    assert newest.private
    assert _plain(newest.snippet) == "Possible burnout signs."
    assert not older.private, "shared notes come first when both match"
    assert _plain(older.snippet) == "We named burnout as a risk."


def test_sessions_come_newest_first_and_the_rest_can_be_loaded(open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        who = clients.create_client(db, ClientFields(display_name="Ines Duarte")).id
        db.add_all(
            CoachingSession(
                client_id=who,
                starts_at=datetime(2026, 1, 1, 9, tzinfo=UTC)
                .replace(day=1 + day % 28)
                .replace(month=1 + day // 28),
                shared_notes=f"Budget talk number {day}.",
            )
            for day in range(60)
        )
    with open_vault.session() as db:
        first = search(db, "budget", 50)
        rest = search(db, "budget", 50, offset=50)
        assert count(db, "budget") == 60
        assert count(db, "   ") == 0
    days = [hit.starts_at for hit in first]
    assert days == sorted(days, reverse=True)
    assert len(rest) == 10
    assert {h.ref_id for h in first}.isdisjoint({h.ref_id for h in rest})
