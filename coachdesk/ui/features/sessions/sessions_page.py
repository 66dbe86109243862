"""The Sessions page: a week agenda and a filtered list, and what a coach does with a session —
take notes, reschedule, correct or delete it, mark a cancellation or no-show, or book a new one.

Only the service's allowed status changes are offered for the selected session. The page reads
through the practice and refreshes itself when sessions, clients or engagements change (when
hidden, on next show), so it never shows stale bookings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk import words
from coachdesk.formatting import format_date, format_time
from coachdesk.i18n import _
from coachdesk.model import SessionStatus
from coachdesk.services.people.clients import Saved
from coachdesk.services.sessions import sessions
from coachdesk.services.sessions.sessions import SessionRow
from coachdesk.ui.features.sessions.edit_dialog import EditSessionDialog
from coachdesk.ui.features.sessions.reschedule_dialog import RescheduleDialog
from coachdesk.ui.features.sessions.schedule_dialog import ScheduleDialog
from coachdesk.ui.features.sessions.session_deletion import SessionDeletion
from coachdesk.ui.features.sessions.session_list import SessionList
from coachdesk.ui.features.sessions.week_agenda import WeekAgenda, week_start
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit import practice as practice_module
from coachdesk.ui.kit.page import Page
from coachdesk.ui.kit.practice import Practice

REFRESH_ON = frozenset(
    {
        practice_module.SESSIONS,
        practice_module.CLIENTS,
        practice_module.ENGAGEMENTS,
        practice_module.PROFILE,  # the coach's time zone: every time shown
        practice_module.EVERYTHING,
    }
)
WEEK, LIST = 0, 1


class SessionsPage(Page):
    """Week agenda and session list with the actions on the selected session."""

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(practice, parent)
        self.dialog: QDialog | None = None
        self._select_after_load: tuple[int, set[QWidget]] | None = None  # an id, modes to go
        self._awaited: tuple[int, set[QWidget]] | None = None  # a refresh, the modes still out

        self.agenda = WeekAgenda(practice)
        self.list = SessionList(practice)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.agenda)
        self.stack.addWidget(self.list)
        self.week_button = self._segment(_("Week"), WEEK)
        self.list_button = self._segment(_("List"), LIST)
        self.modes = QButtonGroup(self)
        self.modes.setExclusive(True)
        self.modes.addButton(self.week_button, WEEK)
        self.modes.addButton(self.list_button, LIST)
        self.modes.idToggled.connect(self._mark_mode)
        self.week_button.setChecked(True)
        self.modes.idClicked.connect(self.set_mode)

        self._make_actions()
        self.schedule_action = self._action(_("Schedule session…"), self.schedule_session)
        self.schedule_action.setEnabled(True)
        self.schedule_button = QPushButton(_("Schedule session…"))
        self.schedule_button.setDefault(False)
        self.schedule_button.clicked.connect(lambda: self.schedule_session(None))

        for view in (self.agenda.view, self.list.view):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            view.addActions(self.session_actions)
            separator = QAction(view)
            separator.setSeparator(True)
            view.addAction(separator)
            view.addAction(self.schedule_action)
        for source in (self.agenda, self.list):
            source.session_activated.connect(self.practice.open_session_notes.emit)
            source.selection_changed.connect(self._update_actions)
            source.loaded.connect(lambda mode=source: self._after_load(mode))
        practice.changed.connect(self._data_changed)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.deletion = SessionDeletion(practice, self)
        self.deletion.deleted.connect(self._deleted)
        self.deletion.restored.connect(self._restored)
        self.undo_button = QPushButton(_("Undo"))
        self.undo_button.setAutoDefault(False)
        self.undo_button.clicked.connect(self.deletion.undo)
        self.undo_button.hide()
        self._lay_out()
        self._update_actions()
        lockable.register(self)

    def _make_actions(self) -> None:
        self.notes_action = self._action(_("Take notes"), self.take_notes)
        self.notes_action.setToolTip(_("Open this session's notes (Enter)"))
        self.reschedule_action = self._action(_("Reschedule…"), self.reschedule)
        self.edit_action = self._action(_("Edit…"), self.edit_session)
        self.edit_action.setToolTip(
            _("Correct the engagement, start, length, mode, place or status")
        )
        self.delete_action = self._action(_("Delete…"), self.delete_session)
        self.cancel_action = self._action(
            _("Mark cancelled"), lambda: self.set_status(SessionStatus.CANCELLED)
        )
        self.late_cancel_action = self._action(
            words.label(SessionStatus.LATE_CANCEL),
            lambda: self.set_status(SessionStatus.LATE_CANCEL),
        )
        self.no_show_action = self._action(
            words.label(SessionStatus.NO_SHOW), lambda: self.set_status(SessionStatus.NO_SHOW)
        )
        self.session_actions = [
            self.notes_action,
            self.reschedule_action,
            self.edit_action,
            self.cancel_action,
            self.late_cancel_action,
            self.no_show_action,
            self.delete_action,
        ]

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(look.heading(_("Sessions")))
        top.addSpacing(look.SPACING)
        top.addWidget(self.week_button)
        top.addWidget(self.list_button)
        top.setSpacing(0)
        top.addStretch(1)
        top.addWidget(self.schedule_button)
        actions = QHBoxLayout()
        for action in self.session_actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING // 2 + 2)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addLayout(actions)
        said = QHBoxLayout()
        said.addWidget(self.message, 1)
        said.addWidget(self.undo_button)
        layout.addLayout(said)

    def _segment(self, text: str, mode: int) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(True)
        button.setAutoDefault(False)
        button.setMinimumWidth(72)
        button.setToolTip(_("Show the sessions as a week agenda") if mode == WEEK else
                          _("Show the sessions as a list with filters"))  # fmt: skip
        return button

    def _mark_mode(self, mode: int, checked: bool) -> None:
        """Bold text on the chosen segment: clearer than Fusion's pressed look, in any palette."""
        font = self.modes.button(mode).font()
        font.setBold(checked)
        self.modes.button(mode).setFont(font)

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setIconText(text)  # keep the "…" on buttons: it promises a dialog
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # -- page contract ------------------------------------------------------------------------

    def _load(self) -> None:
        """Read both modes' sessions (a week, and the filtered range); ``refreshed`` once both
        are shown."""
        self._awaited = (self._latest.start(), {self.agenda, self.list})
        self.agenda.refresh()
        self.list.refresh()

    def clear(self) -> None:
        """Drop every client detail shown (the app is locking)."""
        self._forget()
        self._awaited = None
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self._select_after_load = None
        self.deletion.forget()
        self.agenda.clear()
        self.list.clear()
        self._say("")
        self._update_actions()

    # -- locking (a Lockable: nothing typed here outlives a lock) -------------------------
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        return None

    def wipe_for_lock(self) -> None:
        self.clear()

    def _data_changed(self, kind: str) -> None:
        if kind not in REFRESH_ON:
            return
        self._say("")  # said of the data before this change (our own news follows the notice)
        if kind != practice_module.SESSIONS:
            self.list.mark_clients_stale()
        self.mark_stale()

    # -- modes and selection ------------------------------------------------------------------

    def set_mode(self, mode: int) -> None:
        self.modes.button(mode).setChecked(True)
        self.stack.setCurrentIndex(mode)
        (self.agenda.view if mode == WEEK else self.list.view).setFocus()
        self._update_actions()

    def selected_row(self) -> SessionRow | None:
        return (self.agenda if self.stack.currentIndex() == WEEK else self.list).selected_row()

    def _update_actions(self) -> None:
        row = self.selected_row()
        allowed = sessions.allowed_transitions(row.status) if row else frozenset()
        self.notes_action.setEnabled(row is not None)
        self.edit_action.setEnabled(row is not None)
        self.delete_action.setEnabled(row is not None)
        self.reschedule_action.setEnabled(row is not None and row.status != SessionStatus.COMPLETED)
        self.cancel_action.setEnabled(SessionStatus.CANCELLED in allowed)
        self.late_cancel_action.setEnabled(SessionStatus.LATE_CANCEL in allowed)
        self.no_show_action.setEnabled(SessionStatus.NO_SHOW in allowed)

    def _after_load(self, mode: SessionList | WeekAgenda) -> None:
        """Select a session just booked or changed in each mode that shows it; once the
        refresh after it is complete, the coach's own selection counts again."""
        pending = self._select_after_load
        if pending is not None and mode in pending[1] and mode.select_session(pending[0]):
            pending[1].discard(mode)
        self._update_actions()
        if self._awaited is not None and self._latest.holds(self._awaited[0]):
            self._awaited[1].discard(mode)
            if not self._awaited[1]:
                self._awaited = None
                self._select_after_load = None
                self.refreshed.emit()

    # -- actions --------------------------------------------------------------------------------

    def take_notes(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.practice.open_session_notes.emit(row.id)

    def set_status(self, status: SessionStatus) -> None:
        row = self.selected_row()
        if row is None or status not in sessions.allowed_transitions(row.status):
            return
        session_id = row.id
        self.practice.write(
            lambda db: sessions.set_status(db, session_id, status),
            lambda _result: self._say(
                _("{client}, {when}: marked {status}.").format(
                    client=row.client_name, when=self._when(row), status=words.label(status)
                )
            ),
            changes=practice_module.SESSIONS,
            parent=self,
        )

    def reschedule(self) -> None:
        row = self.selected_row()
        if row is None or row.status == SessionStatus.COMPLETED:
            return
        dialog = RescheduleDialog(self.practice, row, self)
        dialog.rescheduled.connect(lambda saved: self._booked(saved, dialog.start_day))
        self._open(dialog)

    def edit_session(self) -> None:
        """Open the correction dialog of the selected session."""
        row = self.selected_row()
        if row is None:
            return
        dialog = EditSessionDialog(self.practice, row, self)
        dialog.edited.connect(lambda saved: self._edited(saved, dialog))
        self._open(dialog)

    def _edited(self, saved: Saved, dialog: EditSessionDialog) -> None:
        fields = dialog.fields()
        day = fields.starts_at.astimezone(self.practice.zone).date() if fields else None
        self._booked(saved, day, _("Session saved."))

    def delete_session(self) -> None:
        """Delete the selected session (asked first when notes would be lost)."""
        row = self.selected_row()
        if row is not None:
            self.deletion.delete(row)

    def _deleted(self, text: str) -> None:
        self._say(text)
        self.undo_button.setVisible(self.deletion.can_undo)

    def _restored(self, session_id: int) -> None:
        self._select_after_load = (session_id, {self.agenda, self.list})
        self._say(_("Session restored."))

    def schedule_session(self, client_id: int | None = None) -> None:
        """Open the booking dialog, for ``client_id`` or with the client to choose."""
        dialog = ScheduleDialog(self.practice, client_id, self)
        dialog.scheduled.connect(lambda saved: self._booked(saved, dialog.start_day))
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _booked(self, saved: Saved, start_day: date | None, text: str = "") -> None:
        """Select the booked session in both modes, staying in the one the coach is in (the
        week and the list's dates move to show it), and say so, with any warnings."""
        self._select_after_load = (saved.id, {self.agenda, self.list})
        if start_day is not None:
            self.list.include_day(start_day)
            if week_start(start_day) != self.agenda.first_day:
                self.agenda.show_week(start_day)  # the change notice's refresh read the old week
        if saved.warnings:
            self._say(" ".join(saved.warnings), warning=True)
        else:
            self._say(text or _("Session booked."))

    def _say(self, text: str, *, warning: bool = False) -> None:
        """Tell the coach what just happened; an empty text clears it, and the undo with it."""
        look.tint(self.message, look.Colour.WARNING if warning else None)
        self.message.setText(text)
        if not text:
            self.deletion.drop_undo()
            self.undo_button.hide()

    def _when(self, row: SessionRow) -> str:
        local = row.starts_at.astimezone(self.practice.zone)
        return f"{format_date(local)} {format_time(local)}"
