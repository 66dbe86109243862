"""Confirming what cannot be undone about a client (erasing, anonymising) by typing their
name, as the command line asks for ``--yes``: the client page and the retention review share it.

No automatic backup is taken first: it would keep what the coach asked to remove.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget
from shiboken6 import isValid
from sqlalchemy import Engine

from coachdesk.i18n import _
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.practice import Practice


def names_match(typed: str, name: str) -> bool:
    """The typed name proves the coach means this client (case and outer spaces aside)."""
    return typed.strip().casefold() == name.strip().casefold() != ""


class ConfirmByNameDialog(QDialog):
    """Runs ``work(engine)`` once the client's name is typed; ``completed`` when it is done."""

    completed = Signal()

    def __init__(
        self,
        practice: Practice,
        name: str,
        *,
        title: str,
        warning: str,
        action: str,
        work: Callable[[Engine], object],
        busy: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.practice, self.name, self.work, self.busy = practice, name, work, busy
        self.working = False
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.warning = QLabel(warning)
        self.warning.setWordWrap(True)
        self.prompt = QLabel(_("Type the client's name, {name}, to confirm:").format(name=name))
        self.prompt.setWordWrap(True)
        self.typed = QLineEdit()
        self.typed.setAccessibleName(_("The client's name"))
        self.typed.textChanged.connect(self._typed)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = self.buttons.addButton(
            action, QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.confirm_button.setEnabled(False)
        self.confirm_button.clicked.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        look.tint(self.confirm_button, look.Colour.DANGER)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addWidget(self.prompt)
        layout.addWidget(self.typed)
        layout.addWidget(self.buttons)
        lockable.register(self)

    def _typed(self, text: str) -> None:
        self.confirm_button.setEnabled(not self.working and names_match(text, self.name))

    def confirm(self) -> None:
        if self.working or not names_match(self.typed.text(), self.name):
            return
        self.working = True
        self.confirm_button.setEnabled(False)
        self.practice.write_on_engine(
            self.work, self._done, self._failed, changes=kinds.EVERYTHING, parent=self
        )

    def _done(self, _result: object) -> None:
        if isValid(self):
            self.working = False
            self.completed.emit()
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isValid(self):
            self.working = False
            self._typed(self.typed.text())
            show_error(self, exc)

    def reject(self) -> None:
        if not self.working:
            super().reject()

    # -- locking (a Lockable: the typed name is no work to keep, so the lock never waits) --
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        return self.busy if self.working else None

    def wipe_for_lock(self) -> None:
        self.typed.clear()
        super().reject()


def anonymise_dialog(
    practice: Practice, client_id: int, name: str, parent: QWidget | None = None
) -> ConfirmByNameDialog:
    from coachdesk.services.rights.anonymise import anonymise_client, anonymise_warning

    return ConfirmByNameDialog(
        practice,
        name,
        title=_("Anonymise client"),
        warning=anonymise_warning(name),
        action=_("Anonymise for good"),
        work=lambda engine: anonymise_client(engine, client_id),
        busy=_("Not locked: a client is being anonymised; try again in a moment."),
        parent=parent,
    )


def erase_dialog(
    practice: Practice, client_id: int, name: str, parent: QWidget | None = None
) -> ConfirmByNameDialog:
    from coachdesk.services.people import erasure

    return ConfirmByNameDialog(
        practice,
        name,
        title=_("Erase client"),
        warning=erasure.erase_warning(name),
        action=_("Erase for good"),
        work=lambda engine: erasure.erase_client(engine, client_id),
        busy=_("Not locked: a client is being erased; try again in a moment."),
        parent=parent,
    )
