"""The code stays ruff-clean (lint and format), so style never needs a review comment."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
RUFF = Path(sys.executable).with_name("ruff")
TARGETS = ["coachdesk", "tests", "main.py", "packaging"]


def test_ruff_check() -> None:
    result = subprocess.run(
        [str(RUFF), "check", *TARGETS], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout


def test_ruff_format() -> None:
    result = subprocess.run(
        [str(RUFF), "format", "--check", *TARGETS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
