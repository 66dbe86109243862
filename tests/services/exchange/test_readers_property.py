"""Mutated CSV, vCard and archive files, as a fuzzer makes them: the readers answer with our
invalid-input error or read the file, never crash, never leave a write behind, and stay within
bounded memory."""

from __future__ import annotations

import contextlib
import io
import resource
import zipfile
from collections.abc import Iterator
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coachdesk.errors import CoachDeskError
from coachdesk.services.exchange.archive import export_practice, import_practice
from coachdesk.services.exchange.contacts_import import load_contacts
from coachdesk.vault import Vault
from tests.services import factories
from tests.services.archive_samples import new_vault, raw_rows
from tests.services.hostile_files import CONTACTS, DOCUMENT

MIB = 1024 * 1024
CSV_SEED = (
    "Name;E-mail;Company;Business City;Home Street\n"
    'Zoë Müller;zoe@example.org;"Acme, Inc.";Lyon;"1 rue Neuve\n2e étage"\n'
    "Łukasz Dvořák;lukasz@example.org;;;\n"
).encode()
VCARD_SEED = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Müller\r\nN:Müller;Zoë;;;\r\n"
    "EMAIL;TYPE=work,pref:zoe@example.org\r\nTEL:+33 1 23\r\nORG:Acme;Lab\r\n"
    "ADR;TYPE=work:;;1 rue Neuve;Lyon;;69001;France\r\nPHOTO;ENCODING=b:QUJD\r\n END:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Dvo=C5=99=C3=A1k;"
    "=C5=81ukasz\r\nEND:VCARD\r\n"
).encode()
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """A seed with a few bytes flipped, inserted, deleted, repeated, or the end cut off."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["flip", "insert", "delete", "repeat", "cut"]))
        if kind == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from([b"\r", b"\n", b'"', b";", b"=", b"\x00", b"\xff"]))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        elif kind == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 64))] * draw(st.integers(2, 50))
        else:
            del data[at:]
    return bytes(data)


def peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


@SETTINGS
@given(data=mutated([CSV_SEED, VCARD_SEED, *CONTACTS.values()]), as_vcard=st.booleans())
@example(  # a parameter given twice reaches vobject as a list (found by this test)
    data=b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=N;ENCODING=QUOTED-PRINTABLE:=FF;Ann\r\n"
    b"END:VCARD\r\n",
    as_vcard=False,
)
def test_a_mutated_contacts_file_is_read_or_refused_as_invalid(data: bytes, as_vcard: bool) -> None:
    before = peak_rss()
    with TemporaryDirectory() as folder:
        path = Path(folder) / ("contacts.vcf" if as_vcard else "contacts.csv")
        path.write_bytes(data)
        with contextlib.suppress(CoachDeskError):
            load_contacts(path).candidates()
    assert peak_rss() - before < 64 * MIB


@pytest.fixture(scope="module")
def archive_and_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[bytes, Vault]]:
    folder = tmp_path_factory.mktemp("fuzz")
    source = new_vault(folder / "source")
    with source.session() as db, db.begin():
        client_id = factories.client(db, "Zoë Müller", email="zoe@example.org")
        factories.engagement(db, client_id)
        export_practice(db, folder / "practice.zip")
    source.close()
    target = new_vault(folder / "target")
    yield (folder / "practice.zip").read_bytes(), target
    target.close()


def with_document(archive: bytes, document: bytes) -> bytes:
    """``archive`` with its JSON document replaced, each file otherwise as it was."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as src, zipfile.ZipFile(out, "w") as zf:
        for item in src.infolist():
            zf.writestr(item, document if item.filename == DOCUMENT else src.read(item))
    return out.getvalue()


@SETTINGS
@given(mutation=st.data())
def test_a_mutated_archive_is_refused_as_invalid_and_writes_nothing(
    archive_and_vault: tuple[bytes, Vault], mutation: st.DataObject, tmp_path: Path
) -> None:
    archive, target = archive_and_vault
    if mutation.draw(st.booleans(), label="mutate the document inside"):
        with zipfile.ZipFile(io.BytesIO(archive)) as zf:
            document = zf.read(DOCUMENT)
        data = with_document(archive, mutation.draw(mutated([document]), label="document"))
    else:
        data = mutation.draw(mutated([archive]), label="archive")
    path = tmp_path / "mutated.zip"
    path.write_bytes(data)
    before = peak_rss()
    with target.session() as db:
        transaction = db.begin()
        try:
            import_practice(db, path)
        except CoachDeskError:
            pass
        finally:
            transaction.rollback()
    assert peak_rss() - before < 64 * MIB
    assert raw_rows(target.engine)["client"] == []
