"""Search snippets cut from a session's own text: a line or two with the first match near the
middle, cut between words, under the heading of the notes section it is in, and marked private
when it comes from the private notes.

The index holds a session's agenda, shared and private notes as one body, so FTS5's snippet can
neither say which of them matched nor keep a section heading apart from the text under it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from coachdesk.i18n import _
from coachdesk.services.people.folding import fold
from coachdesk.services.sessions.note_format import headed_blocks

MATCH_START = "\x02"
MATCH_END = "\x03"
ELLIPSIS = "…"
SNIPPET_CHARS = 180  # about two lines of the Search page, and one terminal line and a half
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Snippet:
    """``text`` marks matched words between ``MATCH_START`` and ``MATCH_END``; ``section`` is
    the heading it sits under ("" for none)."""

    text: str
    section: str
    private: bool


def word_matcher(typed: str) -> Callable[[str], int | None]:
    """Which typed term a word matches (folded as the index folds), or ``None``; the last term
    matches as a prefix while the coach is still typing, as the query does."""
    terms = _terms(typed)
    prefix = _is_prefix(typed)
    known: dict[str, int | None] = {}  # notes repeat their words: fold each one once

    def which(word: str) -> int | None:
        if word not in known:
            folded = _fold(word)
            known[word] = next(
                (
                    number
                    for number, term in enumerate(terms)
                    if folded == term
                    or (number == len(terms) - 1 and prefix and folded.startswith(term))
                ),
                None,
            )
        return known[word]

    return which


def session_snippet(typed: str, agenda: str, shared: str, private: str) -> Snippet | None:
    """The block (agenda, a shared section, a private section) that matches the most typed
    terms, shared before private on a tie; ``None`` when no word matches (left to FTS5)."""
    finders = _term_finders(typed)
    blocks = [(_("Agenda"), " ".join(agenda.split()), False)]
    blocks += [(heading, body, False) for heading, body in headed_blocks(shared)]
    blocks += [(heading, body, True) for heading, body in headed_blocks(private)]
    best, best_terms = None, 0
    for heading, body, is_private in blocks:
        folded = _fold(body)  # the whole block at once: a word at a time is far slower
        found = sum(1 for finder in finders if finder.search(folded))
        if found > best_terms:
            best, best_terms = (heading, body, is_private), found
    if best is None:
        return None
    heading, body, is_private = best
    text = cut_around_match(body, typed)
    return Snippet(text, heading, is_private) if text else None


def cut_around_match(text: str, typed: str) -> str:
    """About ``SNIPPET_CHARS`` of ``text`` with its first match near the middle, cut between
    words (an ellipsis where text was left out), every matched word in it marked."""
    which = word_matcher(typed)
    first = _first_match(text, typed, which)
    if first is None:
        return ""
    start = max(0, (first.start() + first.end() - SNIPPET_CHARS) // 2)
    end = min(len(text), start + SNIPPET_CHARS)
    start = max(0, end - SNIPPET_CHARS)
    if start > 0 and not text[start - 1].isspace():
        space = text.find(" ", start, first.start())
        start = first.start() if space < 0 else space + 1
    if end < len(text) and not text[end].isspace():
        space = text.rfind(" ", first.end(), end)
        end = first.end() if space < 0 else space
    pieces, place = [], start
    for m in _WORD.finditer(text, start, end):
        if which(m.group()) is not None:
            pieces += [text[place : m.start()], MATCH_START, m.group(), MATCH_END]
            place = m.end()
    pieces.append(text[place:end])
    lead = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(text) else ""
    return lead + "".join(pieces).strip() + tail


def _first_match(text: str, typed: str, which: Callable[[str], int | None]) -> re.Match[str] | None:
    """The first matching word; found in one pass of the patterns where folding keeps every
    letter in its place (ASCII), else word by word."""
    if text.isascii():
        lower = text.lower()
        starts = [m.start() for f in _term_finders(typed) if (m := f.search(lower))]
        return _WORD.match(text, min(starts)) if starts else None
    return next((m for m in _WORD.finditer(text) if which(m.group()) is not None), None)


def _fold(text: str) -> str:
    """``fold``, without its letter-by-letter pass when there is nothing but ASCII to fold."""
    return text.lower() if text.isascii() else fold(text)


def _terms(typed: str) -> list[str]:
    return [_fold(part) for part in _WORD.findall(typed)]


def _is_prefix(typed: str) -> bool:
    return bool(typed) and not typed[-1].isspace()


def _term_finders(typed: str) -> list[re.Pattern[str]]:
    """One pattern per typed term, over folded text: the whole word, or its start for the last
    term while the coach is still typing."""
    terms = _terms(typed)
    prefix = _is_prefix(typed)
    return [
        re.compile(
            rf"(?<!\w){re.escape(term)}" + ("" if prefix and n == len(terms) - 1 else r"(?!\w)")
        )
        for n, term in enumerate(terms)
    ]
