"""The recovery sheet: the key read back from the PDF still opens the vault."""

from __future__ import annotations

import re
import secrets
from datetime import date
from pathlib import Path

from coachdesk.documents.data import RecoverySheetData
from coachdesk.documents.recovery_sheet import key_lines, render_recovery_sheet
from coachdesk.vault.keyslots import format_recovery_key, parse_recovery_key
from tests.documents.pdfcheck import assert_well_formed, font_names, text


def test_the_printed_key_parses_back_to_the_same_secret(tmp_path: Path) -> None:
    secret = secrets.token_bytes(20)
    key = format_recovery_key(secret)
    data = RecoverySheetData("Practice vault – Zoë", "3f1c9a2e-8b4d", key, date(2026, 8, 1))
    pdf = render_recovery_sheet(data)
    out = text(pdf)
    for fact in ["Vault recovery key", "Practice vault – Zoë", "3f1c9a2e-8b4d", "1 August 2026"]:
        assert fact in out, fact
    groups = key.split("-")
    printed = re.search(" - ".join(groups[:4]) + " " + " - ".join(groups[4:]), out)
    assert printed is not None
    assert parse_recovery_key(printed.group(0)) == secret
    assert_well_formed(pdf, tmp_path)
    assert any("Mono" in name for name in font_names(pdf))


def test_key_lines_group_by_four() -> None:
    assert key_lines("AAAA-BBBB-CCCC-DDDD-EEEE") == ["AAAA - BBBB - CCCC - DDDD", "EEEE"]


def test_letter_paper() -> None:
    data = RecoverySheetData("v", "id", "AAAA-BBBB", date(2026, 8, 1), paper_size="Letter")
    assert b"/MediaBox [ 0 0 612 792 ]" in render_recovery_sheet(data)
