"""The CLI's vault commands and their documented exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coachdesk import vault
from coachdesk.cli import main
from tests.conftest import PASSPHRASE, MemoryKeyring
from tests.support import fingerprint
from tests.vault.test_encryption import write_marker
from tests.vault.test_lock import start_holder


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("COACHDESK_PASSPHRASE", PASSPHRASE)
    return monkeypatch


def run(*args: str | Path) -> int:
    return main([str(a) for a in args])


def test_init_prints_the_recovery_key_once_and_check_opens(
    tmp_path: Path, env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "practice"
    assert run("init", "--vault", folder, "--json") == 0
    created = json.loads(capsys.readouterr().out)
    assert created["folder"] == str(folder)
    with vault.open(folder, recovery_key=created["recovery_key"]) as v:
        assert v.vault_id == created["vault_id"]
    assert run("--vault", folder, "check", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["integrity"] == "ok"
    assert report["tables"]["client"] == 0
    assert report["tables"]["coaching_session"] == 0
    assert report["last_backup"] is not None, "the first opening of the day takes a backup"
    assert len(list((folder / "backups").glob("auto-*.cdbackup"))) == 1
    assert created["recovery_key"] not in report.values()


def test_init_in_the_default_folder_from_coachdesk_home(
    env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("init") == 0
    out = capsys.readouterr().out
    assert "Recovery key" in out
    assert (Path(os.environ["COACHDESK_HOME"]) / "vault" / "vault.key").exists()
    assert run("init") == 1, "never create a vault over an existing one"


def test_wrong_passphrase_exits_3(vault_dir: Path, env: pytest.MonkeyPatch, capsys) -> None:
    env.setenv("COACHDESK_PASSPHRASE", "wrong passphrase")
    assert run("check", "--vault", vault_dir) == 3
    assert capsys.readouterr().err.strip() == "coachdesk: The passphrase is not correct."


def test_no_passphrase_and_no_terminal_exits_1(vault_dir: Path, capsys) -> None:
    assert run("check", "--vault", vault_dir) == 1
    assert "COACHDESK_PASSPHRASE" in capsys.readouterr().err


def test_vault_in_use_exits_4(vault_dir: Path, env: pytest.MonkeyPatch, capsys) -> None:
    holder = start_holder(vault_dir)
    try:
        assert run("check", "--vault", vault_dir) == 4
        assert str(holder.pid) in capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda f: (f / "coachdesk.db").write_bytes(os.urandom(8192)), "cannot be decrypted"),
        (lambda f: (f / "coachdesk.db").write_bytes(b"x" * 5000), "cut short"),
        (lambda f: (f / "vault.key").unlink(), "key file is missing"),
    ],
    ids=["random", "truncated", "no-key"],
)
def test_damaged_vault_exits_5(vault_dir: Path, env, capsys, damage, message: str) -> None:
    damage(vault_dir)
    before = fingerprint(vault_dir)
    assert run("check", "--vault", vault_dir) == 5
    assert message in capsys.readouterr().err
    assert fingerprint(vault_dir) == before


def test_not_a_vault_and_too_new_exit_5(vault_dir: Path, tmp_path: Path, env, capsys) -> None:
    (tmp_path / "empty").mkdir()
    assert run("check", "--vault", tmp_path / "empty") == 5
    assert "empty" in capsys.readouterr().err
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v, v.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'future'")
    assert run("check", "--vault", vault_dir) == 5
    assert "newer CoachDesk" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        run("no-such-command")
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        run("keychain", "sometimes")
    assert info.value.code == 2


def test_passwd_with_old_passphrase_and_with_recovery_key(
    vault_dir: Path, recovery_key: str, env: pytest.MonkeyPatch
) -> None:
    env.setenv("COACHDESK_NEW_PASSPHRASE", "second passphrase")
    assert run("passwd", "--vault", vault_dir) == 0
    assert run("passwd", "--vault", vault_dir) == 3, "the old passphrase no longer works"
    env.delenv("COACHDESK_PASSPHRASE")
    env.setenv("COACHDESK_RECOVERY_KEY", recovery_key)
    env.setenv("COACHDESK_NEW_PASSPHRASE", "third passphrase")
    assert run("passwd", "--with-recovery-key", "--vault", vault_dir) == 0
    vault.open(vault_dir, passphrase="third passphrase").close()
    env.setenv("COACHDESK_NEW_PASSPHRASE", "short")
    assert run("passwd", "--with-recovery-key", "--vault", vault_dir) == 1


def test_passwd_rekey_prints_a_new_recovery_key_and_retires_the_old_secrets(
    vault_dir: Path, recovery_key: str, env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    env.setenv("COACHDESK_NEW_PASSPHRASE", "second passphrase")
    assert run("passwd", "--rekey", "--vault", vault_dir) == 0
    new_recovery = capsys.readouterr().out.split("only older backups):")[1].split()[0]
    vault.open(vault_dir, recovery_key=new_recovery).close()
    env.delenv("COACHDESK_PASSPHRASE", raising=False)
    env.setenv("COACHDESK_RECOVERY_KEY", recovery_key)
    env.setenv("COACHDESK_NEW_PASSPHRASE", "third passphrase")
    assert run("passwd", "--with-recovery-key", "--vault", vault_dir) == 3
    vault.open(vault_dir, passphrase="second passphrase").close()


def test_backup_and_restore_round_trip(vault_dir: Path, tmp_path: Path, env, capsys) -> None:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        write_marker(v, "kept")
    out = tmp_path / "weekly.cdbackup"
    assert run("backup", "--vault", vault_dir, "--out", out) == 0
    assert str(out) in capsys.readouterr().out
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        write_marker(v, "after")
    assert run("restore", out, "--vault", vault_dir) == 0
    assert "was saved as" in capsys.readouterr().out
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        assert v.table_counts()["practice_setting"] == 1
    assert run("backup", "--vault", vault_dir) == 0
    assert list((vault_dir / "backups").glob("manual-*.cdbackup"))
    assert run("restore", tmp_path / "missing.cdbackup", "--vault", vault_dir) == 1


def test_restoring_a_backup_from_before_a_rekey_asks_for_its_passphrase(
    vault_dir: Path, tmp_path: Path, env, capsys
) -> None:
    out = tmp_path / "before.cdbackup"
    assert run("backup", "--vault", vault_dir, "--out", out) == 0
    env.setenv("COACHDESK_NEW_PASSPHRASE", "second passphrase")
    assert run("passwd", "--rekey", "--vault", vault_dir) == 0
    env.setenv("COACHDESK_PASSPHRASE", "second passphrase")
    capsys.readouterr()
    assert run("restore", out, "--vault", vault_dir) == 1, "no terminal to ask on"
    err = capsys.readouterr().err
    assert "made before the vault was re-keyed" in err
    assert "COACHDESK_BACKUP_PASSPHRASE" in err
    env.setenv("COACHDESK_BACKUP_PASSPHRASE", PASSPHRASE)
    assert run("restore", out, "--vault", vault_dir) == 0
    vault.open(vault_dir, passphrase="second passphrase").close()


def test_keychain_remember_and_forget(vault_dir: Path, env, memory_keyring: MemoryKeyring) -> None:
    assert run("keychain", "remember", "--vault", vault_dir) == 0
    assert len(memory_keyring.entries) == 1
    env.delenv("COACHDESK_PASSPHRASE")
    assert run("check", "--vault", vault_dir) == 0, "the remembered key opens without a passphrase"
    assert run("keychain", "forget", "--vault", vault_dir) == 0
    assert memory_keyring.entries == {}
    assert run("check", "--vault", vault_dir) == 1


def test_keychain_remember_without_a_keychain_exits_1(vault_dir: Path, env, capsys) -> None:
    assert run("keychain", "remember", "--vault", vault_dir) == 1
    assert "no secure keychain" in capsys.readouterr().err


def test_installed_entry_point_prints_version_and_help() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "coachdesk", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("CoachDesk ")
    help_text = subprocess.run(
        [sys.executable, "-m", "coachdesk", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for code in ("0  success", "3  wrong passphrase", "4  the vault is open", "5  not a vault"):
        assert code in help_text


def test_a_stale_remembered_key_falls_back_to_the_passphrase(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    """At a terminal, a remembered key that no longer fits is dropped and the coach is asked."""
    from coachdesk.cli import secrets

    vault_id = vault.read_key_file(vault_dir).vault_id
    memory_keyring.set_password("CoachDesk", vault_id, "00" * 32)
    monkeypatch.setattr(secrets, "has_terminal", lambda: True)
    monkeypatch.setattr(secrets.getpass, "getpass", lambda _prompt: PASSPHRASE)
    assert run("check", "--vault", vault_dir) == 0
    assert memory_keyring.entries == {}, "the stale entry is removed"
