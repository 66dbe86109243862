"""Shared look and per-computer settings, so every dialog and view looks and behaves alike."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QFontDatabase, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QFormLayout, QGroupBox, QLabel, QPushButton, QWidget

from coachdesk import paths

ICON_PATH = paths.RESOURCES_DIR / "icons" / "coachdesk.svg"
ERROR_STYLE = "color: #b3261e;"  # readable on light and dark palettes
OK_STYLE = "color: #2e7d32;"
SPACING = 12
MUTED = "coachdeskMuted"
LINK = "coachdeskLink"


def settings() -> QSettings:
    """Settings of this computer (geometry, last vault), in CoachDesk's own config folder.

    An explicit INI file keeps them beside the other per-computer files and lets
    ``COACHDESK_HOME`` isolate them (tests, portable use).
    """
    return QSettings(str(paths.config_dir() / "ui.ini"), QSettings.Format.IniFormat)


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
    """After the theme changed: muted labels take the new muted colour, and widgets whose
    style sheets name palette colours (links) resolve them again.
    """
    for widget in QApplication.allWidgets():
        if widget.property(MUTED):
            mute(widget)
        if widget.property(LINK):
            widget.setStyleSheet(widget.styleSheet())


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
    button.setProperty(LINK, True)
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
