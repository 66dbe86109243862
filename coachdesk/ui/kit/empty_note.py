"""A line of words over an empty table: "No clients match “zebra”." instead of a blank grid.

A filter that hides every row otherwise looks like a list that failed to load. The view's owner
says what to print for the current filter (``""`` to print nothing, e.g. when there are no rows
at all and the page shows its own first-use state); the note follows the model's row count.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

from coachdesk.ui.kit import look


class EmptyNote(QLabel):
    """Shown centred over ``view`` while its model has no rows and ``words()`` says something."""

    def __init__(self, view: QAbstractItemView, words: Callable[[], str]) -> None:
        super().__init__(view.viewport())
        self.view, self.words = view, words
        self.setObjectName("empty_note")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMargin(24)
        look.mute(self)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self.update_note)
        model.layoutChanged.connect(self.update_note)
        self.update_note()

    def update_note(self, *_args: object) -> None:
        """Say the words, or hide, for the rows the model holds now (also after a filter)."""
        text = self.words() if self.view.model().rowCount() == 0 else ""
        self.setText(text)
        self.setVisible(bool(text))
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        viewport = self.view.viewport()
        self.setGeometry(0, 0, viewport.width(), min(viewport.height(), 120))
