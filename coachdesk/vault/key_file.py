"""Reading a vault's key file, and telling what a folder holds, before anything is opened.

No SQLAlchemy and no SQLCipher here: the unlock dialog reads the key file (for the vault's id,
to ask the keychain) while the database stack is still loading in the background.
"""

from __future__ import annotations

from pathlib import Path

from coachdesk.errors import NotAVault, VaultCorrupt
from coachdesk.i18n import _
from coachdesk.vault.keyslots import KeyFile
from coachdesk.vault.layout import VaultLayout

SQLITE_HEADER = b"SQLite format 3\x00"


def is_plain_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def existing_layout(folder: Path) -> VaultLayout:
    """The layout of the vault in ``folder``, or the reason it is not one."""
    if folder.is_file():
        if is_plain_sqlite(folder):
            raise NotAVault(
                _("This is a plain, unencrypted SQLite database, not a CoachDesk vault.")
            )
        raise NotAVault(_("This is a file, not a CoachDesk vault folder."))
    if not folder.exists():
        raise NotAVault(_("There is no vault at {path}.").format(path=folder))
    layout = VaultLayout(folder)
    has_key, has_db = layout.key.is_file(), layout.db.is_file()
    if not has_key and not has_db:
        if any(folder.iterdir()):
            raise NotAVault(_("This folder is not a CoachDesk vault."))
        raise NotAVault(_("This folder is empty: there is no vault here yet."))
    if has_db and is_plain_sqlite(layout.db):
        raise NotAVault(_("This folder holds a plain, unencrypted SQLite database, not a vault."))
    if not has_key:
        raise VaultCorrupt(_("The vault's key file is missing: restore it from a backup."))
    if not has_db:
        raise VaultCorrupt(_("The vault's database file is missing: restore it from a backup."))
    return layout


def read_key_file(folder: Path) -> KeyFile:
    """The key file of the vault in ``folder`` (e.g. to learn its id before unlocking)."""
    return KeyFile.load(existing_layout(Path(folder)).key)
