"""The last page of the first run: start on the coach's own, empty vault, or explore first in a
separate demo vault full of made-up clients.

The demo lives in its own folder beside the real vault, with its own key file, so nothing done
there can reach the real practice; its folder name says "demo", and so does the window title.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QLabel, QRadioButton, QVBoxLayout, QWidget

from coachdesk import vault as vaults
from coachdesk.i18n import _
from coachdesk.services.demo import practice as demo
from coachdesk.services.people import profile
from coachdesk.services.people.profile import ProfileFields
from coachdesk.ui.features.vault.folders import new_vault_problem
from coachdesk.ui.kit import look
from coachdesk.vault import Argon2Params, Vault

DEMO_FOLDER = "CoachDesk demo vault"
DEMO_CLIENTS = 40
DEMO_SEED = 1


def demo_folder_for(real: Path) -> Path:
    """A free folder for the demo vault beside ``real``: never over an existing vault."""
    parent = real.parent
    candidate = parent / DEMO_FOLDER
    number = 2
    while new_vault_problem(candidate) is not None:
        candidate = parent / f"{DEMO_FOLDER} {number}"
        number += 1
    return candidate


def create_demo(
    folder: Path,
    passphrase: str,
    kdf: Argon2Params,
    letterhead: ProfileFields | None,
    today: date,
) -> Vault:
    """Worker side: a new vault filled with the demo practice, under the coach's letterhead if
    they gave one (so its agreements look like theirs). Closed again if filling fails."""
    created = vaults.create(folder, passphrase, kdf=kdf).vault
    try:
        if letterhead is not None and letterhead.name:
            with created.session() as db, db.begin():
                profile.update_profile(db, letterhead)
        demo.fill_demo(created.engine, DEMO_CLIENTS, DEMO_SEED, today=today)
    except BaseException:
        created.close()
        raise
    return created


def _card(choice: QRadioButton, text: QLabel) -> QFrame:
    """A choice and its explanation in one framed panel, as a bigger target to read and pick."""
    font = choice.font()
    font.setPointSizeF(font.pointSizeF() * 1.1)
    font.setBold(True)
    choice.setFont(font)
    text.setContentsMargins(26, 0, 0, 0)
    card = QFrame()
    card.setObjectName("choiceCard")
    card.setStyleSheet(
        "#choiceCard { background: palette(base); border: 1px solid palette(mid);"
        " border-radius: 8px; }"
    )
    inner = QVBoxLayout(card)
    inner.setContentsMargins(16, 14, 16, 14)
    inner.setSpacing(6)
    inner.addWidget(choice)
    inner.addWidget(text)
    return card


class DemoOfferPage(QWidget):
    """Own vault (the default) or the demo; ``wants_demo`` says which."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _("Start with your own vault, or explore first?")
        self.subtitle = _("Your vault is ready and empty. You can also look around a demo first.")
        self.demo_folder = Path()
        self.own = QRadioButton(_("Start with my own vault"))
        self.own.setChecked(True)
        own_text = look.note(
            _(
                "Add your first client and get going. Your vault is empty and private; you "
                "can explore the demo another day."
            )
        )
        self.demo = QRadioButton(_("Explore with a demo practice first"))
        self.demo_text = QLabel(wordWrap=True)
        group = QButtonGroup(self)
        group.addButton(self.own)
        group.addButton(self.demo)
        group.buttonToggled.connect(lambda *_args: self.changed.emit())
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(look.SPACING)
        layout.addWidget(_card(self.own, own_text))
        layout.addWidget(_card(self.demo, self.demo_text))
        layout.addStretch(1)
        layout.addWidget(self.status)

    def set_real_folder(self, real: Path) -> None:
        self.demo_folder = demo_folder_for(real)
        self.demo_text.setText(
            _(
                "CoachDesk makes a second, separate vault with {n} made-up clients, their "
                "sessions, goals and agreements, in:<br><b>{folder}</b><br><br>"
                "It opens with <b>the passphrase you just chose</b>, and the window title says "
                "“demo”. Nothing you do there touches your own vault, and next time CoachDesk "
                "starts it opens your own vault. Delete the demo folder whenever you like."
            ).format(n=DEMO_CLIENTS, folder=html.escape(str(self.demo_folder)))
        )

    def wants_demo(self) -> bool:
        return self.demo.isChecked()

    def ready(self) -> bool:
        return True

    def set_busy(self, busy: bool) -> None:
        self.own.setEnabled(not busy)
        self.demo.setEnabled(not busy)
        self.status.setStyleSheet("")
        self.status.setText(_("Making the demo practice…") if busy else "")

    def show_error(self, message: str) -> None:
        look.tint(self.status, look.Colour.DANGER)
        self.status.setText(message)
