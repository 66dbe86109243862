"""A contacts file, read once: a CSV table (remapped at will) or a vCard's cards."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coachdesk.errors import InvalidInput
from coachdesk.i18n import _
from coachdesk.services.exchange.contacts_import.candidates import Candidate
from coachdesk.services.exchange.contacts_import.csv_source import (
    CsvTable,
    csv_candidates,
    parse_csv,
)
from coachdesk.services.exchange.contacts_import.reading import (
    decode,
    looks_like_vcard,
    opens_as_vcard,
    read_bytes,
)
from coachdesk.services.exchange.contacts_import.vcard_source import vcard_candidates

CSV = "csv"
VCARD = "vcard"


@dataclass(frozen=True)
class ContactFile:
    kind: str
    table: CsvTable | None = None
    cards: list[Candidate] = field(default_factory=list)

    def mapping(self) -> list[str]:
        """The field of each CSV column, as recognised from its title (none for a vCard)."""
        return self.table.guessed_mapping() if self.table else []

    def candidates(self, mapping: Sequence[str] | None = None) -> list[Candidate]:
        """The would-be clients; a CSV's through ``mapping`` (default: the recognised titles)."""
        if self.table is None:
            return self.cards
        return csv_candidates(
            self.table, self.table.guessed_mapping() if mapping is None else mapping
        )


def load_contacts(path: Path, kind: str | None = None) -> ContactFile:
    """Read ``path`` as ``kind`` (``"csv"`` or ``"vcard"``), or as its name and content suggest."""
    text, encoding = decode(read_bytes(path), path.name)
    if kind is None:
        kind = VCARD if looks_like_vcard(path, text) else CSV
    if kind == VCARD:
        if not opens_as_vcard(text):
            raise InvalidInput(_("{file} is not a vCard file.").format(file=path.name))
        return ContactFile(VCARD, cards=vcard_candidates(text, path.name))
    if opens_as_vcard(text):
        raise InvalidInput(_("{file} is a vCard file, not a CSV file.").format(file=path.name))
    return ContactFile(CSV, table=parse_csv(text, encoding, path.name))
