"""The first screen when there is no vault yet: create one, or open one kept elsewhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.i18n import _
from coachdesk.ui.kit import look

CREATE = 10
OPEN = 11


class WelcomeDialog(QDialog):
    """Ends with ``CREATE``, ``OPEN`` or rejected (quit); ``problem`` explains a bad folder."""

    def __init__(self, problem: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Welcome — CoachDesk"))
        self.setWindowIcon(look.app_icon())
        self.setMinimumWidth(520)
        icon = QLabel()
        icon.setPixmap(look.app_icon().pixmap(72, 72))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(look.SPACING)
        text.addWidget(look.heading(_("Welcome to CoachDesk"), scale=1.6))
        text.addWidget(
            QLabel(
                _(
                    "CoachDesk keeps your practice (clients, sessions, agreements) in an "
                    "encrypted vault on this computer. Nothing leaves it unless you send it."
                ),
                wordWrap=True,
            )
        )
        text.addWidget(look.note(_("To begin, create a vault, or open one you already have.")))
        self.problem = QLabel(problem or "", wordWrap=True)
        look.tint(self.problem, look.Colour.DANGER)
        self.problem.setVisible(bool(problem))
        text.addWidget(self.problem)
        top = QHBoxLayout()
        top.setSpacing(look.SPACING + 8)
        top.addWidget(icon)
        top.addLayout(text, 1)

        self.create_button = QPushButton(_("Create a new vault"))
        self.create_button.clicked.connect(lambda: self.done(CREATE))
        self.open_button = QPushButton(_("Open an existing vault…"))
        self.open_button.clicked.connect(lambda: self.done(OPEN))
        quit_button = QPushButton(_("Quit"))
        quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(look.SPACING + 8)
        layout.addLayout(top)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.create_button.setDefault(True)  # once it belongs to the dialog
