"""Judging each would-be client before anything is written: new, likely duplicate, or invalid.

Validity is the client form's own rule (``clients.client_problems``); a likely duplicate shares
an email or a name with a client in the vault or with an earlier row of the same file, matched
on the keys the vault keeps (``clients.derived_keys``), as the form's duplicate warning does.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.i18n import _
from coachdesk.model import Client
from coachdesk.services.exchange.contacts_import.candidates import Candidate
from coachdesk.services.exchange.contacts_import.headers import field_labels
from coachdesk.services.people.clients import ClientFields, client_problems, derived_keys


class RowStatus(enum.StrEnum):
    NEW = "new"
    DUPLICATE = "duplicate"
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class PlannedRow:
    number: int
    fields: ClientFields
    status: RowStatus
    reason: str = ""

    @property
    def name(self) -> str:
        return self.fields.full_name

    @property
    def email(self) -> str:
        return self.fields.email.strip()

    @property
    def phone(self) -> str:
        return self.fields.phone.strip()

    @property
    def organisation(self) -> str:
        return self.fields.organisation.strip()


@dataclass(frozen=True)
class ImportPlan:
    rows: list[PlannedRow]

    def count(self, status: RowStatus) -> int:
        return sum(1 for row in self.rows if row.status == status)


def plan_import(db: Session, candidates: Sequence[Candidate]) -> ImportPlan:
    """Each candidate with its status and, unless new, the reason in the coach's words."""
    duplicates = _Duplicates(db)
    labels = field_labels()
    rows = []
    for candidate in candidates:
        problems = client_problems(db, candidate.fields)
        if problems:
            reason = " ".join(
                f"{labels.get(field, labels['display_name'])}: {message}"
                for field, message in problems.items()
            )
            rows.append(PlannedRow(candidate.number, candidate.fields, RowStatus.INVALID, reason))
            continue
        reason = duplicates.check(candidate)
        status = RowStatus.DUPLICATE if reason else RowStatus.NEW
        rows.append(PlannedRow(candidate.number, candidate.fields, status, reason))
    return ImportPlan(rows)


class _Duplicates:
    """The emails and names already in the vault, and those of the file's earlier rows."""

    def __init__(self, db: Session) -> None:
        self.vault_emails: set[str] = set()
        self.vault_names: set[str] = set()
        for email_key, name_key in db.execute(select(Client.email_key, Client.name_key)):
            if email_key:
                self.vault_emails.add(email_key)
            self.vault_names.add(name_key)
        self.emails: dict[str, int] = {}
        self.names: dict[str, int] = {}

    def check(self, candidate: Candidate) -> str:
        """Why ``candidate`` is a likely duplicate ("" if it is not); remembers it."""
        keys = derived_keys(candidate.fields)
        email, name = keys["email_key"], keys["name_key"]
        reason = ""
        if email and email in self.vault_emails:
            reason = _("A client in the vault has the same email address.")
        elif name in self.vault_names:
            reason = _("A client in the vault has the same name.")
        elif email and email in self.emails:
            reason = _("Same email address as row {row}.").format(row=self.emails[email])
        elif name in self.names:
            reason = _("Same name as row {row}.").format(row=self.names[name])
        if email:
            self.emails.setdefault(email, candidate.number)
        self.names.setdefault(name, candidate.number)
        return reason
