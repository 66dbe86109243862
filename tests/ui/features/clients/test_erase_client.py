"""Erasing a client from the client page: the name typed proves it, earlier backups are named as
still holding the client, no backup is taken for the erase, and the page goes back to the list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from coachdesk.model import Client, CoachingSession, Goal, NoteDraft
from coachdesk.services.progress import goals
from coachdesk.services.progress.goals import GoalFields
from coachdesk.ui.features.notes.editor import NotesEditor
from coachdesk.ui.kit.confirm_by_name import ConfirmByNameDialog
from coachdesk.ui.shell.main_window import MainWindow
from tests.services.factories import client, session
from tests.support import fingerprint

WAIT_MS = 10_000


@pytest.fixture
def amara(window: MainWindow) -> int:
    assert window.vault is not None
    with window.vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor")
        client(db, "Ben Ito")
        session(db, amara, datetime.now(UTC) - timedelta(days=2))
        goals.create_goal(db, GoalFields(amara, "Delegate", baseline=3, target=8))
    return amara


def open_eraser(qtbot, window: MainWindow, client_id: int) -> ConfirmByNameDialog:
    page = window.client_page
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        window.open_client(client_id)
    dialog = page.erase_client()
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def test_erasing_needs_the_clients_name_and_warns_about_backups(
    qtbot, window: MainWindow, amara: int
) -> None:
    dialog = open_eraser(qtbot, window, amara)
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.prompt)))
    assert "Backups made before now still hold them" in texts
    assert not dialog.confirm_button.isEnabled()
    qtbot.keyClicks(dialog.typed, "Amara")
    assert not dialog.confirm_button.isEnabled(), "part of the name proves nothing"
    qtbot.keyClicks(dialog.typed, " Okafor")
    assert dialog.confirm_button.isEnabled()


def test_erasing_removes_every_record_takes_no_backup_and_goes_back_to_the_list(
    qtbot, window: MainWindow, amara: int
) -> None:
    assert window.vault is not None
    backups = window.vault.layout.backups
    before = fingerprint(backups)
    dialog = open_eraser(qtbot, window, amara)
    qtbot.keyClicks(dialog.typed, "amara okafor")
    with qtbot.waitSignal(window.client_page.erased, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert window.clients_area.currentWidget() is window.clients_page
    assert window.client_page.client_id is None
    assert "older backups still hold them" in window.statusBar().currentMessage()
    with window.vault.session() as db:
        assert [c.display_name for c in db.query(Client)] == ["Ben Ito"]
        assert db.query(CoachingSession).count() == 0
        assert db.query(Goal).count() == 0
    assert fingerprint(backups) == before, "a backup taken now would keep the erased client"


def test_cancel_erases_nothing(qtbot, window: MainWindow, amara: int) -> None:
    dialog = open_eraser(qtbot, window, amara)
    qtbot.keyClicks(dialog.typed, "Amara Okafor")
    dialog.reject()
    assert window.vault is not None
    with window.vault.session() as db:
        assert db.get(Client, amara) is not None
    assert window.client_page.client_id == amara


def test_a_lock_closes_the_erase_dialog_and_forgets_the_typed_name(
    qtbot, window: MainWindow, amara: int
) -> None:
    dialog = open_eraser(qtbot, window, amara)
    qtbot.keyClicks(dialog.typed, "Amara Okafor")
    window.locking.lock()
    assert window.vault is None, "a typed name to confirm is no work to keep"
    assert not dialog.isVisible()
    assert dialog.typed.text() == ""


def test_erasing_closes_an_open_notes_editor_of_the_client_and_keeps_no_draft(
    qtbot, window: MainWindow, amara: int
) -> None:
    assert window.vault is not None
    with window.vault.session() as db:
        session_id = db.query(CoachingSession.id).filter_by(client_id=amara).scalar()
    editor = NotesEditor.open_for(window.practice, session_id)
    qtbot.waitUntil(lambda: editor.loaded is not None and editor.body.isEnabled(), timeout=WAIT_MS)
    editor.agenda.setText("Unsaved words about Amara")
    editor.agenda.textEdited.emit(editor.agenda.text())
    assert editor.has_unsaved_changes()
    dialog = open_eraser(qtbot, window, amara)
    qtbot.keyClicks(dialog.typed, "Amara Okafor")
    with qtbot.waitSignal(editor.destroyed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert NotesEditor.all_open() == []
    with window.vault.session() as db:
        assert db.query(NoteDraft).count() == 0, "a draft kept now would outlive the erase"
