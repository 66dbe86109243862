"""The look's named colours: readable in the light and the dark theme, and following a switch."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyleFactory

from coachdesk.ui.features.preferences.preferences import dark_palette
from coachdesk.ui.kit import look
from coachdesk.ui.kit.look import Colour

TEXT_COLOURS = (Colour.DANGER, Colour.WARNING, Colour.SUCCESS, Colour.INFO)


def luminance(colour: QColor) -> float:
    """WCAG relative luminance."""
    channels = [c / 255 for c in colour.getRgb()[:3]]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: QColor, other: QColor) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def light_palette() -> QPalette:
    return QStyleFactory.create("Fusion").standardPalette()


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    """The application palette, put back after the test switched it."""
    before = QPalette(qapp.palette())
    yield qapp
    qapp.setPalette(before)
    look.restyle_all()


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
@pytest.mark.parametrize("name", TEXT_COLOURS)
def test_text_colours_read_on_window_and_base(qapp, name: Colour, palette) -> None:
    chosen = palette()
    ink = look.colour(name, chosen)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        assert contrast(ink, chosen.color(role)) >= 4.5, (name, role)


def test_each_theme_takes_its_own_variant(qapp) -> None:
    for name in TEXT_COLOURS:
        assert look.colour(name, light_palette()) != look.colour(name, dark_palette())
    muted = look.colour(Colour.MUTED, dark_palette())
    assert muted == dark_palette().color(QPalette.ColorRole.PlaceholderText)


def ink_colours(label: QLabel) -> set[str]:
    image = label.grab().toImage()
    return {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    }


def test_tinted_text_follows_a_theme_switch(qtbot, themed: QApplication) -> None:
    themed.setPalette(light_palette())
    label = QLabel("Missing: ████")
    qtbot.addWidget(label)
    look.tint(label, Colour.DANGER)
    label.show()
    assert look.colour(Colour.DANGER, light_palette()).name() in ink_colours(label)

    themed.setPalette(dark_palette())
    look.restyle_all()
    assert look.colour(Colour.DANGER, dark_palette()).name() in ink_colours(label)

    look.tint(label, None)
    look.restyle_all()
    assert look.colour(Colour.DANGER, dark_palette()).name() not in ink_colours(label)
