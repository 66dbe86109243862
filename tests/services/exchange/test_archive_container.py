"""A hand-edited encrypted archive header: refused as damaged, cheaply, before any key is made."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from coachdesk.services.exchange.archive import ArchiveUnreadable, export_practice, import_practice
from coachdesk.services.exchange.archive.container import decrypt_archive
from coachdesk.vault import Vault
from tests.services import factories
from tests.services.archive_samples import new_vault, raw_rows
from tests.services.header_edits import edited, with_header_body

SECRET = "an export passphrase"


@pytest.fixture
def sealed(tmp_path: Path) -> Path:
    """A small practice exported with a passphrase."""
    source = new_vault(tmp_path / "source")
    try:
        with source.session() as db, db.begin():
            factories.client(db, "Amara Okafor")
            dest = tmp_path / "practice.cdexport"
            export_practice(db, dest, passphrase=SECRET)
    finally:
        source.close()
    return dest


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Vault]:
    v = new_vault(tmp_path / "new")
    yield v
    v.close()


# Each was accepted (or crashed the reader) before: 64 lanes need at least 512 KiB, a string is
# not a number, and 4 GiB with 100 passes was within the old limits.
MALFORMED = {
    "too many lanes for the memory": {"lanes": 64, "memory_kib": 8},
    "a number as text": {"iterations": "3"},
    "a fraction": {"memory_kib": 65536.5},
    "true for a number": {"lanes": True},
    "no iterations at all": {"iterations": None},
    "absurd memory": {"memory_kib": 4 * 1024 * 1024},
    "absurd passes": {"iterations": 100},
    "a salt that is not text": {"salt": 12345},
    "a chunk size of zero": {"chunk_size": 0},
}


@pytest.mark.parametrize("changes", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_header_reads_as_damaged_and_changes_nothing(
    sealed: Path, empty: Vault, tmp_path: Path, changes: dict[str, object]
) -> None:
    broken = edited(sealed, tmp_path / "edited.cdexport", **changes)
    with (
        pytest.raises(ArchiveUnreadable, match="damaged or incomplete"),
        empty.session() as db,
        db.begin(),
    ):
        import_practice(db, broken, passphrase=SECRET)
    assert not any(raw_rows(empty.engine)["client"])


def test_a_header_nested_past_any_limit_reads_as_damaged(sealed: Path, tmp_path: Path) -> None:
    broken = with_header_body(sealed, tmp_path / "nested.cdexport", b"[" * 2000 + b"]" * 2000)
    with broken.open("rb") as handle, pytest.raises(ArchiveUnreadable, match="damaged"):
        decrypt_archive(handle, SECRET)


def test_the_untouched_archive_opens_as_a_zip_in_memory(sealed: Path, tmp_path: Path) -> None:
    """The control for the tests above: re-writing the same header changes nothing."""
    same = edited(sealed, tmp_path / "same.cdexport")
    assert same.read_bytes() == sealed.read_bytes()
    with same.open("rb") as handle:
        plain = decrypt_archive(handle, SECRET)
    assert plain.tell() == 0
    with zipfile.ZipFile(plain) as zf:
        assert "coachdesk-export.json" in zf.namelist()
