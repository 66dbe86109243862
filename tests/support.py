"""Helpers shared by tests: file fingerprints and subprocess runs of real CoachDesk code."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path


def fingerprint(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder``, by relative path: equal means byte-identical."""
    if folder.is_file():
        return {folder.name: hashlib.sha256(folder.read_bytes()).hexdigest()}
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def all_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    return [(path, path.read_bytes()) for path in sorted(folder.rglob("*")) if path.is_file()]


def python(code: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.Popen:
    """Start ``code`` in a fresh interpreter that imports this checkout."""
    full_env = {**os.environ, **(env or {})}
    root = str(Path(__file__).resolve().parent.parent)
    full_env["PYTHONPATH"] = root + os.pathsep + full_env.get("PYTHONPATH", "")
    return subprocess.Popen([sys.executable, "-c", code], env=full_env, **kwargs)  # type: ignore[call-overload]


SQLCIPHER_PAGE = 4096
SQLCIPHER_RESERVE = 80  # 16-byte IV, then a 64-byte HMAC-SHA512
SQLCIPHER_SALT = 16
SQLITE_HEADER = b"SQLite format 3\x00"
WAL_HEADER = 32
WAL_FRAME_HEADER = 24


def decrypt_pages(path: Path, data_key: bytes) -> bytes:
    """Every page of a SQLCipher 4 database (or every frame of its ``-wal`` file) decrypted and
    concatenated, freed pages and stale WAL frames included: what an attacker holding the key
    could read from the file. Grepping the encrypted bytes proves nothing; grepping these does.

    SQLCipher 4 defaults with a raw key: AES-256-CBC under the key itself, each page's IV in its
    reserved tail; page 1 starts with the 16-byte salt, so its ciphertext starts at offset 16. The
    result of a database file is a plain SQLite database that ``sqlite3`` can open.
    """
    raw = path.read_bytes()
    if not path.name.endswith("-wal"):
        pages = [raw[i : i + SQLCIPHER_PAGE] for i in range(0, len(raw), SQLCIPHER_PAGE)]
        return b"".join(_decrypt_page(page, data_key, n == 0) for n, page in enumerate(pages))
    step = WAL_FRAME_HEADER + SQLCIPHER_PAGE
    plain = []
    for offset in range(WAL_HEADER, len(raw) - step + 1, step):
        page_number = int.from_bytes(raw[offset : offset + 4], "big")
        page = raw[offset + WAL_FRAME_HEADER : offset + step]
        plain.append(_decrypt_page(page, data_key, page_number == 1))
    return b"".join(plain)


def _decrypt_page(page: bytes, data_key: bytes, first: bool) -> bytes:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    end = SQLCIPHER_PAGE - SQLCIPHER_RESERVE
    iv = page[end : end + 16]
    decryptor = Cipher(algorithms.AES(data_key), modes.CBC(iv)).decryptor()
    body = decryptor.update(page[SQLCIPHER_SALT if first else 0 : end]) + decryptor.finalize()
    return (SQLITE_HEADER if first else b"") + body + bytes(SQLCIPHER_RESERVE)


def install_catalogue(folder: Path, language: str, messages: dict[str, str]) -> None:
    """A compiled gettext catalogue for ``language`` under ``folder``, laid out as shipped ones
    are; point ``coachdesk.i18n.LOCALE_DIR`` at ``folder`` and clear its cache to use it."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    from coachdesk import i18n

    catalog = Catalog(locale=language, domain=i18n.DOMAIN)
    for source, translated in messages.items():
        catalog.add(source, translated)
    target = folder / language / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    with (target / f"{i18n.DOMAIN}.mo").open("wb") as out:
        write_mo(out, catalog)
