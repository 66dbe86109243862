"""Two vaults sharing one backup folder (the folder is chosen per computer): each gets its own
automatic backups, counts only its own, and pruning never touches the other's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from coachdesk import vault
from coachdesk.vault import Vault
from coachdesk.vault.backup_sets import auto_backups, backup_entries, manual_backup_path
from coachdesk.vault.backups import read_backup
from tests.conftest import FAST_KDF, PASSPHRASE

MONDAY = date(2026, 11, 2)


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "synced"
    folder.mkdir()
    return folder


@pytest.fixture
def second_vault(tmp_path: Path) -> Iterator[Vault]:
    other = vault.create(tmp_path / "second practice", PASSPHRASE, kdf=FAST_KDF).vault
    yield other
    other.close()


def owner(path: Path) -> str:
    info, _key = read_backup(path)
    return info.vault_id


def ours(v: Vault, folder: Path) -> dict[date, Path]:
    return auto_backups(folder, v.vault_id, v.layout.backups)


def test_each_vault_gets_its_own_automatic_backup(
    open_vault: Vault, second_vault: Vault, shared: Path
) -> None:
    first = open_vault.rolling_backup(MONDAY, folder=shared)
    assert second_vault.last_backup_time(shared) is None, "the first vault's is not the second's"

    second = second_vault.rolling_backup(MONDAY, folder=shared)

    assert first is not None
    assert second is not None
    assert first != second
    assert first.name == f"auto-{open_vault.vault_id[:8]}-2026-11-02.cdbackup"
    assert second.name == f"auto-{second_vault.vault_id[:8]}-2026-11-02.cdbackup"
    assert owner(first) == open_vault.vault_id
    assert owner(second) == second_vault.vault_id
    assert open_vault.rolling_backup(MONDAY, folder=shared) is None
    assert second_vault.rolling_backup(MONDAY, folder=shared) is None


def test_pruning_keeps_the_other_vaults_backups(
    open_vault: Vault, second_vault: Vault, shared: Path
) -> None:
    for n in range(30):
        second_vault.rolling_backup(MONDAY + timedelta(days=n), folder=shared)
    seconds = ours(second_vault, shared)
    old_day = MONDAY - timedelta(days=60)
    open_vault.rolling_backup(old_day, folder=shared)
    clash = date(2026, 1, 1)  # the second vault's backup, named with the first one's tag
    lookalike = second_vault.backup(shared / f"auto-{open_vault.vault_id[:8]}-{clash}")

    for n in range(30):
        open_vault.rolling_backup(MONDAY + timedelta(days=n), folder=shared)

    assert ours(second_vault, shared) == seconds, "the first vault pruned none of the second's"
    assert all(path.exists() for path in seconds.values())
    firsts = ours(open_vault, shared)
    assert old_day not in firsts, "the first vault pruned its own"
    assert lookalike.exists(), "a name is not enough to delete another vault's backup"
    assert set(firsts) - {clash} == set(seconds)
    assert not set(firsts.values()) & set(seconds.values())


def test_last_backup_counts_only_this_vaults_backups(
    open_vault: Vault, second_vault: Vault, shared: Path
) -> None:
    second_vault.backup(manual_backup_path(shared, second_vault.vault_id))
    second_vault.backup(shared / "picked by hand")

    assert open_vault.last_backup_time(shared) is None
    assert second_vault.last_backup_time(shared) is not None

    mine = open_vault.backup(manual_backup_path(shared, open_vault.vault_id))
    assert mine.name.startswith(f"manual-{open_vault.vault_id[:8]}-")
    assert open_vault.last_backup_time(shared) is not None
    listed = backup_entries([shared, open_vault.layout.backups], open_vault.vault_id)
    assert [entry.path for entry in listed] == [mine]


def test_untagged_backups_from_before_count_where_they_belong(
    open_vault: Vault, second_vault: Vault, shared: Path
) -> None:
    home = open_vault.backup_folder()
    legacy_own = open_vault.backup(home / "auto-2026-11-02")
    legacy_other = second_vault.backup(shared / "auto-2026-11-02")

    assert ours(open_vault, home) == {MONDAY: legacy_own}
    assert open_vault.rolling_backup(MONDAY) is None, "the old name still counts in its folder"
    assert ours(open_vault, shared) == {}, "in a shared folder the manifest decides"
    assert ours(second_vault, shared) == {MONDAY: legacy_other}
    assert open_vault.rolling_backup(MONDAY, folder=shared) is not None

    for n in range(1, 40):
        open_vault.rolling_backup(MONDAY + timedelta(days=n))
    assert not legacy_own.exists(), "the old automatic backup is pruned like the new ones"
    assert legacy_other.exists()
