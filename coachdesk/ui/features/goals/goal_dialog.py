"""Setting or editing a goal with its milestones, saved in one transaction.

The title is checked as the coach types (Save stays disabled without one); everything else is
the service's word on saving, each message under its field. Nothing typed is lost: the dialog
stays open until the save succeeds, and Cancel asks before dropping typed changes.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coachdesk import words
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import GoalStatus
from coachdesk.services.people.clients import Saved
from coachdesk.services.progress import goal_forms, goals
from coachdesk.services.progress.goal_forms import GoalDetail
from coachdesk.services.progress.goals import GoalFields
from coachdesk.ui.features.goals.milestone_rows import MilestoneRows
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.dates import OptionalDateEdit, ScoreSpin, error_label, show_message
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.form_dialog import FormDialog
from coachdesk.ui.kit.practice import Practice

FIELDS = ("title", "why", "success_measure", "baseline", "target", "target_date", "status")
MIN_WIDTH = 640


class GoalDialog(FormDialog):
    """A new goal for ``client_id`` (``goal_id=None``) or an edit; ``saved(id)`` after saving."""

    saved = Signal(int)

    def __init__(
        self,
        practice: Practice,
        client_id: int,
        parent: QWidget | None = None,
        goal_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.client_id = client_id
        self.goal_id = goal_id
        self.original: GoalFields | None = None
        self.setWindowTitle(_("New goal") if goal_id is None else _("Edit goal"))
        self.setMinimumWidth(MIN_WIDTH)
        self.errors = {name: error_label(name) for name in (*FIELDS, "milestones", "general")}
        self._build_inputs()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(_("Add goal") if goal_id is None else _("Save"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        if goal_id is None:
            self.status.addItem(words.label(GoalStatus.ACTIVE), GoalStatus.ACTIVE.value)
            self._check()
            self.title.setFocus()
        else:
            self._set_busy(True)
            self.practice.read(
                lambda db: goal_forms.goal_detail(db, goal_id),
                self._loaded,
                self._load_failed,
                parent=self,
            )

    def _build_inputs(self) -> None:
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("e.g. Delegate the weekly reporting"))
        self.title.textEdited.connect(self._edited)
        self.why = QPlainTextEdit()
        self.why.setTabChangesFocus(True)
        self.why.setPlaceholderText(_("What the goal is and why it matters to the client…"))
        self.why.setFixedHeight(self.why.fontMetrics().lineSpacing() * 3 + 16)
        self.why.textChanged.connect(self._edited)
        self.success_measure = QLineEdit()
        self.success_measure.setPlaceholderText(_("How the client will know they got there"))
        self.success_measure.textEdited.connect(self._edited)
        self.baseline = ScoreSpin()
        self.baseline.setToolTip(_("Where the client stands today, 0 to 10"))
        self.target = ScoreSpin()
        self.target.setToolTip(_("Where the client wants to be, 0 to 10"))
        self.target_date = OptionalDateEdit(_("No target date"))
        self.status = QComboBox()
        for box in (self.baseline, self.target):
            box.valueChanged.connect(self._edited)
            box.setMaximumWidth(160)
        self.target_date.setMaximumWidth(200)
        self.target_date.dateChanged.connect(self._edited)
        self.status.activated.connect(self._edited)
        self.milestones = MilestoneRows()
        self.milestones.changed.connect(self._edited)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, widget, name in (
            (_("Title"), self.title, "title"),
            (_("Description"), self.why, "why"),
            (_("Success looks like"), self.success_measure, "success_measure"),
            (_("Baseline"), self.baseline, "baseline"),
            (_("Target"), self.target, "target"),
            (_("Target date"), self.target_date, "target_date"),
            (_("Status"), self.status, "status"),
        ):
            form.addRow(label, widget)
            form.addRow("", self.errors[name])
        milestones = QGroupBox(_("Milestones"))
        column = QVBoxLayout(milestones)
        column.addWidget(self.milestones)
        column.addWidget(self.errors["milestones"])
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        layout.addWidget(self.errors["general"])
        layout.addLayout(form)
        layout.addWidget(milestones)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # -- loading --------------------------------------------------------------------------
    def _loaded(self, detail: GoalDetail) -> None:
        if not isValid(self):
            return
        data = detail.fields
        self.original = data
        self.title.setText(data.title)
        self.why.setPlainText(data.why)
        self.success_measure.setText(data.success_measure)
        self.baseline.set_score(data.baseline)
        self.target.set_score(data.target)
        self.target_date.set_optional_day(data.target_date)
        self.status.clear()
        allowed = sorted(goals.allowed_statuses(data.status), key=list(GoalStatus).index)
        for status in (data.status, *allowed):
            self.status.addItem(words.label(status), status.value)
        self.milestones.set_rows(detail.milestones)
        self._dirty = False
        self._set_busy(False)
        self._check()
        self.title.setFocus()

    def _load_failed(self, exc: BaseException) -> None:
        if isValid(self):
            show_error(self.parentWidget(), exc)
            self.discard()

    # -- checking and saving --------------------------------------------------------------
    def fields(self) -> GoalFields:
        base = self.original or GoalFields(self.client_id)
        return replace(
            base,
            title=self.title.text(),
            why=self.why.toPlainText().strip(),
            success_measure=self.success_measure.text().strip(),
            baseline=self.baseline.score(),
            target=self.target.score(),
            target_date=self.target_date.optional_day(),
            status=GoalStatus(self.status.currentData() or base.status.value),
        )

    def _edited(self, *_args: object) -> None:
        self._dirty = True
        self._check()

    def _check(self) -> None:
        """Only what needs no vault: a title. Save waits until there is one."""
        missing = not self.title.text().strip()
        show_message(
            self.errors["title"], _("Give the goal a title.") if missing and self._dirty else ""
        )
        self.save_button.setEnabled(not missing and not self.saving)

    def submit(self) -> None:
        if self.saving or not self.title.text().strip():
            return
        goal_id, data = self.goal_id, self.fields()
        edits, removed = self.milestones.edits(), tuple(self.milestones.removed)
        self.saving = True
        self._set_busy(True)
        self.practice.write(
            lambda db: goal_forms.save_goal(db, goal_id, data, edits, removed),
            self._done,
            self._failed,
            changes=kinds.GOALS,
            parent=self,
        )

    def _done(self, saved: Saved) -> None:
        if not isValid(self):
            return
        self.saving, self._dirty = False, False
        self._set_busy(False)
        self.goal_id = saved.id
        self.saved.emit(saved.id)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.saving = False
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.fields)
        else:
            show_error(self, exc)

    def show_errors(self, problems: dict[str, str]) -> None:
        """Each message under its field; the rest (client, engagement) above the form."""
        for name, label in self.errors.items():
            if name != "general":
                show_message(label, problems.get(name, ""))
        stray = [text for name, text in problems.items() if name not in self.errors]
        show_message(self.errors["general"], "\n".join(stray))

    def error_text(self, name: str) -> str:
        return self.errors[name].text()

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.title,
            self.why,
            self.success_measure,
            self.baseline,
            self.target,
            self.target_date,
            self.status,
            self.milestones,
        ):
            widget.setEnabled(not busy)
        self.save_button.setEnabled(not busy and bool(self.title.text().strip()))

    # -- closing --------------------------------------------------------------------------
    def discard_question(self) -> str:
        return _("You have typed details of this goal that are not saved yet.")

    def wipe(self) -> None:
        for line in (self.title, self.success_measure):
            line.clear()
        self.why.clear()
        self.milestones.wipe()
