"""One client at a glance: who they are, their programmes, sessions, goals and what is open.

Everything comes from one worker call (the service's overview plus each goal's ratings), so the
page fills at once. Changing status, ticking off an action item and the buttons go out through
the practice (writes and navigation signals); the page refreshes when the practice says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coachdesk.i18n import _
from coachdesk.model import ClientStatus
from coachdesk.services.overviews import overview
from coachdesk.services.overviews.overview import ClientOverview
from coachdesk.services.people import clients
from coachdesk.services.progress import actions, goals
from coachdesk.ui.features.clients.client_details import ClientDetails, Series
from coachdesk.ui.features.clients.client_dialog import ClientDialog
from coachdesk.ui.features.engagements import EngagementDialog
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.practice import Practice

REFRESH_KINDS = {
    kinds.CLIENTS,
    kinds.SESSIONS,
    kinds.ACTIONS,
    kinds.GOALS,
    kinds.ENGAGEMENTS,
    kinds.PROFILE,
    kinds.EVERYTHING,
}
CONTENT_WIDTH = 980  # beyond this, lines of text get too long to read comfortably


def load(db: Any, client_id: int) -> tuple[ClientOverview, Series]:
    """The page's one read: the overview and every goal's ratings."""
    view = overview.client_overview(db, client_id)
    return view, {goal.id: goals.progress_series(db, goal.id) for goal in view.goals}


class ClientPage(QWidget):
    """``show_client(id)`` fills it; ``back_requested`` asks the window for the list again."""

    back_requested = Signal()

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.client_id: int | None = None
        self.view: ClientOverview | None = None
        self.dialog: ClientDialog | None = None
        self._token = 0
        self._stale = False
        self.details = ClientDetails()
        self.details.status_chosen.connect(self._status_chosen)
        self.details.session_opened.connect(self.practice.open_session_notes.emit)
        self.details.action_ticked.connect(self.mark_done)
        self.details.engagement_opened.connect(self.edit_engagement)
        self.details.engagement_requested.connect(self.new_engagement)
        self.engagement_dialog: EngagementDialog | None = None
        # Imported here: the goal windows reuse this package's pieces (a cycle at import time).
        from coachdesk.ui.shell.progress_windows import ProgressWindows

        self.progress = ProgressWindows(practice, self)
        self.details.goal_opened.connect(self.progress.open_goal)
        self.details.goal_requested.connect(self.new_goal)
        self.details.report_requested.connect(self.progress_report)
        self.details.follow_up_requested.connect(self.schedule_follow_up)
        self._build()
        self._enable(False)
        practice.changed.connect(self._changed)

    def _build(self) -> None:
        self.back_button = QPushButton(_("← Clients"))
        back_keys = QKeySequence(QKeySequence.StandardKey.Back)
        self.back_button.setToolTip(
            _("Back to the client list ({keys})").format(
                keys=back_keys.toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.back_button.clicked.connect(self.back_requested.emit)
        self.edit_button = QPushButton(_("Edit…"))
        self.edit_button.setToolTip(_("Edit this client's details (Ctrl+E)"))
        self.edit_button.clicked.connect(self.edit_client)
        self.session_button = QPushButton(_("New session…"))
        self.session_button.setToolTip(_("Book a session with this client"))
        self.session_button.clicked.connect(self.new_session)
        # Alt+Left goes back; Ctrl+E (edit) is the main window's menu, calling edit_client().
        back = QShortcut(back_keys, self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back_requested.emit)
        bar = QHBoxLayout()
        bar.setContentsMargins(32, 16, 32, 4)
        bar.setSpacing(look.SPACING - 4)
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.session_button)
        self.details.setMaximumWidth(CONTENT_WIDTH)
        holder = QWidget()
        around = QHBoxLayout(holder)
        around.setContentsMargins(32, 8, 32, 24)
        around.addWidget(self.details, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(bar)
        outer.addWidget(self.scroll_area, 1)

    # -- page contract --------------------------------------------------------------------
    def show_client(self, client_id: int) -> None:
        """Load ``client_id`` on a worker; another client's details go at once."""
        if client_id != self.client_id:
            self.clear()
            self.details.name.setText(_("Loading…"))
            self.scroll_area.verticalScrollBar().setValue(0)
        self.client_id = client_id
        self.refresh()

    def refresh(self) -> None:
        if self.client_id is None:
            return
        self._token += 1
        self._stale = False
        token, client_id = self._token, self.client_id
        self.practice.read(
            lambda db: load(db, client_id),
            lambda result: self._loaded(token, result),
            lambda exc: self._failed(token, exc),
            parent=self,
        )

    def clear(self) -> None:
        """Forget the client: every label, list and chart is emptied (the app locks)."""
        self._token += 1
        self.client_id, self.view = None, None
        if self.dialog is not None:
            self.dialog.discard()  # finished: _dialog_finished deletes it
        if self.engagement_dialog is not None:
            self.engagement_dialog.discard()
        self.progress.discard_all()
        self.details.clear()
        self._enable(False)

    # -- what the coach can do ------------------------------------------------------------
    def edit_client(self) -> ClientDialog | None:
        """Open the edit dialog (Ctrl+E); the page refreshes when the client is saved."""
        if self.client_id is None or self.view is None:
            return None
        if self.dialog is not None:
            return self.dialog
        dialog = ClientDialog(self.practice, self, self.client_id)
        dialog.finished.connect(self._dialog_finished)  # bound: see ClientsPage.new_client
        self.dialog = dialog
        dialog.open()
        return dialog

    def has_unsaved_input(self) -> bool:
        """Whether a form opened from this page holds typed text that a lock would lose."""
        forms = (self.dialog, self.engagement_dialog)
        typed = any(form is not None and form.has_unsaved_input() for form in forms)
        return typed or self.progress.has_unsaved_input()

    def new_goal(self) -> None:
        if self.client_id is not None:
            self.progress.new_goal(self.client_id)

    def progress_report(self) -> None:
        if self.client_id is not None:
            self.progress.progress_report(self.client_id)

    def schedule_follow_up(self) -> None:
        if self.client_id is not None:
            self.progress.schedule_follow_up(self.client_id)

    def new_engagement(self) -> EngagementDialog | None:
        """The engagement editor for a new programme with this client."""
        if self.client_id is None:
            return None
        return self._open_engagement(client_id=self.client_id)

    def edit_engagement(self, engagement_id: int) -> EngagementDialog | None:
        return self._open_engagement(engagement_id=engagement_id)

    def _open_engagement(self, **which: int) -> EngagementDialog:
        if self.engagement_dialog is not None:
            return self.engagement_dialog
        dialog = EngagementDialog(self.practice, self, **which)
        dialog.finished.connect(self._engagement_dialog_finished)
        self.engagement_dialog = dialog
        dialog.open()
        return dialog

    def _engagement_dialog_finished(self, _result: int) -> None:
        dialog, self.engagement_dialog = self.engagement_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def new_session(self) -> None:
        if self.client_id is not None:
            self.practice.new_session_for.emit(self.client_id)

    def change_status(self, status: ClientStatus) -> None:
        client_id = self.client_id
        if client_id is None:
            return
        self.practice.write(
            lambda db: clients.change_status(db, client_id, status),
            lambda _result: None,
            changes=kinds.CLIENTS,
            parent=self,
        )

    def mark_done(self, action_id: int) -> None:
        self.practice.write(
            lambda db: actions.mark_done(db, action_id),
            lambda _result: None,
            self._write_failed,
            changes=kinds.ACTIONS,
            parent=self,
        )

    def _write_failed(self, exc: BaseException) -> None:
        if isValid(self):
            show_error(self, exc)
            self.refresh()

    def _dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _status_chosen(self, value: str) -> None:
        self.change_status(ClientStatus(value))

    # -- showing --------------------------------------------------------------------------
    def _changed(self, kind: str) -> None:
        """Reload now if shown; when hidden, on the next ``show_client`` or show."""
        if kind not in REFRESH_KINDS or self.client_id is None:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _failed(self, token: int, exc: BaseException) -> None:
        if token == self._token and isValid(self):
            self.clear()
            show_error(self, exc)

    def _loaded(self, token: int, result: tuple[ClientOverview, Series]) -> None:
        if token != self._token or not isValid(self):
            return  # another client was asked for meanwhile, or the page was cleared
        view, series = result
        self.view = view
        self.details.fill(view, series, self.practice.zone)
        self._enable(True)

    def _enable(self, on: bool) -> None:
        for widget in (self.edit_button, self.session_button, self.details.status_button):
            widget.setEnabled(on)
