"""Today, the first screen: today's and this week's sessions, notes still to write, overdue
invoices, last month's sessions still to invoice, overdue action items, follow-ups, agreements
awaiting signature and engagements ending.

Each section is a short list (the service caps them), shown as a compact table whose rows act
on Enter: a session opens its notes, anything else opens its client. Empty sections fold to one
calm line. The rows are read and worded on a worker (``gather``), refreshed when what they show
changes and every few minutes, so the day rolls over on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGridLayout, QScrollArea, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from coachdesk import words
from coachdesk.formatting import (
    format_date,
    format_day_month,
    format_money,
    format_time,
    format_weekday_day_month,
)
from coachdesk.i18n import _, ngettext
from coachdesk.services.overviews import today
from coachdesk.services.people import profile
from coachdesk.services.progress import actions
from coachdesk.services.rights.requests import RequestRow
from coachdesk.services.sessions import sessions
from coachdesk.ui.features.today.lines_model import Line
from coachdesk.ui.features.today.section import Section
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.page import Page
from coachdesk.ui.kit.practice import Practice

REFRESH_MS = 5 * 60 * 1000
SHOWN_KINDS = {kinds.SESSIONS, kinds.ACTIONS, kinds.CLIENTS, kinds.AGREEMENTS, kinds.ENGAGEMENTS}
SHOWN_KINDS |= {kinds.PROFILE, kinds.INVOICES, kinds.EVERYTHING}
# name, title, what an empty section says, whether its rows are sessions (Enter opens notes)
SECTIONS = (
    ("today", lambda: _("Today"), lambda: _("No sessions today."), True),
    ("week", lambda: _("This week"), lambda: _("Nothing else this week."), True),
    ("notes_missing", lambda: _("Notes missing"), lambda: _("All notes are written."), True),
    ("invoices", lambda: _("Overdue invoices"), lambda: _("No invoice overdue."), False),
    (
        "to_invoice",
        lambda: _("Last month, not invoiced yet"),
        lambda: _("Last month's sessions are all invoiced."),
        False,
    ),
    ("overdue", lambda: _("Overdue action items"), lambda: _("Nothing overdue."), False),
    ("follow_ups", lambda: _("Follow-ups due"), lambda: _("No follow-ups due."), False),
    (
        "signatures",
        lambda: _("Awaiting signature"),
        lambda: _("Nothing awaiting signature."),
        False,
    ),
    ("ending", lambda: _("Engagements ending"), lambda: _("No engagements ending soon."), False),
    (
        "access",
        lambda: _("Access requests"),
        lambda: _("No access request to answer."),
        False,
    ),
)


@dataclass(frozen=True)
class TodayView:
    day: date
    now: datetime
    coach_name: str
    lines: dict[str, list[Line]]  # by section name


def gather(db: Session, now: datetime, zone: ZoneInfo) -> TodayView:
    """Worker side: the service's lists, worded for the page in the coach's time zone."""
    data = today.today(db, now, zone)
    start = datetime.combine(data.today, time(), tzinfo=zone)
    known = sessions.list_sessions(db, start=start, end=start + timedelta(days=8))
    if data.notes_missing:
        known += sessions.list_sessions(db, start=now - today.NOTES_LOOKBACK, end=now)
    written = {s.id for s in known if s.has_notes}

    def session(row: today.SessionRow, when: str, last: str) -> Line:
        number = today.session_number(row)
        return Line(row.id, row.client_id, (when, row.client_name, number, last), row.starts_at)

    def clock(row: today.SessionRow) -> str:
        return format_time(row.starts_at.astimezone(zone))

    def day_and_clock(row: today.SessionRow) -> str:
        local = row.starts_at.astimezone(zone)
        return f"{_weekday(local.date())} {format_time(local)}"

    def state(row: today.SessionRow) -> str:
        return _("Notes written") if row.id in written else words.label(row.status)

    lines = {
        "today": [session(r, clock(r), state(r)) for r in data.sessions_today],
        "week": [
            session(r, day_and_clock(r), words.label(r.mode)) for r in data.sessions_this_week
        ],
        "notes_missing": [
            session(r, day_and_clock(r), words.label(r.status)) for r in data.notes_missing
        ],
        "invoices": [
            Line(
                i.id,
                i.client_id,
                (
                    i.number,
                    i.client_name,
                    format_money(i.balance, i.currency),
                    _overdue(i.days_overdue),
                ),
            )
            for i in data.overdue_invoices
        ],
        "to_invoice": [
            Line(u.client_id, u.client_id, (u.client_name, _sessions(u.sessions)))
            for u in data.uninvoiced_last_month
        ],
        "overdue": [
            Line(a.id, a.client_id, (a.client_name, a.text, _overdue(a.days_overdue)))
            for a in data.overdue_actions
        ],
        "follow_ups": [
            Line(f.id, f.client_id, (f.client_name, f.reason, _due(f.due_on, data.today)))
            for f in data.follow_ups_due
        ],
        "signatures": [
            Line(a.id, a.client_id, (a.client_name, a.title, _waiting(a)))
            for a in data.awaiting_signature
        ],
        "ending": [
            Line(e.id, e.client_id, (e.client_name, e.title, _ends(e)))
            for e in data.engagements_ending
        ],
        "access": [_access_line(r, data.today) for r in data.access_requests_open],
    }
    return TodayView(data.today, now, profile.profile_fields(db).name, lines)


def _access_line(row: RequestRow, on: date) -> Line:
    """ "Access request from Zoë Okafor", "due 20 Dec": red once the month has passed."""
    who = row.client_name or _("an erased client")
    text = _("Access request from {name}").format(name=who)
    late = row.overdue(on)
    due = _overdue(max((on - row.due_on).days, 1)) if late else _due(row.due_on, on)
    return Line(row.id, row.client_id or 0, (text, due), alert=late)


def _weekday(day: date) -> str:
    return format_weekday_day_month(day)


def _days(n: int) -> str:
    return ngettext("{n} day", "{n} days", n).format(n=n)


def _sessions(n: int) -> str:
    return ngettext("{n} session", "{n} sessions", n).format(n=n)


def _overdue(days: int) -> str:
    return _("{days} overdue").format(days=_days(days))


def _due(day: date, on: date) -> str:
    return _("due today") if day == on else _("due {date}").format(date=format_day_month(day))


def _waiting(row: today.AgreementRow) -> str:
    if row.sent_on is None or row.days_waiting is None:
        return _("sent")
    return _("sent {date} · {days}").format(
        date=format_day_month(row.sent_on), days=_days(row.days_waiting)
    )


def _ends(row: today.EngagementRow) -> str:
    if row.sessions_used_up and row.planned_sessions:
        n = row.planned_sessions
        return ngettext("the {n} session held", "all {n} sessions held", n).format(n=n)
    return _("ends {date}").format(date=format_day_month(row.end_date)) if row.end_date else ""


class TodayPage(Page):
    """The first screen. Enter on a row opens it; Ctrl+D marks an action or follow-up done.
    ``retention_requested`` asks the window for the retention review."""

    retention_requested = Signal()

    def __init__(
        self,
        practice: Practice,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(practice, parent)
        self.clock = clock
        self.view_data: TodayView | None = None
        self._last_session_section: Section | None = None
        self._done_in: tuple[Section, int] | None = None  # where the last Ctrl+D was
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.greeting = look.heading(_("Today"))
        self.date_line = look.note("")
        self.retention_button = look.link_button(_("Retention review…"))
        self.retention_button.setToolTip(
            _("Clients whose records are past the retention period: keep, anonymise or erase")
        )
        self.retention_button.clicked.connect(self.retention_requested.emit)
        self.sections = {
            name: self._section(title(), empty(), notes=notes)
            for name, title, empty, notes in SECTIONS
        }
        self.overdue, self.follow_ups = self.sections["overdue"], self.sections["follow_ups"]
        self.done_action = QAction(_("Mark done"), self)
        self.done_action.setShortcut(QKeySequence("Ctrl+D"))
        self.done_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.done_action.triggered.connect(lambda *_a: self.mark_done())
        self.addAction(self.done_action)
        for done_section in (self.overdue, self.follow_ups):
            button = look.link_button(_("Mark done (Ctrl+D)"))
            button.setToolTip(_("Marks the selected row done"))
            button.clicked.connect(lambda *_a, s=done_section: self.mark_done(s))
            done_section.add_button(button)
        self._build_layout()
        practice.changed.connect(self._changed)
        lockable.register(self)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.mark_stale)
        self._timer.start()

    def _section(self, title: str, empty: str, *, notes: bool = False) -> Section:
        made = Section(title, empty, opens_notes=notes)
        made.view.activated.connect(lambda index, s=made: self._activate(s, index))
        if notes:
            made.view.selectionModel().currentChanged.connect(
                lambda *_a, s=made: setattr(self, "_last_session_section", s)
            )
        return made

    def _build_layout(self) -> None:
        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(look.SPACING * 2, look.SPACING * 2, look.SPACING * 2, look.SPACING)
        grid.setHorizontalSpacing(look.SPACING * 3)
        grid.addWidget(self.greeting, 0, 0, 1, 2)
        grid.addWidget(self.retention_button, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.date_line, 1, 0, 1, 2)
        grid.setRowMinimumHeight(2, look.SPACING)
        shown = list(self.sections.values())
        for column, sections in enumerate((shown[:5], shown[5:])):  # sessions and money first
            stack = QVBoxLayout()
            for each in sections:
                stack.addWidget(each)
            stack.addStretch(1)
            grid.addLayout(stack, 3, column)
            grid.setColumnStretch(column, 1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # -- data -------------------------------------------------------------------------------
    def _load(self) -> None:
        """Reload on a worker; a result older than the latest request (or a clear) is dropped."""
        now, zone = self.clock(), self.practice.zone
        self._read(lambda db: gather(db, now, zone), self._show)

    def _show(self, view: TodayView) -> None:
        self.view_data = view
        hour = view.now.astimezone(self.practice.zone).hour
        greeting = _("Good morning") if hour < 12 else _("Good afternoon")
        greeting = _("Good evening") if hour >= 18 else greeting
        self.greeting.setText(f"{greeting}, {view.coach_name}" if view.coach_name else greeting)
        count = len(view.lines["today"])
        sessions_text = ngettext("{n} session today", "{n} sessions today", count).format(n=count)
        self.date_line.setText(f"{format_date(view.day)} · {sessions_text}")
        for name, section in self.sections.items():
            section.show_lines(view.lines[name])
        self._refocus_after_done()

    def clear(self) -> None:
        """Drop every client detail shown (the app is locking); late results are dropped too."""
        self._forget()
        self.view_data = None
        self._last_session_section = None
        self.greeting.setText(_("Today"))
        self.date_line.clear()
        for section in self.sections.values():
            section.show_lines([])

    # -- locking (a Lockable: nothing typed here outlives a lock) -------------------------
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        return None

    def wipe_for_lock(self) -> None:
        self.clear()

    def _changed(self, kind: str) -> None:
        if kind in SHOWN_KINDS:
            self.mark_stale()  # one reload for a burst

    # -- acting on rows ---------------------------------------------------------------------
    def _activate(self, section: Section, index: QModelIndex) -> None:
        line = section.model.lines[index.row()]
        if section.opens_notes:
            self.practice.open_session_notes.emit(line.id)
        elif line.client_id:
            self.practice.open_client.emit(line.client_id)

    def mark_done(self, section: Section | None = None) -> None:
        """Mark the current overdue action item or follow-up done (Ctrl+D where it has focus)."""
        if section is None:
            section = next((s for s in (self.overdue, self.follow_ups) if s.view.hasFocus()), None)
        line = section.current() if section is not None else None
        if line is None:
            return
        done = actions.mark_done if section is self.overdue else actions.mark_follow_up_done
        self._done_in = (section, section.view.currentIndex().row())
        self.practice.write(
            lambda db: done(db, line.id), lambda _r: None, changes=kinds.ACTIONS, parent=self
        )

    def _refocus_after_done(self) -> None:
        """Stay on the list just worked through (the next item), never on a neighbouring list
        where another Ctrl+D would act on a row the coach did not choose."""
        if self._done_in is None:
            return
        section, row = self._done_in
        self._done_in = None
        count = len(section.model.lines)
        if count:
            section.view.setFocus()
            section.view.setCurrentIndex(section.model.index(min(row, count - 1), 0))
        else:
            self.setFocus()

    def selected_session_id(self) -> int | None:
        """The session meant by "the notes of the session that just happened": the selected
        session row if any, else the latest session today that has started, else the most
        recent one still without notes."""
        focused = [s for s in self.sections.values() if s.opens_notes and s.view.hasFocus()]
        for section in [*focused, self._last_session_section]:
            line = section.current() if section is not None else None
            if line is not None:
                return line.id
        if self.view_data is None:
            return None
        now = self.view_data.now
        lines = self.view_data.lines
        started = [s for s in lines["today"] if s.starts_at and s.starts_at <= now]
        if started:
            return started[-1].id
        missing = lines["notes_missing"]
        return missing[0].id if missing else None
