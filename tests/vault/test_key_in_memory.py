"""After Lock the vault's data key is gone from the buffer the app kept it in, and SQLCipher
wipes its own key and page memory."""

from __future__ import annotations

from pathlib import Path

from coachdesk import vault
from tests.conftest import PASSPHRASE


def test_closing_wipes_the_data_key(vault_dir: Path) -> None:
    v = vault.open(vault_dir, passphrase=PASSPHRASE)
    buffer = v._data_key
    assert any(buffer)
    v.close()
    assert len(buffer) == 32
    assert not any(buffer)


def test_connections_enable_cipher_memory_security(open_vault: vault.Vault) -> None:
    with open_vault.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cipher_memory_security").scalar() == "1"
