"""Preferences of this computer: theme, auto-lock and clipboard clearing, with their defaults.

They belong to the computer, not the practice, so they live in the settings file beside the
other per-computer files; the practice's own settings (note template, paper, letterhead) live in
the vault and are edited in ``preferences_dialog`` and the coach's profile.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
)

from coachdesk.i18n import _
from coachdesk.ui.kit import look

THEMES = {
    "system": (lambda: _("Same as the system"), Qt.ColorScheme.Unknown),
    "light": (lambda: _("Light"), Qt.ColorScheme.Light),
    "dark": (lambda: _("Dark"), Qt.ColorScheme.Dark),
}


@dataclass
class Preferences:
    theme: str = "system"
    auto_lock_minutes: int = 10  # 0 = never
    clipboard_clear_seconds: int = 60  # 0 = never
    backup_folder: str = ""  # "" = the vault's own backups folder
    backup_every_days: int = 1  # automatic backups: 1 daily, 7 weekly, 0 never

    @classmethod
    def load(cls) -> Preferences:
        store = look.settings()
        defaults = cls()
        theme = str(store.value("preferences/theme", defaults.theme))
        return cls(
            theme=theme if theme in THEMES else defaults.theme,
            auto_lock_minutes=_int(store.value("preferences/auto_lock_minutes"), 10),
            clipboard_clear_seconds=_int(store.value("preferences/clipboard_clear_seconds"), 60),
            backup_folder=str(store.value("preferences/backup_folder", "") or ""),
            backup_every_days=_int(store.value("preferences/backup_every_days"), 1),
        )

    def save(self) -> None:
        store = look.settings()
        store.setValue("preferences/theme", self.theme)
        store.setValue("preferences/auto_lock_minutes", self.auto_lock_minutes)
        store.setValue("preferences/clipboard_clear_seconds", self.clipboard_clear_seconds)
        store.setValue("preferences/backup_folder", self.backup_folder)
        store.setValue("preferences/backup_every_days", self.backup_every_days)


def _int(value: object, default: int) -> int:
    try:
        return max(0, int(str(value)))
    except (TypeError, ValueError):
        return default


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
    elif theme == "light" and app.styleHints().colorScheme() == Qt.ColorScheme.Dark:
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
