"""The encrypted archive: the export ZIP inside AES-256-GCM, keyed by a passphrase via Argon2id.

Layout (also in ``docs/export-format.md``): ``MAGIC``, a 4-byte big-endian header length, the
header (UTF-8 JSON: cipher, KDF parameters, salt, chunk size, key check), then chunks. Each
chunk is one flag byte (1 on the last chunk, else 0) and the AES-GCM ciphertext of up to
``chunk_size`` bytes. The nonce is the chunk number (11 bytes, big-endian) followed by the flag;
the additional data is the whole header, so parameters cannot be swapped and a cut-off file
never reads as complete (the STREAM construction). The key is new for each file (random salt),
so counter nonces never repeat. The writer streams, so memory stays bounded; the reader
decrypts into memory, never to disk.
"""

from __future__ import annotations

import base64
import io
import json
import os
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from coachdesk.errors import WrongPassphrase
from coachdesk.i18n import _
from coachdesk.services.exchange.archive.common import ArchiveUnreadable
from coachdesk.vault import DEFAULT_ARGON2, Argon2Params

MAGIC = b"CoachDesk encrypted export\n\x00"
CHUNK_SIZE = 64 * 1024
TAG_BYTES = 16
SALT_BYTES = 16
KEY_BYTES = 32
HEADER_LIMIT = 4096
# The most a header may ask for: four times what CoachDesk writes. The header is read before
# anything is authenticated, so a hand-edited one must not cost gigabytes or minutes to refuse.
MAX_ITERATIONS = 4 * DEFAULT_ARGON2.iterations
MAX_LANES = 4 * DEFAULT_ARGON2.lanes
MAX_MEMORY_KIB = 4 * DEFAULT_ARGON2.memory_kib
MAX_CHUNK_SIZE = 16 * CHUNK_SIZE
MORE, LAST = 0, 1
# The key check: an empty message sealed under a nonce no chunk uses (a chunk's ends in 0 or 1),
# so a wrong passphrase is told apart from a damaged file even when the archive is one chunk.
CHECK_NONCE = b"\xff" * 12
CHECK_AAD = b"CoachDesk export key check"
SMALLEST = len(MAGIC) + 4


def is_encrypted_archive(path: os.PathLike[str] | str) -> bool:
    """Whether the file starts like an encrypted CoachDesk export (so a passphrase is needed)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


class EncryptingWriter:
    """A write-only stream that encrypts everything written to it into ``raw``.

    It cannot seek or tell, so ``zipfile`` writes to it in streaming mode. ``finish()`` writes the
    last chunk; a writer never finished leaves a file that reads as cut off, never as complete.
    """

    def __init__(self, raw: BinaryIO, passphrase: str, kdf: Argon2Params = DEFAULT_ARGON2) -> None:
        salt = os.urandom(SALT_BYTES)
        self._aead = AESGCM(_derive(passphrase, salt, kdf))
        check = self._aead.encrypt(CHECK_NONCE, b"", CHECK_AAD)
        self._header = _header_bytes(
            {
                "cipher": "AES-256-GCM",
                "kdf": "argon2id",
                "iterations": kdf.iterations,
                "lanes": kdf.lanes,
                "memory_kib": kdf.memory_kib,
                "salt": base64.b64encode(salt).decode("ascii"),
                "chunk_size": CHUNK_SIZE,
                "key_check": base64.b64encode(check).decode("ascii"),
            }
        )
        self._raw = raw
        self._buffer = bytearray()
        self._counter = 0
        raw.write(self._header)

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self._buffer += data
        while len(self._buffer) > CHUNK_SIZE:
            self._emit(bytes(self._buffer[:CHUNK_SIZE]), MORE)
            del self._buffer[:CHUNK_SIZE]
        return len(data)

    def flush(self) -> None:
        """Nothing to do: only whole chunks are written, and ``finish()`` writes the rest."""

    def finish(self) -> None:
        self._emit(bytes(self._buffer), LAST)
        self._buffer.clear()

    def _emit(self, plain: bytes, flag: int) -> None:
        sealed = self._aead.encrypt(
            _nonce(self._counter, flag), plain, self._header + bytes([flag])
        )
        self._raw.write(bytes([flag]) + sealed)
        self._counter += 1


def decrypt_archive(handle: BinaryIO, passphrase: str) -> io.BytesIO:
    """The ZIP inside an encrypted archive, checked chunk by chunk, held in memory only."""
    header, params = _read_header(handle)
    kdf, salt, check, chunk = _parameters(params)
    aead = AESGCM(_derive_checked(passphrase, salt, kdf))
    try:
        aead.decrypt(CHECK_NONCE, check, CHECK_AAD)
    except InvalidTag:
        raise WrongPassphrase(_("This passphrase does not open the archive.")) from None
    plain = io.BytesIO()
    counter = 0
    while True:
        flag_byte = handle.read(1)
        if not flag_byte or flag_byte[0] not in (MORE, LAST):
            raise _damaged()
        flag = flag_byte[0]
        sealed = handle.read(chunk + TAG_BYTES)
        if flag == MORE and len(sealed) != chunk + TAG_BYTES:
            raise _damaged()
        try:
            plain.write(aead.decrypt(_nonce(counter, flag), sealed, header + flag_byte))
        except InvalidTag:
            raise _damaged() from None
        counter += 1
        if flag == LAST:
            break
    if handle.read(1):
        raise _damaged()
    plain.seek(0)
    return plain


def _parameters(params: dict[str, object]) -> tuple[Argon2Params, bytes, bytes, int]:
    """The header's KDF cost, salt, key check and chunk size, each checked against what
    CoachDesk writes: nothing in an unauthenticated header may crash the reader or make it
    spend more than a few times the usual memory and time before the key check."""
    if params.get("cipher") != "AES-256-GCM" or params.get("kdf") != "argon2id":
        raise _damaged()
    lanes = _bounded(params.get("lanes"), 1, MAX_LANES)
    kdf = Argon2Params(
        iterations=_bounded(params.get("iterations"), 1, MAX_ITERATIONS),
        lanes=lanes,
        memory_kib=_bounded(params.get("memory_kib"), 8 * lanes, MAX_MEMORY_KIB),
    )
    salt = _b64(params.get("salt"))
    check = _b64(params.get("key_check"))
    if len(salt) != SALT_BYTES or len(check) != TAG_BYTES:
        raise _damaged()
    return kdf, salt, check, _bounded(params.get("chunk_size"), 1, MAX_CHUNK_SIZE)


def _bounded(value: object, low: int, high: int) -> int:
    """A whole number within ``low``..``high`` (JSON true and 2.5 are not), or the file is
    damaged."""
    if type(value) is not int or not low <= value <= high:
        raise _damaged()
    return value


def _derive_checked(passphrase: str, salt: bytes, kdf: Argon2Params) -> bytes:
    try:
        return _derive(passphrase, salt, kdf)
    except (ValueError, TypeError):
        raise _damaged() from None


def _read_header(handle: BinaryIO) -> tuple[bytes, dict[str, object]]:
    start = handle.read(SMALLEST)
    if len(start) < SMALLEST or not start.startswith(MAGIC):
        raise ArchiveUnreadable(_("This file is not an encrypted CoachDesk export."))
    size = int.from_bytes(start[len(MAGIC) :], "big")
    if not 0 < size <= HEADER_LIMIT:
        raise _damaged()
    body = handle.read(size)
    try:
        params = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _damaged() from None
    if len(body) != size or not isinstance(params, dict):
        raise _damaged()
    return start + body, params


def _header_bytes(params: dict[str, object]) -> bytes:
    body = json.dumps(params, sort_keys=True).encode("utf-8")
    return MAGIC + len(body).to_bytes(4, "big") + body


def _nonce(counter: int, flag: int) -> bytes:
    return counter.to_bytes(11, "big") + bytes([flag])


def _derive(passphrase: str, salt: bytes, kdf: Argon2Params) -> bytes:
    return Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=kdf.iterations,
        lanes=kdf.lanes,
        memory_cost=kdf.memory_kib,
    ).derive(passphrase.encode("utf-8"))


def _b64(value: object) -> bytes:
    if not isinstance(value, str):
        raise _damaged()
    try:
        return base64.b64decode(value, validate=True)
    except ValueError:
        raise _damaged() from None


def _damaged() -> ArchiveUnreadable:
    return ArchiveUnreadable(_("The encrypted archive is damaged or incomplete; nothing was read."))
