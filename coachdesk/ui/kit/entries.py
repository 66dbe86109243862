"""The pieces of the client page: how an engagement, session, goal or action reads, and the
small widgets that show them. A client has few of each (the overview caps sessions at 20), so
plain widgets are fine here; the long lists of the practice use models elsewhere.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk import words
from coachdesk.formatting import format_date, format_date_range, format_short_date, format_time
from coachdesk.i18n import _, ngettext
from coachdesk.model import EngagementStatus
from coachdesk.services.overviews.overview import EngagementSummary
from coachdesk.services.progress.actions import ActionRow, FollowUpRow
from coachdesk.services.progress.goals import GoalRow
from coachdesk.services.sessions.sessions import SessionRow
from coachdesk.ui.kit import look
from coachdesk.ui.kit.progress_chart import ProgressChart

MAX_VISIBLE_ROWS = 8  # taller lists scroll inside the page rather than push everything down
SEP = " · "
ITEM_SPACING = 3


def when_text(moment: datetime | None, zone: ZoneInfo, *, with_time: bool) -> str:
    """A session's start in the coach's zone: "3 Mar 2026, 14:30" (or just the date)."""
    if moment is None:
        return ""
    local = moment.astimezone(zone)
    if not with_time:
        return format_short_date(local)
    return _("{date}, {time}").format(date=format_short_date(local), time=format_time(local))


def usage_text(summary: EngagementSummary) -> str:
    """Where the programme stands: "next: session 5 of 8, 2 booked" while it runs with places
    left (late cancellations and no-shows use a place), else "8 of 8 sessions held"."""
    use, status = summary.usage, summary.engagement.status
    running = status in (EngagementStatus.ACTIVE, EngagementStatus.PROPOSED, EngagementStatus.DRAFT)
    if use.planned and use.remaining and running:
        text = _("next: session {n} of {total}").format(
            n=use.planned - use.remaining + 1, total=use.planned
        )
    elif use.planned:
        text = ngettext(
            "{n} of {total} session held", "{n} of {total} sessions held", use.planned
        ).format(n=use.held, total=use.planned)
    else:
        text = ngettext("{n} session held", "{n} sessions held", use.held).format(n=use.held)
    if use.scheduled:
        text += ", " + _("{n} booked").format(n=use.scheduled)
    return text


def engagement_details(summary: EngagementSummary) -> str:
    row = summary.engagement
    parts = [
        words.label(row.status),
        format_date_range(row.start_date, row.end_date),
        usage_text(summary),
    ]
    return SEP.join(part for part in parts if part)


def session_text(row: SessionRow, zone: ZoneInfo) -> str:
    """ "3 Mar 2026, 14:30 · Held · Leadership programme, session 5 of 8 · notes"."""
    parts = [when_text(row.starts_at, zone, with_time=True), words.label(row.status)]
    programme = row.engagement_title
    if row.sequence is not None:
        number = (
            _("session {n} of {total}").format(n=row.sequence, total=row.planned)
            if row.planned
            else _("session {n}").format(n=row.sequence)
        )
        programme = f"{programme}, {number}" if programme else number
    if programme:
        parts.append(programme)
    if row.has_notes:
        parts.append(_("notes"))
    return SEP.join(parts)


def due_text(due_on: date | None, today: date) -> str:
    if due_on is None:
        return ""
    if due_on < today:
        return _("overdue since {date}").format(date=format_short_date(due_on))
    if due_on == today:
        return _("due today")
    return _("due {date}").format(date=format_short_date(due_on))


def action_text(row: ActionRow, today: date) -> str:
    parts = [row.text, due_text(row.due_on, today)]
    if row.goal_title:
        parts.append(_("goal: {title}").format(title=row.goal_title))
    return SEP.join(part for part in parts if part)


def follow_up_text(row: FollowUpRow, today: date) -> str:
    when = format_short_date(row.due_on)
    if row.due_on < today:
        when = _("{date} (overdue)").format(date=when)
    return f"{when}{SEP}{row.reason}"


def goal_details(goal: GoalRow) -> str:
    scores = []
    if goal.baseline is not None:
        scores.append(_("baseline {n}").format(n=goal.baseline))
    if goal.latest_score is not None:
        scores.append(_("now {n}").format(n=goal.latest_score))
    if goal.target is not None:
        scores.append(_("target {n}").format(n=goal.target))
    parts = [words.label(goal.status), " → ".join(scores)]
    if goal.target_date is not None:
        parts.append(_("by {date}").format(date=format_date(goal.target_date)))
    if goal.milestones_total:
        parts.append(
            _("{done} of {total} milestones").format(
                done=goal.milestones_done, total=goal.milestones_total
            )
        )
    return SEP.join(part for part in parts if part)


def title_label(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def entry(title: str, details: str, side: QWidget | None = None) -> QWidget:
    """A title over a muted line of details, with an optional widget (a chart) beside."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 2, 0, 2)
    text = QVBoxLayout()
    text.setSpacing(2)
    text.addWidget(title_label(title))
    text.addWidget(look.note(details))
    text.addStretch(1)
    row.addLayout(text, 1)
    if side is not None:
        row.addWidget(side, 0, Qt.AlignmentFlag.AlignTop)
    return box


def goal_entry(
    goal: GoalRow, series: list[tuple[datetime, int]]
) -> tuple[QWidget, ProgressChart, QPushButton]:
    """A goal with its compact chart, and a link that opens the goal in full."""
    chart = ProgressChart()
    chart.setObjectName(f"goal-chart-{goal.id}")
    chart.set_series(series, goal.baseline, goal.target)
    opener = look.link_button(_("Open goal…"))
    opener.setObjectName(f"goal-open-{goal.id}")
    opener.setToolTip(_("The goal in full: its chart, milestones and linked action items"))
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 2, 0, 2)
    text = QVBoxLayout()
    text.setSpacing(2)
    text.addWidget(title_label(goal.title))
    text.addWidget(look.note(goal_details(goal)))
    text.addWidget(opener, 0, Qt.AlignmentFlag.AlignLeft)
    text.addStretch(1)
    row.addLayout(text, 1)
    row.addWidget(chart, 0, Qt.AlignmentFlag.AlignTop)
    return box, chart, opener


class CompactList(QListWidget):
    """A short list that grows with its rows (up to a few), so the page scrolls, not the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setUniformItemSizes(True)
        self.setSpacing(ITEM_SPACING)
        self.model().rowsInserted.connect(self.fit)
        self.model().rowsRemoved.connect(self.fit)
        self.model().modelReset.connect(self.fit)

    def fit(self) -> None:
        rows = min(max(self.count(), 1), MAX_VISIBLE_ROWS)
        row_height = self.sizeHintForRow(0) if self.count() else self.fontMetrics().height() + 4
        row_height += 2 * ITEM_SPACING
        self.setFixedHeight(rows * row_height + 2 * self.frameWidth() + ITEM_SPACING)


def empty_layout(layout: QLayout) -> None:
    """Remove and delete every widget of ``layout`` (client data must not linger hidden)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)  # gone from the page at once, not at the next event loop
            widget.deleteLater()
        elif item.layout() is not None:
            empty_layout(item.layout())
