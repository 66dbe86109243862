"""This computer's choices as the app edits them: a plain view over ``coachdesk.settings``, where
they are declared with their defaults and rules and shared with the command line.

The practice's own settings (note template, paper, letterhead) live in the vault and are edited
in ``preferences_dialog`` and the coach's profile.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
)

from coachdesk import settings
from coachdesk.i18n import _
from coachdesk.ui.kit import look

THEMES = {  # settings.THEMES, each with its label and Qt colour scheme
    "system": (lambda: _("Same as the system"), Qt.ColorScheme.Unknown),
    "light": (lambda: _("Light"), Qt.ColorScheme.Light),
    "dark": (lambda: _("Dark"), Qt.ColorScheme.Dark),
}


@dataclass
class Preferences:
    theme: str = settings.THEME.default
    auto_lock_minutes: int = settings.AUTO_LOCK_MINUTES.default  # 0 = never
    clipboard_clear_seconds: int = settings.CLIPBOARD_CLEAR_SECONDS.default  # 0 = never
    backup_folder: str = settings.BACKUP_FOLDER.default  # "" = the vault's own backups folder
    backup_every_days: int = settings.BACKUP_EVERY_DAYS.default  # 1 daily, 7 weekly, 0 never

    @classmethod
    def load(cls) -> Preferences:
        stored = settings.load()
        return cls(
            theme=stored[settings.THEME],
            auto_lock_minutes=stored[settings.AUTO_LOCK_MINUTES],
            clipboard_clear_seconds=stored[settings.CLIPBOARD_CLEAR_SECONDS],
            backup_folder=stored[settings.BACKUP_FOLDER],
            backup_every_days=stored[settings.BACKUP_EVERY_DAYS],
        )

    def save(self) -> None:
        settings.save(
            {
                settings.THEME: self.theme,
                settings.AUTO_LOCK_MINUTES: self.auto_lock_minutes,
                settings.CLIPBOARD_CLEAR_SECONDS: self.clipboard_clear_seconds,
                settings.BACKUP_FOLDER: self.backup_folder,
                settings.BACKUP_EVERY_DAYS: self.backup_every_days,
            }
        )


def apply_theme(theme: str) -> None:
    """Light, dark or the system's choice. Qt's colour scheme is asked first; where the
    platform theme ignores it (plain X11 or Wayland without a portal), Fusion is given an
    explicit palette so the choice always takes effect.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    scheme = THEMES.get(theme, THEMES["system"])[1]
    app.styleHints().setColorScheme(scheme)
    if theme == "dark" and app.styleHints().colorScheme() != Qt.ColorScheme.Dark:
        app.setPalette(dark_palette())
    elif theme == "light" and look.is_dark(app.palette()):
        app.setPalette(app.style().standardPalette())
    elif theme == "system":
        app.setPalette(QPalette())
    look.restyle_all()


def dark_palette() -> QPalette:
    """A calm dark palette for Fusion: soft greys, not pure black, with a teal highlight."""
    colours = {
        QPalette.ColorRole.Window: "#2b2d30",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f2124",
        QPalette.ColorRole.AlternateBase: "#27292c",
        QPalette.ColorRole.ToolTipBase: "#3a3d41",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8a8f96",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#33363a",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Light: "#45484d",
        QPalette.ColorRole.Midlight: "#3a3d41",
        QPalette.ColorRole.Mid: "#4a4e54",
        QPalette.ColorRole.Dark: "#18191b",
        QPalette.ColorRole.Shadow: "#101112",
        QPalette.ColorRole.Highlight: "#2f7f86",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#6cc3cb",
        QPalette.ColorRole.LinkVisited: "#a58fd6",
    }
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7d8188"))
    return palette
