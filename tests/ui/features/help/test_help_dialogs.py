"""Help → About (libraries and their licences) and Help → Where is my data?."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from coachdesk import __version__
from coachdesk.ui.features.help import AboutDialog, WhereIsMyDataDialog
from coachdesk.vault import Vault

PARIS = ZoneInfo("Europe/Paris")


def test_about_shows_the_version_and_each_library_with_its_licence(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert __version__ in dialog.findChild(QLabel, "aboutTitle").text()
    licences = dialog.licences()
    assert "LGPL" in licences["PySide6 (Qt for Python)"]
    assert licences["Qt"].startswith("LGPL")
    assert licences["SQLAlchemy"] == "MIT"
    assert "BSD" in licences["ReportLab"]
    assert licences["sqlcipher3"] == "zlib"  # its metadata declares none: the fallback shows
    assert {"SQLCipher", "PDFium", "DejaVu fonts", "keyring", "cryptography"} <= set(licences)
    assert all(licences.values())
    # libraries brought along by those (Alembic needs Mako, Mako needs MarkupSafe) ship too
    assert {"Mako", "MarkupSafe"} <= set(licences)
    versions = {
        dialog.table.item(row, 0).text(): dialog.table.item(row, 1).text()
        for row in range(dialog.table.rowCount())
    }
    assert versions["SQLCipher"].startswith("4.")


def test_where_is_my_data_shows_the_vault_path_backup_time_and_protection(
    qtbot: QtBot, open_vault: Vault
) -> None:
    backups = open_vault.folder / "backups"
    dialog = WhereIsMyDataDialog(
        vault_path=open_vault.folder,
        last_backup=datetime(2026, 11, 28, 8, 30, tzinfo=UTC),
        remembered=True,
        backups_folder=backups,
        zone=PARIS,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.vault_path.text() == str(open_vault.folder)
    assert dialog.backups_path.text() == str(backups)
    assert dialog.backup_label.text() == "28 November 2026 at 09:30 (Europe/Paris)"
    text = dialog.protection.text()
    assert "SQLCipher (AES-256)" in text
    assert "Argon2id" in text
    assert "recovery key" in text
    assert "remembers the key" in text
    qtbot.mouseClick(dialog.copy_buttons["vaultPath"], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == str(open_vault.folder)


def test_where_is_my_data_before_any_backup(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = WhereIsMyDataDialog(
        vault_path=tmp_path, last_backup=None, remembered=False, backups_folder=None, zone=PARIS
    )
    qtbot.addWidget(dialog)
    assert dialog.backup_label.text() == "No backup yet."
    assert "asks for your passphrase" in dialog.protection.text()
