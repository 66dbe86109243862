"""The client dialog's document language: each language offered in its own words, saved, and
shown again when the client is edited."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from coachdesk.services.people import clients
from coachdesk.ui.features.clients.client_dialog import ClientDialog
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.services.factories import client

WAIT_MS = 10_000


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


def opened(qtbot, practice: Practice, client_id: int | None = None) -> ClientDialog:
    dialog = ClientDialog(practice, client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=WAIT_MS)
    return dialog


def test_a_new_clients_documents_can_print_in_german(
    qtbot, practice: Practice, open_vault: Vault
) -> None:
    dialog = opened(qtbot, practice)
    box = dialog.form.language
    offered = [box.itemText(i) for i in range(box.count())]
    assert offered == ["Coach's default", "English", "Deutsch", "Français", "Español"]
    assert box.currentData() == ""
    qtbot.keyClicks(dialog.form.inputs["display_name"], "Jonas Weber")
    box.setCurrentIndex(box.findData("de"))
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with open_vault.session() as db:
        assert clients.client_fields(db, saved.args[0]).language == "de"


def test_editing_shows_and_changes_the_language(
    qtbot, practice: Practice, open_vault: Vault
) -> None:
    with open_vault.session() as db, db.begin():
        camille = client(db, "Camille Roux", language="fr")
    dialog = opened(qtbot, practice, camille)
    assert dialog.form.language.currentText() == "Français"
    dialog.form.language.setCurrentIndex(0)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with open_vault.session() as db:
        assert clients.client_fields(db, camille).language == ""
