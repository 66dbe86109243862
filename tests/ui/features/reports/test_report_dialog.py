"""The progress report dialog over a real vault: both audiences saved as PDF files and read
back, the coach's summary typed in the dialog, and a sponsor report refused without consent."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from coachdesk.model import SponsorSharing
from coachdesk.services.people import sponsors
from coachdesk.services.people.sponsors import SponsorFields
from coachdesk.services.progress import goals
from coachdesk.services.progress.goals import GoalFields
from coachdesk.services.sessions import notes
from coachdesk.services.sessions.notes import NotesInput
from coachdesk.ui.features.reports import ProgressReportDialog
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.kit.progress_chart import ProgressChart
from coachdesk.vault import Vault
from tests.documents.pdfcheck import text
from tests.services.factories import at, client, engagement, session

WAIT_MS = 15_000
MARKER = "Zebra-marker shared in session"
PRIVATE = "Okapi-marker only for the coach"
SUMMARY = "Amara now delegates the weekly report."


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


def sponsored_client(open_vault: Vault, sharing: SponsorSharing) -> tuple[int, int]:
    """A client whose engagement's sponsor consent is ``sharing``, with a goal rated at three
    sessions through the notes service (as the notes editor saves them)."""
    with open_vault.session() as db, db.begin():
        sponsor = sponsors.create_sponsor(db, SponsorFields(name="Northwind Analytics")).id
        who = client(db, "Amara Okafor", sponsor_id=sponsor)
        eng = engagement(db, who, sponsor_id=sponsor, sponsor_sharing=sharing)
        goal = goals.create_goal(db, GoalFields(who, "Delegate", baseline=3, target=8)).id
        for day, score in ((3, 4), (17, 5), (31, 7)):
            held = session(db, who, at(day), engagement_id=eng)
            notes.record_notes(
                db,
                held,
                NotesInput(
                    shared_notes=f"{MARKER} {day}",
                    private_notes=f"{PRIVATE} {day}",
                    ratings={goal: score},
                ),
            )
    return who, goal


def open_dialog(qtbot, practice: Practice, client_id: int) -> ProgressReportDialog:
    dialog = ProgressReportDialog(practice, client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.is_current, timeout=WAIT_MS)
    dialog.form.start.set_day(date(2026, 3, 1))
    dialog.form.end.set_day(date(2026, 3, 31))
    return dialog


def wait_current(qtbot, dialog: ProgressReportDialog) -> None:
    dialog.update_preview()  # as the typing pause would
    qtbot.waitUntil(dialog.is_current, timeout=WAIT_MS)


def save(qtbot, dialog: ProgressReportDialog, path: Path, monkeypatch) -> bytes:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    return path.read_bytes()


def test_three_ratings_make_three_points(qtbot, practice: Practice, open_vault: Vault) -> None:
    _who, goal = sponsored_client(open_vault, SponsorSharing.PROGRESS)
    with open_vault.session() as db:
        series = goals.progress_series(db, goal)
    chart = ProgressChart(large=True)
    qtbot.addWidget(chart)
    chart.set_series(series, 3, 8)
    assert [score for _at, score in chart.points] == [4, 5, 7]


def test_both_audiences_saved_as_pdf(
    qtbot, practice: Practice, open_vault: Vault, tmp_path: Path, monkeypatch
) -> None:
    who, _goal = sponsored_client(open_vault, SponsorSharing.PROGRESS)
    dialog = open_dialog(qtbot, practice, who)
    qtbot.keyClicks(dialog.form.summary, SUMMARY)
    qtbot.keyClicks(dialog.form.next_focus, "Hand over the budget review.")
    assert not dialog.save_button.isEnabled()  # the preview is of older inputs
    wait_current(qtbot, dialog)
    assert dialog.preview.page_count() >= 1
    words = text(save(qtbot, dialog, tmp_path / "client.pdf", monkeypatch))
    assert "Amara Okafor" in words
    assert "Delegate" in words
    assert MARKER in words, "the client version lists what was shared in sessions"
    assert PRIVATE not in words, "private notes never leave the vault"
    assert SUMMARY in words

    dialog.form.audience.setCurrentIndex(dialog.form.audience.findData("sponsor"))
    wait_current(qtbot, dialog)
    assert dialog.stack.currentWidget() is dialog.preview
    assert "Northwind Analytics" in dialog.form.audience.currentText()
    words = text(save(qtbot, dialog, tmp_path / "sponsor.pdf", monkeypatch))
    assert "Prepared for Northwind Analytics" in words
    assert "Delegate" in words
    assert MARKER not in words, "no session notes for the sponsor"
    assert PRIVATE not in words
    assert SUMMARY in words
    assert "Hand over the budget review." in words


def test_sponsor_report_without_consent_is_refused_in_words(
    qtbot, practice: Practice, open_vault: Vault, tmp_path: Path, monkeypatch
) -> None:
    who, _goal = sponsored_client(open_vault, SponsorSharing.NOTHING)
    dialog = open_dialog(qtbot, practice, who)
    dialog.form.audience.setCurrentIndex(dialog.form.audience.findData("sponsor"))
    wait_current(qtbot, dialog)
    assert dialog.stack.currentWidget() is dialog.message
    assert "has not agreed to share anything with Northwind Analytics" in dialog.message.text()
    assert not dialog.save_button.isEnabled()
    assert not dialog.print_button.isEnabled()
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: asked.append(a)))
    dialog.save_report()
    assert asked == []  # nothing can leave the app
    dialog.form.audience.setCurrentIndex(dialog.form.audience.findData("client"))
    wait_current(qtbot, dialog)
    assert dialog.save_button.isEnabled()  # the client's own version is still fine


def test_the_sponsor_version_is_not_offered_without_a_sponsor(
    qtbot, practice: Practice, open_vault: Vault
) -> None:
    with open_vault.session() as db, db.begin():
        who = client(db, "Sam Reed")
        engagement(db, who)
    dialog = open_dialog(qtbot, practice, who)
    assert dialog.form.audience.findData("sponsor") == -1
    assert not dialog.form.audience.isEnabled()
    assert dialog.form.audience.currentData() == "client"


def test_period_the_wrong_way_round_is_named(qtbot, practice: Practice, open_vault: Vault) -> None:
    who, _goal = sponsored_client(open_vault, SponsorSharing.PROGRESS)
    dialog = open_dialog(qtbot, practice, who)
    dialog.form.start.set_day(date(2026, 4, 1))
    wait_current(qtbot, dialog)
    assert dialog.form.errors["period"].text() == "The end date must not be before the start date."
    assert not dialog.save_button.isEnabled()


def test_from_the_menu_the_client_is_chosen_in_the_dialog(
    qtbot, practice: Practice, open_vault: Vault
) -> None:
    who, _goal = sponsored_client(open_vault, SponsorSharing.PROGRESS)
    with open_vault.session() as db, db.begin():
        other = client(db, "Ben Carter")
    dialog = ProgressReportDialog(practice)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.is_current, timeout=WAIT_MS)
    assert dialog.form.client.isEnabled()
    for chosen in (other, who):
        index = dialog.form.client.findData(chosen)
        dialog.form.client.setCurrentIndex(index)
        dialog.form.client.activated.emit(index)
        qtbot.waitUntil(
            lambda c=chosen: dialog.is_current() and dialog.request.client_id == c,
            timeout=WAIT_MS,
        )
    assert dialog.preview.title == "Progress report – Amara Okafor"
