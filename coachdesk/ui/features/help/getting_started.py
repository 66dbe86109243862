"""Help → Getting started: the first hour in plain words, from a first client to a first backup.

Each step names the command to use as the menu shows it ("Client → New client…, Ctrl+N"), read
from the window's own actions, so the guide follows the menus when they change.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QTextBrowser, QVBoxLayout, QWidget

from coachdesk.i18n import _
from coachdesk.ui.features.help.shortcuts import keys_of, plain
from coachdesk.ui.kit import look


@dataclass(frozen=True)
class GuideCommands:
    """The commands the guide walks through, as the main window made them."""

    new_client: QAction
    schedule_session: QAction
    session_notes: QAction
    new_agreement: QAction
    backup: QAction


def where(action: QAction) -> str:
    """How to reach ``action``: "Client → New client…" and its shortcut, if it has one."""
    menus = [m for m in action.associatedObjects() if isinstance(m, QMenu)]
    path = " → ".join([*(plain(m.title()) for m in menus[:1]), plain(action.text())])
    keys = keys_of(action)
    return _("{path} ({keys})").format(path=path, keys=keys) if keys else path


def steps(commands: GuideCommands) -> list[tuple[str, str]]:
    """(title, what to do) for each step, in the order a new coach meets them."""
    return [
        (
            _("Add your first client"),
            _(
                "Choose {command}. A name is enough to start; add contact details and their "
                "consent when you have them."
            ).format(command=where(commands.new_client)),
        ),
        (
            _("Book the first session"),
            _(
                "Choose {command}: pick the client and when. Booked sessions show on Today "
                "and in Sessions."
            ).format(command=where(commands.schedule_session)),
        ),
        (
            _("Write notes after the call"),
            _(
                "Choose {command}. Shared notes can go into the summary you send the client; "
                "private notes stay out of it. Note the actions agreed and rate the client's "
                "goals, then save."
            ).format(command=where(commands.session_notes)),
        ),
        (
            _("Agree how you work together"),
            _(
                "With the client open, choose {command}. Start from a template, adjust it, and "
                "send it to the client to sign."
            ).format(command=where(commands.new_agreement)),
        ),
        (
            _("Back up"),
            _(
                "Choose {command}. Backups are encrypted like the vault; keep your recovery key "
                "somewhere safe, away from this computer: without it or your passphrase no "
                "one can open them, not even you."
            ).format(command=where(commands.backup)),
        ),
    ]


class GettingStartedDialog(QDialog):
    """A short guide to a coach's first hour with CoachDesk."""

    def __init__(self, commands: GuideCommands, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Getting started"))
        self.setWindowIcon(look.app_icon())
        self.guide = QTextBrowser()
        self.guide.setOpenLinks(False)
        self.guide.setHtml(
            "<ol>"
            + "".join(
                f"<li><p><b>{escape(title)}</b><br>{escape(text)}</p></li>"
                for title, text in steps(commands)
            )
            + "</ol>"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        layout.addWidget(look.heading(_("Getting started"), scale=1.3))
        layout.addWidget(self.guide, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)
