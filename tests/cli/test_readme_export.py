"""The README's promise about export encryption is what the command line does."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_says_the_command_line_export_is_plain_unless_encrypt() -> None:
    text = " ".join(README.read_text(encoding="utf-8").split())
    for claim in re.finditer(r"[^.]*encrypted by default[^.]*\.", text):
        assert "app" in claim.group(), claim.group()
    assert "writes a plain ZIP unless you add `--encrypt`" in text
    assert "warns on stderr" in text
