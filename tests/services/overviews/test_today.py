"""Today: a hand-built practice with known answers, seen from Los Angeles on a Wednesday."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session

from coachdesk.model import (
    ActionItem,
    ActionStatus,
    Agreement,
    AgreementStatus,
    Client,
    CoachingSession,
    Engagement,
    EngagementStatus,
    FollowUp,
    SessionStatus,
)
from coachdesk.services.overviews.today import session_number, today
from coachdesk.vault import Vault
from tests.services import factories as make

LA = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=LA)  # a Wednesday; 18:00 UTC
TODAY = date(2026, 11, 25)


def at(day: int, hour: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=LA)


def build(v: Vault) -> dict[str, dict[str, int]]:
    """Each row is named after the answer it should (or should not) produce, by table."""
    ids: dict[str, dict[str, int]] = {}
    with v.session() as db, db.begin():
        zoe = Client(display_name="Zoë Adams", sort_name="adams zoë")
        db.add(zoe)
        db.flush()

        def add(name: str, row: object) -> None:
            db.add(row)
            db.flush()
            ids.setdefault(type(row).__name__, {})[name] = row.id  # type: ignore[attr-defined]

        def session(name: str, when: datetime, status: SessionStatus, notes: str = "") -> None:
            add(
                name,
                CoachingSession(
                    client_id=zoe.id, starts_at=when, status=status, shared_notes=notes
                ),
            )

        s = SessionStatus
        session("today_morning", at(25, 8), s.COMPLETED, "Goal: sleep")
        session("today_late_night", at(25, 23), s.SCHEDULED)  # 07:00 UTC on the 26th
        session("today_cancelled", at(25, 15), s.CANCELLED)
        session("thursday", at(26, 9), s.SCHEDULED)
        session("sunday_night", at(29, 22), s.SCHEDULED)  # Monday in UTC
        session("next_monday", at(30, 9), s.SCHEDULED)
        session("held_no_notes", at(24, 9), s.COMPLETED)
        session("held_whitespace_notes", at(23, 9), s.COMPLETED, "  \n")
        session("past_scheduled", at(22, 9), s.SCHEDULED)
        session("held_with_notes", at(21, 9), s.COMPLETED, "Reality: calmer")
        session("no_show", at(20, 9), s.NO_SHOW)
        session("long_ago", at(10, 9, month=10), s.COMPLETED)
        private = CoachingSession(
            client_id=zoe.id, starts_at=at(19, 9), status=s.COMPLETED, private_notes="tired"
        )
        add("held_private_notes", private)

        a = ActionStatus
        for name, due, status in [
            ("action_overdue", TODAY - timedelta(days=3), a.OPEN),
            ("action_due_today", TODAY, a.OPEN),
            ("action_done", TODAY - timedelta(days=5), a.DONE),
            ("action_dropped", TODAY - timedelta(days=5), a.DROPPED),
            ("action_no_date", None, a.OPEN),
        ]:
            add(name, ActionItem(client_id=zoe.id, text=name, due_on=due, status=status))

        e = EngagementStatus
        for name, end, planned, status, completed in [
            ("ending_soon", TODAY + timedelta(days=20), None, e.ACTIVE, 0),
            ("used_up", TODAY + timedelta(days=90), 2, e.ACTIVE, 2),
            ("plenty_left", TODAY + timedelta(days=90), 10, e.ACTIVE, 2),
            ("already_completed", TODAY + timedelta(days=5), None, e.COMPLETED, 0),
            ("open_ended", None, None, e.ACTIVE, 0),
            ("ended_last_week", TODAY - timedelta(days=7), None, e.ACTIVE, 0),
            ("ended_a_month_ago", TODAY - timedelta(days=31), None, e.ACTIVE, 0),
            ("used_up_long_ago", TODAY - timedelta(days=40), 2, e.ACTIVE, 2),
        ]:
            engagement = Engagement(
                client_id=zoe.id,
                title=name,
                start_date=date(2026, 1, 1),
                end_date=end,
                planned_sessions=planned,
                status=status,
            )
            add(name, engagement)
            for n in range(completed):
                db.add(
                    CoachingSession(
                        client_id=zoe.id,
                        engagement_id=engagement.id,
                        starts_at=at(1 + n, 9, month=6),
                        status=s.COMPLETED,
                        shared_notes="Will: rest",
                    )
                )

        for name, status, sent in [
            ("agreement_sent", AgreementStatus.SENT, date(2026, 11, 15)),
            ("agreement_signed", AgreementStatus.SIGNED, date(2026, 11, 1)),
            ("agreement_draft", AgreementStatus.DRAFT, None),
        ]:
            add(
                name,
                Agreement(
                    engagement_id=ids["Engagement"]["ending_soon"],
                    title=name,
                    body="…",
                    status=status,
                    sent_on=sent,
                ),
            )

        for name, due, done in [
            ("follow_up_today", TODAY, None),
            ("follow_up_last_week", TODAY - timedelta(days=7), None),
            ("follow_up_done", TODAY - timedelta(days=7), TODAY - timedelta(days=1)),
            ("follow_up_tomorrow", TODAY + timedelta(days=1), None),
        ]:
            add(name, FollowUp(client_id=zoe.id, due_on=due, reason=name, done_on=done))
    ids["Client"] = {"zoe": zoe.id}
    return ids


def names(ids: dict[str, dict[str, int]], table: str, rows: list) -> list[str]:
    by_id = {v: k for k, v in ids[table].items()}
    return [by_id[row.id] for row in rows]


def test_today_in_the_coach_time_zone(open_vault: Vault) -> None:
    ids = build(open_vault)
    with open_vault.session() as db:
        data = today(db, NOW.astimezone(UTC), LA)
    assert data.today == TODAY
    assert names(ids, "CoachingSession", data.sessions_today) == [
        "today_morning",
        "today_late_night",
    ]
    assert names(ids, "CoachingSession", data.sessions_this_week) == ["thursday", "sunday_night"]
    late = data.sessions_today[1]
    assert late.client_name == "Zoë Adams"
    assert late.client_id == ids["Client"]["zoe"]
    assert late.starts_at.astimezone(UTC).date() == date(2026, 11, 26)


def test_sessions_without_notes(open_vault: Vault) -> None:
    ids = build(open_vault)
    with open_vault.session() as db:
        data = today(db, NOW, LA)
    assert names(ids, "CoachingSession", data.notes_missing) == [
        "held_no_notes",
        "held_whitespace_notes",
        "past_scheduled",
    ]


def test_overdue_actions_and_follow_ups(open_vault: Vault) -> None:
    ids = build(open_vault)
    with open_vault.session() as db:
        data = today(db, NOW, LA)
    assert names(ids, "ActionItem", data.overdue_actions) == ["action_overdue"]
    assert data.overdue_actions[0].days_overdue == 3
    assert data.overdue_actions[0].text == "action_overdue"
    assert names(ids, "FollowUp", data.follow_ups_due) == [
        "follow_up_last_week",
        "follow_up_today",
    ]


def test_agreements_and_engagements(open_vault: Vault) -> None:
    ids = build(open_vault)
    with open_vault.session() as db:
        data = today(db, NOW, LA)
    assert names(ids, "Agreement", data.awaiting_signature) == ["agreement_sent"]
    assert data.awaiting_signature[0].days_waiting == 10
    assert data.awaiting_signature[0].client_id == ids["Client"]["zoe"]
    ending = data.engagements_ending
    assert names(ids, "Engagement", ending) == ["ended_last_week", "ending_soon", "used_up"]
    assert [(e.completed_sessions, e.sessions_used_up) for e in ending] == [
        (0, False),
        (0, False),
        (2, True),
    ]


def test_the_week_ends_on_sunday(open_vault: Vault) -> None:
    ids = build(open_vault)
    with open_vault.session() as db:
        sunday = today(db, at(29, 12), LA)
        monday = today(db, at(30, 7), LA)
    assert names(ids, "CoachingSession", sunday.sessions_today) == ["sunday_night"]
    assert sunday.sessions_this_week == []
    assert names(ids, "CoachingSession", monday.sessions_today) == ["next_monday"]


def test_naive_now_is_refused(open_vault: Vault) -> None:
    with open_vault.session() as db, pytest.raises(ValueError, match="aware"):
        today(db, datetime(2026, 11, 25, 10, 0), LA)


def test_sessions_say_where_they_stand_in_their_programme(db: Session) -> None:
    """ "Session 2 of 8" in a planned programme, "Session 1" in an open-ended one, nothing for a
    session outside any engagement: worded by the service, for the window and the command."""
    amara = make.client(db)
    planned = make.engagement(db, amara)  # 8 planned sessions
    open_ended = make.engagement(db, amara, title="Open-ended", planned_sessions=None)
    make.session(db, amara, make.at(3, 9), engagement_id=planned)
    make.session(db, amara, make.at(10, 9), engagement_id=planned)
    make.session(db, amara, make.at(10, 11), engagement_id=open_ended)
    make.session(db, amara, make.at(10, 13))
    data = today(db, make.at(10, 7), ZoneInfo("UTC"))
    rows = data.sessions_today
    assert [(r.sequence, r.planned) for r in rows] == [(2, 8), (1, None), (None, None)]
    assert [session_number(r) for r in rows] == ["Session 2 of 8", "Session 1", ""]
