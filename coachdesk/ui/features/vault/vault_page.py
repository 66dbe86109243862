"""The Vault page: what this vault is, where it lives, when it was last backed up, and whether
this computer remembers its key. Facts are gathered on a worker, since counting rows in a big
vault or asking the OS keychain can take a moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QLocale, Qt, QTime, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.i18n import _
from coachdesk.services.backups import current_choice
from coachdesk.ui.kit import look
from coachdesk.vault import Vault, keychain

# Tables shown by name; the rest hold settings or bookkeeping, not a coach's records.
_RECORD_LABELS = {
    "client": lambda: _("Clients"),
    "sponsor": lambda: _("Sponsors"),
    "engagement": lambda: _("Engagements"),
    "agreement": lambda: _("Agreements"),
    "coaching_session": lambda: _("Sessions"),
    "goal": lambda: _("Goals"),
    "action_item": lambda: _("Action items"),
    "follow_up": lambda: _("Follow-ups"),
}


@dataclass(frozen=True)
class VaultFacts:
    counts: dict[str, int] | None  # None when not asked for: counting scans every table
    last_backup: datetime | None
    remembered: bool
    keychain_available: bool


def gather_facts(vault: Vault, *, counts: bool = True) -> VaultFacts:
    """Worker side: read what the page shows; counts only, never content. The last backup
    may be in the vault's own folder or in the folder chosen for backups."""
    return VaultFacts(
        counts=vault.table_counts() if counts else None,
        last_backup=vault.last_backup_time(current_choice().folder),
        remembered=vault.is_remembered(),
        keychain_available=keychain.is_available(),
    )


def format_when(moment: datetime | None, zone: ZoneInfo, now: datetime | None = None) -> str:
    """A backup time in the coach's locale and time zone, as every other view shows times:
    "Today at 09:30", or a full date; with the zone's name ("Today at 09:30 Europe/Berlin")
    when this computer's clock reads otherwise, so the hour is never taken for local time."""
    if moment is None:
        return _("No backup yet")
    local = moment.astimezone(zone)
    today = (now or datetime.now(zone)).astimezone(zone).date()
    locale = QLocale()
    time = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    if local.utcoffset() != moment.astimezone().utcoffset():
        time = _("{time} {zone}").format(time=time, zone=zone.key)
    if local.date() == today:
        return _("Today at {time}").format(time=time)
    if local.date() == today - timedelta(days=1):
        return _("Yesterday at {time}").format(time=time)
    day = QDate(local.year, local.month, local.day)
    return _("{date} at {time}").format(
        date=locale.toString(day, QLocale.FormatType.LongFormat), time=time
    )


def describe_counts(counts: dict[str, int]) -> str:
    parts = [
        f"{label()}: {QLocale().toString(counts[name])}"
        for name, label in _RECORD_LABELS.items()
        if name in counts
    ]
    if not parts or not any(counts[name] for name in _RECORD_LABELS if name in counts):
        return _("No clients or sessions yet.")
    return " · ".join(parts)


class VaultPage(QWidget):
    """Shows ``VaultFacts``; its buttons trigger the main window's actions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder_url = QUrl()
        self.name = self._value()
        self.folder = self._value()
        self.records = self._value()
        self.last_backup = self._value()
        self.remembered = self._value()
        self.show_folder = QPushButton(_("Show folder"))
        self.show_folder.clicked.connect(lambda: QDesktopServices.openUrl(self._folder_url))
        self.backup_button = QPushButton(_("Back up now…"))
        self.remember_button = QPushButton()

        about = self._group(_("This vault"))
        about.addRow(_("Name"), self.name)
        about.addRow(_("Folder"), self._with_button(self.folder, self.show_folder))
        about.addRow(_("Records"), self.records)
        backups = self._group(_("Backups"))
        backups.addRow(_("Last backup"), self.last_backup)
        backups.addRow(
            "",
            look.note(
                _(
                    "CoachDesk backs the vault up automatically. Choose where and how often, "
                    "see every backup, or restore one, in Backups."
                )
            ),
        )
        backups.addRow("", self._buttons(self.backup_button))
        computer = self._group(_("This computer"))
        computer.addRow(_("Quick unlock"), self.remembered)
        computer.addRow("", self._buttons(self.remember_button))
        self._computer = computer

        column = QVBoxLayout()
        column.setSpacing(look.SPACING + 6)
        column.addWidget(look.heading(_("Vault")))
        column.addWidget(
            look.note(_("Your practice's data, encrypted on this computer with your passphrase."))
        )
        for form in (about, backups, computer):
            column.addWidget(form.parentWidget())
        column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addLayout(column, 3)
        outer.addStretch(1)

    @staticmethod
    def _value() -> QLabel:
        label = QLabel("…")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _group(self, title: str) -> QFormLayout:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(look.SPACING + 8)
        form.setVerticalSpacing(10)
        form.setContentsMargins(16, 12, 16, 14)
        return form

    @staticmethod
    def _with_button(label: QLabel, button: QPushButton) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label, 1)
        layout.addWidget(button)
        return row

    @staticmethod
    def _buttons(*buttons: QPushButton) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in buttons:
            layout.addWidget(button)
        layout.addStretch(1)
        return row

    def show_vault(self, vault: Vault) -> None:
        """What is known without a query: name and folder."""
        self.name.setText(vault.name)
        self.folder.setText(str(vault.folder))
        self._folder_url = QUrl.fromLocalFile(str(vault.folder))

    def show_facts(self, facts: VaultFacts, zone: ZoneInfo) -> None:
        """``zone``: the coach's, in which every time is shown."""
        if facts.counts is not None:
            self.records.setText(describe_counts(facts.counts))
        self.last_backup.setText(format_when(facts.last_backup, zone))
        if not facts.keychain_available:
            self.remembered.setText(
                _("Not available: this computer has no secure keychain. Use your passphrase.")
            )
        elif facts.remembered:
            self.remembered.setText(
                _("On. This computer opens the vault without asking for the passphrase.")
            )
        else:
            self.remembered.setText(_("Off. The vault asks for the passphrase each time."))
        self._computer.setRowVisible(1, facts.keychain_available)
        self.remember_button.setText(
            _("Forget on this computer") if facts.remembered else _("Remember on this computer")
        )
