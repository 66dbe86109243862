"""Group and team engagements: who takes part, who attended each session, and what becomes of a
group's records when one participant is erased.

A group engagement and its sessions belong (``client_id``) to one participant, the one the ICF
log names; every participant, that one included, has an ``EngagementParticipant`` row, and each
session of the group an ``SessionAttendance`` row per participant.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Select, delete, select, update
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import (
    Client,
    CoachingSession,
    Engagement,
    EngagementParticipant,
    SessionAttendance,
    SessionStatus,
)

MIN_PARTICIPANTS = 2


def participants(db: Session, engagement_id: int) -> list[int]:
    """The participants of a group engagement, the one it belongs to first."""
    engagement = db.get(Engagement, engagement_id)
    if engagement is None or not engagement.is_group:
        return []
    others = db.scalars(
        select(EngagementParticipant.client_id)
        .where(
            EngagementParticipant.engagement_id == engagement_id,
            EngagementParticipant.client_id != engagement.client_id,
        )
        .order_by(EngagementParticipant.client_id)
    )
    return [engagement.client_id, *others]


def is_participant(db: Session, engagement: Engagement, client_id: int) -> bool:
    if not engagement.is_group:
        return engagement.client_id == client_id
    return (
        db.get(EngagementParticipant, {"engagement_id": engagement.id, "client_id": client_id})
        is not None
    )


def set_participants(db: Session, engagement_id: int, client_ids: Iterable[int]) -> None:
    """Make ``client_ids`` (plus the client the engagement belongs to) the group; sessions still
    to come get an attendance row for every participant."""
    engagement = db.get(Engagement, engagement_id)
    if engagement is None:
        raise ValidationError({"engagement": _("That engagement does not exist.")})
    wanted = list(dict.fromkeys([engagement.client_id, *client_ids]))
    missing = [c for c in wanted if db.get(Client, c) is None]
    if missing:
        message = _("There is no client with id {id}.").format(id=missing[0])
        raise ValidationError({"participant": message})
    if not engagement.is_group:
        if len(wanted) > 1:
            message = _("Only a group engagement has participants.")
            raise ValidationError({"participant": message})
        return
    if len(wanted) < MIN_PARTICIPANTS:
        message = _("A group needs at least {n} participants.").format(n=MIN_PARTICIPANTS)
        raise ValidationError({"participant": message})
    db.execute(
        delete(EngagementParticipant).where(
            EngagementParticipant.engagement_id == engagement_id,
            EngagementParticipant.client_id.not_in(wanted),
        )
    )
    present = set(
        db.scalars(
            select(EngagementParticipant.client_id).where(
                EngagementParticipant.engagement_id == engagement_id
            )
        )
    )
    db.add_all(
        EngagementParticipant(engagement_id=engagement_id, client_id=c)
        for c in wanted
        if c not in present
    )
    db.flush()
    upcoming = db.scalars(
        select(CoachingSession.id).where(
            CoachingSession.engagement_id == engagement_id,
            CoachingSession.status == SessionStatus.SCHEDULED,
        )
    ).all()
    for session_id in upcoming:
        expect_participants(db, session_id, wanted)


def expect_participants(db: Session, session_id: int, client_ids: Iterable[int]) -> None:
    """Give a group session one attendance row per participant, keeping what was recorded."""
    wanted = list(client_ids)
    db.execute(
        delete(SessionAttendance).where(
            SessionAttendance.session_id == session_id,
            SessionAttendance.client_id.not_in(wanted),
        )
    )
    present = set(
        db.scalars(
            select(SessionAttendance.client_id).where(SessionAttendance.session_id == session_id)
        )
    )
    db.add_all(
        SessionAttendance(session_id=session_id, client_id=c) for c in wanted if c not in present
    )
    db.flush()


def attendance(db: Session, session_id: int) -> dict[int, bool | None]:
    """Who was expected at a group session and whether they came (None: not recorded yet)."""
    rows = db.execute(
        select(SessionAttendance.client_id, SessionAttendance.attended)
        .where(SessionAttendance.session_id == session_id)
        .order_by(SessionAttendance.client_id)
    )
    return {client_id: came for client_id, came in rows}


def record_attendance(db: Session, session_id: int, attended: Mapping[int, bool]) -> None:
    """Record who came; only the session's participants can be marked."""
    expected = attendance(db, session_id)
    strangers = [c for c in attended if c not in expected]
    if strangers:
        message = _("Client {id} is not a participant of this session.").format(id=strangers[0])
        raise ValidationError({"attendance": message})
    for client_id, came in attended.items():
        db.execute(
            update(SessionAttendance)
            .where(
                SessionAttendance.session_id == session_id,
                SessionAttendance.client_id == client_id,
            )
            .values(attended=came)
        )
    db.flush()


def attended_sessions(client_id: int) -> Select[int]:
    """The group sessions a client came to or is expected at, as a subquery of session ids."""
    return select(SessionAttendance.session_id).where(
        SessionAttendance.client_id == client_id, SessionAttendance.attended.is_not(False)
    )


def hand_over_groups(db: Session, client_id: int) -> None:
    """Before a participant is erased: the group engagements and sessions they hold pass to
    another participant, so erasing one person leaves the group's record for the others."""
    held = db.scalars(
        select(Engagement).where(Engagement.client_id == client_id, Engagement.is_group)
    ).all()
    for engagement in held:
        heir = db.scalar(
            select(EngagementParticipant.client_id)
            .where(
                EngagementParticipant.engagement_id == engagement.id,
                EngagementParticipant.client_id != client_id,
            )
            .order_by(EngagementParticipant.client_id)
        )
        if heir is None:
            continue
        engagement.client_id = heir
        db.execute(
            update(CoachingSession)
            .where(
                CoachingSession.engagement_id == engagement.id,
                CoachingSession.client_id == client_id,
            )
            .values(client_id=heir)
        )
    db.flush()
