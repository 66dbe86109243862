"""The agreement templates shipped with CoachDesk: one per kind (coaching, mentoring) and language.

English is ``<kind>_default.txt``; a translation is ``<kind>_default.<language>.txt`` beside it,
with the same sections and placeholders. Agreements print in the client's language, so the
default template follows that language and falls back to English where none is shipped.
"""

from __future__ import annotations

import re
from pathlib import Path

from coachdesk.paths import RESOURCES_DIR

AGREEMENTS_DIR = RESOURCES_DIR / "agreements"
ENGLISH = "en"
KINDS = ("coaching", "mentoring")
_CODE = re.compile(r"^[a-z]{2,3}$")


def language_code(language: str) -> str:
    """``"de_DE"``, ``"de-AT"``, ``"DE"`` -> ``"de"``; empty or malformed -> English."""
    code = re.split(r"[-_.@]", (language or "").strip().lower(), maxsplit=1)[0]
    return code if _CODE.match(code) else ENGLISH


def _path(kind: str, code: str) -> Path:
    name = "mentoring" if kind == "mentoring" else "coaching"
    suffix = "" if code == ENGLISH else f".{code}"
    return AGREEMENTS_DIR / f"{name}_default{suffix}.txt"


def shipped_languages() -> list[str]:
    """The language codes with both templates shipped, English first (for a language choice)."""
    found = {
        path.name.split(".")[-2]
        for path in AGREEMENTS_DIR.glob(f"{KINDS[0]}_default.*.txt")
        if _CODE.match(path.name.split(".")[-2])
    }
    translated = sorted(code for code in found if all(_path(k, code).is_file() for k in KINDS))
    return [ENGLISH, *translated]


def default_template_text(kind: str, language: str = "") -> str:
    """The shipped template for ``"coaching"`` or ``"mentoring"`` in ``language``, else English.

    Any other kind gets the coaching template, as English always did.
    """
    path = _path(kind, language_code(language))
    if not path.is_file():
        path = _path(kind, ENGLISH)
    return path.read_text(encoding="utf-8")
