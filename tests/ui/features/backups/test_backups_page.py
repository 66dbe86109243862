"""The Backups view over a real vault: the list, Back up now, the folder choice, and restore."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from coachdesk import vault
from coachdesk.services.backups import BackupChoice, current_choice, save_choice
from coachdesk.ui.features.backups import BackupsPage, RestoreRequest, restore_and_reopen
from coachdesk.ui.features.backups.restore_dialog import RestoreDialog
from coachdesk.ui.features.backups.restore_flow import RestoreOutcome, start_restore
from coachdesk.ui.features.vault.vault_page import gather_facts
from coachdesk.ui.kit.long_work import LongWork
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.kit.tasks import Tasks
from coachdesk.vault import Vault
from coachdesk.vault.backup_sets import manual_backup_path
from coachdesk.vault.backups import read_backup
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.vault.test_encryption import write_marker

WAIT_MS = 10_000


def markers(v: Vault) -> set[str]:
    with v.engine.connect() as conn:
        return set(conn.execute(text("SELECT key FROM practice_setting")).scalars())


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def page(qtbot: QtBot, practice: Practice) -> BackupsPage:
    widget = BackupsPage(practice)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    with qtbot.waitSignal(widget.refreshed, timeout=WAIT_MS):
        widget.show()
    return widget


def shown_rows(page: BackupsPage) -> list[list[str]]:
    table = page.table
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def test_lists_backups_with_sizes(qtbot: QtBot, open_vault: Vault, practice: Practice) -> None:
    auto = open_vault.rolling_backup(date(2026, 11, 2))
    manual = open_vault.backup(manual_backup_path(open_vault.backup_folder(), open_vault.vault_id))
    assert auto is not None

    page = BackupsPage(practice)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show()

    rows = shown_rows(page)
    assert [row[1] for row in rows] == ["Made by you", "Automatic"]
    assert [row[2] for row in rows] == [
        QLocale().formattedDataSize(manual.stat().st_size),
        QLocale().formattedDataSize(auto.stat().st_size),
    ]
    assert all(row[3] == "Vault folder" for row in rows)
    assert not page.empty.isVisible()


def test_no_backups_says_so(page: BackupsPage) -> None:
    assert page.empty.isVisible()
    assert not page.restore_button.isEnabled()


def test_back_up_now_goes_into_the_chosen_folder(
    qtbot: QtBot, page: BackupsPage, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    save_choice(BackupChoice(usb, 1))
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.refresh()
    assert page.choice.folder.text() == str(usb)

    with (
        qtbot.waitSignal(page.refreshed, timeout=WAIT_MS),
        qtbot.waitSignal(page.backed_up, timeout=WAIT_MS) as written,
    ):
        qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)

    path = written.args[0]
    assert path.parent == usb
    assert [p.name for p in usb.iterdir()] == [path.name]
    assert page.table.rowCount() == 1
    assert shown_rows(page)[0][3] == usb.name
    assert str(path) in page.status.text()
    assert page.backup_button.isEnabled()


def test_choosing_a_folder_and_frequency_is_kept(
    qtbot: QtBot, page: BackupsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drive = tmp_path / "drive"
    drive.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(drive))

    with qtbot.waitSignal(page.choice_changed, timeout=WAIT_MS):
        qtbot.mouseClick(page.choice.choose_folder, Qt.MouseButton.LeftButton)
    page.choice.frequency.setCurrentIndex(page.choice.frequency.findData(7))
    page.choice.frequency.activated.emit(page.choice.frequency.currentIndex())

    assert current_choice() == BackupChoice(drive, 7)
    assert page.choice.own_folder.isVisible()
    qtbot.mouseClick(page.choice.own_folder, Qt.MouseButton.LeftButton)
    assert current_choice() == BackupChoice(None, 7)


def test_an_unreachable_folder_is_pointed_out(
    qtbot: QtBot, page: BackupsPage, tmp_path: Path
) -> None:
    save_choice(BackupChoice(tmp_path / "unplugged", 1))
    page.refresh()
    assert page.choice.unreachable.isVisible()
    assert "cannot be reached" in page.choice.unreachable.text()


def test_last_backup_counts_the_chosen_folder(open_vault: Vault, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    open_vault.backup(usb / "only-copy")
    assert gather_facts(open_vault, counts=False).last_backup is None
    save_choice(BackupChoice(usb, 1))
    assert gather_facts(open_vault, counts=False).last_backup is not None


def test_restore_asks_for_the_passphrase_then_requests_the_restore(
    qtbot: QtBot, open_vault: Vault, page: BackupsPage
) -> None:
    backup = open_vault.backup(manual_backup_path(open_vault.backup_folder(), open_vault.vault_id))
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.refresh()
    assert page.table.rowCount() == 1
    page.table.selectRow(0)
    assert page.restore_button.isEnabled()

    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(RestoreDialog)
    assert dialog is not None
    assert not dialog.restore_button.isEnabled()
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.problem.isVisible, timeout=WAIT_MS)
    assert "not the vault's passphrase" in dialog.problem.text()

    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(page.restore_requested, timeout=WAIT_MS) as requested:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert requested.args[0] == RestoreRequest(backup, PASSPHRASE)
    assert PASSPHRASE not in repr(requested.args[0])


def test_a_lock_closes_the_restore_confirmation_and_its_passphrase(
    qtbot: QtBot, open_vault: Vault, page: BackupsPage
) -> None:
    open_vault.backup(manual_backup_path(open_vault.backup_folder(), open_vault.vault_id))
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.refresh()
    assert page.table.rowCount() == 1
    page.table.selectRow(0)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(RestoreDialog)
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)

    page.clear()

    assert not dialog.isVisible()
    assert dialog.passphrase.text() == ""
    qtbot.waitUntil(lambda: page.findChild(RestoreDialog) is None, timeout=WAIT_MS)


def test_another_vaults_backup_in_the_shared_folder_is_not_this_ones(
    qtbot: QtBot, open_vault: Vault, page: BackupsPage, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    save_choice(BackupChoice(shared, 1))
    other = vault.create(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF).vault
    other.rolling_backup(date.today(), folder=shared)
    other.close()

    assert gather_facts(open_vault, counts=False).last_backup is None
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):  # the empty list shown before
        page.refresh()  # says nothing about the shared folder: wait for its listing
    assert page.empty.isVisible()
    mine = open_vault.rolling_backup(date.today(), folder=shared)
    assert mine is not None, "the other vault's backup today does not make this one's"
    assert gather_facts(open_vault, counts=False).last_backup is not None


def test_a_backup_from_before_a_rekey_asks_for_the_passphrase_of_its_day(
    qtbot: QtBot, open_vault: Vault, page: BackupsPage
) -> None:
    backup = open_vault.backup(manual_backup_path(open_vault.backup_folder(), open_vault.vault_id))
    open_vault.rekey(PASSPHRASE, "today's passphrase")
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.refresh()
    page.table.selectRow(0)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(RestoreDialog)
    qtbot.keyClicks(dialog.passphrase, "today's passphrase")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.old_passphrase.isVisible, timeout=WAIT_MS)
    assert "before the vault was re-keyed" in dialog.old_label.text()
    assert not dialog.restore_button.isEnabled()
    qtbot.keyClicks(dialog.old_passphrase, "not it")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.problem.isVisible, timeout=WAIT_MS)
    assert "the backup was made with" in dialog.problem.text()
    dialog.old_passphrase.clear()
    qtbot.keyClicks(dialog.old_passphrase, PASSPHRASE)
    with qtbot.waitSignal(page.restore_requested, timeout=WAIT_MS) as requested:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert requested.args[0] == RestoreRequest(backup, "today's passphrase", PASSPHRASE)


def test_restore_flow_brings_the_data_back_and_keeps_a_safety_backup(
    open_vault: Vault, tmp_path: Path
) -> None:
    write_marker(open_vault, "before")
    backup = open_vault.backup(tmp_path / "good")
    write_marker(open_vault, "changed-after-the-backup")
    folder = open_vault.folder
    open_vault.close()

    outcome = restore_and_reopen(folder, RestoreRequest(backup, PASSPHRASE))

    with outcome.vault as restored:
        assert outcome.problem is None
        assert markers(restored) == {"before"}
    assert outcome.safety is not None
    assert outcome.safety.name in outcome.notice
    elsewhere = tmp_path / "check"
    vault.restore(outcome.safety, elsewhere, passphrase=PASSPHRASE)
    with vault.open(elsewhere, passphrase=PASSPHRASE) as changed:
        assert markers(changed) == {"before", "changed-after-the-backup"}


def test_a_failed_restore_reopens_the_vault_as_it_was(open_vault: Vault, tmp_path: Path) -> None:
    write_marker(open_vault, "mine")
    other = vault.create(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF).vault
    foreign = other.backup(tmp_path / "foreign")
    other.close()
    folder = open_vault.folder
    open_vault.close()

    outcome = restore_and_reopen(folder, RestoreRequest(foreign, PASSPHRASE))

    with outcome.vault as reopened:
        assert markers(reopened) == {"mine"}
    assert outcome.problem is not None
    assert "different vault" in str(outcome.problem)
    assert outcome.notice == "Nothing was restored; the vault is as it was."


def test_start_restore_runs_off_the_gui_thread(
    qtbot: QtBot, open_vault: Vault, tmp_path: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    write_marker(open_vault, "before")
    backup = open_vault.backup(tmp_path / "good")
    write_marker(open_vault, "after")
    folder = open_vault.folder
    open_vault.close()
    outcomes: list[RestoreOutcome] = []

    job = start_restore(
        window,
        Tasks(window),
        folder,
        RestoreRequest(backup, PASSPHRASE),
        on_reopened=outcomes.append,
        on_failed=pytest.fail,
    )
    assert not job.dialog.cancel_button.isVisible()
    qtbot.waitUntil(lambda: bool(outcomes), timeout=WAIT_MS)
    with outcomes[0].vault as restored:
        assert markers(restored) == {"before"}


def test_locking_during_a_backup_leaves_no_partial_file(
    qtbot: QtBot, open_vault: Vault, practice: Practice, page: BackupsPage
) -> None:
    for i in range(300):
        write_marker(open_vault, f"k{i}")
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    assert LongWork.running

    page.clear()  # what the main window does first when it locks
    practice.finish()

    assert not LongWork.running
    assert page.backup_button.isEnabled()
    assert page.table.rowCount() == 0
    folder = open_vault.layout.backups
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []
    for backup in folder.iterdir():  # finished before the lock: then it is whole
        assert read_backup(backup)[0].vault_id == open_vault.vault_id
