"""The one translation function for every user-visible string, Qt or not.

Catalogues are gettext ``.mo`` files under ``resources/locale/<lang>/LC_MESSAGES/coachdesk.mo``;
adding a language needs a catalogue, not code. English needs none.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

DOMAIN = "coachdesk"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"


@cache
def _translations() -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, fallback=True)


def _(message: str) -> str:
    """Translate ``message`` into the user's language (from LANGUAGE / LC_ALL / LANG)."""
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose form depends on the count ``n``."""
    return _translations().ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for the marker)
    """Mark ``message`` for the catalogue without translating it: for text kept at module level
    (read before the language is known), translated with ``_`` where it is shown."""
    return message
