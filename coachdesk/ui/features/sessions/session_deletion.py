"""Deleting a session from the Sessions page: asked first when notes would be lost, and undone
with one click until the practice's data changes again.

What an undo needs (the deleted notes among it) stays in memory only, and is forgotten when
the app locks, when the undo is used, or when the next change makes it stale.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from coachdesk.formatting import format_date, format_time
from coachdesk.i18n import _
from coachdesk.services.sessions import deletion
from coachdesk.services.sessions.deletion import DeletedSession
from coachdesk.services.sessions.sessions import SessionRow
from coachdesk.ui.kit.practice import SESSIONS, Practice


class SessionDeletion(QObject):
    """``deleted(text)`` once a session is gone (an undo is then possible); ``restored(id)``
    once the undo has put it back."""

    deleted = Signal(str)
    restored = Signal(int)

    def __init__(self, practice: Practice, parent: QWidget) -> None:
        super().__init__(parent)
        self.practice = practice
        self.widget = parent
        self.question: QMessageBox | None = None
        self._undo: DeletedSession | None = None

    @property
    def can_undo(self) -> bool:
        return self._undo is not None

    def delete(self, row: SessionRow) -> None:
        """Delete ``row``'s session, asking first if it holds notes, an agenda or a draft."""
        session_id = row.id
        self.practice.read(
            lambda db: deletion.needs_confirmation(db, session_id),
            lambda ask: self._ask(row) if ask else self._delete(row),
            parent=self.widget,
        )

    def _ask(self, row: SessionRow) -> None:
        self.forget()  # one question at a time
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _("Delete session?"),
            _("Delete the session of {when} with its notes?").format(when=self.when(row)),
            QMessageBox.StandardButton.Cancel,
            self.widget,
        )
        box.setInformativeText(_("Its action items and ratings stay, without the link to it."))
        delete_button = box.addButton(_("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: self._delete(row) if button is delete_button else None
        )
        box.finished.connect(lambda _result: self._question_closed(box))
        self.question = box
        box.open()

    def _question_closed(self, box: QMessageBox) -> None:
        if self.question is box:
            self.question = None

    def _delete(self, row: SessionRow) -> None:
        session_id = row.id
        text = _("Deleted the session of {client}, {when}.").format(
            client=row.client_name, when=self.when(row)
        )
        self.practice.write(
            lambda db: deletion.delete_session(db, session_id),
            lambda deleted: self._deleted(deleted, text),
            changes=SESSIONS,
            parent=self.widget,
        )

    def _deleted(self, deleted: DeletedSession, text: str) -> None:
        self._undo = deleted
        self.deleted.emit(text)

    def undo(self) -> None:
        """Put the last deleted session back."""
        deleted, self._undo = self._undo, None
        if deleted is None:
            return
        self.practice.write(
            lambda db: deletion.restore_session(db, deleted),
            self.restored.emit,
            changes=SESSIONS,
            parent=self.widget,
        )

    def drop_undo(self) -> None:
        """The data changed since: putting the session back could now surprise the coach."""
        self._undo = None

    def forget(self) -> None:
        """Drop the undo and any open question (the app is locking)."""
        self._undo = None
        if self.question is not None:
            self.question.reject()
            self.question = None

    def when(self, row: SessionRow) -> str:
        local = row.starts_at.astimezone(self.practice.zone)
        return f"{format_date(local)} {format_time(local)}"
