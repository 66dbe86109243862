"""Encrypted storage of one practice: key slots, keychain, engine, migrations, backups, locking.

The names below load on first use (PEP 562): the unlock dialog and ``coachdesk --version``
import ``coachdesk.vault.keychain`` or ``.layout`` without paying for SQLAlchemy, which opening
a vault (``coachdesk.vault.vault``) needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coachdesk.vault.key_file import read_key_file
    from coachdesk.vault.keyslots import DEFAULT_ARGON2, Argon2Params
    from coachdesk.vault.restoring import restore
    from coachdesk.vault.vault import NewVault, Vault, create, open_vault

    open = open_vault  # noqa: A001 - the issue's name for it: ``vault.open(folder, passphrase=...)``

_HOMES = {
    "DEFAULT_ARGON2": ("keyslots", "DEFAULT_ARGON2"),
    "Argon2Params": ("keyslots", "Argon2Params"),
    "restore": ("restoring", "restore"),
    "NewVault": ("vault", "NewVault"),
    "Vault": ("vault", "Vault"),
    "create": ("vault", "create"),
    "open": ("vault", "open_vault"),
    "open_vault": ("vault", "open_vault"),
    "read_key_file": ("key_file", "read_key_file"),
}

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


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attribute = _HOMES[name]
    value = getattr(importlib.import_module(f"coachdesk.vault.{module}"), attribute)
    globals()[name] = value
    return value
