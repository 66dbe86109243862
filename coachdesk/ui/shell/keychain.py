"""Remembering the open vault's key in this computer's keychain, or forgetting it again: the
File menu's check item and the Vault view's button, worked off the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coachdesk.ui.kit.errors import show_error

if TYPE_CHECKING:
    from coachdesk.ui.shell.main_window import MainWindow


def toggle_remembered(window: MainWindow) -> None:
    """Flip what the last facts say; the facts are read again to show the outcome."""
    vault = window.vault
    if vault is None:
        return
    remembered = window.facts is not None and window.facts.remembered

    def work() -> None:
        if remembered:
            vault.forget_on_this_computer()
        else:
            vault.remember_on_this_computer()

    window.tasks.run(
        work, lambda _result: window.refresh_facts(), lambda exc: show_error(window, exc)
    )
