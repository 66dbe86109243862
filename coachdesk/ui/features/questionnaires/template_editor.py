"""The questionnaire template editor: title, introduction, and the questions (add, remove,
reorder; each one's kind, text, choices, whether it needs an answer and where it goes)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coachdesk import words
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model.enums import AnswerMapping, QuestionKind
from coachdesk.services.questionnaires import templates
from coachdesk.services.questionnaires.questions import Question
from coachdesk.services.questionnaires.templates import TemplateFields
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.form_dialog import FormDialog
from coachdesk.ui.kit.practice import QUESTIONNAIRES, Practice

CHOICE_KINDS = (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE)


class TemplateEditor(FormDialog):
    """Edit one template (``template_id``) or make a new one (None); ``saved`` gives its id."""

    saved = Signal(int)

    def __init__(
        self,
        practice: Practice,
        template_id: int | None,
        fields: TemplateFields,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.template_id = template_id
        self.questions: list[Question] = list(fields.questions)
        self._showing = False
        self.setWindowTitle(_("Questionnaire"))
        self.resize(900, 620)
        self.title = QLineEdit(fields.title)
        self.introduction = QPlainTextEdit(fields.introduction)
        self.introduction.setFixedHeight(70)
        self.list = QListWidget()
        self.add_button = QPushButton(_("Add question"))
        self.remove_button = QPushButton(_("Remove"))
        self.up_button = QPushButton(_("Move up"))
        self.down_button = QPushButton(_("Move down"))
        self.kind = QComboBox()
        for kind, label in words.labels(QuestionKind).items():
            self.kind.addItem(label, kind)
        self.label = QLineEdit()
        self.help = QLineEdit()
        self.choices = QPlainTextEdit()
        self.choices.setPlaceholderText(_("One choice a line"))
        self.choices.setFixedHeight(80)
        self.required = QCheckBox(_("Needs an answer"))
        self.mapping = QComboBox()
        for mapping, label in words.labels(AnswerMapping).items():
            self.mapping.addItem(label, mapping)
        self.in_report = QCheckBox(_("Include in the progress report"))
        self.shareable = QCheckBox(_("May be shared with the sponsor"))
        self._lay_out()
        self._connect()
        self._fill_list(0)

    def _lay_out(self) -> None:
        top = QFormLayout()
        top.addRow(_("Title"), self.title)
        top.addRow(_("Introduction"), self.introduction)
        side = QVBoxLayout()
        side.addWidget(self.list)
        row = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(button)
        side.addLayout(row)
        self.question_form = QWidget()
        form = QFormLayout(self.question_form)
        form.addRow(_("Kind of answer"), self.kind)
        form.addRow(_("Question"), self.label)
        form.addRow(_("Help under it"), self.help)
        form.addRow(_("Choices"), self.choices)
        form.addRow("", self.required)
        form.addRow(_("Also fills in"), self.mapping)
        form.addRow("", self.in_report)
        form.addRow("", self.shareable)
        middle = QHBoxLayout()
        middle.addLayout(side, 2)
        middle.addWidget(self.question_form, 3, Qt.AlignmentFlag.AlignTop)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.list.currentRowChanged.connect(self._show_question)
        self.add_button.clicked.connect(self.add_question)
        self.remove_button.clicked.connect(self.remove_question)
        self.up_button.clicked.connect(lambda: self.move_question(-1))
        self.down_button.clicked.connect(lambda: self.move_question(1))
        for edit in (self.title, self.label, self.help):
            edit.textEdited.connect(self._edited)
        for text in (self.introduction, self.choices):
            text.textChanged.connect(self._edited)
        for combo in (self.kind, self.mapping):
            combo.currentIndexChanged.connect(self._edited)
        for box in (self.required, self.in_report, self.shareable):
            box.toggled.connect(self._edited)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    # -- the question list ----------------------------------------------------------------
    def _fill_list(self, row: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for i, q in enumerate(self.questions):
            self.list.addItem(f"{i + 1}. {q.label or _('(no text yet)')}")
        self.list.blockSignals(False)
        if self.questions:
            self.list.setCurrentRow(max(0, min(row, len(self.questions) - 1)))
        self._show_question(self.list.currentRow())

    def _show_question(self, row: int) -> None:
        self._showing = True
        has = 0 <= row < len(self.questions)
        self.question_form.setEnabled(has)
        q = self.questions[row] if has else Question(QuestionKind.SHORT_TEXT, "")
        self.kind.setCurrentIndex(self.kind.findData(q.kind))
        self.label.setText(q.label)
        self.help.setText(q.help)
        self.choices.setPlainText("\n".join(q.choices))
        self.choices.setEnabled(q.kind in CHOICE_KINDS)
        self.required.setChecked(q.required)
        self.mapping.setCurrentIndex(self.mapping.findData(q.mapping))
        self.in_report.setChecked(q.in_report)
        self.shareable.setChecked(q.sponsor_shareable)
        self._showing = False

    def _edited(self) -> None:
        if self._showing:
            return
        self._dirty = True
        row = self.list.currentRow()
        if not 0 <= row < len(self.questions):
            return
        kind = QuestionKind(self.kind.currentData())
        choices = tuple(c.strip() for c in self.choices.toPlainText().splitlines() if c.strip())
        self.questions[row] = Question(
            kind=kind,
            label=self.label.text().strip(),
            help=self.help.text().strip(),
            choices=choices if kind in CHOICE_KINDS else (),
            required=self.required.isChecked(),
            mapping=AnswerMapping(self.mapping.currentData()),
            sponsor_shareable=self.shareable.isChecked(),
            in_report=self.in_report.isChecked(),
        )
        self.choices.setEnabled(kind in CHOICE_KINDS)
        item = self.list.item(row)
        if item is not None:
            item.setText(f"{row + 1}. {self.questions[row].label or _('(no text yet)')}")

    def add_question(self) -> None:
        self.questions.append(Question(QuestionKind.SHORT_TEXT, ""))
        self._dirty = True
        self._fill_list(len(self.questions) - 1)
        self.label.setFocus()

    def remove_question(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.questions):
            del self.questions[row]
            self._dirty = True
            self._fill_list(row)

    def move_question(self, step: int) -> None:
        row = self.list.currentRow()
        to = row + step
        if 0 <= row < len(self.questions) and 0 <= to < len(self.questions):
            self.questions[row], self.questions[to] = self.questions[to], self.questions[row]
            self._dirty = True
            self._fill_list(to)

    # -- saving ---------------------------------------------------------------------------
    def fields(self) -> TemplateFields:
        return TemplateFields(
            self.title.text(), self.introduction.toPlainText(), tuple(self.questions)
        )

    def save(self) -> None:
        data, template_id = self.fields(), self.template_id
        self.saving = True

        def work(db: Session) -> int:
            if template_id is None:
                return templates.create_template(db, data)
            templates.update_template(db, template_id, data)
            return template_id

        self.practice.write(work, self._saved, self._refused, changes=QUESTIONNAIRES, parent=self)

    def _saved(self, template_id: int) -> None:
        self.saving = False
        self._dirty = False
        self.template_id = template_id
        self.saved.emit(template_id)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.saving = False
        if isinstance(exc, ValidationError):
            first = next(iter(exc.fields), "")
            if first.startswith("question "):
                self.list.setCurrentRow(int(first.split()[1]) - 1)
        show_error(self, exc)

    def wipe(self) -> None:
        self.questions = []
        self.title.clear()
        self.introduction.clear()
        self.list.clear()
        self.label.clear()
        self.help.clear()
        self.choices.clear()
