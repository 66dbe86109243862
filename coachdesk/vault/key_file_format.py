"""What a key file may hold: every field typed and bounded before anything is derived from it.

A key file is read before the passphrase is checked, so nothing in it may crash the reader, make
it hang (Argon2 with a million passes) or take gigabytes: each field is checked against what
CoachDesk writes, with room to raise the KDF cost later (4x the default, as the export container
allows). A checksum over the fields tells a damaged file from a wrong passphrase: without it a
flipped bit in ``wrapped``, ``salt`` or ``vault_id`` only fails the decryption, which reads as a
wrong passphrase. Files written before the checksum still open; they get one when next written.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from typing import Any

from coachdesk.errors import NotAVault, VaultCorrupt
from coachdesk.i18n import _

FORMAT = "coachdesk-vault-key"
FORMAT_VERSION = 1
CHECKSUM = "checksum"
SIZE_LIMIT = 64 * 1024
MAX_SLOTS = 8
# 4x CoachDesk's default cost (keyslots.DEFAULT_ARGON2: 3 passes, 4 lanes, 64 MiB).
MAX_ITERATIONS = 4 * 3
MAX_LANES = 4 * 4
MAX_MEMORY_KIB = 4 * 64 * 1024
SALT_BYTES = (16, 64)
NONCE_BYTES = 12
WRAPPED_BYTES = 32 + 16  # the data key and the GCM tag
_HEX_ID = re.compile(r"[0-9a-f]{32}")
_HEX_DIGEST = re.compile(r"[0-9a-f]{64}")
_KDFS = {"passphrase": "argon2id", "recovery": "hkdf-sha256"}


def checksum(doc: dict[str, Any]) -> str:
    """SHA-256 over the canonical JSON of every field but the checksum itself."""
    fields = {k: v for k, v in doc.items() if k != CHECKSUM}
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


def parse(raw: bytes) -> dict[str, Any]:
    """The key file's fields, each checked; ``NotAVault`` for another program's file,
    ``VaultCorrupt`` (a damaged key file) for anything else that is not right."""
    if len(raw) > SIZE_LIMIT:
        raise damaged()
    try:
        doc = json.loads(raw)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise damaged() from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise NotAVault(_("The key file in this folder does not belong to CoachDesk."))
    if doc.get("version") != FORMAT_VERSION:
        raise VaultCorrupt(_("The vault's key file has a format this version does not know."))
    stored = doc.get(CHECKSUM)
    if stored is not None and (not isinstance(stored, str) or stored != checksum(doc)):
        raise VaultCorrupt(
            _(
                "The vault's key file is damaged (its checksum does not match): "
                "restore it from a backup."
            )
        )
    _text(doc.get("vault_id"), _HEX_ID)
    _text(doc.get("key_check"), _HEX_DIGEST)
    slots = doc.get("slots")
    if not isinstance(slots, dict) or not 0 < len(slots) <= MAX_SLOTS:
        raise damaged()
    for name, slot in slots.items():
        if not isinstance(slot, dict):
            raise damaged()
        if name in _KDFS:
            _check_slot(name, slot)
    return doc


def _check_slot(name: str, slot: dict[str, Any]) -> None:
    if slot.get("kdf") != _KDFS[name]:
        raise VaultCorrupt(_("The vault's key file uses a key derivation this version lacks."))
    if name == "passphrase":
        lanes = _bounded(slot.get("lanes"), 1, MAX_LANES)
        _bounded(slot.get("iterations"), 1, MAX_ITERATIONS)
        _bounded(slot.get("memory_kib"), 8 * lanes, MAX_MEMORY_KIB)
    low, high = SALT_BYTES
    if not low <= len(decode(slot.get("salt"))) <= high:
        raise damaged()
    if len(decode(slot.get("nonce"))) != NONCE_BYTES:
        raise damaged()
    if len(decode(slot.get("wrapped"))) != WRAPPED_BYTES:
        raise damaged()


def _bounded(value: object, low: int, high: int) -> int:
    """A whole number within ``low``..``high`` (JSON true and 2.5 are not)."""
    if type(value) is not int or not low <= value <= high:
        raise damaged()
    return value


def _text(value: object, pattern: re.Pattern[str]) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise damaged()
    return value


def decode(value: object) -> bytes:
    """Strict base64, or the key file is damaged."""
    if not isinstance(value, str) or len(value) > SIZE_LIMIT:
        raise damaged()
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise damaged() from None


def damaged() -> VaultCorrupt:
    return VaultCorrupt(_("The vault's key file is damaged and cannot be read."))
