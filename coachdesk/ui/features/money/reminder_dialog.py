"""A payment reminder for an overdue invoice: the letter as a PDF to print or save, and the same
words as plain text to copy into an email."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coachdesk.i18n import _
from coachdesk.ui.kit import look
from coachdesk.ui.pdf.preview import PdfPreview


class ReminderDialog(QDialog):
    def __init__(self, pdf: bytes, text: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Payment reminder"))
        self.setWindowIcon(look.app_icon())
        self.preview = PdfPreview(self)
        self.preview.set_pdf(pdf, _("Reminder – {title}").format(title=title))
        self.text = QPlainTextEdit(text)
        self.text.setReadOnly(True)
        self.copy_button = QPushButton(_("Copy text"))
        self.copy_button.setToolTip(_("Copy the reminder's words, to paste into an email"))
        self.copy_button.clicked.connect(self.copy_text)
        side = QWidget()
        column = QVBoxLayout(side)
        column.addWidget(look.note(_("The same words, for an email:")))
        column.addWidget(self.text, 1)
        column.addWidget(self.copy_button)
        splitter = QSplitter()
        splitter.addWidget(self.preview)
        splitter.addWidget(side)
        splitter.setSizes([640, 420])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1100, 760)

    def copy_text(self) -> None:
        QApplication.clipboard().setText(self.text.toPlainText())

    def discard(self) -> None:
        self.text.clear()
        self.preview.pdf_bytes = b""
        self.reject()
