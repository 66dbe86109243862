"""The plain data of a subject access pack: a cover letter's facts and the record in sections.

The record is a list of generic sections (a title, entries of facts and text), so a new kind of
data (the questionnaires' answers) joins the pack as one more section built by its service,
with no change to the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coachdesk.documents.data import Letterhead


@dataclass(frozen=True)
class PackEntry:
    """One item of a section: a heading, label/value facts, and free text (notes, a body)."""

    heading: str
    facts: tuple[tuple[str, str], ...] = ()
    text: str = ""
    markup: bool = False  # ``text`` is an agreement's markup (headings, bullets), laid out so


@dataclass(frozen=True)
class PackSection:
    """One kind of data held; ``empty`` is printed when there are no entries."""

    title: str
    entries: tuple[PackEntry, ...]
    empty: str = ""


@dataclass(frozen=True)
class AccessPackData:
    letterhead: Letterhead
    client_name: str
    client_address: str
    letter_date: date
    received_on: date | None
    retention_years: int
    private_note_count: int  # sessions with private notes, said even when they are left out
    private_notes_included: bool
    sections: tuple[PackSection, ...]
