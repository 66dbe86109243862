"""The automatic-backup part of the preferences: how often, and where.

The choice is this computer's (a USB drive or synced folder is mounted here, not elsewhere), so
it is kept in this computer's settings; the vault's own backups folder is the default and the
fallback.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from coachdesk.i18n import _
from coachdesk.services.backups import FREQUENCIES
from coachdesk.ui.features.preferences.preferences import Preferences
from coachdesk.ui.kit import look


class BackupSettings(QGroupBox):
    """Frequency and folder; ``folder_choice`` is "" for the vault's own backups folder."""

    def __init__(
        self, current: Preferences, own_folder: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Automatic backups"), parent)
        self.frequency = QComboBox()
        for days, label in FREQUENCIES.items():
            self.frequency.addItem(label(), days)
        self.frequency.setCurrentIndex(max(0, self.frequency.findData(current.backup_every_days)))
        self.own_folder = QCheckBox(_("Use the vault's own backups folder"))
        self.own_folder.setChecked(not current.backup_folder)
        self.own_folder.toggled.connect(self._folder_mode)
        self.folder = QLineEdit(current.backup_folder)
        self.folder.setReadOnly(True)
        if own_folder is not None:
            self.folder.setPlaceholderText(str(own_folder))
        self.choose_folder = QPushButton(_("Choose…"))
        self.choose_folder.clicked.connect(self._choose_folder)
        self.folder_row = QWidget()
        row = QHBoxLayout(self.folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose_folder)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        form.addRow(_("Back up"), self.frequency)
        form.addRow(self.own_folder)
        form.addRow(_("Folder"), self.folder_row)
        form.addRow(
            look.note(
                _("Backups are encrypted: they open with the vault's passphrase or recovery key.")
            )
        )
        self.folder_row.setEnabled(not self.own_folder.isChecked())

    def folder_choice(self) -> str:
        return "" if self.own_folder.isChecked() else self.folder.text()

    def every_days(self) -> int:
        return int(self.frequency.currentData())

    def _folder_mode(self, own: bool) -> None:
        self.folder_row.setEnabled(not own)
        if not own and not self.folder.text():
            self._choose_folder()

    def _choose_folder(self) -> None:
        start = self.folder.text() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, _("Choose a folder for backups"), start)
        if chosen:
            self.folder.setText(chosen)
        elif not self.folder.text():
            self.own_folder.setChecked(True)  # nothing chosen: the default stays
