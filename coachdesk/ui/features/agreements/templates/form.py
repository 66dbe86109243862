"""The middle of the template editor: name, kind, the text with its placeholders, its problems.

Kept apart from the editor so that reads as the flow (list, load, check, save) and this as the
layout. ``edited`` fires on every change the coach makes, never while a template is loaded.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coachdesk import words
from coachdesk.i18n import _
from coachdesk.model import EngagementKind
from coachdesk.services.agreements.templates import TemplateText, unknown_tags
from coachdesk.ui.features.agreements.templates.highlighter import TemplateHighlighter
from coachdesk.ui.features.agreements.templates.placeholders import PlaceholderList
from coachdesk.ui.kit import look


class TemplateForm(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.name = QLineEdit()
        self.name.setObjectName("templateName")
        self.name.setMaxLength(200)
        self.name.textEdited.connect(self._edited)
        self.kind = QComboBox()
        for kind in EngagementKind:
            self.kind.addItem(words.label(kind), kind.value)
        self.kind.activated.connect(self._edited)
        self.version = look.note("")
        self.version.setWordWrap(False)
        self.body = QPlainTextEdit()
        self.body.setObjectName("templateBody")
        self.body.setFont(look.monospace())
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.body.textChanged.connect(self._edited)
        self.highlighter = TemplateHighlighter(self.body.document())
        self.placeholders = PlaceholderList()
        self.placeholders.chosen.connect(self.insert)
        self.problems = self._error_label("templateProblems")
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_problem = self._error_label("nameProblem")
        self.show_problem = look.link_button(_("Show me"))
        self.show_problem.setToolTip(_("Select the first unknown placeholder in the text"))
        self.show_problem.clicked.connect(self.select_first_unknown)
        self.show_problem.hide()
        self.save_button = QPushButton(_("&Save"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(_("Save this template as its next version (Ctrl+S)"))
        self.revert_button = QPushButton(_("Undo changes"))
        self._build_layout()

    @staticmethod
    def _error_label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        look.tint(label, look.Colour.DANGER)
        label.setWordWrap(True)
        return label

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        name_label = QLabel(_("&Name:"))
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        form.addRow("", self.name_problem)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind)
        kind_row.addStretch(1)
        kind_row.addWidget(self.version)
        for_label = QLabel(_("&For:"))
        for_label.setBuddy(self.kind)
        form.addRow(for_label, kind_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problems, 1)
        buttons.addWidget(self.show_problem, 0, Qt.AlignmentFlag.AlignTop)
        buttons.addWidget(self.revert_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        texts = QSplitter(Qt.Orientation.Vertical)
        texts.setChildrenCollapsible(False)
        texts.addWidget(self.body)
        texts.addWidget(self.placeholders)
        texts.setStretchFactor(0, 3)
        texts.setStretchFactor(1, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, look.SPACING, 0, look.SPACING)
        column.addLayout(form)
        column.addWidget(texts, 1)
        column.addLayout(buttons)

    def show_template(self, template: TemplateText) -> None:
        self._loading = True
        try:
            self.name.setText(template.name)
            self.kind.setCurrentIndex(self.kind.findData(template.kind.value))
            self.kind.setEnabled(not template.builtin)
            self.kind.setToolTip(
                _("A template that came with CoachDesk keeps its kind; copy it to change it.")
                if template.builtin
                else ""
            )
            self.body.setPlainText(template.body)
        finally:
            self._loading = False

    def chosen_kind(self) -> EngagementKind:
        return EngagementKind(self.kind.currentData() or EngagementKind.COACHING.value)

    def differs_from(self, template: TemplateText) -> bool:
        return (
            self.body.toPlainText() != template.body
            or self.name.text().strip() != template.name
            or self.chosen_kind() is not template.kind
        )

    def show_problems(self, body: str, name: str) -> None:
        self.problems.setText(body)
        self.name_problem.setText(name)
        self.name_problem.setVisible(bool(name))
        self.show_problem.setVisible(bool(unknown_tags(self.body.toPlainText())))

    def select_first_unknown(self) -> None:
        """Select the first unknown placeholder, so the coach sees it and can type over it."""
        text = self.body.toPlainText()
        found = unknown_tags(text)
        if not found:
            return
        cursor = self.body.textCursor()
        cursor.setPosition(_qt_offset(text, found[0].start))
        cursor.setPosition(_qt_offset(text, found[0].end), cursor.MoveMode.KeepAnchor)
        self.body.setTextCursor(cursor)
        self.body.ensureCursorVisible()
        self.body.setFocus()

    def has_problems(self) -> bool:
        return bool(self.problems.text() or self.name_problem.text())

    def insert(self, text: str) -> None:
        """Put ``text`` at the cursor, as if typed (undo removes it)."""
        self.body.insertPlainText(text)
        self.body.setFocus()

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self.edited.emit()


def _qt_offset(text: str, index: int) -> int:
    """A Python string index as Qt counts positions (UTF-16 code units: an emoji counts two)."""
    return len(text[:index].encode("utf-16-le")) // 2
