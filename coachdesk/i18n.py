"""The one translation function for every user-visible string, Qt or not.

Catalogues are gettext ``.mo`` files under ``resources/locale/<lang>/LC_MESSAGES/coachdesk.mo``;
adding a language needs a catalogue, not code. English needs none.

Which language: ``document_language(lang)`` while a document is rendered for a client (a context
variable, so a worker thread printing in German leaves the GUI in English), else the process's
language from ``set_language`` (the coach's profile at unlock and CLI start, unless ``LANGUAGE``
is set), else gettext's own lookup of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and ``LANG``.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

DOMAIN = "coachdesk"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"
ENV_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


class _ProcessChoice:
    """The process's language, one per process (``None``: the environment's)."""

    language: str | None = None


_process = _ProcessChoice()
_document_language: ContextVar[str | None] = ContextVar("document_language", default=None)


@cache
def _translations_for(language: str | None) -> gettext.NullTranslations:
    """One catalogue per language, read once; ``None``: gettext's lookup of the environment."""
    languages = [language] if language else None
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=languages, fallback=True)


def _translations() -> gettext.NullTranslations:
    return _translations_for(_document_language.get() or _process.language)


def set_language(language: str | None) -> None:
    """Speak ``language`` ("de", "fr_CH") from now on, in the whole process; ``None`` or ``""``:
    what the environment says, as gettext reads it."""
    _process.language = language or None


def language_from_environment() -> str | None:
    """The first language the environment names (``LANGUAGE`` may list several), or ``None``."""
    for variable in ENV_VARIABLES:
        value = os.environ.get(variable, "")
        for item in value.split(":"):
            code = item.split(".")[0].split("@")[0]
            if code and code not in ("C", "POSIX"):
                return code
    return None


def current_language() -> str:
    """The language code ``_`` translates into right now ("de", "en", ...), base language only."""
    found = _document_language.get() or _process.language or language_from_environment() or "en"
    return found.replace("-", "_").split("_")[0].lower()


@contextmanager
def document_language(language: str | None) -> Iterator[None]:
    """Translate into ``language`` inside the block only, on this thread (or task) only;
    ``None`` or ``""`` keeps the current language."""
    token = _document_language.set(language or _document_language.get())
    try:
        yield
    finally:
        _document_language.reset(token)


def _(message: str) -> str:
    """Translate ``message`` into the current language (see the module's docstring)."""
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose form depends on the count ``n``."""
    return _translations().ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for the marker)
    """Mark ``message`` for the catalogue without translating it: for text kept at module level
    (read before the language is known), translated with ``_`` where it is shown."""
    return message
