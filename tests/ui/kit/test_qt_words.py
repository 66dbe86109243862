"""Qt's own buttons speak the catalogue's language: a German window says Abbrechen, not Cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from coachdesk.ui.kit import qt_words


@pytest.mark.parametrize(
    ("language", "cancel"), [("de", "Abbrechen"), ("fr", "Annuler"), ("es", "Cancelar")]
)
def test_standard_buttons_are_translated(qapp: QApplication, language: str, cancel: str) -> None:
    translator = qt_words.install(qapp, language)
    assert translator is not None
    try:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel
    finally:
        QCoreApplication.removeTranslator(translator)


def test_english_needs_no_translator(qapp: QApplication) -> None:
    """The suite runs with LANGUAGE=en: no catalogue, so Qt keeps its own English."""
    assert qt_words.catalogue_language() is None
    assert qt_words.install(qapp) is None
