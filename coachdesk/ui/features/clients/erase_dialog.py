"""Erasing a client for good, with the confirm-and-prove rule the command line keeps: the coach
reads what erasing means (earlier backups still hold the client) and types the client's name.

No automatic backup is taken first: it would keep the client the coach asked to erase.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coachdesk.i18n import _
from coachdesk.services.people import erasure
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.practice import Practice


def names_match(typed: str, name: str) -> bool:
    """The typed name proves the coach means this client (case and outer spaces aside)."""
    return typed.strip().casefold() == name.strip().casefold() != ""


class EraseDialog(QDialog):
    """``erased`` once the client is gone from the vault."""

    erased = Signal()

    def __init__(
        self, practice: Practice, client_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.client_id = client_id
        self.name = name
        self.erasing = False
        self.setWindowTitle(_("Erase client"))
        self.setMinimumWidth(480)
        warning = QLabel(erasure.erase_warning(name))
        warning.setWordWrap(True)
        self.prompt = QLabel(_("Type the client's name, {name}, to confirm:").format(name=name))
        self.prompt.setWordWrap(True)
        self.typed = QLineEdit()
        self.typed.setAccessibleName(_("The client's name"))
        self.typed.textChanged.connect(self._typed)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = self.buttons.addButton(
            _("Erase for good"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.erase)
        self.buttons.rejected.connect(self.reject)
        look.tint(self.erase_button, look.Colour.DANGER)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(self.prompt)
        layout.addWidget(self.typed)
        layout.addWidget(self.buttons)
        lockable.register(self)

    def _typed(self, text: str) -> None:
        self.erase_button.setEnabled(not self.erasing and names_match(text, self.name))

    def erase(self) -> None:
        if self.erasing or not names_match(self.typed.text(), self.name):
            return
        self.erasing = True
        self.erase_button.setEnabled(False)
        client_id = self.client_id
        self.practice.write_on_engine(
            lambda engine: erasure.erase_client(engine, client_id),
            self._done,
            self._failed,
            changes=kinds.EVERYTHING,
            parent=self,
        )

    def _done(self, _purged: bool) -> None:
        if isValid(self):
            self.erasing = False
            self.erased.emit()
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isValid(self):
            self.erasing = False
            self._typed(self.typed.text())
            show_error(self, exc)

    def reject(self) -> None:
        if not self.erasing:
            super().reject()

    # -- locking (a Lockable: the typed name is no work to keep, so the lock never waits) --
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        if self.erasing:
            return _("Not locked: a client is being erased; try again in a moment.")
        return None

    def wipe_for_lock(self) -> None:
        self.typed.clear()
        super().reject()
