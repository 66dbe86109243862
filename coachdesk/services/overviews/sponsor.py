"""One sponsor at a glance: its details, the clients it sponsors and the engagements it pays for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.model import Client, ClientStatus, Engagement, EngagementStatus, SponsorSharing
from coachdesk.services.people import sponsors
from coachdesk.services.people.sponsors import SponsorFields


@dataclass(frozen=True, slots=True)
class SponsoredClient:
    id: int
    name: str
    status: ClientStatus


@dataclass(frozen=True, slots=True)
class SponsoredEngagement:
    id: int
    client_id: int
    client_name: str
    title: str
    status: EngagementStatus
    start_date: date
    sharing: SponsorSharing


@dataclass(frozen=True, slots=True)
class SponsorOverview:
    id: int
    fields: SponsorFields
    archived: bool
    clients: list[SponsoredClient]
    engagements: list[SponsoredEngagement]


def sponsor_overview(db: Session, sponsor_id: int) -> SponsorOverview:
    """Clients in name order; engagements newest first (those the sponsor pays for, whoever the
    client's own sponsor is)."""
    sponsor = sponsors.get_sponsor(db, sponsor_id)
    clients = db.execute(
        select(Client.id, Client.display_name, Client.status)
        .where(Client.sponsor_id == sponsor_id)
        .order_by(Client.sort_name, Client.id)
    )
    engagements = db.execute(
        select(
            Engagement.id,
            Engagement.client_id,
            Client.display_name,
            Engagement.title,
            Engagement.status,
            Engagement.start_date,
            Engagement.sponsor_sharing,
        )
        .join(Client, Client.id == Engagement.client_id)
        .where(Engagement.sponsor_id == sponsor_id)
        .order_by(Engagement.start_date.desc(), Engagement.id.desc())
    )
    return SponsorOverview(
        id=sponsor.id,
        fields=sponsors.sponsor_fields(db, sponsor_id),
        archived=sponsor.archived,
        clients=[SponsoredClient(*row) for row in clients],
        engagements=[SponsoredEngagement(*row) for row in engagements],
    )
