"""What every document shares: the letterhead from the coach's profile, and wording of terms.

Services build the documents' plain data here and in the modules beside it, so the UI and the
CLI get a PDF through one call and the documents layer never sees the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from coachdesk import words
from coachdesk.documents.data import Letterhead
from coachdesk.formatting import (
    current_locale,
    document_locale,
    format_date,
    format_time,
    format_weekday,
    formats_in,
)
from coachdesk.i18n import _, current_language, document_language
from coachdesk.model import Cadence, Client, CoachProfile, SponsorSharing
from coachdesk.services.people import profile

SHARING_WORDS = {
    SponsorSharing.NOTHING: lambda: "",
    SponsorSharing.ATTENDANCE: lambda: _(
        "the dates of sessions held and missed. Nothing said in a session is shared."
    ),
    SponsorSharing.PROGRESS: lambda: _(
        "attendance and progress toward the agreed goals. Nothing said in a session is shared."
    ),
}


def client_language(db: Session, client_id: int | None) -> str:
    """The language a client's documents print in: theirs ("de"), else the coach's."""
    client = db.get(Client, client_id) if client_id is not None else None
    if client is not None and client.language:
        return client.language
    return current_language()


@contextmanager
def in_clients_language(db: Session, client_id: int | None) -> Iterator[None]:
    """Build and render a client's document inside this block: its words in the client's
    language, its formats that language's in the coach's region when CLDR has it (see
    ``formatting.document_locale``). Only this thread is affected, so a PDF rendered on a
    worker leaves the GUI as it is."""
    language = client_language(db, client_id)
    coach = profile.coach_locale(db) or current_locale()
    with document_language(language), formats_in(document_locale(language, coach)):
        yield


def letterhead(db: Session) -> Letterhead:
    data = profile.profile_fields(db)
    row = db.get(CoachProfile, profile.PROFILE_ID)
    return Letterhead(
        coach_name=data.name,
        business_name=data.business_name,
        credentials=data.credentials,
        email=data.email,
        phone=data.phone,
        website=data.website,
        postal_address=data.postal_address,
        logo=row.logo if row is not None else None,
        paper_size=data.paper_size.value,
        time_zone=data.time_zone,
    )


def cadence_words(cadence: Cadence, every_days: int | None) -> str:
    if cadence is Cadence.CUSTOM:
        return _("every {n} days").format(n=every_days) if every_days else ""
    return words.in_sentence(cadence)


def sharing_words(sharing: SponsorSharing) -> str:
    return SHARING_WORDS[sharing]()


def when_words(starts_at: datetime, tz: ZoneInfo) -> str:
    """ "Tuesday 3 March 2026, 14:00 (Europe/Paris)": a time a client cannot misread."""
    local = starts_at.astimezone(tz)
    return _("{weekday} {date}, {time} ({zone})").format(
        weekday=format_weekday(local),
        date=format_date(local.date()),
        time=format_time(local.time()),
        zone=tz.key,
    )
