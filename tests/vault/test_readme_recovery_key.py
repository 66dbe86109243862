"""The README describes the recovery key as the vault makes it, and points only at files a clone
has."""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from coachdesk.vault.keyslots import RECOVERY_BYTES, format_recovery_key

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"


def test_the_readme_says_what_a_recovery_key_looks_like() -> None:
    text = " ".join(README.read_text(encoding="utf-8").split())
    keys = [format_recovery_key(secrets.token_bytes(RECOVERY_BYTES)) for _ in range(50)]
    groups = [key.split("-") for key in keys]
    assert all(len(g) == 8 and all(len(part) == 4 for part in g) for g in groups)
    assert any(ch.isdigit() for key in keys for ch in key), "keys hold digits"
    assert all(re.fullmatch(r"[A-Z2-7-]+", key) for key in keys)
    assert "eight groups of four letters and digits" in text
    assert "the letters A–Z and the digits 2–7" in text
    assert "groups of four letters)" not in text


def test_the_readme_links_only_to_files_in_the_repository() -> None:
    text = README.read_text(encoding="utf-8")
    assert "../" not in text
    for target in re.findall(r"\]\(([^)#]+)\)", text):
        if not target.startswith(("http://", "https://", "mailto:")):
            assert (ROOT / target).exists(), target
