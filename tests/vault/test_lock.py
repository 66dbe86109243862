"""One process per vault; a lock left by a killed process is taken over."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
from pathlib import Path

import pytest

from coachdesk import vault
from coachdesk.errors import VaultInUse
from tests.conftest import PASSPHRASE
from tests.support import python

HOLD = """
import sys
from pathlib import Path
from coachdesk import vault
v = vault.open(Path(sys.argv[1]), passphrase={passphrase!r})
print("open", flush=True)
sys.stdin.read()
"""


def start_holder(folder: Path) -> subprocess.Popen:
    code = HOLD.format(passphrase=PASSPHRASE).replace("sys.argv[1]", repr(str(folder)))
    proc = python(code, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "open"
    return proc


def test_second_open_in_this_process_is_refused(open_vault: vault.Vault) -> None:
    with pytest.raises(VaultInUse) as info:
        vault.open(open_vault.folder, passphrase=PASSPHRASE)
    assert info.value.pid == os.getpid()
    assert info.value.host == socket.gethostname()


def test_open_in_another_process_names_pid_and_host(vault_dir: Path) -> None:
    holder = start_holder(vault_dir)
    try:
        with pytest.raises(VaultInUse) as info:
            vault.open(vault_dir, passphrase=PASSPHRASE)
        assert info.value.pid == holder.pid
        assert str(holder.pid) in info.value.message
        assert socket.gethostname() in info.value.message
    finally:
        holder.kill()
        holder.wait()


def test_lock_of_a_killed_process_is_recovered(vault_dir: Path) -> None:
    holder = start_holder(vault_dir)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert (vault_dir / "vault.owner").exists(), "the killed holder left its note behind"
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        assert v.is_open
    assert not (vault_dir / "vault.owner").exists()


def test_close_releases_the_lock(vault_dir: Path) -> None:
    vault.open(vault_dir, passphrase=PASSPHRASE).close()
    vault.open(vault_dir, passphrase=PASSPHRASE).close()


def test_deleting_the_lock_file_does_not_let_a_second_process_in(
    vault_dir: Path, tmp_path: Path
) -> None:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        backup = v.backup(tmp_path / "before.cdbackup")
    holder = start_holder(vault_dir)
    try:
        (vault_dir / "vault.lock").unlink()
        before = (vault_dir / "coachdesk.db").read_bytes()
        with pytest.raises(VaultInUse) as info:
            vault.open(vault_dir, passphrase=PASSPHRASE)
        assert info.value.pid == holder.pid
        with pytest.raises(VaultInUse):
            vault.restore(backup, vault_dir, passphrase=PASSPHRASE)
        assert (vault_dir / "coachdesk.db").read_bytes() == before, "restore refused, untouched"
    finally:
        holder.kill()
        holder.wait()
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        assert v.integrity_problems() == []
