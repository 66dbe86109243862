"""In every translated language, no two entries of a menu (nor two menus of the bar) share an
``&`` accelerator, so Alt+letter always reaches one entry. English is the source; its own clashes
are the strings' authors' to fix, so only the catalogues are held to this."""

from __future__ import annotations

import gettext
import re

import pytest

from coachdesk.i18n import DOMAIN, LOCALE_DIR
from coachdesk.ui.shell import menus

LANGUAGES = sorted(path.parent.parent.name for path in LOCALE_DIR.glob("*/LC_MESSAGES/*.mo"))
_ACCELERATOR = re.compile(r"&(?!&)(\w)")


def _clashes(texts: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    clashes = []
    for text in texts:
        found = _ACCELERATOR.search(text)
        if found is None:
            continue
        letter = found.group(1).casefold()
        if letter in seen:
            clashes.append(f"{seen[letter]!r} and {text!r}")
        seen[letter] = text
    return clashes


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_menu_has_distinct_accelerators(language: str) -> None:
    translate = gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[language]).gettext
    bar = [translate(title) for title, _names in menus.MENUS] + [translate("&View")]
    clashes = _clashes(bar)
    for title, names in menus.MENUS:
        entries = [translate(menus.ENTRIES[name][0]) for name in names if name is not None]
        clashes += [f"{translate(title)}: {clash}" for clash in _clashes(entries)]
    assert not clashes, "\n".join(clashes)
