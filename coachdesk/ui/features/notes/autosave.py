"""Autosave of a notes draft: every few seconds while something changed, and whenever focus
leaves a field of the editor's window.

Drafts are written synchronously (``Practice.write_now``) so that once the "saved" mark shows,
the words are committed to the encrypted vault: a crash or a kill a moment later loses nothing.
A failed autosave never interrupts typing with a dialog; it is reported through ``failed`` (the
editor shows it beside the saved mark) and retried on the next tick.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from coachdesk.logs import log_unexpected
from coachdesk.services.sessions import notes
from coachdesk.ui.kit.practice import Practice

log = logging.getLogger(__name__)

INTERVAL_MS = 3000


class Autosave(QObject):
    """Keeps the vault's draft of one session equal to what ``snapshot()`` returns."""

    saved = Signal(object)  # the draft's saved_at (aware datetime)
    failed = Signal(object)  # the exception

    def __init__(
        self,
        practice: Practice,
        session_id: int,
        window: QWidget,
        snapshot: Callable[[], str],
        interval_ms: int = INTERVAL_MS,
    ) -> None:
        super().__init__(window)
        self.practice = practice
        self.session_id = session_id
        self._window = window
        self._snapshot = snapshot
        self.dirty = False
        self.active = False
        self.stored: str | None = None  # what the vault's draft holds, as far as we know
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_if_changed)

    def start(self, stored: str | None) -> None:
        """Begin watching; ``stored`` is the draft already in the vault, if any."""
        self.stored = stored
        if not self.active:
            self.active = True
            self.timer.start()
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.focusChanged.connect(self._focus_changed)

    def stop(self) -> None:
        if self.active:
            self.active = False
            self.timer.stop()
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.focusChanged.disconnect(self._focus_changed)

    def touch(self) -> None:
        """Something was typed or chosen: save it at the next tick or focus change."""
        self.dirty = True

    def save_if_changed(self) -> bool:
        return self.save_now() if self.active and self.dirty else False

    def save_now(self) -> bool:
        """Write the draft now (unless the vault already holds exactly this); ``True`` if safe."""
        content = self._snapshot()
        self.dirty = False
        if content == self.stored:
            return True
        session_id = self.session_id
        try:
            saved_at: datetime = self.practice.write_now(
                lambda db: notes.save_draft(db, session_id, content), changes=""
            )
        except Exception as exc:  # shown beside the saved mark; retried on the next tick
            log_unexpected(log, f"draft autosave failed (session {session_id})", exc)
            self.dirty = True
            self.failed.emit(exc)
            return False
        self.stored = content
        self.saved.emit(saved_at)
        return True

    def holds_snapshot(self) -> bool:
        """Whether the vault's draft already holds exactly what ``snapshot()`` returns."""
        return self._snapshot() == self.stored

    def discard(self) -> bool:
        """Drop the vault's draft (its content is saved, or equals what was saved)."""
        session_id = self.session_id
        try:
            self.practice.write_now(lambda db: notes.discard_draft(db, session_id), changes="")
        except Exception as exc:  # a stale draft only means one more "restore?" question
            log_unexpected(log, f"draft discard failed (session {session_id})", exc)
            return False
        self.stored = None
        self.dirty = False
        return True

    def forget_stored(self) -> None:
        """The draft was dropped elsewhere (``record_notes`` deletes it)."""
        self.stored = None

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if old is not None and (old is self._window or self._window.isAncestorOf(old)):
            self.save_if_changed()
