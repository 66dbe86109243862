"""A vCard file cut into its cards before vobject sees any of them, so a hostile file is refused
in time and memory in proportion to its size.

vobject reads a whole file at once, nests components by recursion (20,000 nested cards exhaust
the stack) and re-copies a folded line at every fold (a 40 MB file took gigabytes). Here each
card is found by one pass over the lines, checked against the limits, and stripped to the
properties the import reads: photos, sounds and nested cards (vCard 2.1's AGENT) never reach
vobject, so a broken photo does not refuse a file whose names are fine.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from coachdesk.errors import InvalidInput
from coachdesk.i18n import _
from coachdesk.services.exchange.contacts_import.reading import MAX_CONTACTS, lines_of

READ_PROPERTIES = frozenset({"VERSION", "FN", "N", "EMAIL", "TEL", "ORG", "TITLE", "ADR"})
MAX_DEPTH = 8  # a card in a card (AGENT) is legal; deeper is a broken or hostile file
MAX_LINE_CHARS = 64 * 1024  # a name, address or phone number, unfolded, never comes near this
MAX_CARD_LINES = 10_000


@dataclass(frozen=True, slots=True)
class CardText:
    """One top-level component: where it begins and the lines vobject is to read."""

    line: int
    text: str


def split_cards(text: str, name: str) -> Iterator[CardText]:
    """The top-level components of ``text`` in file order, each reduced to what is read."""
    depth = 0
    kept: list[str] = []
    start = 0
    count = 0
    for line, number in logical_lines(text, name):
        prop = _property(line)
        if prop == "BEGIN":
            depth += 1
            if depth > MAX_DEPTH:
                raise _damaged(name, number, _("cards are nested too deeply"))
            if depth == 1:
                count += 1
                if count > MAX_CONTACTS:
                    message = _("The vCard file {file} holds more than {n} cards: split it up.")
                    raise InvalidInput(message.format(file=name, n=MAX_CONTACTS))
                kept, start = [line], number
        elif prop == "END":
            if depth == 0:
                raise _damaged(name, number, _("a card ends that never began"))
            depth -= 1
            if depth == 0:
                kept.append(line)
                yield CardText(start, "\r\n".join(kept) + "\r\n")
        elif depth == 1 and prop in READ_PROPERTIES:
            kept.append(line)
            if len(kept) > MAX_CARD_LINES:
                raise _damaged(name, number, _("the card has too many lines"))
    if depth:
        raise _damaged(name, start, _("the card that begins here never ends"))


def logical_lines(text: str, name: str) -> Iterator[tuple[str, int]]:
    """Unfolded lines with the number of the physical line each starts on, by vobject's rules
    (a line starting with a space or tab continues the last; so does the line after a
    quoted-printable one ending in ``=``; a blank line ends one), in one linear pass.

    Only the first piece of a property that is not read (a photo) is kept; a line that is read
    and grows past the limit is refused before it is put together."""
    pieces: list[str] = []
    size = 0
    start = 0
    quoted_printable = False
    skipping = False
    for number, raw in enumerate(lines_of(text), 1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if pieces:
                yield "".join(pieces), start
            pieces, quoted_printable = [], False
            continue
        if quoted_printable or (line[0] in " \t" and pieces):
            piece = line if quoted_printable else line[1:]
            if not skipping:
                pieces.append("\n" + piece if quoted_printable else piece)
                size += len(pieces[-1])
        else:
            if pieces:
                yield "".join(pieces), start
            pieces, size, start = [line], len(line), number
            prop = _property(line) if ":" in line or ";" in line else ""
            skipping = bool(prop) and prop not in READ_PROPERTIES | {"BEGIN", "END"}
        if size > MAX_LINE_CHARS and not skipping:
            raise _damaged(name, start, _("the line is too long"))
        quoted_printable = line.endswith("=") and "quoted-printable" in pieces[0].lower()
    if pieces:
        yield "".join(pieces), start


def _property(line: str) -> str:
    """The property name of a content line, without its group (``item1.EMAIL`` is EMAIL)."""
    end = len(line)
    for mark in (":", ";"):
        found = line.find(mark, 0, end)
        if found >= 0:
            end = found
    return line[:end].rpartition(".")[2].strip().upper()


def _damaged(name: str, line: int, reason: str) -> InvalidInput:
    message = _("The vCard file {file} is damaged near line {line}: {reason}.")
    return InvalidInput(message.format(file=name, line=line, reason=reason))
