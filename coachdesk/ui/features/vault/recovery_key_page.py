"""The last page of the create flow: the recovery key, shown once, and the promise to keep it.

It is the only way in if the passphrase is forgotten, and CoachDesk stores no copy, so the page
says so plainly and wipes the key from the widget when the flow ends.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.documents.data import RecoverySheetData
from coachdesk.i18n import _
from coachdesk.ui.kit import look
from coachdesk.ui.pdf.preview import PdfPreviewDialog


def preview_recovery_sheet(parent: QWidget | None, data: RecoverySheetData) -> PdfPreviewDialog:
    """The printable sheet in a preview with Print and Save as PDF. "Open in viewer" is left
    out: it would leave a copy of the key in a temporary file the coach never chose."""
    from coachdesk.documents.recovery_sheet import render_recovery_sheet

    pdf = render_recovery_sheet(data)
    dialog = PdfPreviewDialog(parent, pdf, _("Recovery sheet"))
    dialog.preview.open_action.setVisible(False)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class RecoveryKeyPage(QWidget):
    """Shows the recovery key once; finishing waits for the coach's confirmation."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _("Keep your recovery key safe")
        self.subtitle = _("Your vault is ready. One last, important step.")
        self.key = QLabel()
        self.key.setFont(look.monospace(1.6))
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key.setWordWrap(True)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setBackgroundRole(QPalette.ColorRole.Base)
        frame.setAutoFillBackground(True)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(16, 18, 16, 18)
        inner.addWidget(self.key)
        self.sheet: RecoverySheetData | None = None
        self.print_button = QPushButton(_("Print the recovery sheet…"))
        self.print_button.clicked.connect(self.print_sheet)
        self.print_button.setVisible(False)
        self.copy = QPushButton(_("Copy"))
        self.copy.clicked.connect(self._copy)
        copy_row = QHBoxLayout()
        copy_row.addStretch(1)
        copy_row.addWidget(self.print_button)
        copy_row.addWidget(self.copy)
        lines = (
            _("Write it down, or print it, and keep it somewhere safe, away from this computer."),
            _("It is the only way into your vault if you forget your passphrase."),
            _("CoachDesk cannot recover it for you: nobody else has a copy."),
        )
        steps = QLabel(
            "<ul style='margin-left:-20px'>"
            + "".join(f"<li style='margin-bottom:6px'>{line}</li>" for line in lines)
            + "</ul>"
        )
        steps.setWordWrap(True)
        self.confirm = QCheckBox(_("I have stored my recovery key somewhere safe"))
        self.confirm.toggled.connect(self._confirmed)
        self.reminder = QLabel()
        look.tint(self.reminder, look.Colour.DANGER)
        self.reminder.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(look.SPACING)
        layout.addWidget(frame)
        layout.addLayout(copy_row)
        layout.addWidget(steps)
        layout.addStretch(1)
        layout.addWidget(self.confirm)
        layout.addWidget(self.reminder)

    def show_key(self, recovery_key: str, sheet: RecoverySheetData | None = None) -> None:
        """Show the key; with ``sheet`` (the same key and the vault's details) it can be printed."""
        self.key.setText(recovery_key)
        self.sheet = sheet
        self.print_button.setVisible(sheet is not None)

    def print_sheet(self) -> PdfPreviewDialog | None:
        if self.sheet is None:
            return None
        return preview_recovery_sheet(self, self.sheet)

    def wipe(self) -> None:
        """Drop the key from the widget, and from the clipboard if it is still there, once the
        flow is done (best effort): a recovery key must not linger where any app can read it."""
        clipboard = QGuiApplication.clipboard()
        if self.key.text() and clipboard.text() == self.key.text():
            clipboard.clear()
        self.key.clear()
        self.sheet = None

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.key.text())
        self.copy.setText(_("Copied"))

    def _confirmed(self, _checked: bool) -> None:
        self.reminder.clear()
        self.changed.emit()

    def remind(self) -> None:
        self.reminder.setText(_("Please confirm you have stored the recovery key first."))
        self.confirm.setFocus()

    def ready(self) -> bool:
        return self.confirm.isChecked()
