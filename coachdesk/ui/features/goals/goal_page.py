"""One goal in full: where the client started, stands and aims, the ratings chart large,
milestones to tick off, and the action items linked to the goal; a rating recorded here, and
the goal deleted (after a confirmation: its ratings cannot come back).

Follows the page contract (``refresh``, ``clear``, ``mark_stale``) so the main window can host
it; ``goal_window.GoalWindow`` shows it in a window of its own, as the client page opens it.
Ticking a milestone writes at once through the practice; the action items are
``LinkedActions``'.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coachdesk import words
from coachdesk.formatting import format_date
from coachdesk.i18n import _, ngettext
from coachdesk.services.progress import goal_forms, goals
from coachdesk.services.progress.goal_forms import GoalDetail
from coachdesk.ui.features.goals.goal_dialog import GoalDialog
from coachdesk.ui.features.goals.goal_parts import ScoreTile, TickList, milestone_text, score_text
from coachdesk.ui.features.goals.linked_actions import LinkedActions
from coachdesk.ui.features.goals.rating_dialog import RatingDialog
from coachdesk.ui.kit import entries as parts
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.page import Page
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.kit.progress_chart import ProgressChart

REFRESH_KINDS = {kinds.GOALS, kinds.ACTIONS, kinds.SESSIONS, kinds.EVERYTHING}
CONTENT_WIDTH = 980


class GoalPage(Page):
    """``show_goal(id)`` fills it; ``back_requested`` when the coach asks to go back;
    ``deleted`` once the goal shown is gone."""

    back_requested = Signal()
    deleted = Signal()

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(practice, parent)
        self.goal_id: int | None = None
        self.detail: GoalDetail | None = None
        self.dialog: GoalDialog | None = None
        self.rating: RatingDialog | None = None
        self.confirm: QMessageBox | None = None
        self._build()
        self._enable(False)
        practice.changed.connect(self._changed)

    def _build(self) -> None:
        self.back_button = QPushButton(_("← Back"))
        self.back_button.clicked.connect(self.back_requested.emit)
        self.edit_button = QPushButton(_("Edit goal…"))
        self.edit_button.setToolTip(_("Edit the goal and its milestones (Ctrl+E)"))
        self.edit_button.setShortcut("Ctrl+E")
        self.edit_button.clicked.connect(self.edit_goal)
        self.rate_button = QPushButton(_("Record a rating…"))
        self.rate_button.clicked.connect(self.record_rating)
        self.delete_button = QPushButton(_("Delete goal…"))
        self.delete_button.clicked.connect(self.delete_goal)
        self.title = look.heading("")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = look.note("")
        self.tiles = {
            "baseline": ScoreTile(_("Baseline")),
            "latest": ScoreTile(_("Latest rating")),
            "target": ScoreTile(_("Target")),
        }
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.success = look.note("")
        self.chart = ProgressChart(large=True)
        self.chart.setObjectName("goal-chart-large")
        self.chart.setMinimumHeight(260)
        self.milestones = TickList(_("Tick a milestone (Space) when the client reaches it"))
        self.milestones.ticked.connect(self.set_milestone_done)
        self.no_milestones = look.note(_("No milestones yet: add them with Edit goal…"))
        self.linked = LinkedActions(self.practice)
        self.linked.write_failed.connect(self.refresh)
        self._layout()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(32, 16, 32, 4)
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        bar.addWidget(self.rate_button)
        bar.addWidget(self.delete_button)
        title = QHBoxLayout()
        title.addWidget(self.title, 1)
        title.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignVCenter)
        tiles = QHBoxLayout()
        tiles.setSpacing(look.SPACING)
        for key in ("baseline", "latest", "target"):
            tiles.addWidget(self.tiles[key])
        tiles.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(6)
        column.addLayout(title)
        column.addWidget(self.subtitle)
        column.addSpacing(look.SPACING)
        column.addLayout(tiles)
        column.addWidget(self.why)
        column.addWidget(self.success)
        column.addSpacing(look.SPACING)
        column.addWidget(look.heading(_("Ratings over time"), scale=1.15))
        column.addWidget(self.chart, 1)
        column.addSpacing(look.SPACING)
        column.addWidget(look.heading(_("Milestones"), scale=1.15))
        column.addWidget(self.no_milestones)
        column.addWidget(self.milestones)
        column.addSpacing(look.SPACING)
        column.addWidget(look.heading(_("Linked action items"), scale=1.15))
        column.addWidget(self.linked)
        column.addStretch(1)
        content = QWidget()
        content.setMaximumWidth(CONTENT_WIDTH)
        content.setLayout(column)
        holder = QWidget()
        around = QHBoxLayout(holder)
        around.setContentsMargins(32, 8, 32, 24)
        around.addWidget(content, 1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(bar)
        outer.addWidget(self.scroll, 1)

    # -- page contract --------------------------------------------------------------------
    def show_goal(self, goal_id: int) -> None:
        if goal_id != self.goal_id:
            self.clear()
            self.title.setText(_("Loading…"))
        self.goal_id = goal_id
        self.refresh()

    def _load(self) -> None:
        goal_id = self.goal_id
        if goal_id is not None:
            self._read(lambda db: goal_forms.goal_detail(db, goal_id), self._loaded, self._failed)

    def clear(self) -> None:
        """Forget the goal: every label, list and the chart are emptied (the app locks)."""
        self._forget()
        self.goal_id, self.detail = None, None
        for dialog in (self.dialog, self.rating):
            if dialog is not None:
                dialog.discard()
        if self.confirm is not None:
            self.confirm.reject()
        for label in (self.title, self.subtitle, self.why, self.success):
            label.clear()
        for tile in self.tiles.values():
            tile.value.setText("–")
        self.chart.clear()
        self.milestones.wipe()
        self.linked.wipe()
        self._enable(False)

    # -- what the coach can do ------------------------------------------------------------
    def edit_goal(self) -> GoalDialog | None:
        if self.detail is None:
            return None
        if self.dialog is not None:
            return self.dialog
        dialog = GoalDialog(self.practice, self.detail.fields.client_id, self, self.detail.id)
        dialog.finished.connect(self._dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def set_milestone_done(self, milestone_id: int, done: bool) -> None:
        work = goals.tick_milestone if done else goals.untick_milestone
        self.practice.write(
            lambda db: work(db, milestone_id),
            lambda _result: None,
            self._write_failed,
            changes=kinds.GOALS,
            parent=self,
        )

    def record_rating(self) -> RatingDialog | None:
        if self.detail is None:
            return None
        if self.rating is None:
            title = self.detail.fields.title
            self.rating = RatingDialog(self.practice, self.detail.id, title, self)
            self.rating.finished.connect(self._rating_finished)
            self.rating.open()
        return self.rating

    def _rating_finished(self, _result: int) -> None:
        rating, self.rating = self.rating, None
        if rating is not None:
            rating.deleteLater()

    def delete_goal(self) -> QMessageBox | None:
        """Ask first: the goal's ratings and milestones cannot be brought back."""
        detail = self.detail
        if detail is None or self.confirm is not None:
            return self.confirm
        ratings, milestones = len(detail.series), len(detail.milestones)
        text = " ".join(
            (
                _("Delete the goal “{title}”?").format(title=detail.fields.title),
                ngettext(
                    "Its {n} rating goes with it,", "Its {n} ratings go with it,", ratings
                ).format(n=ratings),
                ngettext("and its {n} milestone.", "and its {n} milestones.", milestones).format(
                    n=milestones
                ),
                _("This cannot be undone. Its action items stay, linked to no goal."),
            )
        )
        box = QMessageBox(QMessageBox.Icon.Warning, _("Delete goal"), text, parent=self)
        box.addButton(QMessageBox.StandardButton.Cancel)
        yes = box.addButton(_("Delete goal"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _r: self._confirmed(box.clickedButton() is yes, detail.id))
        self.confirm = box
        box.open()
        return box

    def _confirmed(self, yes: bool, goal_id: int) -> None:
        box, self.confirm = self.confirm, None
        if box is not None:
            box.deleteLater()
        if yes:
            self.practice.write(
                lambda db: goals.delete_goal(db, goal_id),
                self._deleted,
                self._write_failed,
                changes=kinds.GOALS,
                parent=self,
            )

    def _deleted(self, _result: None) -> None:
        if isValid(self):
            self.clear()
            self.deleted.emit()

    def _write_failed(self, exc: BaseException) -> None:
        if isValid(self):
            show_error(self, exc)
            self.refresh()

    def _dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    # -- showing --------------------------------------------------------------------------
    def _changed(self, kind: str) -> None:
        if kind in REFRESH_KINDS and self.goal_id is not None:
            self.mark_stale()

    def _failed(self, exc: BaseException) -> None:
        self.clear()
        show_error(self, exc)

    def _loaded(self, detail: GoalDetail) -> None:
        self.detail = detail
        data = detail.fields
        today = datetime.now(self.practice.zone).date()
        self.title.setText(data.title)
        about = [detail.client_name, words.label(data.status)]
        if data.target_date is not None:
            about.append(_("target date {date}").format(date=format_date(data.target_date)))
        self.subtitle.setText(parts.SEP.join(about))
        self.tiles["baseline"].value.setText(score_text(data.baseline))
        self.tiles["latest"].value.setText(score_text(detail.latest_score))
        self.tiles["target"].value.setText(score_text(data.target))
        self.why.setText(data.why)
        self.why.setVisible(bool(data.why))
        self.success.setText(
            _("Success looks like: {text}").format(text=data.success_measure)
            if data.success_measure
            else ""
        )
        self.success.setVisible(bool(data.success_measure))
        self.chart.set_series(detail.series, data.baseline, data.target)
        self.milestones.fill(
            [(m.id, milestone_text(m), m.done_on is not None) for m in detail.milestones]
        )
        self.no_milestones.setVisible(not detail.milestones)
        self.linked.fill(detail, today)
        self._enable(True)

    def _enable(self, on: bool) -> None:
        for widget in (self.edit_button, self.rate_button, self.delete_button, self.linked):
            widget.setEnabled(on)
