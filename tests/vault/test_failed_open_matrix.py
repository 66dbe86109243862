"""Every way an open can fail: its exit code, its message, and every file byte-identical after.

Run through the CLI (``coachdesk check``), which is where exit codes are a public contract.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from coachdesk import vault
from coachdesk.cli import main
from tests.conftest import PASSPHRASE
from tests.fixtures.vaults.make_fixture import PASSPHRASE as FIXTURE_PASSPHRASE
from tests.support import fingerprint
from tests.vault.test_atomic_migrations import copy_of_oldest, half_migrate
from tests.vault.test_bad_files import fill, make_plain_sqlite
from tests.vault.test_encryption import write_marker
from tests.vault.test_lock import start_holder
from tests.vault.test_wal import copy_while_open

NOBODY = 65534


@dataclass
class Scenario:
    folder: Path
    passphrase: str = PASSPHRASE


Setup = Callable[[Path, Path], Scenario]


def wrong_passphrase(v: Path, _tmp: Path) -> Scenario:
    return Scenario(v, "not the passphrase")


def too_new_with_a_wal(v: Path, tmp: Path) -> Scenario:
    with vault.open(v, passphrase=PASSPHRASE) as opened:
        write_marker(opened, "newer")
        with opened.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
        copy_while_open(opened, tmp / "newer")
    return Scenario(tmp / "newer")


def half_migrated(_v: Path, tmp: Path) -> Scenario:
    folder = copy_of_oldest(tmp / "half")
    half_migrate(folder)
    return Scenario(folder, FIXTURE_PASSPHRASE)


def edit_key(change: Callable[[dict], None]) -> Setup:
    def setup(v: Path, _tmp: Path) -> Scenario:
        doc = json.loads((v / "vault.key").read_text())
        change(doc)
        (v / "vault.key").write_text(json.dumps(doc))
        return Scenario(v)

    return setup


def write_file(name: str, data: Callable[[Path], bytes]) -> Setup:
    def setup(v: Path, _tmp: Path) -> Scenario:
        (v / name).write_bytes(data(v))
        return Scenario(v)

    return setup


def remove(name: str) -> Setup:
    def setup(v: Path, _tmp: Path) -> Scenario:
        (v / name).unlink()
        return Scenario(v)

    return setup


def damaged_page(v: Path, _tmp: Path) -> Scenario:
    fill(v)
    data = bytearray((v / "coachdesk.db").read_bytes())
    data[4096 * 2 + 100] ^= 0xFF
    (v / "coachdesk.db").write_bytes(bytes(data))
    return Scenario(v)


def plain_sqlite(_v: Path, tmp: Path) -> Scenario:
    (tmp / "plain").mkdir()
    make_plain_sqlite(tmp / "plain" / "coachdesk.db")
    return Scenario(tmp / "plain")


def empty_folder(_v: Path, tmp: Path) -> Scenario:
    (tmp / "empty").mkdir()
    return Scenario(tmp / "empty")


def a_file(_v: Path, tmp: Path) -> Scenario:
    (tmp / "photo.jpg").write_bytes(os.urandom(3000))
    return Scenario(tmp / "photo.jpg")


def flip_wrapped(doc: dict) -> None:
    wrapped = doc["slots"]["passphrase"]["wrapped"]
    doc["slots"]["passphrase"]["wrapped"] = ("B" if wrapped[0] != "B" else "C") + wrapped[1:]


def hostile_cost(doc: dict) -> None:
    doc.pop("checksum")
    doc["slots"]["passphrase"]["iterations"] = 10**6


MATRIX: dict[str, tuple[Setup, int, str]] = {
    "wrong passphrase": (wrong_passphrase, 3, "The passphrase is not correct."),
    "too new, with a WAL": (too_new_with_a_wal, 5, "written by a newer CoachDesk"),
    "half-migrated": (half_migrated, 5, "left this vault half-updated"),
    "key file cut short": (
        write_file("vault.key", lambda v: (v / "vault.key").read_bytes()[:60]),
        5,
        "key file is damaged",
    ),
    "key file bit flipped": (edit_key(flip_wrapped), 5, "checksum does not match"),
    "key file hostile cost": (edit_key(hostile_cost), 5, "key file is damaged"),
    "key file foreign": (
        write_file("vault.key", lambda _v: b'{"format": "other"}'),
        5,
        "does not belong to CoachDesk",
    ),
    "key file missing": (remove("vault.key"), 5, "key file is missing"),
    "database missing": (remove("coachdesk.db"), 5, "database file is missing"),
    "database random": (
        write_file("coachdesk.db", lambda _v: os.urandom(4096 * 4)),
        5,
        "cannot be decrypted",
    ),
    "database cut short": (write_file("coachdesk.db", lambda _v: b"x" * 5000), 5, "cut short"),
    "database empty": (write_file("coachdesk.db", lambda _v: b""), 5, "database file is empty"),
    "database page damaged": (damaged_page, 5, "integrity check found"),
    "plain SQLite": (plain_sqlite, 5, "plain, unencrypted SQLite database"),
    "empty folder": (empty_folder, 5, "This folder is empty"),
    "a file": (a_file, 5, "is a file, not a CoachDesk vault folder"),
}


def check(scenario: Scenario, monkeypatch: pytest.MonkeyPatch, capsys) -> tuple[int, str]:
    monkeypatch.setenv("COACHDESK_PASSPHRASE", scenario.passphrase)
    code = main(["check", "--vault", str(scenario.folder)])
    return code, capsys.readouterr().err


def assert_failed_cleanly(scenario: Scenario, code: int, message: str, monkeypatch, capsys) -> None:
    before = fingerprint(scenario.folder)
    got, err = check(scenario, monkeypatch, capsys)
    assert (got, message in err) == (code, True), err
    assert err.startswith("coachdesk: ")
    assert fingerprint(scenario.folder) == before, "a failed open changes no file"


@pytest.mark.parametrize("case", MATRIX.values(), ids=MATRIX.keys())
def test_failed_open(
    vault_dir: Path, tmp_path: Path, case: tuple[Setup, int, str], monkeypatch, capsys
) -> None:
    setup, code, message = case
    assert_failed_cleanly(setup(vault_dir, tmp_path), code, message, monkeypatch, capsys)


def test_missing_folder(tmp_path: Path, monkeypatch, capsys) -> None:
    code, err = check(Scenario(tmp_path / "nowhere"), monkeypatch, capsys)
    assert (code, "There is no vault at" in err) == (5, True)
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("lock_file_deleted", [False, True], ids=["in-use", "lock-file-deleted"])
def test_vault_in_use(vault_dir: Path, lock_file_deleted: bool, monkeypatch, capsys) -> None:
    holder = start_holder(vault_dir)
    try:
        if lock_file_deleted:
            (vault_dir / "vault.lock").unlink()
        assert_failed_cleanly(
            Scenario(vault_dir),
            4,
            f"open in another CoachDesk (process {holder.pid}",
            monkeypatch,
            capsys,
        )
    finally:
        holder.kill()
        holder.wait()


@contextlib.contextmanager
def read_only(folder: Path, home: Path) -> Iterator[None]:
    """Make ``folder`` unwritable for this process; as root (who may write anywhere), by
    handing it to ``nobody`` and running as ``nobody`` for the duration."""
    if os.geteuid() != 0:
        os.chmod(folder, 0o500)
        try:
            yield
        finally:
            os.chmod(folder, 0o700)
        return
    for path in [folder, home, *folder.rglob("*"), *home.rglob("*")]:
        os.chown(path, NOBODY, NOBODY)
    os.chmod(folder, 0o500)
    os.seteuid(NOBODY)  # drops root's power to write where permissions forbid it
    try:
        yield
    finally:
        os.seteuid(0)
        os.chmod(folder, 0o700)


def test_read_only_folder(monkeypatch, capsys) -> None:
    # Outside pytest's private temp root, so that nobody can reach it.
    base = Path(tempfile.mkdtemp(prefix="coachdesk-ro-"))
    try:
        os.chmod(base, 0o755)
        folder, home = base / "vault", base / "home"
        home.mkdir()
        vault.create(folder, PASSPHRASE, kdf=vault.Argon2Params(1, 1, 8 * 1024)).vault.close()
        monkeypatch.setenv("COACHDESK_HOME", str(home))
        before = fingerprint(folder)
        with read_only(folder, home):
            code, err = check(Scenario(folder), monkeypatch, capsys)
        assert (code, "is read-only" in err) == (1, True), err
        assert fingerprint(folder) == before
    finally:
        shutil.rmtree(base, ignore_errors=True)
