"""Qt's own words (OK, Cancel, Yes, the file dialog, the text editors' context menus) in the
language CoachDesk's catalogue speaks, from the translations PySide6 ships.

Without them a German dialog would still end with Qt's English "OK" and "Cancel".
"""

from __future__ import annotations

import gettext
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from coachdesk.i18n import DOMAIN, LOCALE_DIR


def catalogue_language() -> str | None:
    """The language whose CoachDesk catalogue gettext uses (from LANGUAGE, LC_ALL, LANG), if any."""
    found = gettext.find(DOMAIN, localedir=LOCALE_DIR)
    return Path(found).parents[1].name if found else None


def install(app: QCoreApplication, language: str | None = None) -> QTranslator | None:
    """Install Qt's translations for ``language`` (default: the catalogue's) into ``app``; the
    translator, which the caller keeps alive, or None when Qt has none for that language."""
    language = language or catalogue_language()
    if language is None:
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{language}", folder):
        return None
    app.installTranslator(translator)
    return translator
