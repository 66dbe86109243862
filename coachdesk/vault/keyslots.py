"""Key slots: the database's random data key, wrapped under the passphrase and the recovery key.

As in LUKS, the database is encrypted with a random 256-bit data key, and the key file beside
the database holds that key wrapped (AES-256-GCM) under a key derived from the
passphrase (Argon2id, parameters stored in the slot so they can be raised later) and under a
printable recovery key. Changing the passphrase rewrites one slot; the database is untouched.
Only a re-key (``rekey.py``, for a leaked passphrase) replaces the data key, and with it every
slot: the recovery key too, since its slot cannot be rewrapped without the key itself.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from coachdesk.errors import NotAVault, VaultCorrupt, WrongPassphrase
from coachdesk.i18n import _
from coachdesk.vault import key_file_format
from coachdesk.vault.files import write_atomic
from coachdesk.vault.key_file_format import FORMAT, FORMAT_VERSION

KEY_BYTES = 32
PASSPHRASE_SLOT = "passphrase"
RECOVERY_SLOT = "recovery"
RECOVERY_BYTES = 20
RECOVERY_GROUP = 4
_RECOVERY_TYPOS = str.maketrans({"0": "O", "1": "I", "8": "B"})


@dataclass(frozen=True)
class Argon2Params:
    """Cost of deriving a key from a passphrase; recorded per slot so it can be raised later."""

    iterations: int = 3
    lanes: int = 4
    memory_kib: int = 64 * 1024


DEFAULT_ARGON2 = Argon2Params()


@dataclass
class KeyFile:
    """The parsed key file of one vault."""

    vault_id: str
    key_check: str
    slots: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "key_check": self.key_check,
            "slots": self.slots,
        }
        doc[key_file_format.CHECKSUM] = key_file_format.checksum(doc)
        return json.dumps(doc, indent=2, sort_keys=True).encode()

    def save(self, path: Path) -> None:
        write_atomic(path, self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            with open(path, "rb") as handle:  # a key file is small: never read a huge one whole
                raw = handle.read(key_file_format.SIZE_LIMIT + 1)
        except FileNotFoundError:
            raise NotAVault(_("This folder has no vault key file.")) from None
        except OSError:
            raise key_file_format.damaged() from None
        return cls.from_bytes(raw)

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        """Parse a key file, telling a foreign file from a damaged one (``key_file_format``)."""
        doc = key_file_format.parse(raw)
        return cls(doc["vault_id"], doc["key_check"], dict(doc["slots"]))


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_key_file(
    data_key: bytes, passphrase: str, kdf: Argon2Params = DEFAULT_ARGON2
) -> tuple[KeyFile, str]:
    """A key file for a new vault, and its recovery key (shown to the user once, never stored)."""
    recovery_key = format_recovery_key(secrets.token_bytes(RECOVERY_BYTES))
    key_file = KeyFile(vault_id=uuid.uuid4().hex, key_check="")
    key_file.key_check = _key_check(key_file.vault_id, data_key)
    key_file.slots[PASSPHRASE_SLOT] = _passphrase_slot(key_file.vault_id, data_key, passphrase, kdf)
    key_file.slots[RECOVERY_SLOT] = _recovery_slot(key_file.vault_id, data_key, recovery_key)
    return key_file, recovery_key


def with_new_passphrase(
    key_file: KeyFile, data_key: bytes | bytearray, passphrase: str, kdf: Argon2Params | None = None
) -> KeyFile:
    """A copy of ``key_file`` whose passphrase slot wraps ``data_key`` under ``passphrase``."""
    if kdf is None:
        kdf = _argon2_params(key_file.slots[PASSPHRASE_SLOT])
    slots = dict(key_file.slots)
    slots[PASSPHRASE_SLOT] = _passphrase_slot(key_file.vault_id, data_key, passphrase, kdf)
    return KeyFile(key_file.vault_id, key_file.key_check, slots)


def rekeyed(key_file: KeyFile, data_key: bytes, passphrase: str) -> tuple[KeyFile, str]:
    """The same vault's key file for a new ``data_key``: a new passphrase slot (same Argon2
    cost) and a new recovery key, shown once; nothing in it opens with the old key file's
    secrets."""
    kdf = _argon2_params(_slot(key_file, PASSPHRASE_SLOT))
    recovery_key = format_recovery_key(secrets.token_bytes(RECOVERY_BYTES))
    vault_id = key_file.vault_id
    slots = {
        PASSPHRASE_SLOT: _passphrase_slot(vault_id, data_key, passphrase, kdf),
        RECOVERY_SLOT: _recovery_slot(vault_id, data_key, recovery_key),
    }
    return KeyFile(vault_id, _key_check(vault_id, data_key), slots), recovery_key


def with_new_recovery_key(key_file: KeyFile, data_key: bytes | bytearray) -> tuple[KeyFile, str]:
    """A copy of ``key_file`` with a fresh recovery slot, and its key: the old key no longer
    fits, because its slot is replaced (the key itself was never stored, so it cannot be shown
    again)."""
    recovery_key = format_recovery_key(secrets.token_bytes(RECOVERY_BYTES))
    slots = dict(key_file.slots)
    slots[RECOVERY_SLOT] = _recovery_slot(key_file.vault_id, data_key, recovery_key)
    return KeyFile(key_file.vault_id, key_file.key_check, slots), recovery_key


def unlock_with_passphrase(key_file: KeyFile, passphrase: str) -> bytes:
    slot = _slot(key_file, PASSPHRASE_SLOT)
    wrapping = _argon2(passphrase.encode(), _b64d(slot["salt"]), _argon2_params(slot))
    return _unwrap(key_file, PASSPHRASE_SLOT, wrapping, _("The passphrase is not correct."))


def unlock_with_recovery_key(key_file: KeyFile, recovery_key: str) -> bytes:
    slot = _slot(key_file, RECOVERY_SLOT)
    try:
        secret = parse_recovery_key(recovery_key)
    except ValueError:
        raise WrongPassphrase(_("That is not a recovery key: check for missing letters.")) from None
    wrapping = _hkdf(secret, _b64d(slot["salt"]))
    return _unwrap(key_file, RECOVERY_SLOT, wrapping, _("The recovery key is not correct."))


def data_key_fits(key_file: KeyFile, data_key: bytes) -> bool:
    """Whether ``data_key`` is this vault's key, checked without touching the database."""
    return hmac.compare_digest(key_file.key_check, _key_check(key_file.vault_id, data_key))


def format_recovery_key(secret: bytes) -> str:
    """Base32 in dash-separated groups of four: easy to copy by hand, no 0/1/8 to confuse."""
    text = base64.b32encode(secret).decode().rstrip("=")
    return "-".join(text[i : i + RECOVERY_GROUP] for i in range(0, len(text), RECOVERY_GROUP))


def parse_recovery_key(text: str) -> bytes:
    """Accept the recovery key however it was typed: any case, spaces or dashes, 0 for O."""
    compact = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_RECOVERY_TYPOS)
    secret = base64.b32decode(compact + "=" * (-len(compact) % 8))
    if len(secret) != RECOVERY_BYTES:
        raise ValueError("wrong length")
    return secret


def _slot(key_file: KeyFile, name: str) -> dict[str, Any]:
    try:
        return key_file.slots[name]
    except KeyError:
        raise VaultCorrupt(_("The vault's key file is missing a key slot.")) from None


def _aad(vault_id: str, slot: str) -> bytes:
    return f"coachdesk:{vault_id}:{slot}".encode()


def _key_check(vault_id: str, data_key: bytes | bytearray) -> str:
    digest = hmac.new(data_key, f"coachdesk key check {vault_id}".encode(), hashlib.sha256)
    return digest.hexdigest()


def _passphrase_slot(
    vault_id: str, data_key: bytes | bytearray, passphrase: str, kdf: Argon2Params
) -> dict[str, Any]:
    salt = os.urandom(16)
    wrapping = _argon2(passphrase.encode(), salt, kdf)
    return {
        "kdf": "argon2id",
        "iterations": kdf.iterations,
        "lanes": kdf.lanes,
        "memory_kib": kdf.memory_kib,
        "salt": _b64e(salt),
        **_wrap(vault_id, PASSPHRASE_SLOT, wrapping, data_key),
    }


def _recovery_slot(vault_id: str, data_key: bytes | bytearray, recovery_key: str) -> dict[str, Any]:
    salt = os.urandom(16)
    wrapping = _hkdf(parse_recovery_key(recovery_key), salt)
    return {
        "kdf": "hkdf-sha256",
        "salt": _b64e(salt),
        **_wrap(vault_id, RECOVERY_SLOT, wrapping, data_key),
    }


def _argon2_params(slot: dict[str, Any]) -> Argon2Params:
    if slot.get("kdf") != "argon2id":
        raise VaultCorrupt(_("The vault's key file uses a key derivation this version lacks."))
    return Argon2Params(slot["iterations"], slot["lanes"], slot["memory_kib"])


def _argon2(secret: bytes, salt: bytes, kdf: Argon2Params) -> bytes:
    return Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=kdf.iterations,
        lanes=kdf.lanes,
        memory_cost=kdf.memory_kib,
    ).derive(secret)


def _hkdf(secret: bytes, salt: bytes) -> bytes:
    """The recovery key carries 160 random bits, so a fast KDF suffices."""
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=b"coachdesk recovery"
    ).derive(secret)


def _wrap(vault_id: str, slot: str, wrapping: bytes, data_key: bytes | bytearray) -> dict[str, str]:
    nonce = os.urandom(12)
    wrapped = AESGCM(wrapping).encrypt(nonce, data_key, _aad(vault_id, slot))
    return {"nonce": _b64e(nonce), "wrapped": _b64e(wrapped)}


def _unwrap(key_file: KeyFile, slot: str, wrapping: bytes, wrong: str) -> bytes:
    entry = key_file.slots[slot]
    try:
        data_key = AESGCM(wrapping).decrypt(
            _b64d(entry["nonce"]), _b64d(entry["wrapped"]), _aad(key_file.vault_id, slot)
        )
    except InvalidTag:
        raise WrongPassphrase(wrong) from None
    if not data_key_fits(key_file, data_key):
        raise VaultCorrupt(_("The vault's key file is damaged: its key check does not match."))
    return data_key


def _b64e(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _b64d(text: str) -> bytes:
    return key_file_format.decode(text)
