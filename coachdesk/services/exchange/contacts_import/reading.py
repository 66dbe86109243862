"""Turning a contacts file's bytes into text, whatever program wrote it.

Address books export UTF-8 (with or without a byte-order mark), UTF-16 (Excel's "Unicode text",
Outlook) or Windows-1252 (older Excel on Windows). A BOM settles it; otherwise strict UTF-8 is
tried first, because Windows-1252 decodes almost any bytes and would garble UTF-8 names.
"""

from __future__ import annotations

import codecs
import csv
import io
from itertools import islice
from pathlib import Path

from coachdesk.errors import InvalidInput
from coachdesk.i18n import _

MAX_BYTES = 50 * 1024 * 1024  # far beyond any address book; keeps a wrong file from eating memory
DELIMITERS = ",;\t"
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SNIFF_CHARS = 64 * 1024


def read_bytes(path: Path) -> bytes:
    """The file's content, or an error naming the file (never its content)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InvalidInput(
                _("{file} is too large to be a contacts file.").format(file=path.name)
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(_("There is no file {path}.").format(path=path)) from None
    except IsADirectoryError:
        raise InvalidInput(_("{path} is a folder, not a file.").format(path=path)) from None
    except OSError as exc:
        message = _("Cannot read {path}: {reason}")
        raise InvalidInput(message.format(path=path, reason=exc.strerror)) from None


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read with."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        # The five bytes Windows-1252 leaves undefined: Latin-1 keeps the rest readable.
        return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon (European Excel) or tab: the one that splits the titles into several
    columns and the most of the first rows into as many. Titles rarely hold a delimiter;
    values often do ("Acme, Inc."), which is what misleads ``csv.Sniffer``.
    """
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        rows = list(islice(csv.reader(io.StringIO(text[:SNIFF_CHARS]), delimiter=delimiter), 50))
        width = len(rows[0]) if rows else 0
        if width < 2:
            continue
        score = (sum(1 for row in rows[1:] if len(row) == width), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def opens_as_vcard(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n").upper().startswith("BEGIN:VCARD")


def looks_like_vcard(path: Path, text: str) -> bool:
    """A ``.vcf`` file, or any file that opens like one."""
    return path.suffix.lower() in {".vcf", ".vcard"} or opens_as_vcard(text)
