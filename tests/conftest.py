"""Shared fixtures: real encrypted vaults in temp folders, and keyring's own test seam."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

# Qt must know before it starts that there is no display (pytest-qt imports Qt at collection).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests read English text: on a computer set to another language, the catalogues would
# translate it (tests of a language set LANGUAGE themselves, in a subprocess).
os.environ["LANGUAGE"] = "en"

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from coachdesk import vault
from coachdesk.vault import Argon2Params, Vault

PASSPHRASE = "correct horse battery staple"
# Real Argon2id, at a cost that keeps the suite fast; the default cost is tested on its own.
FAST_KDF = Argon2Params(iterations=1, lanes=1, memory_kib=8 * 1024)


class MemoryKeyring(KeyringBackend):
    """An in-memory secure keychain, as a real OS keychain behaves."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test touches the real user folders or keychain."""
    monkeypatch.setenv("COACHDESK_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.delenv("COACHDESK_PASSPHRASE", raising=False)
    monkeypatch.delenv("COACHDESK_NEW_PASSPHRASE", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _english_formats() -> None:
    """Every test starts in English with en_GB formats, whatever this machine's locale is and
    whatever profile a CLI run applied to the process."""
    from coachdesk import formatting, i18n

    formatting.set_formats_locale("en_GB")
    i18n.set_language("en")


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture(scope="session")
def _fresh_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One newly created vault per test process, and its recovery key: creating runs every
    migration (most of a second), copying its closed files takes a millisecond."""
    folder = tmp_path_factory.mktemp("template") / "vault"
    created = vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    created.vault.close()
    return folder, created.recovery_key


@pytest.fixture
def vault_dir(tmp_path: Path, _fresh_vault: tuple[Path, str]) -> Path:
    """A closed, newly created vault with the test passphrase, byte for byte as ``vault.create``
    left it; its recovery key is in ``recovery.txt`` beside it (the ``recovery_key`` fixture)."""
    template, recovery = _fresh_vault
    folder = shutil.copytree(template, tmp_path / "vault")
    (tmp_path / "recovery.txt").write_text(recovery)
    return folder


@pytest.fixture
def recovery_key(vault_dir: Path) -> str:
    return (vault_dir.parent / "recovery.txt").read_text()


@pytest.fixture
def open_vault(vault_dir: Path) -> Iterator[Vault]:
    v = vault.open(vault_dir, passphrase=PASSPHRASE)
    yield v
    v.close()
