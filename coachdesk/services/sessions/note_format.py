"""The stored format of session notes: the sections of GROW and OSCAR, and shared notes
composed from them.

Shared notes are stored as plain text with each section's heading on its own line, so they read
well anywhere (the session summary PDF, an export, the ``coachdesk`` command) and need no schema.
Parsing them back is checked against composing again: if the text does not split cleanly into the
template's sections, it all goes into the first box, headings included — a word is never dropped
or reordered. The notes editor and the demo practice both write notes through here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from coachdesk.i18n import _
from coachdesk.model import NoteTemplate

_SECTIONS: dict[NoteTemplate, tuple[Callable[[], str], ...]] = {
    NoteTemplate.GROW: (
        lambda: _("Goal"),
        lambda: _("Reality"),
        lambda: _("Options"),
        lambda: _("Will"),
    ),
    NoteTemplate.OSCAR: (
        lambda: _("Outcome"),
        lambda: _("Situation"),
        lambda: _("Choices"),
        lambda: _("Actions"),
        lambda: _("Review"),
    ),
    NoteTemplate.FREE: (lambda: _("Notes"),),
}


def section_titles(template: NoteTemplate) -> list[str]:
    return [title() for title in _SECTIONS[template]]


def compose(template: NoteTemplate, sections: Sequence[str]) -> str:
    """The stored text of ``sections``: free notes as typed; otherwise each non-empty section
    under its heading, separated by a blank line.
    """
    if template is NoteTemplate.FREE:
        return _trim(sections[0]) if sections else ""
    blocks = [
        f"{title}\n{_trim(text)}"
        for title, text in zip(section_titles(template), sections, strict=False)
        if text.strip()
    ]
    return "\n\n".join(blocks)


def parse(template: NoteTemplate, text: str) -> list[str]:
    """The sections of stored ``text``, or everything in the first one if it does not split
    cleanly into this template's sections.
    """
    titles = section_titles(template)
    empty = [""] * len(titles)
    if not text.strip():
        return empty
    if template is NoteTemplate.FREE:
        return [_trim(text)]
    sections = _split(titles, text.splitlines())
    if sections is None or _words(compose(template, sections)) != _words(text):
        return [_trim(text), *empty[1:]]
    return sections


def convert(old: NoteTemplate, new: NoteTemplate, sections: Sequence[str]) -> list[str]:
    """The sections after switching template: headings the new one shares are kept apart, the
    rest lands in its first box; switching back gives the same sections again.
    """
    if old is new:
        return list(sections)
    return parse(new, as_text(old, sections))


def as_text(template: NoteTemplate, sections: Sequence[str]) -> str:
    """The text ``sections`` stand for: the first box alone when it holds everything (so text
    moved there by a switch is not wrapped in a heading), else the composed notes."""
    if sections and not any(s.strip() for s in sections[1:]):
        first = _trim(sections[0])
        if parse(template, first) == [first] + [""] * (len(section_titles(template)) - 1):
            return first
    return compose(template, sections)


def without_headings(text: str) -> str:
    """The words of stored notes without the templates' section headings, on one line: what a
    one-line excerpt quotes."""
    return " ".join(body for _heading, body in headed_blocks(text))


def headed_blocks(text: str) -> list[tuple[str, str]]:
    """Stored notes as ``(heading, words on one line)`` blocks, in order; text before any
    heading has the heading ``""``. A heading is a line that is any template's section title,
    at the start or after a blank line, as ``compose`` writes it."""
    titles = {title() for sections in _SECTIONS.values() for title in sections}
    blocks: list[tuple[str, list[str]]] = [("", [])]
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if line.strip() in titles and (number == 0 or not lines[number - 1].strip()):
            blocks.append((line.strip(), []))
        else:
            blocks[-1][1].append(line)
    joined = [(heading, " ".join(" ".join(body).split())) for heading, body in blocks]
    return [(heading, body) for heading, body in joined if body]


def _split(titles: list[str], lines: list[str]) -> list[str] | None:
    """Sections by heading (each at most once, in order, at the start or after a blank line);
    ``None`` when text comes before the first heading."""
    found: dict[int, list[str]] = {}
    current: int | None = None
    for number, line in enumerate(lines):
        after_blank = number == 0 or not lines[number - 1].strip()
        later = titles[current + 1 :] if current is not None else titles
        if after_blank and line.strip() in later:
            current = titles.index(line.strip(), 0 if current is None else current + 1)
            found[current] = []
        elif current is None:
            if line.strip():
                return None
        else:
            found[current].append(line)
    if current is None:
        return None
    return [_trim("\n".join(found.get(i, []))) for i in range(len(titles))]


def _trim(text: str) -> str:
    """Without blank lines around it or trailing spaces on lines: how a section is stored."""
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines()).strip("\n")


def _words(text: str) -> list[str]:
    """The non-blank lines, which must survive a parse: blank-line changes do not count."""
    return [line.rstrip() for line in text.splitlines() if line.strip()]
