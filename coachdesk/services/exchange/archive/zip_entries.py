"""Reading one file out of an export ZIP without trusting what the ZIP says about it.

A ZIP declares each file's size, and a hostile one lies or inflates: 3 MB of archive held a
3 GiB JSON document (a zip bomb), and a blob was read whole before its size was compared.
Here the declared size, and how far it inflates its compressed bytes, are checked before any
byte is read; the bytes are then read in chunks and the reading stops at the limit, whatever
was declared.
"""

from __future__ import annotations

import zipfile

from coachdesk.i18n import _
from coachdesk.services.exchange.archive.common import ArchiveUnreadable

CHUNK = 1024 * 1024
# Deflate shrinks a real export's JSON and CSV five to twenty times; far more is a bomb. Small
# files are let through whatever their ratio: they cannot cost much.
MAX_RATIO = 200
RATIO_FREE_BYTES = 1024 * 1024


class EntryTooLarge(ArchiveUnreadable):
    """A file in the ZIP is larger than it may be, or than it says it is."""

    def __init__(self, name: str) -> None:
        message = _(
            "The export is damaged or hostile: {entry} is far larger than an export holds; "
            "nothing was imported."
        )
        super().__init__(message.format(entry=name))


def read_entry(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """The bytes of ``name``, at most ``limit`` of them. Raises ``KeyError`` when the ZIP has
    no such file and ``EntryTooLarge`` when it is, or claims to be, larger than ``limit`` or
    inflates out of all proportion; the ZIP's own errors (a bad CRC) pass through."""
    info = zf.getinfo(name)
    if info.file_size > limit or (
        info.file_size > RATIO_FREE_BYTES
        and info.file_size > MAX_RATIO * max(info.compress_size, 1)
    ):
        raise EntryTooLarge(name)
    parts: list[bytes] = []
    size = 0
    with zf.open(info) as entry:
        while chunk := entry.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise EntryTooLarge(name)
            parts.append(chunk)
    return b"".join(parts)
