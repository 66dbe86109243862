"""Anonymising a client leaves no identifying trace in the vault's files (every page of the
database and of its WAL decrypted and searched, as the erase test does), while the practice's
ICF hours and issued invoices stay exactly as they were."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk import vault
from coachdesk.errors import ValidationError
from coachdesk.model import (
    Agreement,
    Client,
    CoachingSession,
    Engagement,
    EngagementStatus,
    FollowUp,
    Invoice,
    InvoiceStatus,
    SessionStatus,
)
from coachdesk.model.questionnaires import QuestionnaireAnswer, QuestionnaireForm
from coachdesk.services.credentials.coaching_log import coaching_log
from coachdesk.services.overviews.search import search
from coachdesk.services.rights.anonymise import anonymise_client
from tests.conftest import PASSPHRASE
from tests.services.people.test_erase import (
    MARKER,
    NEEDLES,
    SURVIVOR,
    add_client,
    edit_notes_many_times,
    traces,
    vault_plaintext,
)


def add_coaching(db: Session, client_id: int, word: str) -> None:
    """A completed engagement with held sessions the ICF log counts, an agreement, a follow-up
    and an issued invoice, all carrying ``word`` where text can."""
    client = db.get(Client, client_id)
    assert client is not None
    client.log_consent = True
    client.postal_address = f"{word} Street 4"
    client.phone = "+353 1 555 0199"
    engagement = Engagement(
        client_id=client_id,
        title=f"{word} leadership",
        start_date=date(2026, 1, 1),
        end_date=date(2026, 6, 30),
        status=EngagementStatus.COMPLETED,
        communication=f"{word} prefers email",
    )
    db.add(engagement)
    db.flush()
    form = QuestionnaireForm(
        client_id=client_id,
        template_version=1,
        title="Welcome questionnaire",
        token=f"token-{client_id}",
        issued_at=datetime(2026, 1, 2, tzinfo=UTC),
        returned_at=datetime(2026, 1, 5, tzinfo=UTC),
    )
    db.add(form)
    db.flush()
    db.add(
        QuestionnaireAnswer(
            form_id=form.id,
            client_id=client_id,
            position=0,
            name="q0_long",
            label="What brings you to coaching now?",
            kind="long_text",
            value=f"My manager {word} suggested it",
        )
    )
    for n in range(6):
        db.add(
            CoachingSession(
                client_id=client_id,
                engagement_id=engagement.id,
                starts_at=datetime(2026, 2, 2, 9, tzinfo=UTC) + timedelta(days=14 * n),
                duration_minutes=60,
                actual_minutes=45 + 5 * n,
                pro_bono=n == 5,
                status=SessionStatus.COMPLETED,
                location=f"{word} office",
                shared_notes=f"Will: {word} speaks first at the meeting.",
                feedback_comment=f"{word} found it useful",
            )
        )
    db.add(Agreement(engagement_id=engagement.id, title="Agreement", body=f"Between {word}."))
    db.add(FollowUp(client_id=client_id, due_on=date(2026, 9, 1), reason=f"Call {word}"))
    db.add(
        Invoice(
            client_id=client_id,
            status=InvoiceStatus.ISSUED,
            number=f"2026-{client_id:03d}",
            issue_date=date(2026, 7, 1),
            gross_total=300,
            net_total=300,
        )
    )


def practice_hours(db: Session) -> tuple[int, int, int]:
    totals = coaching_log(db, today=date(2026, 12, 4)).totals
    return totals.paid_minutes, totals.pro_bono_minutes, totals.clients


def test_anonymise_leaves_no_identifying_trace_and_keeps_the_hours(vault_dir: Path) -> None:
    v = vault.open(vault_dir, passphrase=PASSPHRASE)
    with v.session() as db, db.begin():
        gone = add_client(db, "Nowak", MARKER)
        kept = add_client(db, "Byrne", SURVIVOR)
        add_coaching(db, gone, MARKER)
        add_coaching(db, kept, SURVIVOR)
    edit_notes_many_times(v, gone, MARKER)
    edit_notes_many_times(v, kept, SURVIVOR)
    with v.session() as db:
        hours_before = practice_hours(db)
        assert search(db, MARKER)
    assert hours_before[0] > 0
    assert traces(vault_plaintext(vault_dir)) == list(NEEDLES), "the test could not fail"

    anonymise_client(v.engine, gone)
    with v.session() as db:
        assert search(db, MARKER) == []
        assert practice_hours(db) == hours_before
    v.close()

    plain = vault_plaintext(vault_dir)
    assert traces(plain) == []
    assert SURVIVOR.lower().encode() in plain
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v, v.session() as db:
        client = db.get(Client, gone)
        assert client is not None
        assert client.display_name == f"Anonymised client {gone}"
        assert client.anonymised_on is not None
        assert (client.email, client.phone, client.postal_address, client.tags) == ("", "", "", [])
        assert practice_hours(db) == hours_before
        held = func.count(CoachingSession.id)
        assert db.scalar(select(held).where(CoachingSession.client_id == gone)) == 47
        assert db.scalar(select(func.count(Agreement.id))) == 1  # the survivor's
        invoice = db.scalars(select(Invoice).where(Invoice.client_id == gone)).one()
        assert invoice.gross_total == 300
        with pytest.raises(ValidationError) as info:
            anonymise_client(v.engine, gone)
        assert set(info.value.fields) == {"client"}
