"""The client page: everything at a glance, and quick with a long coaching history."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from coachdesk.model import CoachingSession, SessionStatus
from coachdesk.services.overviews import overview
from coachdesk.services.people import sponsors
from coachdesk.services.people.sponsors import SponsorFields
from coachdesk.services.progress import actions, goals
from coachdesk.services.progress.actions import ActionFields
from coachdesk.services.progress.goals import GoalFields
from coachdesk.services.sessions import sessions
from tests.services.factories import at, client, engagement, session


def test_overview_gathers_the_clients_page(db: Session) -> None:
    acme = sponsors.create_sponsor(db, SponsorFields(name="Acme")).id
    amara = client(db, sponsor_id=acme, email="amara@example.org")
    other = client(db, "Other")
    e = engagement(db, amara, planned_sessions=6)
    held = session(db, amara, at(2), engagement_id=e)
    sessions.set_status(db, held, SessionStatus.COMPLETED)
    missed = session(db, amara, at(9), engagement_id=e)
    sessions.set_status(db, missed, SessionStatus.NO_SHOW)
    upcoming = session(db, amara, at(23), engagement_id=e)
    session(db, amara, at(30), engagement_id=e)
    session(db, other, at(20))
    g = goals.create_goal(db, GoalFields(amara, "Delegate", baseline=2)).id
    goals.rate_goal(db, g, 5, session_id=held)
    actions.add_action(db, ActionFields(amara, "Overdue", due_on=date(2026, 3, 10)))
    actions.add_action(db, ActionFields(amara, "Later", due_on=date(2026, 3, 25)))
    done = actions.add_action(db, ActionFields(amara, "Done")).id
    actions.mark_done(db, done)
    actions.add_follow_up(db, amara, date(2026, 9, 1), "Check-in")

    view = overview.client_overview(db, amara, now=at(15))

    assert (view.client.email, view.sponsor_name) == ("amara@example.org", "Acme")
    ((summary),) = view.engagements
    assert (summary.engagement.id, summary.usage.held, summary.usage.remaining) == (e, 1, 4)
    assert [s.id for s in view.recent_sessions] == [missed, held]
    assert view.next_session is not None
    assert (view.next_session.id, view.next_session.sequence) == (upcoming, 3)
    assert [(g.title, g.latest_score) for g in view.goals] == [("Delegate", 5)]
    assert [a.text for a in view.open_actions] == ["Overdue", "Later"]
    assert [f.reason for f in view.follow_ups] == ["Check-in"]
    c = view.counts
    assert (c.sessions_held, c.sessions_scheduled, c.sessions_missed) == (1, 2, 1)
    assert (c.open_actions, c.overdue_actions, c.active_goals, c.pending_follow_ups) == (
        2,
        1,
        1,
        1,
    )


def test_overview_of_a_client_with_500_sessions(db: Session) -> None:
    amara = client(db)
    e = engagement(db, amara)
    db.execute(
        insert(CoachingSession),
        [
            {
                "client_id": amara,
                "engagement_id": e,
                "starts_at": at(1) - timedelta(days=7 * i),
                "status": SessionStatus.COMPLETED,
                "shared_notes": "notes " * 50,
                "sequence": 500 - i,
            }
            for i in range(500)
        ],
    )
    view = overview.client_overview(db, amara, now=at(15))
    assert len(view.recent_sessions) == 20
    assert view.recent_sessions[0].starts_at == at(1)
    assert view.counts.sessions_held == 500
