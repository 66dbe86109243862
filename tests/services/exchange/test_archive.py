"""Export the whole practice and import it into a new vault: every stored value comes back."""

from __future__ import annotations

import csv
import io
import json
import stat
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from coachdesk.errors import Cancelled, ValidationError, WrongPassphrase
from coachdesk.services.billing import listing
from coachdesk.services.billing.listing import ShownStatus
from coachdesk.services.exchange.archive import (
    ArchiveUnreadable,
    export_practice,
    import_practice,
    is_encrypted_archive,
)
from coachdesk.services.exchange.archive.container import decrypt_archive
from coachdesk.services.overviews import search
from coachdesk.vault import Vault
from tests.services import factories
from tests.services.archive_samples import (
    LOGO,
    PRIVATE_MARKER,
    SCAN,
    SHARED_MARKER,
    fill_rich,
    fts_intact,
    new_vault,
    raw_rows,
)

SECRET = "an export passphrase"


@pytest.fixture
def rich(open_vault: Vault) -> Vault:
    fill_rich(open_vault)
    return open_vault


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Vault]:
    v = new_vault(tmp_path / "new")
    yield v
    v.close()


def export(v: Vault, dest: Path, **options: object) -> None:
    with v.session() as db:
        export_practice(db, dest, **options)  # type: ignore[arg-type]


def import_into(v: Vault, source: Path, **options: object) -> dict[str, int]:
    with v.session() as db, db.begin():
        return import_practice(db, source, **options).counts  # type: ignore[arg-type]


def test_round_trip_restores_every_stored_value(rich: Vault, empty: Vault, tmp_path: Path) -> None:
    source = raw_rows(rich.engine)
    assert all(source[name] for name in source), "every table must hold rows to prove anything"
    dest = tmp_path / "practice.zip"
    export(rich, dest, include_private_notes=True)
    counts = import_into(empty, dest)
    assert raw_rows(empty.engine) == source
    assert counts["coaching_session"] == len(source["coaching_session"])
    fts_intact(empty.engine)
    with empty.session() as db:
        hits = search.search(db, SHARED_MARKER)
    assert [h.client_name for h in hits] == ["Amara Okafor"]


def test_the_archive_holds_json_csv_and_the_files(rich: Vault, tmp_path: Path) -> None:
    dest = tmp_path / "practice.zip"
    export(rich, dest)
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    with zipfile.ZipFile(dest) as zf:
        document = json.loads(zf.read("coachdesk-export.json"))
        assert document["format"] == "coachdesk-export"
        assert document["version"] == 1
        assert document["scope"] == "practice"
        logo = document["coach_profile"][0]["logo"]
        assert zf.read(logo["file"]) == LOGO
        scans = [a["scan"] for a in document["agreement"] if a["scan"]]
        assert [zf.read(s["file"]) for s in scans] == [SCAN]
        assert scans[0]["file"].endswith(".pdf")
        signed_pdfs = [a["pdf"]["file"] for a in document["agreement"] if a["pdf"]]
        assert signed_pdfs
        assert all(zf.read(name).startswith(b"%PDF") for name in signed_pdfs)
        raw_csv = zf.read("csv/client.csv")
    assert raw_csv.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw_csv.decode("utf-8-sig"))))
    assert {r["display_name"] for r in rows} >= {"Amara Okafor"}
    assert [r["id"] for r in rows] == [str(c["id"]) for c in document["client"]]


def test_a_plain_export_leaves_private_notes_out_unless_asked(
    rich: Vault, empty: Vault, tmp_path: Path
) -> None:
    dest = tmp_path / "practice.zip"
    export(rich, dest)
    assert PRIVATE_MARKER.encode() not in unzipped(dest)
    with zipfile.ZipFile(dest) as zf:
        assert "not included" in zf.read("README.txt").decode()
        assert "csv/note_draft.csv" not in zf.namelist()
    import_into(empty, dest)
    restored, source = raw_rows(empty.engine), raw_rows(rich.engine)
    assert restored["client"] == source["client"]
    assert restored["note_draft"] == []
    with empty.session() as db:
        assert not search.search(db, PRIVATE_MARKER)
        assert [h.client_name for h in search.search(db, SHARED_MARKER)] == ["Amara Okafor"]
    asked = tmp_path / "with-private.zip"
    export(rich, asked, include_private_notes=True)
    assert PRIVATE_MARKER.encode() in unzipped(asked)


def test_one_clients_export_never_holds_private_notes(rich: Vault, tmp_path: Path) -> None:
    with rich.session() as db:
        amara = search.search(db, SHARED_MARKER)[0].client_id
    dest = tmp_path / "amara.cdexport"
    export(rich, dest, client_id=amara, passphrase=SECRET)
    with dest.open("rb") as handle:
        assert PRIVATE_MARKER.encode() not in unzipped(decrypt_archive(handle, SECRET))
    with rich.session() as db, pytest.raises(ValidationError) as caught:
        export_practice(db, tmp_path / "x.zip", client_id=amara, include_private_notes=True)
    assert set(caught.value.fields) == {"include_private_notes"}
    assert not (tmp_path / "x.zip").exists()


def unzipped(path: Path | BinaryIO) -> bytes:
    """Every entry of a plain export, inflated: what anyone holding the file can read."""
    with zipfile.ZipFile(path) as zf:
        return b"".join(zf.read(name) for name in zf.namelist())


def test_encrypted_export_is_opaque_and_reads_back(
    rich: Vault, empty: Vault, tmp_path: Path
) -> None:
    dest = tmp_path / "practice.cdexport"
    export(rich, dest, passphrase=SECRET)
    data = dest.read_bytes()
    assert not zipfile.is_zipfile(dest)
    assert is_encrypted_archive(dest)
    for marker in (SHARED_MARKER, PRIVATE_MARKER, "Amara Okafor", "coachdesk-export.json"):
        assert marker.encode() not in data
    assert LOGO not in data
    with pytest.raises(WrongPassphrase):
        import_into(empty, dest, passphrase="not the passphrase")
    with pytest.raises(ValidationError) as caught:
        import_into(empty, dest)
    assert set(caught.value.fields) == {"passphrase"}
    assert not any(raw_rows(empty.engine).values())
    import_into(empty, dest, passphrase=SECRET)
    assert raw_rows(empty.engine) == raw_rows(rich.engine)


def test_a_damaged_or_cut_off_encrypted_export_is_refused(
    rich: Vault, empty: Vault, tmp_path: Path
) -> None:
    dest = tmp_path / "practice.cdexport"
    export(rich, dest, passphrase=SECRET)
    data = dest.read_bytes()
    flipped = tmp_path / "flipped.cdexport"
    middle = len(data) // 2
    flipped.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :])
    cut = tmp_path / "cut.cdexport"
    cut.write_bytes(data[: len(data) - 40])
    for broken in (flipped, cut):
        with pytest.raises(ArchiveUnreadable):
            import_into(empty, broken, passphrase=SECRET)
    assert not any(raw_rows(empty.engine).values())


def test_foreign_and_damaged_files_change_nothing(empty: Vault, tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("just some text")
    other_zip = tmp_path / "photos.zip"
    with zipfile.ZipFile(other_zip, "w") as zf:
        zf.writestr("photo.jpg", b"\xff\xd8\xff")
    for foreign in (text, other_zip):
        with pytest.raises(ArchiveUnreadable, match="not a CoachDesk export"):
            import_into(empty, foreign)
    with pytest.raises(ValidationError) as caught:
        import_into(empty, tmp_path / "missing.zip")
    assert set(caught.value.fields) == {"source"}
    assert not any(raw_rows(empty.engine).values())


def test_a_tampered_file_inside_the_zip_is_caught_before_writing(
    rich: Vault, empty: Vault, tmp_path: Path
) -> None:
    dest = tmp_path / "practice.zip"
    export(rich, dest)
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(dest) as src, zipfile.ZipFile(tampered, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            out.writestr(item, b"not the logo" if item.filename.endswith("-logo.png") else data)
    with pytest.raises(ArchiveUnreadable, match="damaged"):
        import_into(empty, tampered)
    assert not any(raw_rows(empty.engine).values())


def rewrite_document(source: Path, dest: Path, change: Any) -> None:
    """A copy of the export whose JSON document ``change`` edited in place."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(dest, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "coachdesk-export.json":
                document = json.loads(data)
                change(document)
                data = json.dumps(document).encode()
            out.writestr(item, data)


def test_values_and_references_that_do_not_fit_are_refused(
    rich: Vault, empty: Vault, tmp_path: Path
) -> None:
    dest = tmp_path / "practice.zip"
    export(rich, dest)
    bad_status = tmp_path / "bad-status.zip"
    rewrite_document(dest, bad_status, lambda d: d["client"][1].update(status="dreaming"))
    with pytest.raises(ArchiveUnreadable, match="record 2 of client"):
        import_into(empty, bad_status)
    dangling = tmp_path / "dangling.zip"
    rewrite_document(dest, dangling, lambda d: d["goal"][0].update(client_id=999_999))
    with pytest.raises(ArchiveUnreadable, match="damaged"):
        import_into(empty, dangling)
    newer = tmp_path / "newer.zip"
    rewrite_document(dest, newer, lambda d: d["goal"][0].update(colour="blue"))
    with pytest.raises(ArchiveUnreadable, match="update CoachDesk"):
        import_into(empty, newer)
    assert not any(raw_rows(empty.engine).values())


def test_a_vault_with_clients_is_never_imported_into(rich: Vault, tmp_path: Path) -> None:
    dest = tmp_path / "practice.zip"
    export(rich, dest)
    before = raw_rows(rich.engine)
    with pytest.raises(ValidationError) as caught:
        import_into(rich, dest)
    assert set(caught.value.fields) == {"vault"}
    assert raw_rows(rich.engine) == before


def test_a_cancelled_export_leaves_no_file_and_keeps_the_old_one(
    rich: Vault, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    dest = folder / "practice.zip"
    dest.write_bytes(b"last week's export")
    seen: list[tuple[int, int]] = []

    def stop_midway(done: int, total: int) -> None:
        seen.append((done, total))
        if done > 0:
            raise Cancelled()

    for options in ({}, {"passphrase": SECRET}):
        seen.clear()
        with pytest.raises(Cancelled):
            export(rich, dest, progress=stop_midway, **options)
        assert 0 < seen[-1][0] < seen[-1][1]
        assert dest.read_bytes() == b"last week's export"
        assert [p.name for p in folder.iterdir()] == ["practice.zip"]


def test_progress_reaches_the_total(rich: Vault, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export(rich, tmp_path / "practice.zip", progress=lambda d, t: seen.append((d, t)))
    assert seen[0][0] == 0
    assert seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)


def test_the_passphrase_and_the_folder_are_checked_first(rich: Vault, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        export(rich, tmp_path / "x.cdexport", passphrase="short")
    assert set(caught.value.fields) == {"passphrase"}
    with pytest.raises(ValidationError) as caught:
        export(rich, tmp_path / "no such folder" / "x.zip")
    assert set(caught.value.fields) == {"dest"}
    assert list(tmp_path.glob("*.cdexport")) == []


def test_imported_practice_takes_new_work(rich: Vault, empty: Vault, tmp_path: Path) -> None:
    """New rows after an import get fresh ids and the summary triggers keep working."""
    dest = tmp_path / "practice.zip"
    export(rich, dest)
    import_into(empty, dest)
    with empty.session() as db, db.begin():
        newcomer = factories.client(db, "Nadia Haddad")
        factories.session(db, newcomer, factories.at(9))
        assert newcomer > max(r[0] for r in raw_rows(rich.engine)["client"])


def test_invoices_and_payments_round_trip(rich: Vault, empty: Vault, tmp_path: Path) -> None:
    """What the Money view and the client page read back is the same after an import."""
    day = date(2026, 12, 31)

    def money(v: Vault) -> tuple[list[listing.InvoiceRow], list[listing.PaymentEntry]]:
        with v.session() as db:
            return listing.list_invoices(db, day), listing.payment_history(db)

    before = money(rich)
    assert before[0]
    assert before[1]
    assert {row.status for row in before[0]} >= {ShownStatus.CANCELLED, ShownStatus.OVERDUE}
    dest = tmp_path / "practice.zip"
    export(rich, dest)
    import_into(empty, dest)
    assert money(empty) == before
