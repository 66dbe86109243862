"""Fill in now: the coach types a client's answers to a template (read out on a call, or
copied from a paper form), one field per question as in the PDF."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coachdesk.i18n import _
from coachdesk.model.enums import AnswerMapping, QuestionKind
from coachdesk.services.questionnaires.per_goal import GoalScale, goal_field
from coachdesk.services.questionnaires.questions import Question, field_name
from coachdesk.ui.kit.form_dialog import FormDialog

K = QuestionKind
Answer = QLineEdit | QPlainTextEdit | QButtonGroup | list[QCheckBox]


class FillDialog(FormDialog):
    """``values()`` gives the typed answers by field name, as ``returns.read_typed`` takes them."""

    def __init__(
        self,
        title: str,
        questions: tuple[Question, ...],
        goals: list[GoalScale] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Fill in: {title}").format(title=title))
        self.resize(700, 640)
        self.questions = questions
        self.inputs: dict[str, Answer] = {}
        body = QWidget()
        form = QFormLayout(body)
        for i, q in enumerate(questions):
            name = field_name(i, q)
            each = goals if q.mapping == AnswerMapping.EACH_GOAL and goals else []
            asked = [
                (
                    goal_field(name, g.goal_id),
                    _("{question} “{goal}”").format(question=q.label, goal=g.title),
                )
                for g in each
            ] or [(name, q.label)]
            for field, text in asked:
                label = QLabel(text + (" *" if q.required else ""))
                label.setWordWrap(True)
                form.addRow(label, self._input(field, q))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.buttons)

    def _input(self, name: str, q: Question) -> QWidget:
        if q.kind in (K.SHORT_TEXT, K.DATE):
            line = QLineEdit()
            if q.kind == K.DATE:
                line.setPlaceholderText(QDate(1984, 5, 17).toString("yyyy-MM-dd"))
            line.textEdited.connect(self._typed)
            self.inputs[name] = line
            return line
        if q.kind == K.LONG_TEXT:
            text = QPlainTextEdit()
            text.setFixedHeight(80)
            text.textChanged.connect(self._typed)
            self.inputs[name] = text
            return text
        box = QWidget()
        row = QHBoxLayout(box) if q.kind in (K.SCALE, K.YES_NO) else QVBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        if q.kind == K.MULTIPLE_CHOICE:
            checks = [QCheckBox(c) for c in q.choices]
            for check in checks:
                check.toggled.connect(self._typed)
                row.addWidget(check)
            self.inputs[name] = checks
            return box
        group = QButtonGroup(box)
        options = {
            K.SCALE: [(str(n), str(n)) for n in range(11)],
            K.YES_NO: [("yes", _("Yes")), ("no", _("No"))],
        }.get(q.kind, [(c, c) for c in q.choices])
        for value, words in options:
            radio = QRadioButton(words)
            radio.setProperty("answer", value)
            group.addButton(radio)
            row.addWidget(radio)
        group.buttonToggled.connect(self._typed)
        self.inputs[name] = group
        return box

    def _typed(self) -> None:
        self._dirty = True

    def values(self) -> dict[str, str | list[str]]:
        out: dict[str, str | list[str]] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QLineEdit):
                out[name] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText()
            elif isinstance(widget, QButtonGroup):
                chosen = widget.checkedButton()
                out[name] = str(chosen.property("answer")) if chosen is not None else ""
            else:
                out[name] = [c.text() for c in widget if c.isChecked()]
        return out

    def wipe(self) -> None:
        for widget in self.inputs.values():
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.clear()
        self.inputs.clear()
