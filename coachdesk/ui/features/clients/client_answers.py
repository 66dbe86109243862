"""The client page's questionnaires section: each returned form, newest first, with the
questions the client answered (unanswered ones are left out)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coachdesk.formatting import format_date
from coachdesk.i18n import _
from coachdesk.services.questionnaires.forms import ReturnedForm
from coachdesk.ui.kit import entries as parts
from coachdesk.ui.kit import look

SHOWN_FORMS = 5


class ClientAnswersBox(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(4)
        self.lines: list[QLabel] = []

    def fill(self, returned: list[ReturnedForm]) -> None:
        self.clear()
        for form in returned[:SHOWN_FORMS]:
            self._line(
                _("{title}, returned on {day}").format(
                    title=form.title, day=format_date(form.returned_at.date())
                ),
                heading=True,
            )
            for answer in form.answers:
                if answer.value:
                    self._line(f"{answer.label}\n{answer.value}")
        if len(returned) > SHOWN_FORMS:
            self._line(
                _("{count} older questionnaires are in the client's export.").format(
                    count=len(returned) - SHOWN_FORMS
                )
            )
        if not self.lines:
            self._line(_("No questionnaires returned yet."))

    def texts(self) -> list[str]:
        return [label.text() for label in self.lines]

    def clear(self) -> None:
        self.lines = []
        parts.empty_layout(self.rows)

    def _line(self, text: str, *, heading: bool = False) -> None:
        label = QLabel(text) if heading else look.note(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # client text is never markup
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rows.addWidget(label)
        self.lines.append(label)
