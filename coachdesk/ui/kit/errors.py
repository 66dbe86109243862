"""One way to show an error: a calm dialog with the error's own message, never a traceback.

Known errors (``CoachDeskError``) carry a message written for the coach. Anything else is a bug:
it is logged with its traceback (ids only, never client text) and the user sees a short apology.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from coachdesk.errors import CoachDeskError, VaultCorrupt, VaultInUse, VaultTooNew, WrongPassphrase
from coachdesk.i18n import _
from coachdesk.logs import log_unexpected

log = logging.getLogger(__name__)


def user_message(exc: BaseException) -> str:
    """The text a coach sees for ``exc``; unknown errors are logged here, once."""
    if isinstance(exc, CoachDeskError):
        return exc.message
    log_unexpected(log, "unexpected error", exc)
    return _(
        "Something went wrong. Your data is safe; please try again. "
        "If it keeps happening, restart CoachDesk."
    )


def error_title(exc: BaseException) -> str:
    """A short title naming the kind of problem, for dialog captions and inline headings."""
    if isinstance(exc, WrongPassphrase):
        return _("Wrong passphrase")
    if isinstance(exc, VaultInUse):
        return _("Vault already open")
    if isinstance(exc, VaultTooNew):
        return _("Newer vault")
    if isinstance(exc, VaultCorrupt):
        return _("Damaged vault")
    if isinstance(exc, CoachDeskError):
        return _("Cannot continue")
    return _("Something went wrong")


def error_box(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """A warning box for ``exc``, not yet shown (``open()`` it, or ``exec()`` before the loop)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(error_title(exc))
    box.setText(user_message(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Show ``exc`` without blocking the caller."""
    box = error_box(parent, exc)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def install_excepthook() -> None:
    """Route exceptions escaping Qt slots to the log and a generic dialog, not the terminal."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if QApplication.instance() is None:
            log_unexpected(log, "unexpected error", exc.with_traceback(tb))
            return
        box = error_box(QApplication.activeWindow(), exc.with_traceback(tb))
        box.exec()

    sys.excepthook = hook
