"""One client at a glance: who they are, their programmes, sessions, goals and what is open.

Everything comes from one worker call (the service's overview plus each goal's ratings), so the
page fills at once. Changing status, ticking off an action item and the buttons go out through
the practice (writes and navigation signals: the window opens a goal, an engagement, a report
or a follow-up); the page refreshes when the practice says so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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
from coachdesk.services.billing.balances import ClientMoney, client_money
from coachdesk.services.overviews import overview
from coachdesk.services.overviews.overview import ClientOverview
from coachdesk.services.people import clients
from coachdesk.services.progress import actions, goals
from coachdesk.services.questionnaires import forms
from coachdesk.services.questionnaires.forms import ReturnedForm
from coachdesk.ui.features.clients.access_pack_dialog import AccessPackDialog
from coachdesk.ui.features.clients.client_details import ClientDetails, Series
from coachdesk.ui.features.clients.client_dialog import ClientDialog
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.confirm_by_name import ConfirmByNameDialog, anonymise_dialog, erase_dialog
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.page import Page
from coachdesk.ui.kit.practice import Practice

REFRESH_KINDS = {
    kinds.CLIENTS,
    kinds.SESSIONS,
    kinds.ACTIONS,
    kinds.GOALS,
    kinds.ENGAGEMENTS,
    kinds.PROFILE,
    kinds.SPONSORS,
    kinds.INVOICES,
    kinds.EVERYTHING,
}
CONTENT_WIDTH = 980  # beyond this, lines of text get too long to read comfortably


Loaded = tuple[ClientOverview, Series, ClientMoney, list[ReturnedForm]]


def load(db: Any, client_id: int) -> Loaded:
    """The page's one read: the overview, every goal's ratings, the money and the
    questionnaires returned."""
    view = overview.client_overview(db, client_id)
    series = {goal.id: goals.progress_series(db, goal.id) for goal in view.goals}
    return view, series, client_money(db, client_id), forms.returned_forms(db, client_id)


MakeDialog = Callable[[Practice, int, str, QWidget | None], ConfirmByNameDialog]


class ClientPage(Page):
    """``show_client(id)`` fills it; ``back_requested`` asks the window for the list again;
    ``forgotten`` says the client left the page, so windows opened about them close too;
    ``erased`` after the client was erased (the page is back on the list by then)."""

    back_requested = Signal()
    forgotten = Signal()
    erased = Signal()

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(practice, parent)
        self.client_id: int | None = None
        self.view: ClientOverview | None = None
        self.dialog: ClientDialog | None = None
        self.eraser: ConfirmByNameDialog | None = None
        self.packer: AccessPackDialog | None = None
        self.details = ClientDetails()
        self.details.status_chosen.connect(self._status_chosen)
        self.details.session_opened.connect(self.practice.open_session_notes.emit)
        self.details.action_ticked.connect(self.mark_done)
        self.details.engagement_opened.connect(self.practice.open_engagement.emit)
        self.details.engagement_requested.connect(self.new_engagement)
        self.details.goal_opened.connect(self.practice.open_goal.emit)
        self.details.goal_requested.connect(self.new_goal)
        self.details.report_requested.connect(self.progress_report)
        self.details.follow_up_requested.connect(self.schedule_follow_up)
        self._build()
        self._enable(False)
        practice.changed.connect(self._changed)
        lockable.register(self)

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
        self.forms_button = QPushButton(_("Questionnaires…"))
        self.forms_button.setToolTip(_("Send this client a questionnaire, or import one returned"))
        self.forms_button.clicked.connect(self._questionnaires)
        self.erase_button = QPushButton(_("Erase…"))
        self.erase_button.setToolTip(_("Erase this client and every record about them, for good"))
        self.erase_button.clicked.connect(self.erase_client)
        self.anonymise_button = QPushButton(_("Anonymise…"))
        self.anonymise_button.setToolTip(
            _("Remove what identifies this client, keeping the dates and hours of their coaching")
        )
        self.anonymise_button.clicked.connect(self.anonymise_client)
        self.pack_button = QPushButton(_("Subject access pack…"))
        self.pack_button.setToolTip(_("Everything held about this client, for them, as a ZIP"))
        self.pack_button.clicked.connect(self.access_pack)
        # Alt+Left goes back; Ctrl+E (edit) is the main window's menu, calling edit_client().
        back = QShortcut(back_keys, self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back_requested.emit)
        bar = QHBoxLayout()
        bar.setContentsMargins(32, 16, 32, 4)
        bar.setSpacing(look.SPACING - 4)
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        bar.addWidget(self.pack_button)
        bar.addWidget(self.anonymise_button)
        bar.addWidget(self.erase_button)
        bar.addWidget(self.forms_button)
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

    def _load(self) -> None:
        client_id = self.client_id
        if client_id is not None:
            self._read(lambda db: load(db, client_id), self._loaded, self._failed)

    def clear(self) -> None:
        """Forget the client: every label, list and chart is emptied (the app locks)."""
        self._forget()
        self.client_id, self.view = None, None
        if self.dialog is not None:
            self.dialog.discard()  # finished: _dialog_finished deletes it
        self.forgotten.emit()
        self.details.clear()
        self._enable(False)

    # -- locking (a Lockable; the forms opened from here answer for their typed text) -----
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        return None

    def wipe_for_lock(self) -> None:
        """Forget the client, then ask for the client list again, so that an unlock does not
        open on an empty page."""
        self.clear()
        self.back_requested.emit()

    # -- what the coach can do ------------------------------------------------------------
    def _questionnaires(self) -> None:
        if self.client_id is not None:
            self.practice.questionnaires_for.emit(self.client_id)

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

    def erase_client(self) -> ConfirmByNameDialog | None:
        """Ask for the client's name, then erase them; the page goes back to the list."""
        return self._confirm_by_name(erase_dialog, self._erased)

    def anonymise_client(self) -> ConfirmByNameDialog | None:
        """Ask for the client's name, then anonymise them; the page shows what is left."""
        return self._confirm_by_name(anonymise_dialog, lambda: None)

    def _confirm_by_name(
        self, make: MakeDialog, then: Callable[[], None]
    ) -> ConfirmByNameDialog | None:
        if self.client_id is None or self.view is None:
            return None
        if self.eraser is None:
            name = self.view.client.display_name
            self.eraser = make(self.practice, self.client_id, name, self)
            self.eraser.completed.connect(then)
            self.eraser.finished.connect(self._eraser_finished)
            self.eraser.open()
        return self.eraser

    def _erased(self) -> None:
        self.clear()
        self.back_requested.emit()
        self.erased.emit()

    def _eraser_finished(self, _result: int) -> None:
        eraser, self.eraser = self.eraser, None
        if eraser is not None:
            eraser.deleteLater()

    def access_pack(self) -> AccessPackDialog | None:
        """Ask when and how the request came, then write the client's pack."""
        if self.client_id is None or self.view is None:
            return None
        if self.packer is None:
            name = self.view.client.display_name
            today = datetime.now(self.practice.zone).date()
            self.packer = AccessPackDialog(self.practice, self.client_id, name, today, self)
            self.packer.finished.connect(self._packer_finished)
            self.packer.open()
        return self.packer

    def _packer_finished(self, _result: int) -> None:
        packer, self.packer = self.packer, None
        if packer is not None:
            packer.deleteLater()

    def new_goal(self) -> None:
        if self.client_id is not None:
            self.practice.new_goal_for.emit(self.client_id)

    def progress_report(self) -> None:
        if self.client_id is not None:
            self.practice.progress_report_for.emit(self.client_id)

    def schedule_follow_up(self) -> None:
        if self.client_id is not None:
            self.practice.follow_up_for.emit(self.client_id)

    def new_engagement(self) -> None:
        """Ask for the engagement editor, for a new programme with this client."""
        if self.client_id is not None:
            self.practice.new_engagement_for.emit(self.client_id)

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
        if kind in REFRESH_KINDS and self.client_id is not None:
            self.mark_stale()

    def _failed(self, exc: BaseException) -> None:
        self.clear()
        show_error(self, exc)

    def _loaded(self, result: Loaded) -> None:
        view, series, money, returned = result
        self.view = view
        self.details.fill(view, series, self.practice.zone)
        self.details.money.fill(money)
        self.details.answers.fill(returned)
        self._enable(True)

    def _enable(self, on: bool) -> None:
        buttons = (
            self.edit_button,
            self.session_button,
            self.erase_button,
            self.anonymise_button,
            self.pack_button,
            self.forms_button,
        )
        for widget in (*buttons, self.details.status_button):
            widget.setEnabled(on)
