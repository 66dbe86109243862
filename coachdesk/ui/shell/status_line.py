"""The status bar's standing facts: which vault, when it was last backed up, locked or not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QLabel, QStatusBar

from coachdesk.i18n import _
from coachdesk.ui.features.vault.vault_page import VaultFacts, format_when
from coachdesk.ui.kit import look

STALE_BACKUP = timedelta(days=7)


class StatusLine:
    """Three permanent labels on ``bar``; a backup older than a week shows in red."""

    def __init__(self, bar: QStatusBar) -> None:
        self.name = QLabel()
        self.backup = QLabel()
        self.lock = QLabel()
        for label in (self.name, self.backup, self.lock):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)

    def show_vault(self, name: str) -> None:
        self.name.setText(_("Vault: {name}").format(name=name))
        self.lock.setText(_("Unlocked"))

    def show_state(self, text: str) -> None:
        self.lock.setText(text)

    def show_facts(self, facts: VaultFacts, zone: ZoneInfo) -> None:
        """``zone``: the coach's, as in every view."""
        last = facts.last_backup
        stale = last is None or datetime.now(UTC) - last > STALE_BACKUP
        self.backup.setText(_("Last backup: {when}").format(when=format_when(last, zone)))
        look.tint(self.backup, look.Colour.DANGER if stale else None)
