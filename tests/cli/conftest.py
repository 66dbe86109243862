"""The command line run in-process against a real vault, as a script would run it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coachdesk.cli import main
from tests.conftest import PASSPHRASE


@pytest.fixture
def cli(vault_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run ``coachdesk ARGS --vault <vault>``; returns (exit code, stdout, stderr)."""
    monkeypatch.setenv("COACHDESK_PASSPHRASE", PASSPHRASE)

    def run(*args: str) -> tuple[int, str, str]:
        code = main([*args, "--vault", str(vault_dir)])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def json_of(result: tuple[int, str, str]) -> object:
    code, out, err = result
    assert code == 0, err
    return json.loads(out)
