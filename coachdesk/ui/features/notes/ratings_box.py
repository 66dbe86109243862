"""Progress on the client's active goals (0-10 sliders), the client's feedback and the session's
status: the measured part of the minute after the call.

A slider starts at the goal's latest score; only goals whose slider was moved are rated, so an
untouched goal adds no made-up point to its progress chart. A goal never rated has no score to
start at: its slider is greyed until the coach moves it, so its resting place (the baseline)
does not read as a score.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGraphicsOpacityEffect,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from coachdesk import words
from coachdesk.i18n import _
from coachdesk.model import SessionStatus
from coachdesk.services.progress.goals import GoalRow
from coachdesk.ui.features.notes.actions_box import subheading
from coachdesk.ui.kit import look

UNRATED_OPACITY = 0.35


class _GoalSlider:
    """One goal's row: title, slider and the number, marked once rated today."""

    def __init__(
        self, goal: GoalRow, grid: QGridLayout, row: int, on_change: Callable[[], None]
    ) -> None:
        self.goal = goal
        self.rated = False
        start = goal.latest_score if goal.latest_score is not None else goal.baseline or 0
        self.title = QLabel(goal.title)
        self.title.setWordWrap(True)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 10)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setValue(start)
        self.slider.setAccessibleName(_("Progress on {goal}").format(goal=goal.title))
        self.faded = QGraphicsOpacityEffect(self.slider)  # greys the slider while unrated
        self.faded.setOpacity(UNRATED_OPACITY)
        self.slider.setGraphicsEffect(self.faded)
        self.value = QLabel()
        self.value.setMinimumWidth(self.value.fontMetrics().horizontalAdvance("10 · today") + 8)
        self.title.setBuddy(self.slider)
        grid.addWidget(self.title, row, 0, 1, 2)
        grid.addWidget(self.slider, row + 1, 0)
        grid.addWidget(self.value, row + 1, 1)
        self.slider.valueChanged.connect(self._moved)
        self.slider.valueChanged.connect(lambda _value: on_change())
        self.slider.sliderPressed.connect(lambda: self._moved(self.slider.value()))
        self.slider.sliderPressed.connect(on_change)
        self._show()

    def _moved(self, _value: int) -> None:
        self.rated = True
        self._show()

    def set_rated(self, score: int | None) -> None:
        if score is not None:
            self.slider.blockSignals(True)
            self.slider.setValue(score)
            self.slider.blockSignals(False)
        self.rated = score is not None
        self._show()

    def _show(self) -> None:
        value = self.slider.value()
        font = self.value.font()
        font.setWeight(QFont.Weight.DemiBold if self.rated else QFont.Weight.Normal)
        self.value.setFont(font)
        self.faded.setEnabled(not self.rated and self.goal.latest_score is None)
        if self.rated:
            self.value.setText(_("{n} · today").format(n=value))
            self.value.setToolTip(_("Recorded for this session when you save"))
        elif self.goal.latest_score is None:
            self.value.setText(_("not rated"))
            self.value.setToolTip(_("Move the slider to record a first score"))
        else:
            self.value.setText(_("{n} · last").format(n=value))
            self.value.setToolTip(_("The latest score; move the slider to rate it today"))


class RatingsBox(QWidget):
    """Goal sliders, feedback (1-5 and a comment) and status; ``changed`` on any change."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._goals: list[_GoalSlider] = []
        self.goals_area = QWidget()
        self.goal_grid = QGridLayout(self.goals_area)
        self.goal_grid.setContentsMargins(0, 0, 0, 0)
        self.goal_grid.setVerticalSpacing(2)
        self.goal_grid.setColumnStretch(0, 1)
        self.no_goals = look.note(_("No active goals yet."))
        self.goals_hint = look.note(_("Move a slider (arrow keys) to rate progress today, 0-10."))

        self.feedback = QComboBox()
        self.feedback.addItem(_("No score"), None)
        for score in range(1, 6):
            self.feedback.addItem(f"{score} / 5", score)
        self.feedback.setAccessibleName(_("Client feedback score"))
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(_("What the client said about the session"))
        self.comment.setAccessibleName(_("Client feedback comment"))
        self.status = QComboBox()
        self.status.setAccessibleName(_("Session status"))
        self.feedback.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.comment.textEdited.connect(lambda _t: self.changed.emit())
        self.status.currentIndexChanged.connect(lambda _i: self.changed.emit())

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(_("&Score"), self.feedback)
        form.addRow(_("C&omment"), self.comment)
        session_form = QFormLayout()
        session_form.setContentsMargins(0, 0, 0, 0)
        session_form.addRow(_("S&tatus"), self.status)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(subheading(_("Progress")))
        layout.addWidget(self.goals_hint)
        layout.addWidget(self.goals_area)
        layout.addWidget(self.no_goals)
        layout.addSpacing(look.SPACING // 2)
        layout.addWidget(subheading(_("Client feedback")))
        layout.addLayout(form)
        layout.addSpacing(look.SPACING // 2)
        layout.addWidget(subheading(_("Session")))
        layout.addLayout(session_form)

    def show_goals(self, goals: Iterable[GoalRow]) -> None:
        self._clear_goals()
        for goal in goals:
            row = 2 * len(self._goals)
            self._goals.append(_GoalSlider(goal, self.goal_grid, row, self.changed.emit))
        self.goals_area.setVisible(bool(self._goals))
        self.goals_hint.setVisible(bool(self._goals))
        self.no_goals.setVisible(not self._goals)

    def sliders(self) -> list[QSlider]:
        return [g.slider for g in self._goals]

    def ratings(self) -> dict[int, int]:
        return {g.goal.id: g.slider.value() for g in self._goals if g.rated}

    def set_ratings(self, ratings: dict[int, int]) -> None:
        for g in self._goals:
            g.set_rated(ratings.get(g.goal.id))

    def show_status(self, choices: list[SessionStatus], current: SessionStatus) -> None:
        self.status.blockSignals(True)
        self.status.clear()
        for status in choices:
            self.status.addItem(words.label(status), status.value)
        self.status.blockSignals(False)
        self.set_status(current)

    def set_status(self, status: SessionStatus) -> None:
        index = self.status.findData(status.value)
        if index >= 0:
            self.status.setCurrentIndex(index)

    def status_value(self) -> SessionStatus:
        value = self.status.currentData()
        return SessionStatus(value) if value else SessionStatus.COMPLETED

    def set_feedback(self, score: int | None, comment: str) -> None:
        index = self.feedback.findData(score) if score is not None else 0
        self.feedback.setCurrentIndex(max(index, 0))
        if comment != self.comment.text():
            self.comment.setText(comment)

    def feedback_score(self) -> int | None:
        value = self.feedback.currentData()
        return int(value) if value is not None else None

    def clear(self) -> None:
        self._clear_goals()
        self.comment.clear()
        self.feedback.setCurrentIndex(0)
        self.status.clear()

    def _clear_goals(self) -> None:
        for g in self._goals:
            for widget in (g.title, g.slider, g.value):
                self.goal_grid.removeWidget(widget)
                widget.deleteLater()
        self._goals = []
