"""Export, import and calendar dialogs, driven like a coach would, over real vaults."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from coachdesk import vault
from coachdesk.model import PracticeSetting
from coachdesk.services.exchange import archive
from coachdesk.services.exchange.archive import is_encrypted_archive
from coachdesk.services.exchange.calendar_export import calendar_namespace
from coachdesk.services.people import clients, profile
from coachdesk.ui.features.exchange.archive_import_dialog import ImportDialog
from coachdesk.ui.features.exchange.calendar_dialog import CalendarDialog
from coachdesk.ui.features.exchange.export_dialog import ExportDialog
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.services.factories import client, session

WAIT_MS = 20_000
FILE_PASSPHRASE = "a long export passphrase"


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    with open_vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor")
        session(db, amara, datetime.now(UTC).replace(microsecond=0) + timedelta(days=3))
        client(db, "Bo Lindqvist")
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def empty_practice(tmp_path: Path) -> Iterator[Practice]:
    fresh = vault.create(tmp_path / "new-computer", PASSPHRASE, kdf=FAST_KDF).vault
    p = Practice(fresh)
    p.load_zone()
    yield p
    p.finish()
    fresh.close()


def client_names(p: Practice) -> list[str]:
    assert p.vault is not None
    with p.vault.session() as db:
        return [row.name for row in clients.list_clients(db, include_archived=True)]


def export_through_dialog(
    qtbot: QtBot, practice: Practice, window: QWidget, dest: Path, *, encrypt: bool
) -> Path:
    dialog = ExportDialog(practice, parent=window)
    dialog.show()
    if encrypt:
        assert not dialog.export_button.isEnabled(), "no passphrase yet"
        qtbot.keyClicks(dialog.passphrases.first, FILE_PASSPHRASE)
        qtbot.keyClicks(dialog.passphrases.second, FILE_PASSPHRASE[:-1])
        assert dialog.passphrases.second_problem.isVisible()
        assert not dialog.export_button.isEnabled()
        qtbot.keyClick(dialog.passphrases.second, Qt.Key.Key_End)
        qtbot.keyClicks(dialog.passphrases.second, FILE_PASSPHRASE[-1])
    else:
        dialog.encrypt.setChecked(False)
        assert dialog.plain_warning.isVisible()
        assert "anyone who gets it" in dialog.plain_warning.text()
    dialog.file.edit.setText(str(dest))
    assert dialog.export_button.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.passphrases.first.text() == "", "the passphrase does not linger"
    return done.args[0].path


def test_an_encrypted_export_written_through_the_dialog_imports_elsewhere(
    qtbot: QtBot, practice: Practice, empty_practice: Practice, window: QWidget, tmp_path: Path
) -> None:
    dest = tmp_path / "practice.cdexport"
    path = export_through_dialog(qtbot, practice, window, dest, encrypt=True)

    assert path == dest
    assert is_encrypted_archive(dest)
    assert b"Amara" not in dest.read_bytes()
    assert oct(dest.stat().st_mode & 0o777) == oct(0o600)
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert any(str(dest) in box.text() for box in boxes)
    for box in boxes:  # it is modal, as over the main window: closed before anything else
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    dialog = ImportDialog(empty_practice, parent=window)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.vault_empty is True, timeout=WAIT_MS)
    dialog.file.edit.setText(str(dest))
    qtbot.waitUntil(dialog.passphrase.isVisible, timeout=WAIT_MS)  # once the typing pauses
    assert not dialog.import_button.isEnabled()
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.passphrase_problem.isVisible, timeout=WAIT_MS)
    assert client_names(empty_practice) == []

    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, FILE_PASSPHRASE)
    with (
        qtbot.waitSignal(empty_practice.changed, timeout=WAIT_MS),
        qtbot.waitSignal(dialog.imported, timeout=WAIT_MS) as done,
    ):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert done.args[0].counts["client"] == 2
    assert client_names(empty_practice) == ["Amara Okafor", "Bo Lindqvist"]


def test_a_plain_export_warns_and_is_an_ordinary_zip(
    qtbot: QtBot, practice: Practice, window: QWidget, tmp_path: Path
) -> None:
    dest = tmp_path / "plain.zip"
    export_through_dialog(qtbot, practice, window, dest, encrypt=False)
    assert dest.read_bytes()[:2] == b"PK"
    assert not is_encrypted_archive(dest)


def test_a_plain_export_asks_before_taking_private_notes(
    qtbot: QtBot, practice: Practice, window: QWidget, tmp_path: Path
) -> None:
    secret = "OKAPI-PRIVATE-5120"
    with practice.vault.session() as db, db.begin():  # type: ignore[union-attr]
        amara = clients.resolve_client(db, "Amara Okafor")
        session(db, amara, datetime.now(UTC) - timedelta(days=2), private_notes=secret)

    def export_plain(dest: Path, *, tick: bool) -> bytes:
        dialog = ExportDialog(practice, parent=window)
        dialog.show()
        assert not dialog.private_notes.isEnabled(), "an encrypted export always keeps them"
        dialog.encrypt.setChecked(False)
        assert dialog.private_notes.isEnabled()
        assert not dialog.private_notes.isChecked()
        if tick:
            qtbot.mouseClick(dialog.private_notes, Qt.MouseButton.LeftButton)
            assert dialog.private_notes.isChecked()
        dialog.file.edit.setText(str(dest))
        with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as done:
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert done.args[0].private_notes is tick
        assert dialog.done_message is not None
        said = dialog.done_message.informativeText()
        assert ("Your private notes are not in it." in said) is not tick
        dialog.done_message.button(QMessageBox.StandardButton.Ok).click()
        with zipfile.ZipFile(dest) as zf:
            return b"".join(zf.read(name) for name in zf.namelist())

    assert secret.encode() not in export_plain(tmp_path / "plain.zip", tick=False)
    assert secret.encode() in export_plain(tmp_path / "with-notes.zip", tick=True)
    one = ExportDialog(practice, client_id=amara, client_name="Amara Okafor", parent=window)
    one.show()
    assert not one.private_notes.isVisible(), "a client's export never offers them"


def test_one_clients_export_holds_only_that_client(
    qtbot: QtBot, practice: Practice, window: QWidget, tmp_path: Path
) -> None:
    with practice.vault.session() as db:  # type: ignore[union-attr]
        amara = clients.resolve_client(db, "Amara Okafor")
    dialog = ExportDialog(practice, client_id=amara, client_name="Amara Okafor", parent=window)
    dialog.show()
    assert "Amara Okafor" in dialog.file.edit.text()
    dialog.encrypt.setChecked(False)
    dialog.file.edit.setText(str(tmp_path / "amara.zip"))
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert done.args[0].counts["client"] == 1


def test_a_missing_folder_is_named_under_the_file_field(
    qtbot: QtBot, practice: Practice, window: QWidget, tmp_path: Path
) -> None:
    dialog = ExportDialog(practice, parent=window)
    dialog.show()
    dialog.encrypt.setChecked(False)
    dialog.file.edit.setText(str(tmp_path / "no-such-folder" / "x.zip"))
    assert not dialog.export_button.isEnabled()
    assert "does not exist" in dialog.file.problem.text()
    assert dialog.file.problem.isVisible()


def test_cancelling_an_export_leaves_no_file(
    qtbot: QtBot, practice: Practice, window: QWidget, tmp_path: Path
) -> None:
    dest = tmp_path / "stopped.zip"
    dialog = ExportDialog(practice, parent=window)
    dialog.show()
    dialog.encrypt.setChecked(False)
    dialog.file.edit.setText(str(dest))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.job is not None
    dialog.job.cancel()  # before the worker's first report: the user was quick
    qtbot.waitUntil(lambda: dialog.job is None, timeout=WAIT_MS)
    assert dialog.isVisible()
    assert "no file was written" in dialog.general.text()
    assert list(tmp_path.glob("*stopped*")) == []
    assert dialog.export_button.isEnabled(), "the coach can try again"


def test_import_is_refused_into_a_vault_that_has_clients(
    qtbot: QtBot, practice: Practice, window: QWidget
) -> None:
    dialog = ImportDialog(practice, parent=window)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.vault_empty is False, timeout=WAIT_MS)
    assert dialog.general.isVisible()
    assert "empty vault" in dialog.general.text()
    assert not dialog.import_button.isEnabled()


def test_calendar_export_writes_upcoming_sessions(
    qtbot: QtBot, practice: Practice, window: QWidget, tmp_path: Path
) -> None:
    dest = tmp_path / "sessions.ics"
    dialog = CalendarDialog(practice, parent=window)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.client.count() == 3, timeout=WAIT_MS)
    dialog.file.edit.setText(str(dest))
    with qtbot.waitSignal(dialog.written, timeout=WAIT_MS) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert done.args[1] == 1
    ics = dest.read_text()
    assert ics.count("BEGIN:VEVENT") == 1
    assert "Amara" in ics
    assert oct(dest.stat().st_mode & 0o777) == oct(0o600)
    assert practice.vault is not None
    with practice.vault.session() as db:  # kept, so UIDs survive an export to a new vault
        assert calendar_namespace(db) in ics
        assert db.get(PracticeSetting, "calendar_uid_namespace") is not None


def test_calendar_range_must_end_after_it_starts(
    qtbot: QtBot, practice: Practice, window: QWidget
) -> None:
    dialog = CalendarDialog(practice, parent=window)
    dialog.show()
    dialog.between.setChecked(True)
    dialog.end.setDate(dialog.start.date().addDays(-1))
    assert dialog.range_problem.isVisible()
    assert "before the start" in dialog.range_problem.text()
    assert not dialog.export_button.isEnabled()


def visible_boxes(window: QWidget) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def export_one_client(
    qtbot: QtBot, practice: Practice, window: QWidget, dest: Path
) -> ExportDialog:
    with practice.vault.session() as db:  # type: ignore[union-attr]
        amara = clients.resolve_client(db, "Amara Okafor")
    dialog = ExportDialog(practice, client_id=amara, client_name="Amara Okafor", parent=window)
    dialog.show()
    dialog.encrypt.setChecked(False)
    dialog.file.edit.setText(str(dest))
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return dialog


def test_a_lock_takes_the_done_box_naming_the_client_with_the_dialog(
    qtbot: QtBot, practice: Practice, window: QWidget, tmp_path: Path
) -> None:
    dialog = export_one_client(qtbot, practice, window, tmp_path / "Amara Okafor export.zip")
    assert [box.text() for box in visible_boxes(window) if "Amara Okafor" in box.text()]

    dialog.discard()

    assert visible_boxes(window) == []
    assert not dialog.isVisible()


def test_the_done_box_closes_with_its_dialog(
    qtbot: QtBot, practice: Practice, window: QWidget, tmp_path: Path
) -> None:
    dialog = export_one_client(qtbot, practice, window, tmp_path / "amara.zip")
    assert len(visible_boxes(window)) == 1
    dialog.reject()
    assert visible_boxes(window) == []

    again = export_one_client(qtbot, practice, window, tmp_path / "amara again.zip")
    box = visible_boxes(window)[0]
    with qtbot.waitSignal(again.finished, timeout=WAIT_MS) as ended:
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert ended.args[0] == ExportDialog.DialogCode.Accepted, "closing the box ends the dialog"


def test_a_lock_takes_the_calendar_done_box_too(
    qtbot: QtBot, practice: Practice, window: QWidget, tmp_path: Path
) -> None:
    dialog = CalendarDialog(practice, parent=window)
    dialog.show()
    dialog.file.edit.setText(str(tmp_path / "sessions.ics"))
    with qtbot.waitSignal(dialog.written, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert len(visible_boxes(window)) == 1

    dialog.discard()

    assert visible_boxes(window) == []


@pytest.mark.parametrize("inside", ["export.zip", "coachdesk.db", "backups/export.zip"])
def test_an_export_inside_the_vault_folder_is_refused(
    qtbot: QtBot, practice: Practice, window: QWidget, open_vault: Vault, inside: str
) -> None:
    (open_vault.folder / "backups").mkdir(exist_ok=True)
    dialog = ExportDialog(practice, parent=window)
    dialog.show()
    dialog.encrypt.setChecked(False)
    dialog.file.edit.setText(str(open_vault.folder / inside))
    assert not dialog.export_button.isEnabled()
    assert dialog.file.problem.isVisible()
    assert "inside the vault's folder" in dialog.file.problem.text()

    calendar = CalendarDialog(practice, parent=window)
    calendar.show()
    calendar.file.edit.setText(str(open_vault.folder / inside))
    assert not calendar.export_button.isEnabled()
    assert "inside the vault's folder" in calendar.file.problem.text()
    calendar.file.edit.setText(str(open_vault.folder.parent / "sessions.ics"))
    assert calendar.export_button.isEnabled(), "beside the vault is fine"


def test_importing_brings_the_coachs_time_zone(
    qtbot: QtBot, practice: Practice, empty_practice: Practice, window: QWidget, tmp_path: Path
) -> None:
    with practice.vault.session() as db, db.begin():  # type: ignore[union-attr]
        profile.update_profile(db, profile.ProfileFields(time_zone="Pacific/Auckland"))
    dest = export_through_dialog(qtbot, practice, window, tmp_path / "p.zip", encrypt=False)
    for box in visible_boxes(window):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert empty_practice.zone == ZoneInfo("UTC")
    zone_when_told: list[ZoneInfo] = []
    empty_practice.changed.connect(lambda _kind: zone_when_told.append(empty_practice.zone))

    dialog = ImportDialog(empty_practice, parent=window)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.vault_empty is True, timeout=WAIT_MS)
    dialog.file.set_path(dest)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.imported, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert empty_practice.zone == ZoneInfo("Pacific/Auckland")
    assert zone_when_told == [ZoneInfo("Pacific/Auckland")], "views refresh in the new zone"


@pytest.fixture
def encrypted_export(qtbot: QtBot, practice: Practice, window: QWidget, tmp_path: Path) -> Path:
    dest = export_through_dialog(qtbot, practice, window, tmp_path / "p.cdexport", encrypt=True)
    for box in visible_boxes(window):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    return dest


def test_the_import_file_is_read_once_the_typing_pauses(
    qtbot: QtBot,
    empty_practice: Practice,
    window: QWidget,
    encrypted_export: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dest = encrypted_export
    reads: list[Path] = []

    def counted(path: Path) -> bool:
        reads.append(path)
        return is_encrypted_archive(path)

    monkeypatch.setattr(archive, "is_encrypted_archive", counted)
    dialog = ImportDialog(empty_practice, parent=window)
    dialog.show()
    qtbot.keyClicks(dialog.file.edit, str(dest))
    assert reads == [], "no file reads while typing"
    assert not dialog.import_button.isEnabled()

    qtbot.waitUntil(dialog.passphrase.isVisible, timeout=WAIT_MS)
    assert reads == [dest]


def test_the_import_note_says_what_is_replaced(qtbot: QtBot, practice: Practice) -> None:
    dialog = ImportDialog(practice)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.vault_empty is False, timeout=WAIT_MS)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "profile, agreement templates and settings replace this vault's" in texts
    assert "replaced" not in dialog.general.text()


def test_toggling_encrypt_keeps_the_dialog_still(qtbot: QtBot, practice: Practice) -> None:
    dialog = ExportDialog(practice)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def where() -> list[object]:
        dialog.layout().activate()
        parts = (dialog.encrypt, dialog.passphrases, dialog.file)
        return [dialog.size(), *((w.mapTo(dialog, QPoint(0, 0)), w.size()) for w in parts)]

    encrypted = where()
    dialog.encrypt.setChecked(False)
    assert dialog.plain_warning.isVisible()
    assert dialog.passphrases.isVisible()
    assert not dialog.passphrases.isEnabled()
    assert where() == encrypted
    dialog.encrypt.setChecked(True)
    assert where() == encrypted
