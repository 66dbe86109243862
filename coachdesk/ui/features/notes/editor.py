"""The minute after the call: one window to record a session's notes, action items, progress,
feedback and status, keyboard only, without ever losing a word.

Loading runs on a worker; everything typed is autosaved as a draft in the vault (``Autosave``);
Save records it all at once (``notes.record_notes``, which also drops the draft). Closing with
unsaved changes always asks; as a ``Lockable``, the lock keeps the draft and closes it without
asking.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import ClassVar

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

from coachdesk.formatting import format_date
from coachdesk.i18n import _
from coachdesk.services.sessions import notes
from coachdesk.ui.features.notes.autosave import Autosave
from coachdesk.ui.features.notes.dialogs import (
    Closing,
    ask_before_close,
    ask_restore,
    preview_summary,
)
from coachdesk.ui.features.notes.layout import Body
from coachdesk.ui.features.notes.state import Loaded, NotesState, load
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.practice import ACTIONS, CLIENTS, EVERYTHING, GOALS, SESSIONS, Practice


def _clock(moment: datetime) -> str:
    return f"{moment:%H:%M:%S}"


class NotesEditor(QWidget):
    """The notes of one session, in a window of its own. ``saved`` carries the session id."""

    saved = Signal(int)
    _open: ClassVar[dict[tuple[int, int], NotesEditor]] = {}

    @classmethod
    def open_for(
        cls, practice: Practice, session_id: int, parent: QWidget | None = None
    ) -> NotesEditor:
        """Show the session's editor, raising the one already open rather than a second
        (two editors of one session would overwrite each other's draft)."""
        editor = cls._open.get((id(practice), session_id))
        if editor is None or not editor.is_live():
            editor = cls(practice, session_id, parent)
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    @classmethod
    def all_open(cls) -> list[NotesEditor]:
        """Every open editor."""
        return [editor for editor in cls._open.values() if editor.is_live()]

    def is_live(self) -> bool:
        """Open, and not destroyed without closing (after a crash of its window)."""
        return shiboken6.isValid(self) and not self._closed

    def __init__(self, practice: Practice, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.practice = practice
        self.session_id = session_id
        self.loaded: Loaded | None = None
        self.baseline: NotesState | None = None  # the notes as the vault holds them
        self._filling = self._saving = self._close_after_save = False
        self._quiet_close = self._closed = self._gone = False
        self._key = (id(practice), session_id)
        NotesEditor._open[self._key] = self
        lockable.register(self)
        self.setWindowTitle(_("Notes — loading…"))
        self.setWindowIcon(look.app_icon())
        self.body = Body()
        self.body.setEnabled(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.body)
        self.agenda, self.sections = self.body.agenda, self.body.sections
        self.actions_box, self.ratings = self.body.actions_box, self.body.ratings
        self.saved_mark = self.body.saved_mark
        self._build_actions()
        for signal in (
            self.sections.changed,
            self.actions_box.changed,
            self.ratings.changed,
            self.body.held.changed,
            self.agenda.textEdited,
        ):
            signal.connect(self._changed)
        self.autosave = Autosave(practice, session_id, self, self.snapshot)
        self.autosave.saved.connect(self._draft_saved)
        self.autosave.failed.connect(
            lambda _exc: self._mark(_("Draft not saved — retrying"), error=True)
        )
        self.resize(1120, 780)
        practice.changed.connect(self._vault_changed)
        practice.read(lambda db: load(db, session_id), self._loaded, self._load_failed)

    def _vault_changed(self, kind: str) -> None:
        """An erase or a delete elsewhere may have taken this session away: look."""
        if kind in (SESSIONS, CLIENTS, EVERYTHING) and self.is_live() and not self._saving:
            session_id = self.session_id
            self.practice.read(lambda db: notes.session_exists(db, session_id), self._still_there)

    def _still_there(self, exists: bool) -> None:
        """Close at once when the session is gone, keeping no draft: whoever erased the client
        wanted every word about them out of the vault, these included."""
        if not exists and self.is_live():
            self._gone = True
            self.close()

    def _build_actions(self) -> None:
        def action(text: str, keys: list[QKeySequence], slot: Callable[[], object]) -> QAction:
            made = QAction(text, self)
            made.setShortcuts(keys)
            made.setEnabled(False)
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        self.save_action = action(
            _("Save"), [QKeySequence(QKeySequence.StandardKey.Save)], lambda *_a: self.save()
        )
        self.save_close_action = action(
            _("Save and close"),
            [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")],
            lambda: self.save(close_after=True),
        )
        self.close_action = action(
            _("Close"),
            [QKeySequence("Escape"), QKeySequence(QKeySequence.StandardKey.Close)],
            self.close,
        )
        self.close_action.setEnabled(True)
        body = self.body
        body.save_button.clicked.connect(self.save_action.trigger)
        body.save_close_button.clicked.connect(self.save_close_action.trigger)
        body.pdf_button.clicked.connect(self.summary_pdf)
        body.save_button.setToolTip(_("Save (Ctrl+S)"))
        body.save_close_button.setToolTip(_("Save and close (Ctrl+Enter)"))
        body.pdf_button.setToolTip(_("Saves the notes, then shows the client's summary"))

    # -- loading ----------------------------------------------------------------------------
    def _loaded(self, loaded: Loaded) -> None:
        if not self.is_live():
            return
        self.loaded = loaded
        detail, zone = loaded.detail, self.practice.zone
        self.setWindowTitle(
            _("Notes — {client} — {date}").format(
                client=detail.client_name, date=format_date(detail.starts_at.astimezone(zone))
            )
        )
        self.body.show_session(detail, zone)
        self.baseline = loaded.saved_state()
        self._show_lists(loaded)
        self.body.show_goals(loaded)
        self.fill(self.baseline)
        stored = None
        draft = loaded.draft_state()
        if loaded.draft is not None and draft is None:
            self.autosave.discard()  # a leftover equal to the saved notes
        elif loaded.draft is not None and draft is not None:
            when = loaded.draft.saved_at.astimezone(zone)
            if ask_restore(self, when):
                self.fill(draft)
                stored = loaded.draft.content
                self._mark(_("Unsaved notes from {time} restored").format(time=_clock(when)))
            else:
                self.autosave.discard()
        self.body.setEnabled(True)
        self.save_action.setEnabled(True)
        self.save_close_action.setEnabled(True)
        self.autosave.start(stored)
        self.sections.first_box().setFocus()

    def _load_failed(self, exc: BaseException) -> None:
        if self.is_live():
            show_error(self.parentWidget(), exc)
            self._quiet_close = True
            self.close()

    def _show_lists(self, loaded: Loaded) -> None:
        self._filling = True
        try:
            self.body.show_lists(loaded, datetime.now(self.practice.zone).date())
        finally:
            self._filling = False

    # -- state ------------------------------------------------------------------------------
    def state(self) -> NotesState:
        """Everything the fields hold now."""
        return self.body.read_state()

    def snapshot(self) -> str:
        return self.state().to_json()

    def fill(self, state: NotesState) -> None:
        """Show ``state`` in every field (a draft restored, or the saved notes)."""
        self._filling = True
        try:
            self.body.show_state(state)
        finally:
            self._filling = False

    def has_unsaved_changes(self) -> bool:
        return self.baseline is not None and self.state() != self.baseline

    def _changed(self) -> None:
        if not self._filling:
            self.autosave.touch()

    # -- saving -----------------------------------------------------------------------------
    def save(self, *, close_after: bool = False, then: Callable[[], None] | None = None) -> None:
        """Record everything on a worker; the draft is written first, so nothing is at risk."""
        if self.loaded is None:
            return
        self._close_after_save = self._close_after_save or close_after
        if self._saving:
            return
        state = self.state()
        self.autosave.save_now()
        self.autosave.stop()  # no draft may land after record_notes drops it
        self._saving = True
        self._mark(_("Saving…"))
        data, session_id = state.to_input(), self.session_id
        self.practice.write(
            lambda db: notes.record_notes(db, session_id, data),
            lambda _saved: self._save_done(state, then),
            self._save_failed,
            changes=SESSIONS,
            parent=self,
        )

    def _save_done(self, state: NotesState, then: Callable[[], None] | None) -> None:
        self._saving = False
        if not self.is_live():
            return
        self.autosave.forget_stored()
        if state.new_action_texts() or state.done_ids:
            self.practice.changed.emit(ACTIONS)
        if state.ratings:
            self.practice.changed.emit(GOALS)
        self.actions_box.remove_saved(state.new_action_texts())
        self.baseline = replace(state, actions_text="", done_ids=[])
        self._mark(_("Saved {time}").format(time=_clock(datetime.now(self.practice.zone))))
        self.saved.emit(self.session_id)
        if self._close_after_save:
            self._quiet_close = True
            self.close()
            return
        self.autosave.start(None)
        if self.has_unsaved_changes():
            self.autosave.touch()  # typed while saving
        self.practice.read(lambda db: load(db, self.session_id), self._reloaded)
        if then is not None:
            then()

    def _reloaded(self, loaded: Loaded) -> None:
        if self.is_live():
            self.loaded = loaded
            self._show_lists(loaded)

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._close_after_save = False
        if self.is_live():
            self.autosave.start(self.autosave.stored)
            self._mark(_("Not saved — your notes are kept as a draft"), error=True)
            show_error(self, exc)

    # -- locking (a Lockable) ---------------------------------------------------------------
    def keep_as_draft(self) -> bool:
        """Keep what is typed as an encrypted draft now, and let the next close skip the
        question (the lock then closes the editor). ``True`` if the words are safe."""
        self._quiet_close = True
        if not self.is_live() or not self.has_unsaved_changes():
            return True
        return self.autosave.save_now()

    def why_lock_waits(self) -> str | None:
        if self.is_live() and self.has_unsaved_changes() and not self.autosave.holds_snapshot():
            return _("Not locked: open session notes could not be kept as a draft.")
        return None

    def wipe_for_lock(self) -> None:
        """Close without asking: the words typed are in the draft, and leave the screen."""
        self._quiet_close = True
        self.close()

    def summary_pdf(self) -> None:
        """The client's session summary; unsaved notes are saved first so that it shows them."""
        if self.loaded is None:
            return
        title = self.windowTitle().replace(_("Notes"), _("Summary"), 1)

        def show() -> None:
            preview_summary(self.practice, self, self.session_id, title)

        if self.has_unsaved_changes():
            self.save(then=show)
        else:
            show()

    # -- the saved mark ---------------------------------------------------------------------
    def _draft_saved(self, saved_at: datetime) -> None:
        when = _clock(saved_at.astimezone(self.practice.zone))
        self._mark(_("Draft saved {time}").format(time=when))

    def _mark(self, text: str, *, error: bool = False) -> None:
        self.saved_mark.setText(text)
        look.tint(self.saved_mark, look.Colour.DANGER if error else None)

    # -- closing ----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._gone:
            self.autosave.stop()
            self._closed = True
            NotesEditor._open.pop(self._key, None)
            event.accept()
            return
        if self._saving and not self._quiet_close:
            self._close_after_save = True  # closes when the save is done
            event.ignore()
            return
        if not self._quiet_close and self.has_unsaved_changes():
            choice = ask_before_close(self)
            if choice is Closing.SAVE:
                self.save(close_after=True)
            if choice is not Closing.KEEP_DRAFT or not self.autosave.save_now():
                event.ignore()
                return
        elif self.has_unsaved_changes():
            self.autosave.save_now()
        elif self.loaded is not None and self.autosave.stored is not None:
            self.autosave.discard()  # it holds nothing the saved notes lack
        self.autosave.stop()
        self._closed = True
        NotesEditor._open.pop(self._key, None)
        event.accept()
