"""Cards of a vCard file (versions 3 and 4, any number per file) as would-be clients.

NOTE is deliberately not read: an address book's notes were not written for a client record,
and everything imported would show on the client's page and in documents.
"""

from __future__ import annotations

import logging
from typing import Any

import vobject
from vobject.base import VObjectError

from coachdesk.errors import InvalidInput
from coachdesk.i18n import _
from coachdesk.services.exchange.contacts_import.candidates import (
    Candidate,
    address_text,
    tidy_names,
)
from coachdesk.services.exchange.contacts_import.vcard_cards import split_cards
from coachdesk.services.people.clients import ClientFields

# vobject logs each line it skips, text and all: client data, never for the log file.
logging.getLogger("vobject.base").setLevel(logging.CRITICAL)
# What vobject raises on a card it cannot decode: bad structure, base64, quoted-printable or
# charset (binascii.Error and UnicodeDecodeError are ValueErrors; an unknown charset a
# LookupError; a parameter given twice, such as two ENCODINGs, reaches it as a list: TypeError).
UNREADABLE = (VObjectError, ValueError, LookupError, TypeError)


def vcard_candidates(text: str, name: str) -> list[Candidate]:
    """One candidate per card, numbered from 1 in file order; errors name the file ``name``
    and the line where the damaged card begins."""
    found = []
    for number, card in enumerate(split_cards(text, name), 1):
        try:
            component = vobject.readOne(card.text, ignoreUnreadable=True)
            if component.name.upper() == "VCARD":
                found.append(Candidate(number, tidy_names(_fields(component))))
        except UNREADABLE:
            message = _("The vCard file {file} is damaged: the card on line {line} cannot be read.")
            raise InvalidInput(message.format(file=name, line=card.line)) from None
    return found


def _fields(card: Any) -> ClientFields:
    fields = ClientFields(display_name=_text(_first(card, "fn")))
    name = _first(card, "n")
    if name is not None and hasattr(name.value, "given"):
        fields.given_name = _joined(name.value.given)
        fields.family_name = _joined(name.value.family)
    fields.email = _text(_preferred(card, "email"))
    fields.phone = _text(_preferred(card, "tel")).removeprefix("tel:")
    org = _first(card, "org")
    if org is not None:
        value = org.value
        fields.organisation = _joined(value[0] if isinstance(value, list) and value else value)
    fields.role = _text(_first(card, "title"))
    fields.postal_address = _address(_preferred(card, "adr"))
    return fields


def _children(card: Any, name: str) -> list[Any]:
    return list(card.contents.get(name, []))


def _first(card: Any, name: str) -> Any:
    found = _children(card, name)
    return found[0] if found else None


def _preferred(card: Any, name: str) -> Any:
    """The entry marked preferred (``PREF=1`` in v4, ``TYPE=pref`` in v3), else the first."""
    found = _children(card, name)
    for line in found:
        types = ",".join(line.params.get("TYPE", [])).lower().split(",")
        if "pref" in types or line.params.get("PREF", ["99"])[0] == "1":
            return line
    return found[0] if found else None


def _text(line: Any) -> str:
    if line is None or not isinstance(line.value, str):
        return ""
    return " ".join(line.value.split())


def _joined(value: Any) -> str:
    parts = value if isinstance(value, list) else [value]
    return " ".join(" ".join(str(p).split()) for p in parts if p)


def _address(line: Any) -> str:
    if line is None or not hasattr(line.value, "street"):
        return ""
    a = line.value
    streets = [_joined(part) for part in (a.box, a.extended, a.street)]
    return address_text(
        streets, _joined(a.city), _joined(a.region), _joined(a.code), _joined(a.country)
    )
