"""The client's rights from the client page: the subject access pack written through long
work and answered in the register, and anonymising confirmed by typing the client's name."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from coachdesk.model import Client, CoachingSession
from coachdesk.services.rights.requests import access_requests
from coachdesk.ui.features.clients.access_pack_dialog import AccessPackDialog
from coachdesk.ui.kit.confirm_by_name import ConfirmByNameDialog
from coachdesk.ui.shell.main_window import MainWindow
from tests.services.factories import client, session

WAIT_MS = 10_000


@pytest.fixture
def amara(window: MainWindow) -> int:
    assert window.vault is not None
    with window.vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor", email="amara@example.org")
        session(
            db,
            amara,
            datetime.now(UTC) - timedelta(days=2),
            shared_notes="Will: ask for the budget.",
            private_notes="Sounded tired.",
        )
    return amara


def open_page(qtbot, window: MainWindow, client_id: int) -> None:
    with qtbot.waitSignal(window.client_page.refreshed, timeout=WAIT_MS):
        window.open_client(client_id)


def test_the_pack_is_written_and_the_request_answered(
    qtbot, window: MainWindow, amara: int, tmp_path: Path
) -> None:
    open_page(qtbot, window, amara)
    dialog = window.client_page.access_pack()
    assert isinstance(dialog, AccessPackDialog)
    assert not dialog.reason.isEnabled()
    qtbot.keyClicks(dialog.how, "by email")
    dest = tmp_path / "amara.zip"
    dialog.file.setText(str(dest))
    dialog.private.setChecked(True)
    dialog.start()
    reason_error = dialog.errors["reason"]
    qtbot.waitUntil(lambda: reason_error.isVisibleTo(dialog), timeout=WAIT_MS)
    assert dialog.job is None
    assert "Say why the private notes are included" in reason_error.text()
    assert not dest.exists()
    dialog.private.setChecked(False)
    with qtbot.waitSignal(dialog.written, timeout=WAIT_MS) as written:
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert written.args == [dest]
    with zipfile.ZipFile(dest) as zf:
        assert "your-personal-data.pdf" in zf.namelist()
    assert window.vault is not None
    with window.vault.session() as db:
        [row] = access_requests(db)
    assert (row.client_id, row.how_received) == (amara, "by email")
    assert row.answered_on is not None


def test_a_lock_waits_for_a_typed_reason(qtbot, window: MainWindow, amara: int) -> None:
    open_page(qtbot, window, amara)
    dialog = window.client_page.access_pack()
    assert dialog is not None
    dialog.private.setChecked(True)
    qtbot.keyClicks(dialog.reason, "The client asked")
    window.locking.lock()
    assert window.vault is not None, "typed text is never lost to a lock"
    dialog.reason.clear()
    window.locking.lock()
    assert window.vault is None


def test_anonymising_needs_the_name_and_keeps_the_sessions(
    qtbot, window: MainWindow, amara: int
) -> None:
    open_page(qtbot, window, amara)
    dialog = window.client_page.anonymise_client()
    assert isinstance(dialog, ConfirmByNameDialog)
    assert "Backups made before now still hold everything" in dialog.warning.text()
    qtbot.keyClicks(dialog.typed, "Amara")
    assert not dialog.confirm_button.isEnabled()
    qtbot.keyClicks(dialog.typed, " Okafor")
    with qtbot.waitSignal(dialog.completed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert window.vault is not None
    with window.vault.session() as db:
        anonymised = db.get(Client, amara)
        assert anonymised is not None
        assert anonymised.display_name == f"Anonymised client {amara}"
        assert anonymised.email == ""
        [kept] = db.query(CoachingSession).all()
        assert (kept.shared_notes, kept.private_notes) == ("", "")
