"""Before a returned or typed questionnaire is stored: its answers, the required questions left
empty, and each change to the client it suggests with a checkbox. Nothing changes the client
unless its box is ticked; nothing is stored until "Store answers"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coachdesk.i18n import _
from coachdesk.services.questionnaires import answers
from coachdesk.services.questionnaires.answers import Review
from coachdesk.ui.kit import lockable
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.practice import CLIENTS, Practice

QUESTION_WIDTH = 340


class ReviewDialog(QDialog):
    """``stored`` gives the new form's id once the answers are in the vault."""

    stored = Signal(int)

    def __init__(self, practice: Practice, review: Review, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.review: Review | None = review
        self.setWindowTitle(_("Review the answers"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        heading = _("{title} from {name}").format(title=review.title, name=review.client_name)
        layout.addWidget(QLabel(heading))
        self.table = QTableWidget(len(review.answers), 2)
        self.table.setHorizontalHeaderLabels([_("Question"), _("Answer")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, QUESTION_WIDTH)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, answer in enumerate(review.answers):
            self.table.setItem(row, 0, QTableWidgetItem(answer.label))
            self.table.setItem(row, 1, QTableWidgetItem(answer.value))
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        if review.missing:
            missing = QLabel(
                _("No answer to: {questions}").format(questions="; ".join(review.missing))
            )
            missing.setWordWrap(True)
            layout.addWidget(missing)
        self.change_boxes: dict[str, QCheckBox] = {}
        if review.changes:
            layout.addWidget(QLabel(_("Tick each change to make to the client's record:")))
        for change in review.changes:
            if change.score is not None:
                text = _("{what}: {new}, first rated {score} of 10").format(
                    what=change.what, new=change.new, score=change.score
                )
            elif change.old:
                text = _("{what}: {old} → {new}").format(
                    what=change.what, old=change.old, new=change.new
                )
            else:
                text = _("{what}: {new}").format(what=change.what, new=change.new)
            box = QCheckBox(text)
            self.change_boxes[change.key] = box
            layout.addWidget(box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.store_button = self.buttons.addButton(
            _("Store answers"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.store)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        lockable.register(self)

    def accepted_changes(self) -> list[str]:
        return [key for key, box in self.change_boxes.items() if box.isChecked()]

    def store(self) -> None:
        review, chosen = self.review, self.accepted_changes()
        if review is None:
            return
        self.store_button.setEnabled(False)

        def work(db: Session) -> int:
            return answers.store(db, review, chosen)

        self.practice.write(work, self._stored, self._refused, changes=CLIENTS, parent=self)

    def _stored(self, form_id: int) -> None:
        self.stored.emit(form_id)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.store_button.setEnabled(True)
        show_error(self, exc)

    # -- locking: nothing typed here; the answers are forgotten and the dialog closes ---------
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        return None

    def wipe_for_lock(self) -> None:
        self.review = None
        self.table.clearContents()
        self.change_boxes.clear()
        self.reject()
