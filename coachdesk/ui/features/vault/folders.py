"""What a chosen folder holds, so start-up and the create flow pick the right next step.

Only names are looked at (nothing is opened), and a folder holding anything of a vault counts as a
vault: the app never offers to create a vault over one.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from coachdesk.i18n import _
from coachdesk.vault.layout import VaultLayout

DEFAULT_SUBFOLDER = "CoachDesk vault"


class FolderKind(Enum):
    EMPTY = "empty"  # missing, or an empty folder: a new vault can go here
    VAULT = "vault"  # has a vault's key file or database (perhaps damaged: unlock will say)
    FILE = "file"
    OTHER = "other"  # a folder with other things in it


def classify(folder: Path) -> FolderKind:
    if folder.is_file():
        return FolderKind.FILE
    if not folder.exists():
        return FolderKind.EMPTY
    layout = VaultLayout(folder)
    if layout.key.exists() or layout.db.exists():
        return FolderKind.VAULT
    try:
        has_entries = any(folder.iterdir())
    except OSError:
        return FolderKind.OTHER
    return FolderKind.OTHER if has_entries else FolderKind.EMPTY


def new_vault_problem(folder: Path) -> str | None:
    """Why a new vault cannot go in ``folder``, or None when it can."""
    kind = classify(folder)
    if kind is FolderKind.VAULT:
        return _("There is already a vault in this folder. Open it, or choose another folder.")
    if kind is FolderKind.FILE:
        return _("This is a file. Choose a folder.")
    if kind is FolderKind.OTHER:
        return _("This folder already holds other files. Choose an empty or new folder.")
    return None


def suggest_new_vault_folder(chosen: Path) -> Path:
    """A place for a new vault inside ``chosen`` when it already holds other things."""
    if classify(chosen) is FolderKind.OTHER:
        return chosen / DEFAULT_SUBFOLDER
    return chosen
