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
from coachdesk.errors import EXIT_BAD_VAULT, EXIT_INVALID_INPUT, EXIT_WRONG_KEY
from coachdesk.services.exchange.archive import export_practice
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.services import factories
from tests.services.archive_samples import PRIVATE_MARKER, fill_rich, raw_rows
from tests.services.header_edits import edited

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
    code, stdout, stderr = cli(practice_dir, "export", "--out", str(out), "--include-private-notes")
    assert code == 0, stderr
    assert "not encrypted" in stderr
    assert "private notes included" in stderr
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


def test_a_plain_export_leaves_private_notes_out_by_default(
    cli, practice_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "practice.zip"
    code, stdout, stderr = cli(practice_dir, "export", "--out", str(out), "--json")
    assert code == 0, stderr
    assert "private notes are left out" in stderr
    assert json.loads(stdout)["private_notes"] is False
    with zipfile.ZipFile(out) as zf:
        assert not any(PRIVATE_MARKER.encode() in zf.read(name) for name in zf.namelist())
    with_notes = tmp_path / "with-notes.zip"
    code, stdout, stderr = cli(
        practice_dir, "export", "--out", str(with_notes), "--include-private-notes", "--json"
    )
    assert code == 0, stderr
    assert json.loads(stdout)["private_notes"] is True
    with zipfile.ZipFile(with_notes) as zf:
        assert PRIVATE_MARKER.encode() in zf.read("coachdesk-export.json")
    code, _out, stderr = cli(
        practice_dir,
        "export",
        "--out",
        str(tmp_path / "amara.zip"),
        "--client",
        "amara okafor",
        "--include-private-notes",
    )
    assert code == EXIT_INVALID_INPUT
    assert "never holds your private notes" in stderr
    assert not (tmp_path / "amara.zip").exists()


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
    assert result["private_notes"] is True
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


@pytest.fixture
def sealed(tmp_path: Path) -> Path:
    """A one-client practice exported with EXPORT_SECRET."""
    folder = fresh_vault(tmp_path / "source")
    dest = tmp_path / "practice.cdexport"
    with vault.open(folder, passphrase=PASSPHRASE) as v, v.session() as db, db.begin():
        factories.client(db, "Amara Okafor")
        export_practice(db, dest, passphrase=EXPORT_SECRET)
    return dest


@pytest.mark.parametrize(
    "changes",
    [{"lanes": 64, "memory_kib": 8}, {"iterations": "three"}, {"memory_kib": 4 * 1024 * 1024}],
    ids=["lanes-without-memory", "not-a-number", "absurd-memory"],
)
def test_a_hand_edited_archive_header_is_called_damaged(
    cli, sealed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, changes: dict[str, object]
) -> None:
    broken = edited(sealed, tmp_path / "edited.cdexport", **changes)
    target = fresh_vault(tmp_path / "new")
    monkeypatch.setenv("COACHDESK_EXPORT_PASSPHRASE", EXPORT_SECRET)
    code, stdout, stderr = cli(target, "import", "archive", str(broken))
    assert (code, stdout) == (EXIT_INVALID_INPUT, "")
    assert stderr == (
        "coachdesk: The encrypted archive is damaged or incomplete; nothing was read.\n"
    )
    assert rows_of(target)["client"] == []


def test_import_where_there_is_no_vault_says_how_to_make_one(
    cli, sealed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    for folder in (tmp_path / "nowhere", empty_folder):
        # Said before the archive's passphrase is asked for (none is set, and no terminal).
        code, _out, stderr = cli(folder, "import", "archive", str(sealed))
        assert code == EXIT_BAD_VAULT
        assert stderr.startswith("coachdesk: ")
        assert stderr.endswith(f" Create one first with: coachdesk init --vault {folder}\n")
    code, _out, stderr = cli(tmp_path / "nowhere", "init")
    assert code == 0, stderr
    monkeypatch.setenv("COACHDESK_EXPORT_PASSPHRASE", EXPORT_SECRET)
    code, stdout, stderr = cli(tmp_path / "nowhere", "import", "archive", str(sealed))
    assert code == 0, stderr
    assert stdout.startswith("Imported 1 client,")


def test_calendar_uids_survive_export_and_import_into_a_new_vault(
    cli, practice_dir: Path, tmp_path: Path
) -> None:
    def uids(folder: Path) -> list[str]:
        out = tmp_path / f"{folder.name}.ics"
        window = ("--from", "2020-01-01", "--to", "2030-12-31")
        code, _out, stderr = cli(folder, "calendar", "export", "--out", str(out), *window)
        assert code == 0, stderr
        return [str(e["uid"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]

    before = uids(practice_dir)
    assert before
    archive = tmp_path / "practice.zip"
    assert cli(practice_dir, "export", "--out", str(archive))[0] == 0
    target = fresh_vault(tmp_path / "new")
    assert cli(target, "import", "archive", str(archive))[0] == 0
    assert uids(target) == before
    assert vault.read_key_file(target).vault_id not in before[0]
