"""Commands take the automatic backup as this computer's settings say, as the app does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coachdesk import settings
from coachdesk.cli import main
from tests.conftest import PASSPHRASE


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACHDESK_PASSPHRASE", PASSPHRASE)


def automatic_backups(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("auto-*.cdbackup")) if folder.is_dir() else []


def test_never_means_a_command_takes_no_automatic_backup(
    vault_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.save({settings.BACKUP_EVERY_DAYS: 0})
    assert main(["check", "--vault", str(vault_dir), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["last_backup"] is None
    assert automatic_backups(vault_dir / "backups") == []


def test_a_chosen_folder_gets_the_commands_automatic_backup(
    vault_dir: Path, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    settings.save({settings.BACKUP_FOLDER: str(usb)})
    assert main(["client", "list", "--vault", str(vault_dir)]) == 0
    assert len(automatic_backups(usb)) == 1
    assert automatic_backups(vault_dir / "backups") == []
    assert main(["check", "--vault", str(vault_dir)]) == 0
    assert len(automatic_backups(usb)) == 1, "once a day, wherever it went"


def test_an_unreachable_folder_falls_back_to_the_vaults_own(
    vault_dir: Path, tmp_path: Path
) -> None:
    settings.save({settings.BACKUP_FOLDER: str(tmp_path / "unplugged")})
    assert main(["check", "--vault", str(vault_dir)]) == 0
    assert len(automatic_backups(vault_dir / "backups")) == 1
    assert not (tmp_path / "unplugged").exists()
