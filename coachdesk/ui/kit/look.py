"""Shared look and per-computer settings, so every dialog and view looks and behaves alike."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QFormLayout, QGroupBox, QLabel, QPushButton, QWidget

from coachdesk import paths

ICON_PATH = paths.RESOURCES_DIR / "icons" / "coachdesk.svg"
SPACING = 12
MUTED = "coachdeskMuted"
STYLED = "coachdeskStyle"


class Colour(StrEnum):
    """The colours the app speaks with, by what they mean; ``colour`` gives the one to paint."""

    DANGER = "danger"  # errors, missing sections, invalid rows, weak passphrases, no-shows
    WARNING = "warning"  # wants attention: waiting too long, private notes, late cancels
    SUCCESS = "success"  # done or there: present sections, held sessions, a goal's target
    INFO = "info"  # planned: scheduled sessions
    MUTED = "muted"  # secondary: archived clients, cancelled sessions (the palette's own)
    DESK = "desk"  # the grey behind white paper (PDF pages)


# (on a light palette, on a dark one). Text colours keep 4.5:1 or more against the window and
# base colours of Fusion's light palette and of the dark palette (preferences.dark_palette).
_VARIANTS = {
    Colour.DANGER: ("#b3261e", "#ff8a80"),
    Colour.WARNING: ("#9a5c00", "#e6a23c"),
    Colour.SUCCESS: ("#2a752e", "#81c784"),
    Colour.INFO: ("#1f6fb2", "#7fb2e5"),
    Colour.DESK: ("#d5d7da", "#1f2023"),
}


def settings() -> QSettings:
    """Settings of this computer (geometry, last vault), in CoachDesk's own config folder.

    An explicit INI file keeps them beside the other per-computer files and lets
    ``COACHDESK_HOME`` isolate them (tests, portable use).
    """
    return QSettings(str(paths.config_dir() / "ui.ini"), QSettings.Format.IniFormat)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def colour(name: Colour, palette: QPalette | None = None) -> QColor:
    """``name`` as it reads on ``palette`` (the application's by default): a light palette
    takes the deep variant, a dark one the bright variant."""
    palette = palette if palette is not None else QApplication.palette()
    if name is Colour.MUTED:
        return palette.color(QPalette.ColorRole.PlaceholderText)
    light, dark = _VARIANTS[name]
    return QColor(dark if is_dark(palette) else light)


def style_sheet(widget: QWidget, sheet: str) -> None:
    """Give ``widget`` a style sheet that names colours by meaning (``"color: {danger};"``,
    rule braces doubled): filled in for the current palette, and again after a theme change.
    """
    widget.setProperty(STYLED, sheet)
    palette = QApplication.palette(widget)
    names = {c.value: colour(c, palette).name(QColor.NameFormat.HexArgb) for c in Colour}
    widget.setStyleSheet(sheet.format_map(names))  # ARGB: the muted colour may be translucent


def tint(widget: QWidget, name: Colour | None) -> None:
    """Text of ``widget`` in a named colour; ``None`` gives it back the palette's."""
    style_sheet(widget, f"color: {{{name}}};" if name else "")


def app_icon() -> QIcon:
    return QIcon(str(ICON_PATH)) if ICON_PATH.is_file() else QIcon()


def heading(text: str, parent: QWidget | None = None, scale: float = 1.45) -> QLabel:
    """A bold title label, sized relative to the user's font so it scales with their settings."""
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def note(text: str, parent: QWidget | None = None) -> QLabel:
    """Explanatory text: wrapped, slightly muted through the palette (works in dark mode)."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setProperty(MUTED, True)
    mute(label)
    return label


def mute(widget: QWidget) -> None:
    """Give ``widget`` the palette's muted text colour (again after a theme change)."""
    palette = QApplication.palette(widget)
    colour = palette.color(QPalette.ColorRole.PlaceholderText)
    own = widget.palette()
    own.setColor(widget.foregroundRole(), colour)
    widget.setPalette(own)


def restyle_all() -> None:
    """After the theme changed: muted labels take the new muted colour, and every widget with a
    style sheet (the sidebar, links, named colours) resolves its palette colours again; without
    this they keep the old theme's colours until a restart.
    """
    for widget in QApplication.allWidgets():
        if widget.property(MUTED):
            mute(widget)
        if widget.property(STYLED):
            style_sheet(widget, widget.property(STYLED))
        elif widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())  # palette(...) resolves at set time
        widget.update()


def monospace(scale: float = 1.0) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    return font


def link_button(text: str, parent: QWidget | None = None) -> QPushButton:
    """A quiet, link-coloured button for secondary choices beside the main buttons."""
    button = QPushButton(text, parent)
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet("QPushButton { color: palette(link); border: none; padding: 4px 6px; }")
    return button


def group_form(parent: QWidget, title: str, row_spacing: int = 8) -> QFormLayout:
    """A titled group of labelled fields whose inputs take the width: the forms' one look."""
    form = QFormLayout(QGroupBox(title, parent))
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setVerticalSpacing(row_spacing)
    return form


# Fusion draws item check boxes from the window colour, which nearly vanishes in dark palettes;
# a box in the text colour reads in both. Ticked items leave the list at the next refresh.
CHECKBOX_STYLE = (
    "QListView::indicator { width: 12px; height: 12px; border: 1px solid palette(text);"
    " border-radius: 3px; background: palette(base); }"
    "QListView::indicator:checked { background: palette(highlight); }"
)
