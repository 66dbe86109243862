"""Encrypted storage of one practice: key slots, keychain, engine, migrations, backups, locking."""

from coachdesk.vault.keyslots import DEFAULT_ARGON2, Argon2Params
from coachdesk.vault.restore import restore
from coachdesk.vault.vault import NewVault, Vault, create, open_vault, read_key_file

open = open_vault  # noqa: A001 - the issue's name for it: ``vault.open(folder, passphrase=...)``

__all__ = [
    "DEFAULT_ARGON2",
    "Argon2Params",
    "NewVault",
    "Vault",
    "create",
    "open",
    "open_vault",
    "read_key_file",
    "restore",
]
