"""Hostile files given to ``coachdesk import``: invalid input (exit 1) with a message naming the
file, and the vault as it was; never an internal error (exit 70)."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from coachdesk import vault
from coachdesk.cli import main
from coachdesk.errors import EXIT_INVALID_INPUT, EXIT_OK
from coachdesk.services.exchange.archive import export_practice
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.services.archive_samples import fill_rich, raw_rows
from tests.services.hostile_files import (
    CONTACT_LINES,
    CONTACTS,
    bomb_archive,
    deep_archive,
    rewritten,
    swapped_entry,
)
from tests.support import fingerprint


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("COACHDESK_PASSPHRASE", PASSPHRASE)

    def run(folder: Path, *args: str) -> tuple[int, str, str]:
        code = main([*args, "--vault", str(folder)])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def fresh_vault(folder: Path) -> Path:
    vault.create(folder, PASSPHRASE, kdf=FAST_KDF).vault.close()
    return folder


@pytest.mark.parametrize("name", sorted(CONTACTS))
def test_a_hostile_contacts_file_is_invalid_input_and_changes_nothing(
    cli, vault_dir: Path, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(CONTACTS[name])
    before = fingerprint(vault_dir)
    kind = "vcard" if name.endswith(".vcf") else "csv"
    code, _out, err = cli(vault_dir, "import", kind, str(path))
    if name in {"random.csv", "lone-cr.csv"}:
        # Any bytes read as some table: nothing in them is a client's name, or they are
        # rows a coach can judge; either way an answer, not a crash.
        assert code in {EXIT_OK, EXIT_INVALID_INPUT}, err
        assert "something went wrong" not in err
        return
    assert code == EXIT_INVALID_INPUT, err
    assert name in err
    if name in CONTACT_LINES:
        assert f"line {CONTACT_LINES[name]}" in err
    assert fingerprint(vault_dir) == before


def test_a_lone_carriage_return_ends_a_row_or_stays_in_its_quoted_cell(
    cli, vault_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "lone-cr.csv"
    path.write_bytes(CONTACTS["lone-cr.csv"])
    code, out, err = cli(vault_dir, "import", "csv", str(path), "--dry-run")
    assert code == EXIT_OK, err
    assert "Ann Lee" in out  # a name has no line breaks: the quoted one became a space
    assert "Dry run: 3 clients would be imported" in out  # the bare one ended "Bo"'s row


@pytest.fixture
def practice_zip(tmp_path: Path) -> Path:
    """A plain export of the rich sample practice (it has a logo and scans as files)."""
    folder = fresh_vault(tmp_path / "source")
    dest = tmp_path / "practice.zip"
    with vault.open(folder, passphrase=PASSPHRASE) as v:
        fill_rich(v)
        with v.session() as db:
            export_practice(db, dest)
    return dest


def hostile_archives(practice_zip: Path, folder: Path) -> dict[str, Path]:
    def client_row(change: dict[str, object]):
        return lambda document: document["client"][0].update(change)

    return {
        "nested 200,000 deep": deep_archive(folder / "deep.zip"),
        "a zip bomb": bomb_archive(folder / "bomb.zip", 64 * 1024 * 1024),
        "an id past SQLite's integers": rewritten(
            practice_zip, folder / "huge-id.zip", client_row({"id": 2**70})
        ),
        "half a character": rewritten(
            practice_zip, folder / "surrogate.zip", client_row({"given_name": "\ud800"})
        ),
        "a file larger than recorded": swapped_entry(
            practice_zip, folder / "blob.zip", "-logo.png", os.urandom(2 * 1024 * 1024)
        ),
    }


def test_a_hostile_archive_is_invalid_input_and_imports_nothing(
    cli, practice_zip: Path, tmp_path: Path
) -> None:
    target = fresh_vault(tmp_path / "new")
    for what, path in hostile_archives(practice_zip, tmp_path).items():
        code, out, err = cli(target, "import", "archive", str(path))
        assert (code, out) == (EXIT_INVALID_INPUT, ""), (what, err)
        assert "damaged" in err, what
        with vault.open(target, passphrase=PASSPHRASE) as v:
            assert raw_rows(v.engine)["client"] == [], what


def test_a_bomb_is_refused_by_name_before_it_is_inflated(cli, tmp_path: Path) -> None:
    target = fresh_vault(tmp_path / "new")
    bomb = bomb_archive(tmp_path / "bomb.zip", 64 * 1024 * 1024)
    assert bomb.stat().st_size < 1024 * 1024
    with zipfile.ZipFile(bomb) as zf:
        assert zf.getinfo("coachdesk-export.json").file_size > 64 * 1024 * 1024
    code, _out, err = cli(target, "import", "archive", str(bomb))
    assert code == EXIT_INVALID_INPUT
    assert "coachdesk-export.json is far larger than an export holds" in err
