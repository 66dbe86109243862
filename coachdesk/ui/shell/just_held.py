"""Ctrl+Shift+N, the notes of the session that just happened: the session chosen on Today, else
the latest one that started in the last hours; with none, booking one instead."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QMainWindow
from sqlalchemy.orm import Session

from coachdesk.i18n import _
from coachdesk.services.sessions import sessions
from coachdesk.ui.features.today.today_page import TodayPage
from coachdesk.ui.kit.practice import Practice

JUST_HAPPENED = timedelta(hours=12)


def latest_started(db: Session, now: datetime) -> int | None:
    rows = sessions.list_sessions(
        db, start=now - JUST_HAPPENED, end=now, newest_first=True, limit=1
    )
    return rows[0].id if rows else None


def notes_for_session_just_held(
    window: QMainWindow,
    practice: Practice,
    today: TodayPage,
    open_notes: Callable[[int], None],
    book: Callable[[], None],
) -> None:
    chosen = today.selected_session_id()
    if chosen is not None:
        open_notes(chosen)
        return
    now = datetime.now(UTC)

    def found(session_id: int | None) -> None:
        if session_id is None:
            window.statusBar().showMessage(_("No session started in the last hours."), 6000)
            book()
        else:
            open_notes(session_id)

    practice.read(lambda db: latest_started(db, now), found, parent=window)
