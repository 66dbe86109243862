"""The page of the create flow where the coach chooses a passphrase.

The strength hint is live and honest (length and variety only); a mismatch shows in place and
"Create vault" stays disabled until both fields agree and meet the minimum length.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from coachdesk import vault as vaults
from coachdesk.errors import CoachDeskError
from coachdesk.i18n import _
from coachdesk.ui.features.vault.strength import Level, assess
from coachdesk.ui.kit import look
from coachdesk.vault import Argon2Params, NewVault, keychain

_METER_COLOURS = {
    Level.TOO_SHORT: look.Colour.DANGER,
    Level.WEAK: look.Colour.DANGER,
    Level.FAIR: look.Colour.WARNING,
    Level.GOOD: look.Colour.SUCCESS,
    Level.STRONG: look.Colour.SUCCESS,
}


def create_vault(
    folder: Path, passphrase: str, kdf: Argon2Params, remember: bool
) -> tuple[NewVault, str | None]:
    """Worker side: create the vault, then remember it if asked (a refusal is only a notice)."""
    created = vaults.create(folder, passphrase, kdf=kdf)
    notice = None
    if remember:
        try:
            created.vault.remember_on_this_computer()
        except CoachDeskError as exc:
            notice = exc.message
    return created, notice


def _stacked(*widgets: QWidget) -> QWidget:
    """Widgets one above the other with little space, to read as one form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 2, 0, 6)
    layout.setSpacing(4)
    for widget in widgets:
        layout.addWidget(widget)
    return box


class NewPassphrase(QWidget):
    """A new passphrase typed twice, with the live strength hint; ``changed`` on each edit.

    Used wherever a passphrase is chosen (creating a vault, changing the passphrase), so the
    rule and the hint are the same everywhere.
    """

    changed = Signal()

    def __init__(self, first_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar()
        self.meter.setRange(0, int(Level.STRONG))
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.strength = QLabel()
        self.strength.setWordWrap(True)
        self.mismatch = QLabel()
        look.tint(self.mismatch, look.Colour.DANGER)
        self.first.textChanged.connect(self._changed)
        self.second.textChanged.connect(self._changed)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setVerticalSpacing(6)
        self.form.addRow(first_label, self.first)
        self.form.addRow("", _stacked(self.meter, self.strength))
        self.form.addRow(_("&Repeat it"), self.second)
        self.form.addRow("", self.mismatch)
        self._changed()

    def passphrase(self) -> str:
        return self.first.text()

    def _changed(self) -> None:
        first, second = self.first.text(), self.second.text()
        verdict = assess(first)
        self.meter.setValue(int(verdict.level))
        colour = look.colour(_METER_COLOURS[verdict.level], self.palette()).name()
        self.meter.setStyleSheet(
            "QProgressBar { border: none; border-radius: 4px; background: palette(midlight); }"
            f"QProgressBar::chunk {{ border-radius: 4px; background: {colour}; }}"
        )
        self.strength.setText(f"<b>{verdict.label}.</b> {verdict.hint}" if first else "")
        if second and first != second:
            self.mismatch.setText(_("The two passphrases do not match."))
        else:
            self.mismatch.setText("")
        self.changed.emit()

    def ready(self) -> bool:
        first = self.first.text()
        return assess(first).level > Level.TOO_SHORT and first == self.second.text()

    def wipe(self) -> None:
        self.first.clear()
        self.second.clear()


class PassphrasePage(QWidget):
    """The new passphrase and the "remember" choice; ``changed`` on each edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _("Choose a passphrase")
        self.subtitle = _(
            "You will type it to unlock your vault. A few unrelated words are easy to "
            "remember and hard to guess."
        )
        self.fields = NewPassphrase(_("&Passphrase"))
        self.fields.changed.connect(self.changed)
        self.first, self.second = self.fields.first, self.fields.second
        self.strength, self.mismatch = self.fields.strength, self.fields.mismatch
        self.remember = QCheckBox(_("Remember on this computer"))
        self.remember.setToolTip(
            _("Keep the vault's key in this computer's keychain, so it opens without typing.")
        )
        self.has_keychain = keychain.is_available()
        self.remember.setVisible(self.has_keychain)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(look.SPACING)
        layout.addWidget(self.fields)
        layout.addWidget(self.remember)
        layout.addStretch(1)
        layout.addWidget(
            look.note(
                _(
                    "CoachDesk cannot reset a forgotten passphrase. On the next page you get a "
                    "recovery key: the only other way in."
                )
            )
        )
        layout.addWidget(self.status)

    def passphrase(self) -> str:
        return self.fields.passphrase()

    def wants_remember(self) -> bool:
        return self.has_keychain and self.remember.isChecked()

    def ready(self) -> bool:
        return self.fields.ready()

    def set_busy(self, busy: bool) -> None:
        for widget in (self.first, self.second, self.remember):
            widget.setEnabled(not busy)
        self.status.setStyleSheet("")
        self.status.setText(_("Creating your vault…") if busy else "")

    def show_error(self, message: str) -> None:
        look.tint(self.status, look.Colour.DANGER)
        self.status.setText(message)

    def wipe(self) -> None:
        self.fields.wipe()
