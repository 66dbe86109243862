"""Locking, quitting and restoring: the vault closes only once no typed text would be lost.

Lock: every live ``Lockable`` first keeps what has a draft as that draft; if one still holds
typed text, the lock waits and the status bar says why ("Not locked: …"); else every one is
wiped, running work finishes, the vault closes, and the hidden window asks for the key again.
Quitting first closes the other windows as the coach would (a notes editor asks about unsaved
notes) and keeps the drafts; restoring a backup closes the vault as a lock does, then opens it.

Ctrl+L locks from every CoachDesk window: the menu's shortcut reaches only the main window,
so the key is watched app-wide as well (a notes editor is a window of its own).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from coachdesk.i18n import _
from coachdesk.ui.features.backups.restore_flow import RestoreOutcome, RestoreRequest, start_restore
from coachdesk.ui.features.vault.unlock_dialog import UnlockDialog
from coachdesk.ui.kit import lockable
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.long_work import LongWork
from coachdesk.ui.pdf.files import remove_viewer_files
from coachdesk.ui.shell import window_geometry

if TYPE_CHECKING:
    from coachdesk.ui.shell.main_window import MainWindow

NOT_LOCKED_MS = 30_000


class LockKey(QObject):
    """Triggers ``action`` (the menu's Lock) when its shortcut is pressed in any window."""

    def __init__(self, action: QAction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.action = action
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Only presses that no shortcut took arrive as key presses, so in the main window
        the menu's own shortcut has already fired and this does not lock a second time."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and not event.isAutoRepeat()
            and self.action.isEnabled()
            and QKeySequence(event.keyCombination()) in self.action.shortcuts()
        ):
            self.action.trigger()
            return True
        return False


def _own_window(widget: QWidget) -> bool:
    """A window beside the main one that the coach could close (not a dialog over it)."""
    return widget.isWindow() and widget.isVisible() and not widget.isModal()


class Locking(QObject):
    """The lock, quit and restore sequences of ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.unlock_dialog: UnlockDialog | None = None
        self.restore_job: LongWork | None = None

    # -- locking ----------------------------------------------------------------------------
    def lock(self) -> None:
        """Close the vault and hide the window until the key is given again; never at the
        price of typed text: while some would be lost, the vault stays open and says why."""
        reason = self.reason_to_wait()
        if reason is not None:
            self._not_locked(reason)
            return
        window_geometry.save(self.window)
        view = self.window.current_view()
        folder = self.close_vault()
        if folder is not None:
            self._ask_to_unlock(folder, view)

    def reason_to_wait(self) -> str | None:
        """Why the lock must wait, or None: every draft is kept first, then the first typed
        text that has no draft (or whose draft could not be kept) names the reason."""
        items = lockable.live()
        for item in items:
            item.keep_as_draft()
        return next((why for item in items if (why := item.why_lock_waits()) is not None), None)

    def close_vault(self) -> Path | None:
        """Keep the drafts, wipe everything shown, finish running work, then close the vault
        (no database handle stays open). Its folder; None when no vault was open."""
        w = self.window
        vault = w.vault
        if vault is None:
            return None
        items = lockable.live()
        for item in items:
            item.keep_as_draft()
        for item in items:
            item.wipe_for_lock()
        LongWork.cancel_all()  # an export or backup stops, leaving no partial file
        w.clipboard.clear_now()
        remove_viewer_files()  # copies opened in a PDF viewer leave with the vault
        w.idle.stop()
        w.practice.finish()
        w.tasks.wait()
        w.tasks.cancel_all()
        w.practice.set_vault(None)
        w.vault = None
        vault.close()
        for action in w.menu_actions.needing_vault():
            action.setEnabled(False)
        return vault.folder

    def _not_locked(self, message: str) -> None:
        """Typed input has no draft to keep: say why the vault stays open, try again later."""
        w = self.window
        w.statusBar().showMessage(message, NOT_LOCKED_MS)
        w.idle.start(w.preferences.auto_lock_minutes)

    def _ask_to_unlock(self, folder: Path, view: QWidget | None = None) -> None:
        """``view``: the one the coach was on, shown again once unlocked (else Today)."""
        w = self.window
        w.status.show_state(_("Locked"))
        w.hide()
        dialog = UnlockDialog(folder, try_keychain=False, allow_other=False)
        dialog.accepted.connect(lambda: self._unlocked(dialog, view))
        dialog.rejected.connect(w.quit_requested.emit)
        self.unlock_dialog = dialog
        dialog.show()

    def _unlocked(self, dialog: UnlockDialog, view: QWidget | None) -> None:
        self.unlock_dialog = None
        dialog.deleteLater()
        if dialog.vault is not None:
            self.window.set_vault(dialog.vault, notice=dialog.notice)
            if view is not None:
                self.window.show_page(view)
            self.window.show()

    # -- quitting ---------------------------------------------------------------------------
    def may_quit(self) -> bool:
        """Before the app closes: the other windows close as the coach would close them (a
        notes editor asks about unsaved notes), then the drafts are kept. False, the app
        staying open, while a window stays or a draft could not be kept (its view is shown,
        with the reason above the text); typed text without a draft goes with the app."""
        if self.window.vault is None:
            return True
        for item in lockable.live():
            if isinstance(item, QWidget) and _own_window(item) and not item.close():
                return False
        for item in lockable.live():
            if not item.keep_as_draft():
                if isinstance(item, QWidget):
                    self.window.show_page(item)
                return False
        return True

    # -- restoring a backup -----------------------------------------------------------------
    def restore(self, request: RestoreRequest) -> None:
        """Close the vault as a lock does (the coach asked for the backup, so nothing waits),
        restore it (a safety backup first), open it again."""
        folder = self.close_vault()
        if folder is None:
            return
        w = self.window
        w.status.show_state(_("Restoring…"))
        self.restore_job = start_restore(
            w,
            w.tasks,
            folder,
            request,
            on_reopened=self._restored,
            on_failed=lambda exc: self._restore_failed(folder, exc),
        )

    def _restored(self, outcome: RestoreOutcome) -> None:
        self.restore_job = None
        self.window.set_vault(outcome.vault, notice=outcome.notice)
        if outcome.problem is not None:
            show_error(self.window, outcome.problem)

    def _restore_failed(self, folder: Path, exc: BaseException) -> None:
        """The vault could not be opened again: say why, then ask for the key as on lock."""
        self.restore_job = None
        show_error(self.window, exc)
        self._ask_to_unlock(folder)
