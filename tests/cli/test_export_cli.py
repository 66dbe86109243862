"""``coachdesk export``, ``import archive`` and ``calendar export``, through the command line."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pytest
from icalendar import Calendar

from coachdesk import vault
from coachdesk.cli import main
from coachdesk.errors import EXIT_INVALID_INPUT, EXIT_WRONG_KEY
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.services.archive_samples import PRIVATE_MARKER, fill_rich, raw_rows

EXPORT_SECRET = "an export passphrase"


@pytest.fixture
def practice_dir(vault_dir: Path) -> Path:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        fill_rich(v)
    return vault_dir


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run ``coachdesk ARGS --vault DIR``; returns (exit code, stdout, stderr)."""
    monkeypatch.setenv("COACHDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("COACHDESK_EXPORT_PASSPHRASE", raising=False)

    def run(folder: Path, *args: str) -> tuple[int, str, str]:
        code = main([*args, "--vault", str(folder)])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def fresh_vault(folder: Path) -> Path:
    vault.create(folder, PASSPHRASE, kdf=FAST_KDF).vault.close()
    return folder


def rows_of(folder: Path) -> dict[str, list[tuple[object, ...]]]:
    with vault.open(folder, passphrase=PASSPHRASE) as v:
        return raw_rows(v.engine)


def test_export_then_import_archive_restores_the_practice(
    cli, practice_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "practice.zip"
    code, stdout, stderr = cli(practice_dir, "export", "--out", str(out))
    assert code == 0, stderr
    assert "not encrypted" in stderr
    assert stdout.startswith(f"Wrote {out} (7 clients,")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    target = fresh_vault(tmp_path / "new")
    code, stdout, stderr = cli(target, "import", "archive", str(out))
    assert code == 0, stderr
    assert stdout.startswith("Imported 7 clients,")
    assert rows_of(target) == rows_of(practice_dir)
    code, _out, stderr = cli(target, "import", "archive", str(out))
    assert code == EXIT_INVALID_INPUT
    assert stderr.startswith("coachdesk: vault: ")


def test_encrypted_export_needs_its_passphrase_to_come_back(
    cli, practice_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "practice.cdexport"
    monkeypatch.setenv("COACHDESK_EXPORT_PASSPHRASE", EXPORT_SECRET)
    code, stdout, stderr = cli(practice_dir, "export", "--out", str(out), "--encrypt", "--json")
    assert code == 0, stderr
    assert "not encrypted" not in stderr
    result = json.loads(stdout)
    assert result["encrypted"] is True
    assert result["counts"]["client"] == 7
    assert not zipfile.is_zipfile(out)
    target = fresh_vault(tmp_path / "new")
    monkeypatch.setenv("COACHDESK_EXPORT_PASSPHRASE", "a wrong passphrase")
    code, _out, stderr = cli(target, "import", "archive", str(out))
    assert code == EXIT_WRONG_KEY
    assert "passphrase" in stderr
    monkeypatch.setenv("COACHDESK_EXPORT_PASSPHRASE", EXPORT_SECRET)
    code, stdout, stderr = cli(target, "import", "archive", str(out), "--json")
    assert code == 0, stderr
    assert json.loads(stdout)["counts"]["client"] == 7
    assert rows_of(target) == rows_of(practice_dir)


def test_client_export_and_bad_paths(cli, practice_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "amara.zip"
    code, stdout, stderr = cli(
        practice_dir, "export", "--out", str(out), "--client", "amara okafor"
    )
    assert code == 0, stderr
    assert stdout.startswith(f"Wrote {out} (1 client, 0 engagements, 1 session,")
    with zipfile.ZipFile(out) as zf:
        assert PRIVATE_MARKER.encode() not in zf.read("coachdesk-export.json")
    code, _out, stderr = cli(practice_dir, "export", "--out", str(tmp_path / "none" / "x.zip"))
    assert code == EXIT_INVALID_INPUT
    assert stderr.startswith("coachdesk: out: ")
    target = fresh_vault(tmp_path / "new")
    code, _out, stderr = cli(target, "import", "archive", str(tmp_path / "missing.zip"))
    assert code == EXIT_INVALID_INPUT
    assert stderr.startswith("coachdesk: source: ")


def test_calendar_export_writes_one_clients_sessions(
    cli, practice_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "amara.ics"
    code, stdout, stderr = cli(
        practice_dir,
        "calendar",
        "export",
        "--out",
        str(out),
        "--client",
        "Amara Okafor",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
    )
    assert code == 0, stderr
    assert stdout == f"Wrote {out} (1 session)\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    summaries = [str(e["summary"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert summaries == ["Coaching with Amara Okafor"]
    code, _out, stderr = cli(
        practice_dir,
        "calendar",
        "export",
        "--out",
        str(out),
        "--from",
        "2026-04-01",
        "--to",
        "2026-03-01",
    )
    assert code == EXIT_INVALID_INPUT
    assert stderr.startswith("coachdesk: to: ")
