"""The demo practice gives the Credential view something to show."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from coachdesk import vault
from coachdesk.model import Client, CoachingSession, Engagement
from coachdesk.services.credentials import cce, mentoring
from coachdesk.services.credentials.coaching_log import coaching_log
from coachdesk.services.demo.practice import fill_demo
from coachdesk.services.engagements import groups
from coachdesk.services.sessions import sessions
from tests.conftest import FAST_KDF, PASSPHRASE

TODAY = date(2026, 11, 25)


def test_the_demo_has_a_team_pro_bono_and_confidential_clients_and_cce(tmp_path: Path) -> None:
    with vault.create(tmp_path / "v", PASSPHRASE, kdf=FAST_KDF).vault as v:
        fill_demo(v.engine, 120, seed=3, today=TODAY)
        with v.session() as db:
            team = db.scalar(select(Engagement).where(Engagement.is_group))
            assert team is not None
            members = groups.participants(db, team.id)
            assert len(members) == 5
            for member in members:  # the team's sessions are in every member's history
                assert any(
                    r.engagement_title == team.title
                    for r in sessions.list_sessions(db, client_id=member)
                )
            assert db.scalar(select(func.count()).where(CoachingSession.pro_bono)) > 0
            assert db.scalar(select(func.count()).where(Client.confidential)) > 0
            log = coaching_log(db, today=TODAY)
            assert any(r.group and r.group_size == 5 for r in log.rows)
            assert any(r.name.startswith("Confidential client") for r in log.rows)
            assert log.totals.pro_bono_minutes > 0
            assert log.totals.left_off > 0  # some demo clients did not consent
            assert cce.cce_status(db, TODAY).units > 0
            assert mentoring.mentoring_progress(db).counted_hours > 0
