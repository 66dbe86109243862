"""Erase leaves no fresh copy of the client behind; check reports a damaged page and lets go."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coachdesk import vault
from coachdesk.cli import main
from tests.conftest import PASSPHRASE
from tests.vault.test_encryption import write_marker


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("COACHDESK_PASSPHRASE", PASSPHRASE)
    return monkeypatch


def run(*args: str | Path) -> int:
    return main([str(a) for a in args])


def test_erase_takes_no_automatic_backup(vault_dir: Path, env, capsys) -> None:
    assert run("--vault", vault_dir, "client", "add", "--name", "Ada Lovelace") == 0
    shutil.rmtree(vault_dir / "backups")  # as on a day whose first command is the erase
    assert run("--vault", vault_dir, "client", "erase", "1", "--yes") == 0
    assert "Erased client 1" in capsys.readouterr().out
    assert not list(vault_dir.rglob("*.cdbackup")), "no backup holding the erased client"
    assert run("--vault", vault_dir, "client", "list", "--all", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert len(list((vault_dir / "backups").glob("auto-*.cdbackup"))) == 1, (
        "the next command takes the day's backup, without the client"
    )


def damage_a_page(folder: Path) -> None:
    with vault.open(folder, passphrase=PASSPHRASE) as v:
        for i in range(300):
            write_marker(v, f"k{i}")
    db = folder / "coachdesk.db"
    data = bytearray(db.read_bytes())
    data[4096 * 2 + 100] ^= 0xFF
    db.write_bytes(bytes(data))


def test_check_reports_a_damaged_page_exits_5_and_releases_the_vault(
    vault_dir: Path, env, capsys
) -> None:
    damage_a_page(vault_dir)
    assert run("--vault", vault_dir, "check", "--json") == 5
    captured = capsys.readouterr()
    assert json.loads(captured.out)["integrity"] == "damaged"
    assert "integrity check found" in captured.err
    assert not (vault_dir / "vault.owner").exists()
    assert not list((vault_dir / "backups").glob("auto-*")), "no backup of a damaged database"
    vault.open(vault_dir, passphrase=PASSPHRASE).close()


def test_other_commands_on_a_damaged_page_exit_5_and_release(vault_dir: Path, env, capsys):
    damage_a_page(vault_dir)
    assert run("--vault", vault_dir, "client", "list") == 5
    assert "damaged" in capsys.readouterr().err
    assert not (vault_dir / "vault.owner").exists()
    assert not [p for p in vault_dir.rglob("*.tmp")], "the failed backup left no partial file"
    vault.open(vault_dir, passphrase=PASSPHRASE).close()
