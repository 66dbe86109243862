"""The notes editor's fields, where they sit, and how a ``NotesState`` goes in and out of them:
who and when on top, the notes on the left (they get the room), action items and measures on
the right, the saved mark and buttons at the bottom.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coachdesk import words
from coachdesk.formatting import format_date, format_minutes, format_time
from coachdesk.i18n import _
from coachdesk.services.sessions.sessions import SessionDetail
from coachdesk.ui.features.notes.actions_box import ActionsBox
from coachdesk.ui.features.notes.held_box import HeldBox
from coachdesk.ui.features.notes.prep_box import PrepBox
from coachdesk.ui.features.notes.ratings_box import RatingsBox
from coachdesk.ui.features.notes.sections_box import SectionsBox
from coachdesk.ui.features.notes.state import Loaded, NotesState
from coachdesk.ui.kit import look

RIGHT_WIDTH = 390


class Body(QWidget):
    """The editor's fields and buttons, laid out; disabled until the session has loaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = look.heading(_("Loading…"), scale=1.3)
        self.facts = look.note("")
        self.agenda = QLineEdit()
        self.agenda.setPlaceholderText(_("What the client wanted to work on"))
        self.agenda.setAccessibleName(_("Focus of the session"))
        self.sections = SectionsBox()
        self.actions_box = ActionsBox()
        self.ratings = RatingsBox()
        self.held = HeldBox()
        self.prep = PrepBox()
        self.saved_mark = look.note("")
        self.pdf_button = QPushButton(_("Session summary PDF…"))
        self.save_button = QPushButton(_("Save"))
        self.save_close_button = QPushButton(_("Save and close"))
        self.save_close_button.setDefault(True)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(look.SPACING * 2, look.SPACING, look.SPACING * 2, look.SPACING)
        outer.setSpacing(look.SPACING)
        head = QVBoxLayout()
        head.setSpacing(2)
        head.addWidget(self.heading)
        head.addWidget(self.facts)
        outer.addLayout(head)
        outer.addLayout(self._columns(), 1)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        outer.addWidget(line)
        footer = QHBoxLayout()
        footer.addWidget(self.saved_mark, 1)
        for button in (self.pdf_button, self.save_button, self.save_close_button):
            footer.addWidget(button)
        outer.addLayout(footer)

    def _columns(self) -> QLayout:
        focus_label = QLabel(_("&Focus"))
        focus_label.setBuddy(self.agenda)
        focus_row = QHBoxLayout()
        focus_row.addWidget(focus_label)
        focus_row.addWidget(self.agenda, 1)
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addLayout(focus_row)
        left.addSpacing(4)
        left.addWidget(self.sections, 1)

        right_content = QWidget()
        right = QVBoxLayout(right_content)
        right.setContentsMargins(0, 0, 8, 0)
        right.setSpacing(6)
        right.addWidget(self.prep)
        right.addWidget(self.actions_box)
        right.addSpacing(look.SPACING)
        right.addWidget(self.ratings)
        right.addSpacing(look.SPACING)
        right.addWidget(self.held)
        right.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(right_content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFixedWidth(RIGHT_WIDTH)

        columns = QHBoxLayout()
        columns.setSpacing(look.SPACING * 2)
        columns.addLayout(left, 1)
        columns.addWidget(scroll)
        return columns

    def show_session(self, detail: SessionDetail, zone: ZoneInfo) -> None:
        """``Amara Okafor`` over ``Session 3 of 8 · Leadership · 3 March 2026 at 14:00 · …``."""
        start = detail.starts_at.astimezone(zone)
        parts = []
        if detail.sequence and detail.planned:
            parts.append(
                _("Session {n} of {total}").format(n=detail.sequence, total=detail.planned)
            )
        elif detail.sequence:
            parts.append(_("Session {n}").format(n=detail.sequence))
        if detail.engagement_title:
            parts.append(detail.engagement_title)
        parts.append(_("{date} at {time}").format(date=format_date(start), time=format_time(start)))
        parts.append(format_minutes(detail.duration_minutes))
        parts.append(words.label(detail.status))
        self.heading.setText(detail.client_name)
        self.facts.setText(" · ".join(parts))

    def show_lists(self, loaded: Loaded, today: date) -> None:
        """Carried-forward and agreed actions, and the statuses this session may take."""
        self.actions_box.show_actions(loaded.carried.open_actions, loaded.agreed, today)
        self.ratings.show_status(loaded.status_choices(), self.ratings.status_value())

    def show_goals(self, loaded: Loaded) -> None:
        self.prep.show_preparation(loaded.preparation)
        self.held.show_participants(loaded.participants)
        self.ratings.show_goals(loaded.carried.active_goals)
        self.actions_box.show_due(loaded.due_on, loaded.due_is_next_session)
        chain_tabs([self.actions_box.new_actions, *self.ratings.sliders(), self.ratings.feedback])

    def read_state(self) -> NotesState:
        """Everything the fields hold now (the private notes in their own field only)."""
        state = NotesState(
            template=self.sections.template(),
            agenda=self.agenda.text(),
            sections=self.sections.texts(),
            private=self.sections.private.toPlainText(),
            actions_text=self.actions_box.actions_text(),
            done_ids=self.actions_box.done_ids(),
            ratings=self.ratings.ratings(),
            feedback_score=self.ratings.feedback_score(),
            feedback_comment=self.ratings.comment.text(),
            status=self.ratings.status_value(),
        )
        self.held.read_into(state)
        return state

    def show_state(self, state: NotesState) -> None:
        if self.agenda.text() != state.agenda:
            self.agenda.setText(state.agenda)
        self.sections.set_notes(state.template, state.sections, state.private)
        self.actions_box.set_actions_text(state.actions_text)
        self.actions_box.set_done(state.done_ids)
        self.ratings.set_ratings(state.ratings)
        self.ratings.set_feedback(state.feedback_score, state.feedback_comment)
        self.ratings.set_status(state.status)
        self.held.set_held(state)


def chain_tabs(widgets: Sequence[QWidget]) -> None:
    """Tab through ``widgets`` in this order (sliders are made after the fields around them)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
