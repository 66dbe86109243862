"""What the client wrote to prepare the session (the "session preparation" questionnaire), read
only, beside the notes: the coach sees what they want from today while writing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coachdesk.formatting import format_date
from coachdesk.i18n import _
from coachdesk.services.questionnaires.forms import ReturnedForm
from coachdesk.ui.features.notes.actions_box import subheading
from coachdesk.ui.kit import look


class PrepBox(QWidget):
    """Hidden when the client sent no preparation for this session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = subheading(_("The client's preparation"))
        self.when = look.note("")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.when)
        layout.addWidget(self.text)
        self.setVisible(False)

    def show_preparation(self, form: ReturnedForm | None) -> None:
        answered = [a for a in form.answers if a.value] if form else []
        if form is None or not answered:
            self.clear()
            return
        self.when.setText(_("Returned on {day}").format(day=format_date(form.returned_at.date())))
        self.text.setText("\n\n".join(f"{a.label}\n{a.value}" for a in answered))
        self.setVisible(True)

    def clear(self) -> None:
        self.when.clear()
        self.text.clear()
        self.setVisible(False)
