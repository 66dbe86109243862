"""Helpers for tests that hand-edit an encrypted archive's header (no tests here)."""

from __future__ import annotations

import json
from pathlib import Path

from coachdesk.services.exchange.archive.container import MAGIC

HEAD = len(MAGIC) + 4


def header_of(path: Path) -> dict[str, object]:
    data = path.read_bytes()
    size = int.from_bytes(data[len(MAGIC) : HEAD], "big")
    return json.loads(data[HEAD : HEAD + size])


def with_header_body(source: Path, dest: Path, body: bytes) -> Path:
    """A copy of ``source`` whose header is ``body``; the chunks stay as they were."""
    data = source.read_bytes()
    size = int.from_bytes(data[len(MAGIC) : HEAD], "big")
    dest.write_bytes(MAGIC + len(body).to_bytes(4, "big") + body + data[HEAD + size :])
    return dest


def edited(source: Path, dest: Path, **changes: object) -> Path:
    """A copy of ``source`` with ``changes`` made to its header, as someone editing it would."""
    header = header_of(source)
    header.update(changes)
    return with_header_body(source, dest, json.dumps(header, sort_keys=True).encode())
