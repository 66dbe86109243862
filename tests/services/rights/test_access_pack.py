"""Subject access: the register's deadlines, and the pack's ZIP read back (PDF and JSON)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import ActionItem, Goal
from coachdesk.services.people import erasure, profile
from coachdesk.services.people.profile import ProfileFields
from coachdesk.services.rights import requests
from coachdesk.services.rights.access_pack import PDF_NAME, PackRequest, write_access_pack
from coachdesk.services.sessions.notes import NotesInput, record_notes
from coachdesk.vault import Vault
from tests.documents.pdfcheck import text
from tests.services.factories import at, client, engagement, session

SHARED = "Reality: the team meets on Mondays."
PRIVATE = "Seemed anxious about the reorganisation."


def poppler_text(pdf: bytes, tmp_path: Path) -> str:
    """pdftotext's reading, a second reader beside pypdf; skipped where poppler is missing."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed")
    source = tmp_path / "pack.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(source), "-"], capture_output=True, check=True)
    return re.sub(r"\s+", " ", out.stdout.decode("utf-8"))


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 11, 20), date(2026, 12, 20)),
        (date(2027, 1, 31), date(2027, 2, 28)),
        (date(2028, 1, 31), date(2028, 2, 29)),
        (date(2026, 12, 15), date(2027, 1, 15)),
    ],
)
def test_an_answer_is_due_a_calendar_month_later(received: date, due: date) -> None:
    assert requests.due_date(received) == due


def test_the_register_records_and_answers(db: Session) -> None:
    who = client(db, "Zoë Okafor")
    rid = requests.record_access_request(db, who, date(2026, 11, 20), "by email")
    [row] = requests.access_requests(db, open_only=True)
    assert (row.client_name, row.due_on, row.how_received) == (
        "Zoë Okafor",
        date(2026, 12, 20),
        "by email",
    )
    assert row.overdue(date(2026, 12, 21))
    assert not row.overdue(date(2026, 12, 20))
    with pytest.raises(ValidationError) as info:
        requests.answer_access_request(db, rid, date(2026, 12, 1), private_notes_included=True)
    assert set(info.value.fields) == {"private_notes_reason"}
    requests.answer_access_request(db, rid, date(2026, 12, 1))
    assert requests.access_requests(db, open_only=True) == []
    assert requests.access_requests(db)[0].answered_on == date(2026, 12, 1)


def _client_with_a_record(db: Session) -> int:
    profile.update_profile(db, ProfileFields(name="Amélie Laurent", time_zone="Europe/Paris"))
    who = client(db, "Zoë Okafor", email="zoe@example.org", postal_address="3 Quay Street")
    engagement(db, who, title="Stepping up")
    sid = session(db, who, at(3))
    notes = NotesInput(agenda="First team meeting", shared_notes=SHARED, private_notes=PRIVATE)
    record_notes(db, sid, notes)
    db.add(Goal(client_id=who, title="Delegate the rota", baseline=3, target=8))
    db.add(ActionItem(client_id=who, text="List what only I can do"))
    db.flush()
    return who


def test_the_pack_holds_the_letter_the_record_and_the_export(db: Session, tmp_path: Path) -> None:
    who = _client_with_a_record(db)
    dest = tmp_path / "pack.zip"
    result = write_access_pack(db, who, dest, PackRequest(date(2026, 11, 20), "by letter"))
    assert (result.private_note_count, result.private_notes_included) == (1, False)
    with zipfile.ZipFile(dest) as zf:
        names = set(zf.namelist())
        pdf = zf.read(PDF_NAME)
        exported = json.loads(zf.read("coachdesk-export.json"))
    assert {"README.txt", "coachdesk-export.json", PDF_NAME} <= names
    assert exported["scope"] == "client"
    assert exported["client"][0]["display_name"] == "Zoë Okafor"
    assert PRIVATE not in json.dumps(exported)
    [row] = requests.access_requests(db)
    assert row.answered_on is not None
    assert row.private_notes_included is False
    check_pack_text(text(pdf))
    check_pack_text(poppler_text(pdf, tmp_path))


def check_pack_text(read: str) -> None:
    """The letter and the record as one reader reads them."""
    assert "Dear Zoë Okafor," in read
    assert "You asked on 20 November 2026" in read
    assert "I keep your records for 7 years after our last engagement ends." in read
    assert "private working notes of 1 session" in read
    for held in ("Stepping up", SHARED, "First team meeting", "Delegate the rota"):
        assert held in read
    assert "List what only I can do" in read
    assert PRIVATE not in read


def test_private_notes_go_in_only_with_a_reason(db: Session, tmp_path: Path) -> None:
    who = _client_with_a_record(db)
    (tmp_path / "out").mkdir()
    dest = tmp_path / "out" / "pack.zip"
    with pytest.raises(ValidationError) as info:
        write_access_pack(db, who, dest, PackRequest(include_private_notes=True))
    assert set(info.value.fields) == {"reason"}
    assert list(dest.parent.iterdir()) == []
    requests.record_access_request(db, who, date(2026, 11, 25))
    chosen = PackRequest(include_private_notes=True, reason="The client asked for them.")
    write_access_pack(db, who, dest, chosen)
    with zipfile.ZipFile(dest) as zf:
        pdf = zf.read(PDF_NAME)
    assert PRIVATE in text(pdf)
    [row] = requests.access_requests(db)
    assert (row.private_notes_included, row.private_notes_reason) == (
        True,
        "The client asked for them.",
    )


def test_the_register_outlives_an_erased_client(open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        who = client(db, "Zoë Okafor")
        requests.record_access_request(db, who, date(2026, 11, 20), "by email")
    erasure.erase_client(open_vault.engine, who)
    with open_vault.session() as db:
        [row] = requests.access_requests(db)
    assert (row.client_id, row.client_name, row.received_on) == (None, "", date(2026, 11, 20))
