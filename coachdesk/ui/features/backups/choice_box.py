"""Where and how often automatic backups are made, as the Backups view shows and edits it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.i18n import _
from coachdesk.services.backups import (
    FREQUENCIES,
    BackupChoice,
    current_choice,
    save_choice,
)
from coachdesk.ui.kit import look
from coachdesk.ui.kit.practice import Practice


class ChoiceBox(QGroupBox):
    """Saves each change to this computer's settings at once, then emits ``changed``."""

    changed = Signal()

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(_("Automatic backups"), parent)
        self.practice = practice
        self.folder = QLabel()
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_folder = QPushButton(_("Choose folder…"))
        self.choose_folder.clicked.connect(self._choose_folder)
        self.own_folder = look.link_button(_("Use the vault's own folder"))
        self.own_folder.clicked.connect(lambda: self._set_folder(None))
        self.unreachable = QLabel()
        self.unreachable.setWordWrap(True)
        look.tint(self.unreachable, look.Colour.DANGER)
        self.unreachable.hide()
        self.frequency = QComboBox()
        for days, label in FREQUENCIES.items():
            self.frequency.addItem(label(), days)
        self.frequency.activated.connect(self._frequency_chosen)

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(look.SPACING + 8)
        form.setVerticalSpacing(10)
        form.setContentsMargins(16, 12, 16, 14)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.own_folder)
        folder_row.addWidget(self.choose_folder)
        folder_box = QVBoxLayout()
        folder_box.setSpacing(4)
        folder_box.addLayout(folder_row)
        folder_box.addWidget(self.unreachable)
        folder_box.addWidget(
            look.note(
                _(
                    "Choose a synced folder or a USB drive so a copy survives if this computer "
                    "is lost. While it is not connected, backups go to the vault's own folder."
                )
            )
        )
        form.addRow(_("Folder"), folder_box)
        form.addRow(_("How often"), self._left(self.frequency))

    @staticmethod
    def _left(widget: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(widget)
        row.addStretch(1)
        return row

    def show_choice(self, choice: BackupChoice) -> None:
        vault = self.practice.vault
        own = str(vault.layout.backups) if vault is not None else ""
        if choice.folder is None:
            self.folder.setText(_("The vault's own folder ({path})").format(path=own))
        else:
            self.folder.setText(str(choice.folder))
        self.own_folder.setVisible(choice.folder is not None)
        self.unreachable.setVisible(not choice.folder_reachable)
        self.unreachable.setText(
            _(
                "This folder cannot be reached right now (is the drive connected?). Until it "
                "is, backups go to the vault's own folder."
            )
        )
        self.frequency.setCurrentIndex(max(0, self.frequency.findData(choice.every_days)))

    def _choose_folder(self) -> None:
        start = current_choice().folder or Path.home()
        chosen = QFileDialog.getExistingDirectory(
            self, _("Choose where automatic backups go"), str(start)
        )
        if chosen:
            self._set_folder(Path(chosen))

    def _set_folder(self, folder: Path | None) -> None:
        save_choice(BackupChoice(folder, current_choice().every_days))
        self.changed.emit()

    def _frequency_chosen(self, index: int) -> None:
        save_choice(BackupChoice(current_choice().folder, int(self.frequency.itemData(index))))
        self.changed.emit()
