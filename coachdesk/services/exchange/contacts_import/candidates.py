"""What a contacts file proposes: one would-be client per row or card."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coachdesk.services.people.clients import ClientFields


@dataclass(frozen=True, slots=True)
class Candidate:
    """``number`` is where the coach finds it: the spreadsheet row (the titles are row 1), or
    the card's position in a vCard file."""

    number: int
    fields: ClientFields


def tidy_names(fields: ClientFields) -> ClientFields:
    """A display name that only repeats given + family name is dropped, as the client form
    keeps it: the list then sorts by family name."""
    composed = " ".join(p for p in (fields.given_name.strip(), fields.family_name.strip()) if p)
    if composed and " ".join(fields.display_name.split()) == composed:
        fields.display_name = ""
    return fields


def address_text(
    streets: Sequence[str], city: str, region: str, postcode: str, country: str
) -> str:
    """An address split into parts, as one postal address: the street lines, "postcode town",
    the region and the country, each on its own line (the coach can reorder them later)."""
    town = " ".join(part for part in (postcode, city) if part)
    return "\n".join(line for line in (*streets, town, region, country) if line)
