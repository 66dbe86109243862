"""Folding text for matching, so "lukasz" finds "Łukasz" and "sorensen" finds "Sørensen".

Unicode decomposition removes most accents, but letters such as Ł, Ø, Đ and ß do not decompose,
and neither SQLite's LIKE nor FTS5's ``remove_diacritics`` folds them.
"""

from __future__ import annotations

import unicodedata

SPECIAL = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"}
)


def fold(text: str) -> str:
    """Case-folded, accents removed, special Latin letters spelled in ASCII; other scripts kept."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.translate(SPECIAL)
