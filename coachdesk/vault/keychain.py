"""Remembering a vault's data key in the operating system's keychain, for unlock without typing.

Only a real secure store counts: keyring's ``fail`` and ``null`` backends and any plaintext file
backend mean "no keychain here", and the passphrase alone opens the vault. A missing entry only
means "not remembered", never "new vault".
"""

from __future__ import annotations

import logging

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from coachdesk.errors import KeychainUnavailable
from coachdesk.i18n import _

SERVICE = "CoachDesk"
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt.file")

log = logging.getLogger(__name__)


def _is_secure(backend: KeyringBackend) -> bool:
    module = type(backend).__module__
    if module.startswith(_INSECURE_MODULES) or "plaintext" in type(backend).__name__.lower():
        return False
    children = getattr(backend, "backends", None)
    if children is not None:
        return any(_is_secure(child) for child in children)
    return True


def is_available() -> bool:
    """Whether this computer has a secure keychain that may hold a vault key."""
    try:
        return _is_secure(keyring.get_keyring())
    except Exception:  # a broken backend must not stop the app: passphrase still works
        log.warning("keychain backend could not be loaded", exc_info=True)
        return False


def remember(vault_id: str, data_key: bytes | bytearray) -> None:
    """Store the data key for ``vault_id``; raises ``KeychainUnavailable`` when it cannot."""
    if not is_available():
        raise KeychainUnavailable(_("This computer has no secure keychain to remember the key."))
    try:
        keyring.set_password(SERVICE, vault_id, data_key.hex())
    except keyring.errors.KeyringError:
        log.warning("keychain refused to store vault %s", vault_id)
        raise KeychainUnavailable(_("The keychain refused to remember the key.")) from None


def recall(vault_id: str) -> bytes | None:
    """The remembered data key of ``vault_id``, or None when not remembered or unavailable."""
    if not is_available():
        return None
    try:
        value = keyring.get_password(SERVICE, vault_id)
    except keyring.errors.KeyringError:
        log.warning("keychain could not be read for vault %s", vault_id)
        return None
    if value is None:
        return None
    try:
        return bytes.fromhex(value)
    except ValueError:
        log.warning("keychain entry for vault %s is not a key", vault_id)
        return None


def forget(vault_id: str) -> bool:
    """Remove the remembered key; True if one was there."""
    if not is_available():
        return False
    try:
        keyring.delete_password(SERVICE, vault_id)
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError:
        log.warning("keychain could not forget vault %s", vault_id)
        return False
    return True
