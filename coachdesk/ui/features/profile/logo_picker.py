"""The letterhead logo: a preview, a button to choose a PNG or JPEG, and one to remove it.

The file is checked when chosen (with the service's own words), so a bad image is refused at
once and never reaches a document.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coachdesk.i18n import _
from coachdesk.services.people.profile import MAX_LOGO_BYTES, logo_problem

PREVIEW_WIDTH = 168
PREVIEW_HEIGHT = 64
MIME_BY_SUFFIX = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


class LogoPicker(QWidget):
    """Holds the logo being edited; ``changed`` when chosen or removed, ``problem`` when a file
    is refused (the message, or "" once a good one is chosen)."""

    changed = Signal()
    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: bytes | None = None
        self.mime = ""
        self.touched = False
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW_WIDTH, PREVIEW_HEIGHT)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setStyleSheet("QLabel { background: palette(base); }")
        self.choose = QPushButton(_("Choose…"))
        self.choose.clicked.connect(self._choose)
        self.remove = QPushButton(_("Remove"))
        self.remove.clicked.connect(self.clear_logo)
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.choose)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._show()

    def set_logo(self, data: bytes | None, mime: str) -> None:
        """Show the stored logo (not a change)."""
        self.data, self.mime, self.touched = data, mime if data else "", False
        self._show()

    def _choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose your logo"),
            str(Path.home()),
            _("Images (*.png *.jpg *.jpeg)"),
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> bool:
        """Take the image in ``path`` if it is a usable logo; else say why and keep the old."""
        mime = MIME_BY_SUFFIX.get(path.suffix.lower(), "")
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_LOGO_BYTES + 1)
        except OSError as exc:
            self.problem.emit(_("The file could not be read: {reason}").format(reason=exc.strerror))
            return False
        message = logo_problem(data, mime)
        if message is None and QPixmap().loadFromData(data) is False:
            message = _("This image could not be read. Try saving it again as PNG.")
        if message is not None:
            self.problem.emit(message)
            return False
        self.data, self.mime, self.touched = data, mime, True
        self.problem.emit("")
        self._show()
        self.changed.emit()
        return True

    def clear_logo(self) -> None:
        self.data, self.mime, self.touched = None, "", True
        self.problem.emit("")
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        pixmap = QPixmap()
        if self.data and pixmap.loadFromData(self.data):
            ratio = self.devicePixelRatioF()
            scaled = pixmap.scaled(
                int((PREVIEW_WIDTH - 8) * ratio),
                int((PREVIEW_HEIGHT - 8) * ratio),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            scaled.setDevicePixelRatio(ratio)
            self.preview.setPixmap(scaled)
        else:
            self.preview.clear()
            self.preview.setText(_("No logo"))
        self.remove.setEnabled(self.data is not None)
