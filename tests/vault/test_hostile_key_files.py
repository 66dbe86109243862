"""Hostile and damaged key files: a damaged-key-file message (exit 5), fast, nothing written."""

from __future__ import annotations

import base64
import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coachdesk import vault
from coachdesk.cli import main
from coachdesk.errors import NotAVault, VaultCorrupt, WrongPassphrase
from coachdesk.vault.keyslots import KeyFile, unlock_with_recovery_key
from tests.conftest import PASSPHRASE
from tests.support import fingerprint

FIXTURE_KEY = Path(__file__).resolve().parent.parent / "fixtures" / "vaults" / "0001" / "vault.key"

Doc = dict[str, Any]


def key_doc(folder: Path) -> Doc:
    return json.loads((folder / "vault.key").read_text())


def write_doc(folder: Path, doc: Doc) -> None:
    (folder / "vault.key").write_text(json.dumps(doc))


def without_checksum(change: Callable[[Doc], None]) -> Callable[[Doc], None]:
    """As in a key file written before checksums: only the bounds stand between it and harm."""

    def apply(doc: Doc) -> None:
        doc.pop("checksum", None)
        change(doc)

    return apply


def slot(doc: Doc, name: str = "passphrase") -> Doc:
    return doc["slots"][name]


def flip_bit(doc: Doc, where: Callable[[Doc], Doc], field: str) -> None:
    raw = bytearray(base64.b64decode(where(doc)[field]))
    raw[len(raw) // 2] ^= 0x10
    where(doc)[field] = base64.b64encode(bytes(raw)).decode()


def flip_vault_id(doc: Doc) -> None:
    doc["vault_id"] = ("0" if doc["vault_id"][0] != "0" else "1") + doc["vault_id"][1:]


HOSTILE: dict[str, Callable[[Doc], None]] = {
    "a million passes": without_checksum(lambda d: slot(d).update(iterations=10**6)),
    "passes as text": without_checksum(lambda d: slot(d).update(iterations="abc")),
    "passes as true": without_checksum(lambda d: slot(d).update(iterations=True)),
    "no nonce": without_checksum(lambda d: slot(d).pop("nonce")),
    "no lanes": without_checksum(lambda d: slot(d).update(lanes=0)),
    "a terabyte of memory": without_checksum(lambda d: slot(d).update(memory_kib=2**30)),
    "a huge number": without_checksum(lambda d: slot(d).update(memory_kib=10**4000)),
    "slot as a list": without_checksum(lambda d: d["slots"].update(passphrase=[1, 2])),
    "slots as text": without_checksum(lambda d: d.update(slots="none")),
    "no slots": without_checksum(lambda d: d.update(slots={})),
    "short salt": without_checksum(lambda d: slot(d).update(salt="AAAA")),
    "salt not base64": without_checksum(lambda d: slot(d).update(salt="***")),
    "vault id as a number": without_checksum(lambda d: d.update(vault_id=7)),
    "wrapped flipped": lambda d: flip_bit(d, slot, "wrapped"),
    "salt flipped": lambda d: flip_bit(d, slot, "salt"),
    "recovery wrapped flipped": lambda d: flip_bit(d, lambda x: slot(x, "recovery"), "wrapped"),
    "vault id flipped": flip_vault_id,
    "checksum replaced": lambda d: d.update(checksum="0" * 64),
    "checksum as a list": lambda d: d.update(checksum=[]),
}


@pytest.mark.parametrize("change", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_key_file_is_reported_damaged_quickly(
    vault_dir: Path, change: Callable[[Doc], None], monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    doc = key_doc(vault_dir)
    change(doc)
    write_doc(vault_dir, doc)
    before = fingerprint(vault_dir)
    monkeypatch.setenv("COACHDESK_PASSPHRASE", PASSPHRASE)
    start = time.monotonic()
    assert main(["check", "--vault", str(vault_dir)]) == 5
    assert time.monotonic() - start < 30, "bounded, never a hang"
    assert "key file" in capsys.readouterr().err
    assert fingerprint(vault_dir) == before


@pytest.mark.parametrize(
    "raw",
    [
        b'{"a":' * 200_000 + b"1" + b"}" * 200_000,
        b"[" * 50_000,
        b" " * (10 * 1024 * 1024),
        b"abc",
        b'{"format": "coachdesk-vault-key", "version": ' + b"9" * 5000 + b"}",
    ],
    ids=["deep nesting", "deep list", "10 MB", "abc", "5000 digits"],
)
def test_a_key_file_that_is_not_json_is_damaged(vault_dir: Path, raw: bytes) -> None:
    (vault_dir / "vault.key").write_bytes(raw)
    with pytest.raises(VaultCorrupt, match="key file is damaged"):
        vault.open(vault_dir, passphrase=PASSPHRASE)


def test_a_flipped_bit_says_damaged_not_wrong_passphrase(vault_dir: Path) -> None:
    doc = key_doc(vault_dir)
    flip_bit(doc, slot, "wrapped")
    write_doc(vault_dir, doc)
    with pytest.raises(VaultCorrupt, match="checksum does not match"):
        vault.open(vault_dir, passphrase=PASSPHRASE)


def test_a_key_file_from_before_checksums_opens_and_gets_one_when_written(
    vault_dir: Path,
) -> None:
    doc = key_doc(vault_dir)
    assert "checksum" in doc, "new key files carry a checksum"
    doc.pop("checksum")
    write_doc(vault_dir, doc)
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        v.change_passphrase(PASSPHRASE, "a second passphrase")
    assert "checksum" in key_doc(vault_dir)
    vault.open(vault_dir, passphrase="a second passphrase").close()


def test_the_frozen_fixture_key_file_has_no_checksum_and_still_reads() -> None:
    assert "checksum" not in json.loads(FIXTURE_KEY.read_text())
    KeyFile.from_bytes(FIXTURE_KEY.read_bytes())


# Property: whatever a key file's bytes, the reader answers with one of our errors, quickly.
FIXTURE_BYTES = FIXTURE_KEY.read_bytes()
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


def mutated_bytes() -> st.SearchStrategy[bytes]:
    flips = st.lists(
        st.tuples(st.integers(0, len(FIXTURE_BYTES) - 1), st.integers(1, 255)), max_size=6
    )

    def apply(changes: list[tuple[int, int]]) -> bytes:
        raw = bytearray(FIXTURE_BYTES)
        for at, mask in changes:
            raw[at] ^= mask
        return bytes(raw)

    cut = st.integers(0, len(FIXTURE_BYTES)).map(lambda n: FIXTURE_BYTES[:n])
    return flips.map(apply) | cut | st.binary(max_size=300)


def mutated_fields() -> st.SearchStrategy[bytes]:
    doc = json.loads(FIXTURE_BYTES)
    paths = [("vault_id",), ("key_check",), ("slots",), ("version",), ("format",)] + [
        ("slots", name, field) for name in doc["slots"] for field in doc["slots"][name]
    ]

    def apply(choice: tuple[tuple[str, ...], object]) -> bytes:
        path, value = choice
        changed = json.loads(FIXTURE_BYTES)
        target = changed
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value
        return json.dumps(changed).encode()

    return st.tuples(st.sampled_from(paths), JSON_VALUES).map(apply)


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(raw=mutated_bytes() | mutated_fields())
def test_mutated_key_files_raise_only_our_errors(raw: bytes) -> None:
    try:
        key_file = KeyFile.from_bytes(raw)
    except (VaultCorrupt, NotAVault):
        return
    # What parses must also unlock or refuse cleanly (the recovery slot's KDF is fast).
    with contextlib.suppress(VaultCorrupt, WrongPassphrase):
        unlock_with_recovery_key(key_file, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
