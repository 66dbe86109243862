"""The shipped agreement templates become rows of the vault at unlock, so every list of
templates (new agreement, template editor) offers the same ones from the first day."""

from __future__ import annotations

from coachdesk.services.agreement_templates import ensure_builtin_templates
from coachdesk.vault import Vault


def store_builtin_templates(vault: Vault) -> list[int]:
    """Worker side: store the builtin templates the vault lacks; the ids created."""
    with vault.session() as db, db.begin():
        return ensure_builtin_templates(db)
