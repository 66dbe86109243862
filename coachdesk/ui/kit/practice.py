"""The one route from a widget to the practice's data (as Anki's ``operations``).

Views never open database sessions themselves: they call ``read`` or ``write`` with a function
of a SQLAlchemy session (a service call), which runs on the thread pool in its own session;
the result comes back on the GUI thread. A write commits, then ``changed`` tells every view
which kind of data changed so each refreshes itself. Errors reach the user one way
(``show_error``) unless the caller handles them (e.g. to mark form fields).
Navigation requests (open a client, a session's notes, a goal, an engagement; a report or a
follow-up for a client) are signals here too, so views do not know about each other; the main
window routes them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from coachdesk.services.people import profile
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.tasks import Tasks
from coachdesk.vault import Vault

T = TypeVar("T")
Work = Callable[[Session], T]

CLIENTS = "clients"
SESSIONS = "sessions"
ACTIONS = "actions"
GOALS = "goals"
ENGAGEMENTS = "engagements"
AGREEMENTS = "agreements"
PROFILE = "profile"
SPONSORS = "sponsors"
INVOICES = "invoices"  # invoices, credit notes and payments
CAREER = "career"  # the coach's own mentor coaching, CCE and supervision logs
QUESTIONNAIRES = "questionnaires"  # the questionnaire templates
EVERYTHING = "everything"


class Practice(QObject):
    """The open vault as the views see it: reads, writes, change notices and navigation."""

    changed = Signal(str)  # one of the kinds above
    open_client = Signal(int)
    open_session_notes = Signal(int)
    new_session_for = Signal(int)  # a client id; 0 for "choose the client"
    open_goal = Signal(int)
    new_goal_for = Signal(int)  # a client id
    progress_report_for = Signal(int)  # a client id
    follow_up_for = Signal(int)  # a client id
    open_engagement = Signal(int)
    new_engagement_for = Signal(int)  # a client id
    questionnaires_for = Signal(int)  # a client id: the Questionnaires view, that client chosen
    zone_changed = Signal()  # the coach's time zone is another one now (``zone``)

    def __init__(self, vault: Vault | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.tasks = Tasks(self)
        self.zone = ZoneInfo("UTC")

    def set_vault(self, vault: Vault | None) -> None:
        """Point at the vault unlocked again (or None while locked: reads then do nothing)."""
        self.vault = vault

    def load_zone(self) -> None:
        """Read the coach's time zone once (views show every time in it)."""
        if self.vault is not None:
            with self.vault.session() as db:
                zone = profile.coach_zone(db)
            if zone != self.zone:
                self.zone = zone
                self.zone_changed.emit()

    def read(
        self,
        work: Work[T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        parent: QWidget | None = None,
    ) -> None:
        """Run ``work(db)`` on a worker in a read-only session; ``on_done(result)`` here."""
        vault = self.vault
        if vault is None:  # locked: nothing may be read
            return

        def job() -> T:
            with vault.session() as db:
                return work(db)

        self.tasks.run(job, on_done, on_error or (lambda exc: show_error(parent, exc)))

    def write(
        self,
        work: Work[T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        changes: str,
        parent: QWidget | None = None,
    ) -> None:
        """Run ``work(db)`` in one transaction on a worker; after the commit, announce
        ``changes`` and call ``on_done(result)`` on the GUI thread.
        """
        vault = self.vault
        if vault is None:
            return

        def job() -> T:
            with vault.session() as db, db.begin():
                return work(db)

        def done(result: Any) -> None:
            if changes:  # "" when only the result can tell (the caller announces it then)
                self.changed.emit(changes)
            on_done(result)

        self.tasks.run(job, done, on_error or (lambda exc: show_error(parent, exc)))

    def write_on_engine(
        self,
        work: Callable[[Engine], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        changes: str,
        parent: QWidget | None = None,
    ) -> None:
        """``write`` for work that owns its transactions (erasing a client purges the WAL,
        which cannot happen inside one)."""
        vault = self.vault
        if vault is None:
            return

        def done(result: Any) -> None:
            self.changed.emit(changes)
            on_done(result)

        self.tasks.run(
            lambda: work(vault.engine), done, on_error or (lambda exc: show_error(parent, exc))
        )

    def write_now(self, work: Work[T], *, changes: str) -> T:
        """Commit ``work(db)`` on the GUI thread: only for small writes that must not be lost
        if the app is closed this instant (a note draft)."""
        if self.vault is None:
            raise RuntimeError("the vault is locked")
        with self.vault.session() as db, db.begin():
            result = work(db)
        if changes:
            self.changed.emit(changes)
        return result

    def finish(self) -> None:
        """Wait for running work and drop its callbacks, before the vault closes."""
        self.tasks.wait()
        self.tasks.cancel_all()
