"""Remembering the key on this computer, with and without a secure keychain."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail, null

from coachdesk import vault
from coachdesk.errors import KeychainUnavailable, WrongPassphrase
from coachdesk.vault import keychain
from tests.conftest import PASSPHRASE, MemoryKeyring
from tests.support import fingerprint


def test_remember_then_open_without_passphrase(vault_dir: Path, memory_keyring: MemoryKeyring):
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        assert not v.is_remembered()
        v.remember_on_this_computer()
        assert v.is_remembered()
        vault_id = v.vault_id
    assert (keychain.SERVICE, vault_id) in memory_keyring.entries
    with vault.open(vault_dir, use_keychain=True) as v:
        assert v.is_open


def test_forget_removes_the_key(vault_dir: Path, memory_keyring: MemoryKeyring) -> None:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        v.remember_on_this_computer()
        assert v.forget_on_this_computer()
        assert not v.forget_on_this_computer()
    assert memory_keyring.entries == {}
    with pytest.raises(WrongPassphrase, match="does not remember"):
        vault.open(vault_dir, use_keychain=True)
    vault.open(vault_dir, passphrase=PASSPHRASE).close()


def test_a_stale_entry_is_refused_and_removed(vault_dir: Path, memory_keyring: MemoryKeyring):
    vault_id = vault.read_key_file(vault_dir).vault_id
    memory_keyring.set_password(keychain.SERVICE, vault_id, "00" * 32)
    before = fingerprint(vault_dir)
    with pytest.raises(WrongPassphrase, match="no longer fits"):
        vault.open(vault_dir, use_keychain=True)
    assert memory_keyring.entries == {}
    assert fingerprint(vault_dir) == before


def test_missing_entry_is_never_a_new_vault(vault_dir: Path, memory_keyring: MemoryKeyring):
    before = fingerprint(vault_dir)
    with pytest.raises(WrongPassphrase):
        vault.open(vault_dir, use_keychain=True)
    assert fingerprint(vault_dir) == before


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring], ids=["fail", "null"])
def test_without_a_secure_keychain_the_passphrase_still_works(vault_dir: Path, backend) -> None:
    keyring.set_keyring(backend())
    assert not keychain.is_available()
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        with pytest.raises(KeychainUnavailable, match="no secure keychain"):
            v.remember_on_this_computer()
        assert not v.is_remembered()
        assert not v.forget_on_this_computer()
    with pytest.raises(WrongPassphrase):
        vault.open(vault_dir, use_keychain=True)


def test_plaintext_backends_do_not_count_as_secure() -> None:
    class PlaintextKeyring(MemoryKeyring):
        pass

    keyring.set_keyring(PlaintextKeyring())
    assert not keychain.is_available()
    keyring.set_keyring(MemoryKeyring())
    assert keychain.is_available()
