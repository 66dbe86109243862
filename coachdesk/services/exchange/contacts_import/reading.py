"""Turning a contacts file's bytes into text, whatever program wrote it.

Address books export UTF-8 (with or without a byte-order mark), UTF-16 (Excel's "Unicode text",
Outlook) or Windows-1252 (older Excel on Windows). A BOM settles it; otherwise strict UTF-8 is
tried first, because Windows-1252 decodes almost any bytes and would garble UTF-8 names.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from coachdesk.errors import InvalidInput
from coachdesk.i18n import _

# Far beyond any address book, and what keeps a wrong or hostile file from eating memory: a
# file's rows or cards are all held at once, so their number is bounded as well as the bytes.
MAX_BYTES = 50 * 1024 * 1024
MAX_CONTACTS = 50_000
DELIMITERS = ",;\t"
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SNIFF_CHARS = 64 * 1024
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


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


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text and the name of the encoding it was read with. A byte-order mark promises an
    encoding: bytes that break it (an odd-length UTF-16 file) are a damaged file, named."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                message = _("{file} is damaged: it is not valid {encoding} text (byte {at}).")
                raise InvalidInput(
                    message.format(file=name, encoding=encoding.upper(), at=exc.start)
                ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        # The five bytes Windows-1252 leaves undefined: Latin-1 keeps the rest readable.
        return data.decode("latin-1"), "latin-1"


def lines_of(text: str) -> Iterator[str]:
    """The lines of ``text`` with their endings (CR, LF or CRLF), as a file opened with
    ``newline=""`` gives them. ``io.StringIO`` would first copy the text at four bytes a
    character, whatever it holds: four times the file in memory."""
    for match in LINE.finditer(text):
        if match.group():
            yield match.group()


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon (European Excel) or tab: the one that splits the titles into several
    columns and the most of the first rows into as many. Titles rarely hold a delimiter;
    values often do ("Acme, Inc."), which is what misleads ``csv.Sniffer``.
    """
    best, best_score = ",", (0, 0)
    sample = text[:SNIFF_CHARS]
    for delimiter in DELIMITERS:
        try:
            rows = list(islice(csv.reader(lines_of(sample), delimiter=delimiter), 50))
        except csv.Error:  # not readable this way; parsing the whole file names the line
            continue
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
