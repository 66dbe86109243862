"""Hostile contacts files and archives, as an adversarial audit built them: each one once made
an import crash (exit 70) or take memory out of all proportion to its size."""

from __future__ import annotations

import base64
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

DOCUMENT = "coachdesk-export.json"
HEADER = {"format": "coachdesk-export", "version": 1, "scope": "practice"}

CONTACTS: dict[str, bytes] = {
    "random.csv": bytes(range(256)) * 4 + b"\r\x00\n\r" * 64 + os.urandom(4096),
    "lone-cr.csv": b'Name,Email\n"Ann\rLee",ann@example.org\nBo\rRay,bo@example.org\n',
    "odd-utf16.csv": b"\xff\xfe" + "Name,Email\nAnn,ann@example.org\n".encode("utf-16-le") + b"A",
    "nested.vcf": (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\n" * 20_000 + b"FN:Ann\r\n" + b"END:VCARD\r\n" * 20_000
    ),
    "bad-base64.vcf": (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN;ENCODING=b:!!not base64##\r\nEND:VCARD\r\n"
    ),
    "bad-quoted-printable.vcf": (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"N;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=FF=FE;Ann\r\nEND:VCARD\r\n"
    ),
}
# The line each damaged vCard's message points at: where the trouble is, or its card begins.
CONTACT_LINES = {"nested.vcf": 17, "bad-base64.vcf": 1, "bad-quoted-printable.vcf": 1}


def photo_vcard(photo_bytes: int) -> bytes:
    """One card whose photo, folded at 75 characters as exporters do, is ``photo_bytes`` long."""
    photo = base64.b64encode(os.urandom(photo_bytes * 3 // 4)).decode("ascii")
    folded = "\r\n ".join(photo[i : i + 74] for i in range(0, len(photo), 74))
    return (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEMAIL:ann@example.org\r\n"
        f"PHOTO;ENCODING=b;TYPE=JPEG:{folded}\r\nEND:VCARD\r\n"
    ).encode("ascii")


def zip_with(dest: Path, document: bytes | Callable[[Any], None]) -> Path:
    """A ZIP holding ``document`` as the export's JSON document (written in pieces by a
    callable, for documents too large to build in memory)."""
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        if callable(document):
            with zf.open(DOCUMENT, "w", force_zip64=True) as entry:
                document(entry)
        else:
            zf.writestr(DOCUMENT, document)
    return dest


def deep_archive(dest: Path, levels: int = 200_000) -> Path:
    """An export whose client table is an array nested ``levels`` deep."""
    head = json.dumps(HEADER)[:-1].encode()
    return zip_with(dest, head + b', "client": ' + b"[" * levels + b"]" * levels + b"}")


def bomb_archive(dest: Path, padding: int) -> Path:
    """A few kilobytes of ZIP whose JSON document inflates to ``padding`` bytes of spaces."""

    def write(entry: Any) -> None:
        entry.write(json.dumps(HEADER)[:-1].encode() + b",")
        block = b" " * (1024 * 1024)
        for _ in range(padding // len(block)):
            entry.write(block)
        entry.write(b'"client": []}')

    return zip_with(dest, write)


def rewritten(source: Path, dest: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """A copy of the export ``source`` whose JSON document ``change`` edited."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(dest, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == DOCUMENT:
                document = json.loads(data)
                change(document)
                data = json.dumps(document).encode()
            out.writestr(item, data)
    return dest


def swapped_entry(source: Path, dest: Path, suffix: str, data: bytes) -> Path:
    """A copy of ``source`` whose file ending in ``suffix`` now holds ``data`` (stored, so
    the ZIP declares its true size), while the document still records the old size."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(dest, "w") as out:
        for item in src.infolist():
            if item.filename.endswith(suffix):
                out.writestr(item.filename, data, zipfile.ZIP_STORED)
            else:
                out.writestr(item, src.read(item))
    return dest
