"""Recording a 0-10 rating of a goal from its page, with an optional note.

A rating made at a session is recorded from the session's notes; this one is dated now, as a
check-in between sessions would be. Typed notes make a lock wait (a ``FormDialog``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.services.people.clients import Saved
from coachdesk.services.progress import goals
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.dates import ScoreSpin, error_label, show_message
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.form_dialog import FormDialog
from coachdesk.ui.kit.practice import Practice


class RatingDialog(FormDialog):
    """A new rating of ``goal_id``; Save stays disabled until a score is chosen."""

    def __init__(
        self, practice: Practice, goal_id: int, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.goal_id = goal_id
        self.setWindowTitle(_("Record a rating"))
        self.setMinimumWidth(420)
        self.score = ScoreSpin()
        self.score.setToolTip(_("Where the client stands today on “{goal}”").format(goal=title))
        self.score.valueChanged.connect(self._edited)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(_("What the client said about it (optional)"))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 16)
        self.note.textChanged.connect(self._edited)
        self.error = error_label("score")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("Rating"), self.score)
        form.addRow("", self.error)
        form.addRow(_("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _edited(self, *_args: object) -> None:
        self._dirty = True
        self.save_button.setEnabled(self.score.score() is not None and not self.saving)

    def submit(self) -> None:
        score = self.score.score()
        if self.saving or score is None:
            return
        goal_id, note = self.goal_id, self.note.toPlainText()
        self.saving = True
        self.save_button.setEnabled(False)
        self.practice.write(
            lambda db: goals.rate_goal(db, goal_id, score, note=note),
            self._done,
            self._failed,
            changes=kinds.GOALS,
            parent=self,
        )

    def _done(self, _saved: Saved) -> None:
        if isValid(self):
            self.saving = False
            self._dirty = False
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.saving = False
        self._edited()
        if isinstance(exc, ValidationError):
            show_message(self.error, "\n".join(exc.fields.values()))
        else:
            show_error(self, exc)

    def wipe(self) -> None:
        self.note.clear()
        self.score.set_score(None)
